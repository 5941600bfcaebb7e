//! Serbian in plain Latin letters, as a person types a name on a keyboard without the
//! language's letters (`Петровић` and `Petrović` both as `petrovic`): the search the
//! benchmark makes must find text written in the other script.

/// `text` in lower-case ASCII Latin letters (Cyrillic transliterated, diacritics dropped).
pub fn plain_latin(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        let plain = match c {
            'а' => "a",
            'б' => "b",
            'в' => "v",
            'г' => "g",
            'д' => "d",
            'ђ' | 'đ' => "dj",
            'е' => "e",
            'ж' | 'ž' => "z",
            'з' => "z",
            'и' => "i",
            'ј' => "j",
            'к' => "k",
            'л' => "l",
            'љ' => "lj",
            'м' => "m",
            'н' => "n",
            'њ' => "nj",
            'о' => "o",
            'п' => "p",
            'р' => "r",
            'с' => "s",
            'т' => "t",
            'ћ' | 'ч' | 'ć' | 'č' => "c",
            'у' => "u",
            'ф' => "f",
            'х' => "h",
            'ц' => "c",
            'џ' => "dz",
            'ш' | 'š' => "s",
            c if c.is_ascii() => {
                out.push(c);
                continue;
            }
            _ => " ",
        };
        out.push_str(plain);
    }
    out
}

/// A word of `text` to search for in the other script: its longest word of letters, in
/// plain Latin; none when it has no word of four letters or more.
pub fn search_word(text: &str) -> Option<String> {
    plain_latin(text)
        .split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| w.len() >= 4)
        .max_by_key(|w| w.len())
        .map(str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_scripts_come_out_the_same() {
        assert_eq!(plain_latin("Петровић"), "petrovic");
        assert_eq!(plain_latin("Petrović"), "petrovic");
        assert_eq!(plain_latin("Ђорђе Љубић Џајић"), "djordje ljubic dzajic");
        assert_eq!(plain_latin("ŠUMA žito"), "suma zito");
    }

    #[test]
    fn the_search_word_is_the_longest_one() {
        assert_eq!(
            search_word("Радионица у Лесковцу, 2026").as_deref(),
            Some("radionica")
        );
        assert_eq!(search_word("ПУ-12"), None);
    }
}

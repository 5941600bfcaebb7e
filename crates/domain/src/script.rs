//! Serbian script handling: Cyrillic → Latin transliteration and the cross-script search key.
//!
//! Serbian is written in two equivalent alphabets, and people type names in whichever one is at
//! hand (often without diacritics). The Latin interface text is generated from the Cyrillic
//! source with [`to_latin`], and user data is matched across scripts through [`fold`].

/// Transliterates Serbian Cyrillic into Serbian Latin (гајица); every other character is kept.
///
/// The capital digraphs Љ, Њ and Џ become `LJ`, `NJ`, `DŽ` inside an all-capital word
/// ("ЉУБАВ" → "LJUBAV") and `Lj`, `Nj`, `Dž` otherwise ("Љубав" → "Ljubav", "Џ" → "Dž").
pub fn to_latin(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len() + s.len() / 4);
    for (i, &c) in chars.iter().enumerate() {
        match latin_of(c) {
            Some(Latin::One(l)) => out.push(l),
            Some(Latin::Two(l)) => out.push_str(l),
            Some(Latin::Digraph { title, upper }) => out.push_str(if in_capital_word(&chars, i) {
                upper
            } else {
                title
            }),
            None => out.push(c),
        }
    }
    out
}

/// Transliterates the text of a Fluent pattern while leaving its placeables' code alone.
///
/// Inside `{ … }` the expression (variables, terms, functions, variant keys) is copied as is;
/// string literals and the variants' text of a select expression are shown to the reader, so
/// they are transliterated, with nesting followed to any depth. Unbalanced braces are copied.
pub fn to_latin_outside_placeables(s: &str) -> String {
    /// What the scanner is inside of.
    #[derive(Clone, Copy, PartialEq)]
    enum Ctx {
        /// The expression part of a placeable: `{ $count -> `.
        Expression,
        /// The variants of a select expression, whose text is read by people.
        Variants,
    }

    let mut out = String::with_capacity(s.len() + s.len() / 4);
    let mut stack: Vec<Ctx> = Vec::new();
    let mut text = String::new();
    let mut chars = s.chars().peekable();

    while let Some(c) = chars.next() {
        match stack.last().copied() {
            None | Some(Ctx::Variants) => match c {
                '{' => {
                    out.push_str(&to_latin(&text));
                    text.clear();
                    out.push(c);
                    stack.push(Ctx::Expression);
                }
                '}' if !stack.is_empty() => {
                    out.push_str(&to_latin(&text));
                    text.clear();
                    out.push(c);
                    stack.pop();
                }
                _ => text.push(c),
            },
            Some(Ctx::Expression) => match c {
                '{' => {
                    out.push(c);
                    stack.push(Ctx::Expression);
                }
                '}' => {
                    out.push(c);
                    stack.pop();
                }
                '"' => {
                    out.push(c);
                    let mut literal = String::new();
                    while let Some(l) = chars.next() {
                        match l {
                            '\\' => {
                                literal.push(l);
                                if let Some(escaped) = chars.next() {
                                    literal.push(escaped);
                                }
                            }
                            '"' => break,
                            _ => literal.push(l),
                        }
                    }
                    out.push_str(&to_latin(&literal));
                    out.push('"');
                }
                '-' if chars.peek() == Some(&'>') => {
                    out.push(c);
                    if let Some(arrow) = chars.next() {
                        out.push(arrow);
                    }
                    if let Some(top) = stack.last_mut() {
                        *top = Ctx::Variants;
                    }
                }
                _ => out.push(c),
            },
        }
    }
    out.push_str(&to_latin(&text));
    out
}

/// The search key of a text: the same for the same words in either script, any case, with or
/// without diacritics, and with any spacing.
///
/// Transliterates, lowercases, strips diacritics (đ → dj, so "Ђорђевић" and "Djordjevic"
/// meet), collapses runs of whitespace into one space and trims.
pub fn fold(s: &str) -> String {
    let lower = to_latin(s).to_lowercase();
    let mut stripped = String::with_capacity(lower.len());
    for c in lower.chars() {
        match strip_diacritic(c) {
            Stripped::Keep => stripped.push(c),
            Stripped::Drop => {}
            Stripped::One(b) => stripped.push(b),
            Stripped::Two(b) => stripped.push_str(b),
        }
    }
    stripped.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The Latin spelling of one Cyrillic letter.
enum Latin {
    One(char),
    Two(&'static str),
    /// A capital that is written with two Latin letters, whose second one follows the word's case.
    Digraph {
        title: &'static str,
        upper: &'static str,
    },
}

fn latin_of(c: char) -> Option<Latin> {
    use Latin::{Digraph, One, Two};
    Some(match c {
        'а' => One('a'),
        'б' => One('b'),
        'в' => One('v'),
        'г' => One('g'),
        'д' => One('d'),
        'ђ' => One('đ'),
        'е' => One('e'),
        'ж' => One('ž'),
        'з' => One('z'),
        'и' => One('i'),
        'ј' => One('j'),
        'к' => One('k'),
        'л' => One('l'),
        'љ' => Two("lj"),
        'м' => One('m'),
        'н' => One('n'),
        'њ' => Two("nj"),
        'о' => One('o'),
        'п' => One('p'),
        'р' => One('r'),
        'с' => One('s'),
        'т' => One('t'),
        'ћ' => One('ć'),
        'у' => One('u'),
        'ф' => One('f'),
        'х' => One('h'),
        'ц' => One('c'),
        'ч' => One('č'),
        'џ' => Two("dž"),
        'ш' => One('š'),
        'А' => One('A'),
        'Б' => One('B'),
        'В' => One('V'),
        'Г' => One('G'),
        'Д' => One('D'),
        'Ђ' => One('Đ'),
        'Е' => One('E'),
        'Ж' => One('Ž'),
        'З' => One('Z'),
        'И' => One('I'),
        'Ј' => One('J'),
        'К' => One('K'),
        'Л' => One('L'),
        'Љ' => Digraph {
            title: "Lj",
            upper: "LJ",
        },
        'М' => One('M'),
        'Н' => One('N'),
        'Њ' => Digraph {
            title: "Nj",
            upper: "NJ",
        },
        'О' => One('O'),
        'П' => One('P'),
        'Р' => One('R'),
        'С' => One('S'),
        'Т' => One('T'),
        'Ћ' => One('Ć'),
        'У' => One('U'),
        'Ф' => One('F'),
        'Х' => One('H'),
        'Ц' => One('C'),
        'Ч' => One('Č'),
        'Џ' => Digraph {
            title: "Dž",
            upper: "DŽ",
        },
        'Ш' => One('Š'),
        // Precomposed accented vowels, used in Serbian to tell homographs apart.
        'ѐ' => One('è'),
        'ѝ' => One('ì'),
        'Ѐ' => One('È'),
        'Ѝ' => One('Ì'),
        _ => return None,
    })
}

/// Whether the capital digraph at `i` stands in an all-capital word: decided by the next
/// letter when there is one, otherwise by the previous letter (a lone capital is Title case).
fn in_capital_word(chars: &[char], i: usize) -> bool {
    let next = chars[i + 1..].iter().find(|c| !is_combining_mark(**c));
    match next {
        Some(n) if n.is_alphabetic() => n.is_uppercase(),
        _ => chars[..i]
            .iter()
            .rev()
            .find(|c| !is_combining_mark(**c))
            .is_some_and(|p| p.is_alphabetic() && p.is_uppercase()),
    }
}

/// Combining diacritical marks (U+0300–U+036F), which belong to the letter before them.
fn is_combining_mark(c: char) -> bool {
    ('\u{0300}'..='\u{036F}').contains(&c)
}

/// What [`fold`] does with one lowercase character.
enum Stripped {
    Keep,
    Drop,
    One(char),
    Two(&'static str),
}

fn strip_diacritic(c: char) -> Stripped {
    use Stripped::{Drop, Keep, One, Two};
    if is_combining_mark(c) {
        return Drop;
    }
    match c {
        'đ' => Two("dj"),
        // Ð (eth) looks exactly like Đ and is often typed for it in Serbian names.
        'ð' => Two("dj"),
        // The single-character Latin digraphs of Serbo-Croatian.
        'ǆ' | 'ǅ' => Two("dz"),
        'ǉ' | 'ǈ' => Two("lj"),
        'ǌ' | 'ǋ' => Two("nj"),
        'æ' => Two("ae"),
        'œ' => Two("oe"),
        'ß' => Two("ss"),
        'þ' => Two("th"),
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => One('a'),
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => One('c'),
        'ď' => One('d'),
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => One('e'),
        'ĝ' | 'ğ' | 'ġ' | 'ģ' => One('g'),
        'ĥ' | 'ħ' => One('h'),
        'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' => One('i'),
        'ĵ' => One('j'),
        'ķ' => One('k'),
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => One('l'),
        'ñ' | 'ń' | 'ņ' | 'ň' => One('n'),
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' => One('o'),
        'ŕ' | 'ŗ' | 'ř' => One('r'),
        'ś' | 'ŝ' | 'ş' | 'š' | 'ș' => One('s'),
        'ţ' | 'ť' | 'ŧ' | 'ț' => One('t'),
        'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => One('u'),
        'ŵ' => One('w'),
        'ý' | 'ÿ' | 'ŷ' => One('y'),
        'ź' | 'ż' | 'ž' => One('z'),
        _ => Keep,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const SERBIAN_CYRILLIC: &str = "абвгдђежзијклљмнњопрстћуфхцчџшАБВГДЂЕЖЗИЈКЛЉМНЊОПРСТЋУФХЦЧЏШ";

    fn has_serbian_cyrillic(s: &str) -> bool {
        s.chars().any(|c| SERBIAN_CYRILLIC.contains(c))
    }

    #[test]
    fn whole_alphabet_in_both_cases() {
        assert_eq!(
            to_latin("абвгдђежзијклљмнњопрстћуфхцчџш"),
            "abvgdđežzijklljmnnjoprstćufhcčdžš"
        );
        assert_eq!(
            to_latin("АБВГДЂЕЖЗИЈКЛЉМНЊОПРСТЋУФХЦЧЏШ"),
            "ABVGDĐEŽZIJKLLJMNNJOPRSTĆUFHCČDŽŠ"
        );
    }

    #[test]
    fn digraphs_follow_the_case_of_their_word() {
        // lowercase
        assert_eq!(to_latin("љубав њива џеп"), "ljubav njiva džep");
        // Title case
        assert_eq!(to_latin("Љубав Његош Џеп"), "Ljubav Njegoš Džep");
        // ALL CAPS, at the start, in the middle and at the end of a word
        assert_eq!(to_latin("ЉУБАВ ЊЕГОШ ЏЕП"), "LJUBAV NJEGOŠ DŽEP");
        assert_eq!(to_latin("КОЊ ПАЏА"), "KONJ PADŽA");
        // single-letter words
        assert_eq!(to_latin("Џ"), "Dž");
        assert_eq!(to_latin("Љ Њ"), "Lj Nj");
        assert_eq!(to_latin("љ"), "lj");
        assert_eq!(to_latin("(Џ)"), "(Dž)");
    }

    #[test]
    fn sentences_and_other_characters() {
        assert_eq!(
            to_latin("Центар за социјални рад „Лесковац“, 16000 Лесковац!"),
            "Centar za socijalni rad „Leskovac“, 16000 Leskovac!"
        );
        assert_eq!(to_latin("Spona – Спона"), "Spona – Spona");
        assert_eq!(to_latin("Ђорђевић"), "Đorđević");
    }

    #[test]
    fn placeables_are_kept_and_text_around_them_transliterated() {
        assert_eq!(
            to_latin_outside_placeables("Добро дошли, { $name } у { -brand }."),
            "Dobro došli, { $name } u { -brand }."
        );
        assert_eq!(
            to_latin_outside_placeables("{ { \"Ћ\" } }ш"),
            "{ { \"Ć\" } }š"
        );
    }

    #[test]
    fn select_variants_are_text_and_are_transliterated() {
        let source = "{ $count ->\n    [one] { $count } минут\n    [few] { $count } минута\n   *[other] { $count } минута\n} још";
        assert_eq!(
            to_latin_outside_placeables(source),
            "{ $count ->\n    [one] { $count } minut\n    [few] { $count } minuta\n   *[other] { $count } minuta\n} još"
        );
    }

    #[test]
    fn unbalanced_braces_do_not_lose_text() {
        assert_eq!(to_latin_outside_placeables("а } б"), "a } b");
        assert_eq!(to_latin_outside_placeables("а { $x"), "a { $x");
    }

    #[test]
    fn fold_meets_across_scripts_case_and_diacritics() {
        let key = "centar za socijalni rad";
        assert_eq!(fold("Центар за социјални рад"), key);
        assert_eq!(fold("Centar za socijalni rad"), key);
        assert_eq!(fold("CENTAR ZA SOCIJALNI RAD"), key);
        assert_eq!(fold("  Centar\t za\n socijalni   rad "), key);
        assert_eq!(fold("Ђорђевић"), "djordjevic");
        assert_eq!(fold("Djordjevic"), "djordjevic");
        assert_eq!(fold("ĐORĐEVIĆ"), "djordjevic");
        assert_eq!(fold("ÐORÐEVIĆ"), "djordjevic");
        assert_eq!(
            fold("Čačak Šabac Žabalj Ćuprija"),
            "cacak sabac zabalj cuprija"
        );
        assert_eq!(fold("Café Noël"), "cafe noel");
        // decomposed accents are stripped as well
        assert_eq!(fold("Cafe\u{301} c\u{30C}"), "cafe c");
        assert_eq!(fold("ЏЕП"), fold("džep"));
    }

    /// Strings that mix Serbian Cyrillic, Latin with diacritics, spaces and anything else.
    fn mixed_text() -> impl Strategy<Value = String> {
        let c = prop_oneof![
            4 => proptest::sample::select(SERBIAN_CYRILLIC.chars().collect::<Vec<_>>()),
            2 => proptest::sample::select("aBcČćđĐšŽždjLJNJ éÉ\u{301}ð ".chars().collect::<Vec<_>>()),
            1 => proptest::char::range('\u{0400}', '\u{04FF}'),
            1 => any::<char>(),
        ];
        proptest::collection::vec(c, 0..40).prop_map(|v| v.into_iter().collect())
    }

    proptest! {
        #[test]
        fn text_without_cyrillic_is_unchanged(s in any::<String>()) {
            let s: String = s.chars().filter(|c| !('\u{0400}'..='\u{04FF}').contains(c)).collect();
            prop_assert_eq!(to_latin(&s), s);
        }

        #[test]
        fn latin_output_has_no_serbian_cyrillic(s in mixed_text()) {
            prop_assert!(!has_serbian_cyrillic(&to_latin(&s)));
        }

        #[test]
        fn fold_is_idempotent(s in mixed_text()) {
            let once = fold(&s);
            prop_assert_eq!(fold(&once), once);
        }

        #[test]
        fn fold_ignores_the_script(s in mixed_text()) {
            prop_assert_eq!(fold(&to_latin(&s)), fold(&s));
        }

        #[test]
        fn fold_ignores_case_of_cyrillic(s in mixed_text()) {
            let only_cyrillic: String = s.chars().filter(|c| SERBIAN_CYRILLIC.contains(*c) || *c == ' ').collect();
            prop_assert_eq!(fold(&only_cyrillic.to_uppercase()), fold(&only_cyrillic.to_lowercase()));
        }

        #[test]
        fn placeables_survive_transliteration(text in mixed_text(), var in "[a-z][a-z0-9-]{0,10}") {
            let text: String = text.chars().filter(|c| !matches!(c, '{' | '}' | '"')).collect();
            let source = format!("{text}{{ ${var} }}{text}");
            let expected = format!("{}{{ ${var} }}{}", to_latin(&text), to_latin(&text));
            prop_assert_eq!(to_latin_outside_placeables(&source), expected);
        }
    }
}

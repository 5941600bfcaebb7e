//! Transliteration and folding (`spona_domain::script`): Cyrillic to Latin and back, and the
//! search key that must be the same for a name in either script, in any case.

use crate::harness::{self, CYRILLIC, LATIN};
use proptest::prelude::*;
use spona_domain::script::{fold, to_latin};

/// The lines of the `script` corpus files, without comments.
fn corpus_lines() -> Vec<String> {
    harness::corpus("script")
        .iter()
        .flat_map(|seed| seed.text().lines().map(str::to_owned).collect::<Vec<_>>())
        .filter(|line| !line.starts_with('#') && !line.is_empty())
        .collect()
}

/// Latin back to Cyrillic, as a reader would spell it: the digraphs first, in any case.
/// Only a model for the test; Spona never needs this direction.
fn to_cyrillic(latin: &str) -> String {
    const DIGRAPHS: [(&str, char); 9] = [
        ("LJ", 'Љ'),
        ("Lj", 'Љ'),
        ("lj", 'љ'),
        ("NJ", 'Њ'),
        ("Nj", 'Њ'),
        ("nj", 'њ'),
        ("DŽ", 'Џ'),
        ("Dž", 'Џ'),
        ("dž", 'џ'),
    ];
    let cyrillic: Vec<char> = "абвгдђежзијклмнопрстћуфхцчшАБВГДЂЕЖЗИЈКЛМНОПРСТЋУФХЦЧШѐѝЀЍ"
        .chars()
        .collect();
    let latin_letters: Vec<char> = "abvgdđežzijklmnoprstćufhcčšABVGDĐEŽZIJKLMNOPRSTĆUFHCČŠèìÈÌ"
        .chars()
        .collect();
    let mut out = String::new();
    let mut rest = latin;
    'outer: while let Some(c) = rest.chars().next() {
        for (digraph, letter) in DIGRAPHS {
            if let Some(after) = rest.strip_prefix(digraph) {
                out.push(letter);
                rest = after;
                continue 'outer;
            }
        }
        match latin_letters.iter().position(|l| *l == c) {
            Some(i) => out.push(cyrillic[i]),
            None => out.push(c),
        }
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// Whether the text has a pair that Latin spells as a digraph: н+ј, л+ј or д+ж in any case.
fn has_ambiguous_pair(s: &str) -> bool {
    let lower: Vec<char> = s.chars().flat_map(char::to_lowercase).collect();
    lower
        .windows(2)
        .any(|w| matches!((w[0], w[1]), ('н' | 'л', 'ј') | ('д', 'ж')))
}

/// Serbian Cyrillic text with the characters that go with it (no Latin letters).
fn cyrillic_text() -> BoxedStrategy<String> {
    let seeds: Vec<String> = corpus_lines()
        .into_iter()
        .filter(|l| {
            !l.chars()
                .any(|c| LATIN.contains(c) || c.is_ascii_alphabetic())
        })
        .collect();
    let unit = harness::char_from(&[CYRILLIC, CYRILLIC, " .,-–'’„“()0123456789\u{301}"]);
    // A Latin letter drawn from anywhere becomes a space: the text stays Cyrillic.
    let unit = unit
        .prop_map(|c| {
            let latin = c.is_ascii_alphabetic() || LATIN.contains(c) || "èìÈÌ".contains(c);
            if latin {
                ' '
            } else {
                c
            }
        })
        .boxed();
    prop_oneof![
        harness::text_mutations(&seeds, unit.clone(), 8),
        proptest::collection::vec(unit, 0..40).prop_map(|v| v.into_iter().collect()),
    ]
    .boxed()
}

/// The text with a hyphen put between the letters of every н+ј, л+ј and д+ж.
fn without_ambiguous_pairs(s: &str) -> String {
    let mut out = String::new();
    let mut prev: Option<char> = None;
    for c in s.chars() {
        if let Some(p) = prev {
            if has_ambiguous_pair(&format!("{p}{c}")) {
                out.push('-');
            }
        }
        out.push(c);
        prev = Some(c);
    }
    out
}

/// What else turns up in names pasted from elsewhere: combining accents, a no-break space, a
/// soft hyphen, a zero-width space, the Latin digraph letters, the eth, the dotted and
/// dotless i.
const NAME_EXTRAS: &str = "\u{301}\u{30c}\u{a0}\u{ad}\u{200b}ǄǅǆǇǈǉǊǋǌðÐİı";

/// Names as people type them: either script, any case, hyphens, apostrophes, initials.
fn name_text() -> BoxedStrategy<String> {
    let seeds = corpus_lines();
    let unit = harness::one_of(&[CYRILLIC, LATIN, "  -.'’", NAME_EXTRAS]);
    prop_oneof![
        harness::text_mutations(&seeds, unit.clone(), 6),
        proptest::collection::vec(unit, 0..30).prop_map(|v| v.into_iter().collect()),
    ]
    .boxed()
}

/// Any text at all, from the corpus or from anywhere in Unicode.
fn any_text() -> BoxedStrategy<String> {
    prop_oneof![
        harness::text_mutations(&corpus_lines(), any::<char>().boxed(), 8),
        any::<String>(),
    ]
    .boxed()
}

#[test]
fn corpus_names_meet_their_latin_spellings() {
    let seeds = harness::corpus("script");
    let pairs: Vec<_> = seeds
        .iter()
        .filter(|s| s.name.ends_with(".tsv"))
        .cloned()
        .collect();
    harness::replay(&pairs, |seed| {
        for line in seed.text().lines().filter(|l| !l.starts_with('#')) {
            let (cyrillic, latin) = line.split_once('\t').unwrap_or((line, line));
            prop_assert_eq!(fold(cyrillic), fold(latin), "{:?}", line);
        }
        Ok(())
    });
}

#[test]
fn corpus_words_with_latin_digraph_pairs_do_not_round_trip() {
    // Known and accepted: Latin cannot tell њ from н+ј, nor џ from д+ж.
    let seeds = harness::corpus("script");
    let ambiguous: Vec<_> = seeds
        .iter()
        .filter(|s| s.name.ends_with("ambiguous.txt"))
        .cloned()
        .collect();
    harness::replay(&ambiguous, |seed| {
        for word in seed.text().lines().filter(|l| !l.starts_with('#')) {
            prop_assert!(has_ambiguous_pair(word), "{}", word);
            prop_assert_ne!(to_cyrillic(&to_latin(word)), word);
        }
        Ok(())
    });
}

#[test]
fn cyrillic_to_latin_and_back_is_the_same_text() {
    let text = cyrillic_text().prop_map(|s| without_ambiguous_pairs(&s));
    harness::check("script/round-trip", 2000, text, |s| {
        let latin = to_latin(&s);
        prop_assert!(!latin.chars().any(|c| CYRILLIC.contains(c)), "{:?}", latin);
        prop_assert_eq!(to_cyrillic(&latin), s);
        Ok(())
    });
}

#[test]
fn transliteration_never_panics_and_keeps_what_is_not_serbian_cyrillic() {
    harness::check("script/any-text", 2000, any_text(), |s| {
        let latin = to_latin(&s);
        prop_assert!(!latin.chars().any(|c| CYRILLIC.contains(c)));
        prop_assert_eq!(to_latin(&latin), latin.clone(), "idempotent");
        // What is not Serbian Cyrillic comes through, in order.
        let mut out = latin.chars();
        for c in s
            .chars()
            .filter(|c| !CYRILLIC.contains(*c) && !"ѐѝЀЍ".contains(*c))
        {
            prop_assert!(out.any(|o| o == c), "{:?} lost from {:?}", c, s);
        }
        prop_assert!(latin.chars().count() >= s.chars().count());
        Ok(())
    });
}

#[test]
fn folding_is_idempotent_on_any_text() {
    harness::check("fold/idempotent", 2000, any_text(), |s| {
        let key = fold(&s);
        prop_assert_eq!(fold(&key), key.clone());
        prop_assert_eq!(key.trim(), key.as_str());
        prop_assert!(!key.contains("  "));
        Ok(())
    });
}

#[test]
fn folding_is_blind_to_script_case_and_serbian_diacritics() {
    harness::check("fold/script-blind", 2000, name_text(), |s| {
        let key = fold(&s);
        prop_assert_eq!(fold(&to_latin(&s)), key.clone(), "script");
        prop_assert_eq!(fold(&s.to_uppercase()), key.clone(), "upper case");
        prop_assert_eq!(fold(&s.to_lowercase()), key.clone(), "lower case");
        prop_assert_eq!(
            fold(&to_latin(&s).to_uppercase()),
            key.clone(),
            "Latin upper case"
        );
        let plain: String = to_latin(&s)
            .chars()
            .flat_map(|c| match c {
                'č' | 'ć' => vec!['c'],
                'Č' | 'Ć' => vec!['C'],
                'š' => vec!['s'],
                'Š' => vec!['S'],
                'ž' => vec!['z'],
                'Ž' => vec!['Z'],
                'đ' => vec!['d', 'j'],
                'Đ' => vec!['D', 'j'],
                c => vec![c],
            })
            .collect();
        prop_assert_eq!(fold(&plain), key.clone(), "without diacritics: {:?}", plain);
        Ok(())
    });
}

#[test]
fn a_folded_serbian_name_is_plain_lower_case_ascii() {
    let alphabet = proptest::collection::vec(harness::one_of(&[CYRILLIC, LATIN, " -."]), 0..30)
        .prop_map(|v| v.into_iter().collect::<String>());
    harness::check("fold/ascii", 1000, alphabet, |s| {
        let key = fold(&s);
        prop_assert!(
            key.chars()
                .all(|c| c.is_ascii_lowercase() || " -.".contains(c)),
            "{:?} folds to {:?}",
            s,
            key
        );
        Ok(())
    });
}

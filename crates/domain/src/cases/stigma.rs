//! No stigmatising output: nothing printed or exported for a person may state that they are a
//! victim of trafficking (the Equality Commissioner condemned residence permits that did).
//!
//! Exports check their text with [`is_stigmatising`] before they leave the system. The check
//! folds script, case, diacritics and spacing, so one Cyrillic phrase also catches its Latin
//! spelling in any case. Serbian phrases are listed in every case form of "жртва", stopping at
//! "трговин…" so that "трговине децом" is caught as well as "трговине људима". The national
//! Centre's full name contains such a phrase too; a document for the person must not carry it.

use crate::script::fold;

/// Phrases that must never appear in output made for, or about, a person.
pub const FORBIDDEN_PHRASES: &[&str] = &[
    "жртва трговин",
    "жртве трговин",
    "жртви трговин",
    "жртву трговин",
    "жртво трговин",
    "жртвом трговин",
    "жртава трговин",
    "жртвама трговин",
    "идентификована жртва",
    "идентификоване жртве",
    "žrtva trgovine ljudima",
    "victim of trafficking",
    "victims of trafficking",
    "victim of human trafficking",
    "victims of human trafficking",
    "trafficking victim",
    "trafficked person",
    "identified victim",
];

/// Whether the text contains a forbidden phrase, in either script and any case.
pub fn is_stigmatising(text: &str) -> bool {
    !stigmatising_phrases_in(text).is_empty()
}

/// The forbidden phrases found in the text (for telling the user what to change).
pub fn stigmatising_phrases_in(text: &str) -> Vec<&'static str> {
    let folded = fold(text);
    FORBIDDEN_PHRASES
        .iter()
        .copied()
        .filter(|phrase| folded.contains(&fold(phrase)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::script::to_latin;
    use proptest::prelude::*;

    #[test]
    fn the_phrase_is_found_in_either_script_and_any_case() {
        for text in [
            "Лице је жртва трговине људима.",
            "Lice je žrtva trgovine ljudima.",
            "LICE JE ŽRTVA TRGOVINE LJUDIMA",
            "lice je zrtva trgovine ljudima",
            "ЖРТВА  ТРГОВИНЕ\nЉУДИМА",
            "She is a Victim of Trafficking.",
            "a human trafficking victim",
            "victims of human trafficking",
        ] {
            assert!(is_stigmatising(text), "{text}");
        }
    }

    #[test]
    fn every_case_form_of_the_serbian_phrase_is_found() {
        for text in [
            "потврда за жртву трговине људима",
            "помоћ жртвама трговине људима",
            "са жртвом трговине децом",
            "Центар за заштиту жртава трговине људима",
            "идентификована жртва",
        ] {
            assert!(is_stigmatising(text), "{text}");
        }
    }

    #[test]
    fn ordinary_text_is_not_flagged() {
        for text in [
            "Потврда о пребивалишту",
            "Центар за социјални рад Лесковац",
            "Трговина и услуге",
            "Local team against trafficking in human beings",
            "",
        ] {
            assert!(!is_stigmatising(text), "{text}");
        }
    }

    #[test]
    fn the_phrases_found_are_named() {
        assert_eq!(
            stigmatising_phrases_in("victim of trafficking, Жртва трговине"),
            vec!["жртва трговин", "victim of trafficking"]
        );
    }

    proptest! {
        #[test]
        fn the_check_ignores_the_script(prefix in "[а-шa-z ]{0,20}", suffix in "[а-шa-z ]{0,20}") {
            let text = format!("{prefix} жртва трговине људима {suffix}");
            prop_assert!(is_stigmatising(&text));
            prop_assert!(is_stigmatising(&to_latin(&text)));
            prop_assert!(is_stigmatising(&to_latin(&text).to_uppercase()));
        }
    }
}

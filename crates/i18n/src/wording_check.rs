//! Messages about a person read right for anyone: impersonal, or with both forms written out
//! ("Прочитао/ла сам"), never a form that fits only a man or a boy.

use crate::sources;

/// Masculine-only forms about a person, in lower case; "/" right after one means the other
/// form stands beside it.
const MASCULINE_ONLY: &[&str] = &[
    "добио ",
    "затечен ",
    "пријављен ",
    "кажњаван ",
    "рекао ",
    "дошао ",
    "да би поставио ",
    "његово име",
    "корисник сам ",
    "власник налога сам ",
];

/// English forms that give a person a gender.
const GENDERED_EN: &[&str] = &[" he ", " his ", " him ", " himself ", " she ", " her "];

#[test]
fn messages_about_people_have_no_masculine_only_forms() {
    for (file, source) in sources::SR_CYRL {
        let text = format!(" {} ", source.to_lowercase());
        for form in MASCULINE_ONLY {
            for (at, _) in text.match_indices(form) {
                assert!(
                    text[at + form.len()..].starts_with('/'),
                    "sr-Cyrl/{file}: {form:?} in {:?}",
                    text[at.saturating_sub(60)..].lines().next()
                );
            }
        }
    }
    for (file, source) in sources::EN {
        let text = format!(" {} ", source.to_lowercase());
        for form in GENDERED_EN {
            assert!(!text.contains(form), "en/{file}: {form:?}");
        }
    }
}

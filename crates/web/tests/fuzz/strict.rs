//! The strict decoder (`spona_web::strict`) on any bytes: it never panics; what it accepts
//! is clean text, and exactly what the usual lenient decoder reads from the same body (so
//! forms read what they always read); what it refuses is not text, or names the field whose
//! value holds a control character; text without control characters, URL-encoded as a
//! browser does, comes back as sent; and a form decoded from accepted bytes is the form
//! serde_html_form decodes.

use crate::harness::{self, AWKWARD, CYRILLIC, LATIN};
use proptest::prelude::*;
use spona_web::strict::{self, Refusal, FIELD_MAX_BYTES};

/// The bodies of the `strict` corpus and the forms of the `forms` one.
fn bodies() -> Vec<Vec<u8>> {
    let mut all: Vec<Vec<u8>> = harness::corpus("strict")
        .into_iter()
        .map(|s| s.bytes)
        .collect();
    all.extend(harness::corpus("forms").into_iter().map(|s| s.bytes));
    all
}

/// A control character a field may hold: a tab, a line feed, a CR that ends a line.
fn allowed_controls(value: &str) -> bool {
    let chars: Vec<char> = value.chars().collect();
    chars.iter().enumerate().all(|(i, c)| match c {
        '\t' | '\n' => true,
        '\r' => chars.get(i + 1) == Some(&'\n'),
        c => !c.is_control(),
    })
}

/// The whole check of one body.
fn check(body: &[u8]) -> Result<(), TestCaseError> {
    let lenient: Vec<(String, String)> = serde_urlencoded::from_bytes(body).unwrap_or_default();
    match strict::pairs(body) {
        Ok(pairs) => {
            for (name, value) in &pairs {
                prop_assert!(!name.chars().any(char::is_control), "name {:?}", name);
                prop_assert!(allowed_controls(value), "{} = {:?}", name, value);
                prop_assert!(value.len() <= FIELD_MAX_BYTES);
            }
            prop_assert_eq!(&pairs, &lenient, "the lenient decoder reads the same");
            // Forms with lists read what serde_html_form reads.
            let kept = strict::form::<spona_app::trainings::TrainingForm>(body);
            let usual = serde_html_form::from_bytes::<spona_app::trainings::TrainingForm>(body);
            prop_assert_eq!(
                kept.as_ref().ok().map(|f| format!("{f:?}")),
                usual.as_ref().ok().map(|f| format!("{f:?}"))
            );
            let kept = strict::form::<spona_app::activities::ActivityForm>(body);
            let usual = serde_html_form::from_bytes::<spona_app::activities::ActivityForm>(body);
            prop_assert_eq!(
                kept.as_ref().ok().map(|f| format!("{f:?}")),
                usual.as_ref().ok().map(|f| format!("{f:?}"))
            );
        }
        Err(Refusal::Malformed) => {
            // Not text somewhere, or a name with a control character: the lenient decoder
            // would have put a replacement character or kept the control in a name.
            prop_assert!(
                std::str::from_utf8(body).is_err()
                    || lenient.iter().any(|(n, v)| n.contains('\u{fffd}')
                        || v.contains('\u{fffd}')
                        || n.chars().any(char::is_control)
                        || n.len() > 256),
                "refused as not text: {:?}",
                lenient
            );
        }
        Err(Refusal::Character { field }) => {
            prop_assert!(
                lenient
                    .iter()
                    .any(|(n, v)| *n == field && !allowed_controls(v)),
                "{} named, but {:?}",
                field,
                lenient
            );
        }
        Err(Refusal::TooLong { field }) => {
            prop_assert!(lenient
                .iter()
                .any(|(n, v)| *n == field && v.len() > FIELD_MAX_BYTES));
        }
    }
    Ok(())
}

#[test]
fn every_corpus_body_is_answered_as_its_name_says() {
    harness::replay(&harness::corpus("strict"), |seed| {
        check(&seed.bytes)?;
        let outcome = strict::pairs(&seed.bytes);
        let file = seed.name.rsplit('/').next().unwrap_or_default();
        match file {
            "controls.txt" => {
                let refused = matches!(outcome, Err(Refusal::Character { .. }));
                prop_assert!(refused, "{:?}", outcome);
            }
            "kept-text-and-lists.txt" | "odd-percent.txt" => prop_assert!(outcome.is_ok()),
            _ => prop_assert_eq!(outcome, Err(Refusal::Malformed)),
        }
        Ok(())
    });
}

#[test]
fn any_bytes_are_answered_and_what_is_kept_is_clean() {
    let bodies = harness::byte_mutations(&bodies(), b"&=%+;\r\n\t0123456789abcdefABCDEF", 8);
    harness::check("strict/bytes", 1500, bodies, |body| check(&body));
}

/// Text a person may type: letters of both scripts, the characters that matter to the
/// encoding, tabs and line ends; with a lone CR made a line end, as a browser sends it.
fn typed(max: usize) -> BoxedStrategy<String> {
    proptest::collection::vec(
        harness::one_of(&[CYRILLIC, LATIN, "0123456789&=+%;#?/ \t\r\n\"'—„“€😀"]),
        0..=max,
    )
    .prop_map(|chars| {
        let text: String = chars.into_iter().collect();
        text.replace("\r\n", "\r").replace('\r', "\r\n")
    })
    .boxed()
}

#[test]
fn typed_text_comes_back_as_sent() {
    let names = proptest::sample::select(vec![
        "given_name",
        "narrative",
        "exploitation_forms",
        "csrf",
        "title",
        "",
        "ime[]",
    ]);
    let pairs = proptest::collection::vec((names, typed(24)), 0..12);
    harness::check("strict/typed", 1000, pairs, |pairs| {
        let pairs: Vec<(String, String)> =
            pairs.into_iter().map(|(n, v)| (n.to_string(), v)).collect();
        let body = serde_urlencoded::to_string(&pairs).unwrap_or_default();
        prop_assert_eq!(strict::pairs(body.as_bytes()), Ok(pairs));
        Ok(())
    });
}

#[test]
fn a_control_character_is_refused_at_its_field() {
    let awkward = harness::text_from(&[CYRILLIC, AWKWARD], 12);
    let strategy = (typed(8), awkward, 0usize..3);
    harness::check("strict/controls", 800, strategy, |(clean, value, at)| {
        let mut pairs = vec![
            ("title".to_string(), clean.clone()),
            ("description".to_string(), clean),
        ];
        pairs.insert(at.min(2), ("place".to_string(), value.clone()));
        let body = serde_urlencoded::to_string(&pairs).unwrap_or_default();
        let outcome = strict::pairs(body.as_bytes());
        if allowed_controls(&value) {
            prop_assert_eq!(outcome, Ok(pairs));
        } else {
            prop_assert_eq!(
                outcome,
                Err(Refusal::Character {
                    field: "place".into()
                })
            );
        }
        Ok(())
    });
}

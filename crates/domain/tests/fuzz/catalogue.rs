//! The indicator catalogue parser behind `spona catalogue import` and the import page
//! (`IndicatorCatalogue::parse`): any text is answered with a catalogue or with errors at
//! real lines; a catalogue has text in all three scripts; written out with `to_text` it
//! parses to the same catalogue.

use crate::harness::{self, Seed, CYRILLIC, LATIN};
use proptest::prelude::*;
use spona_domain::cases::{CatalogueProblem, IndicatorCatalogue, LocalisedText};
use spona_domain::script::to_latin;
use std::collections::HashSet;

/// The catalogues shipped in `catalogues/` and the extra seeds of `fuzz/corpus/catalogue/`.
fn seeds() -> Vec<Seed> {
    let mut seeds = harness::workspace_files("catalogues");
    seeds.extend(harness::corpus("catalogue"));
    seeds
}

fn seed_texts() -> Vec<String> {
    seeds().iter().map(|s| s.text().to_owned()).collect()
}

/// What the parser promises of a text of a catalogue.
fn check_text(t: &LocalisedText) -> Result<(), TestCaseError> {
    for (column, text) in [
        ("sr-Cyrl", &t.sr_cyrl),
        ("sr-Latn", &t.sr_latn),
        ("en", &t.en),
    ] {
        prop_assert!(!text.is_empty(), "empty {}", column);
        prop_assert_eq!(text.trim(), text.as_str(), "{} not trimmed", column);
        prop_assert!(
            !text.chars().any(char::is_control),
            "control character in {}",
            column
        );
        prop_assert!(text.chars().count() <= IndicatorCatalogue::TEXT_MAX);
    }
    Ok(())
}

/// Every property of one parse of `text`.
fn check_parse(text: &str) -> Result<(), TestCaseError> {
    let lines = text.lines().count();
    match IndicatorCatalogue::parse(text) {
        Ok(c) => {
            prop_assert!(!c.items.is_empty());
            let mut codes = HashSet::new();
            for d in &c.domains {
                prop_assert!(codes.insert(d.code.clone()), "code {} twice", d.code);
                check_text(&d.label)?;
            }
            for i in &c.items {
                prop_assert!(codes.insert(i.code.clone()), "code {} twice", i.code);
                prop_assert!(c.domain(&i.domain).is_some(), "unknown domain {}", i.domain);
                check_text(&i.texts)?;
            }
            let written = c.to_text();
            prop_assert_eq!(
                IndicatorCatalogue::parse(&written),
                Ok(c.clone()),
                "{}",
                written
            );
            // The catalogue is the same whether its Latin column was written out or made.
            let mut with_latin = c.clone();
            for d in &mut with_latin.domains {
                d.label.sr_latn = to_latin(&d.label.sr_cyrl);
            }
            for i in &mut with_latin.items {
                i.texts.sr_latn = to_latin(&i.texts.sr_cyrl);
            }
            let written = with_latin.to_text();
            prop_assert_eq!(IndicatorCatalogue::parse(&written), Ok(with_latin));
        }
        Err(errors) => {
            prop_assert!(!errors.0.is_empty());
            prop_assert!(errors.0.len() <= IndicatorCatalogue::MAX_ERRORS + 1 + 3);
            let mut last_line = 0;
            for e in &errors.0 {
                match e.line {
                    Some(line) => {
                        prop_assert!((1..=lines).contains(&line), "line {} of {}", line, lines);
                        prop_assert!(line >= last_line, "errors out of line order");
                        last_line = line;
                    }
                    None => prop_assert!(matches!(
                        e.problem,
                        CatalogueProblem::MissingSector
                            | CatalogueProblem::MissingVersion
                            | CatalogueProblem::NoIndicators
                    )),
                }
            }
            prop_assert!(!errors.to_string().is_empty());
        }
    }
    Ok(())
}

#[test]
fn the_shipped_catalogues_parse_and_keep_every_promise() {
    for seed in harness::workspace_files("catalogues") {
        let parsed = IndicatorCatalogue::parse(seed.text());
        assert!(parsed.is_ok(), "{}: {parsed:?}", seed.name);
    }
    harness::replay(&seeds(), |seed| check_parse(seed.text()));
}

/// Text changed character by character, with the characters that matter to the format.
fn mutated_text() -> BoxedStrategy<String> {
    let unit = harness::char_from(&[CYRILLIC, LATIN, "\t\t\t\n\n\r#-_. 0123456789", "\u{feff}"]);
    harness::text_mutations(&seed_texts(), unit, 10)
}

/// Files assembled from whole lines of the seeds (repeated, dropped, reordered) and lines
/// that look like records.
fn shuffled_lines() -> BoxedStrategy<String> {
    let seed_lines: Vec<Vec<String>> = seed_texts()
        .iter()
        .map(|t| t.split_inclusive('\n').map(str::to_owned).collect())
        .collect();
    let all: Vec<String> = seed_lines.iter().flatten().cloned().collect();
    let record = (
        proptest::sample::select(vec!["sector", "version", "domain", "indicator", "#", ""]),
        proptest::collection::vec(harness::text_from(&[CYRILLIC, LATIN, "-._ "], 12), 0..7),
    )
        .prop_map(|(head, fields)| {
            let mut line = head.to_owned();
            for f in fields {
                line.push('\t');
                line.push_str(&f);
            }
            line.push('\n');
            line
        });
    let unit = prop_oneof![3 => proptest::sample::select(all), 1 => record].boxed();
    harness::mutations(seed_lines, unit, 8)
        .prop_map(|lines| lines.concat())
        .boxed()
}

#[test]
fn any_text_is_a_catalogue_or_errors_at_its_lines() {
    harness::check("catalogue/characters", 1500, mutated_text(), |t| {
        check_parse(&t)
    });
}

#[test]
fn catalogues_of_shuffled_lines_keep_every_promise() {
    harness::check("catalogue/lines", 1500, shuffled_lines(), |t| {
        check_parse(&t)
    });
}

#[test]
fn arbitrary_unicode_never_panics_the_parser() {
    harness::check("catalogue/any", 1000, any::<String>(), |t| check_parse(&t));
}

//! Codes in words for documents, with the message ids the case page uses (`{prefix}-{code}`),
//! so a document and the page name a state, a part or a form of exploitation alike.

use crate::cases::CaseView;
use crate::reports::Words;
use spona_domain::cases::{
    CaseState, IdentificationOutcome, IndicatorCatalogue, LocalisedText, Part, Sector,
};
use spona_i18n::{Arg, Locale};

/// A catalogue value in words.
pub fn label(w: &Words, prefix: &str, code: &str) -> String {
    w.t(&format!("{prefix}-{code}"))
}

/// Parts of a record in words, joined.
pub fn parts(w: &Words, parts: &[Part]) -> String {
    parts
        .iter()
        .map(|p| label(w, "part", p.code()))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A case's state, a closed one with the outcome it reached.
pub fn state(w: &Words, s: CaseState, outcome: Option<IdentificationOutcome>) -> String {
    match outcome {
        Some(o) if s.is_closed() => w.with(
            "state-closed-with-outcome",
            &[("outcome", Arg::from(label(w, "outcome", o.code())))],
        ),
        _ => label(w, "state", s.code()),
    }
}

/// The case's code in the reader's script.
pub fn code(w: &Words, view: &CaseView) -> String {
    match w.locale {
        Locale::SrCyrl => view.summary.code.clone(),
        _ if view.summary.code_latin.is_empty() => view.summary.code.clone(),
        _ => view.summary.code_latin.clone(),
    }
}

/// An ISO date in the reader's format (as stored when it does not parse).
pub fn date(w: &Words, iso: &str) -> String {
    if iso.is_empty() {
        String::new()
    } else {
        w.date(iso)
    }
}

/// A catalogue text in the reader's language and script.
pub fn localised(w: &Words, text: &LocalisedText) -> String {
    match w.locale {
        Locale::SrCyrl => text.sr_cyrl.clone(),
        Locale::SrLatn => text.sr_latn.clone(),
        Locale::En => text.en.clone(),
    }
}

/// The catalogue a case keeps (`sector/version`) in words.
pub fn catalogue(w: &Words, kept: &str) -> String {
    match kept.split_once('/') {
        Some((sector, version)) if Sector::from_code(sector).is_some() => w.with(
            "catalogue-named",
            &[
                ("sector", Arg::from(label(w, "sector", sector))),
                ("version", Arg::from(version)),
            ],
        ),
        _ => kept.to_string(),
    }
}

/// Observed indicators in words where the catalogue names them, else by their codes.
pub fn indicators(w: &Words, catalogue: Option<&IndicatorCatalogue>, codes: &[String]) -> String {
    codes
        .iter()
        .map(|code| {
            catalogue
                .and_then(|c| c.get(code))
                .map(|i| localised(w, &i.texts))
                .unwrap_or_else(|| code.clone())
        })
        .collect::<Vec<_>>()
        .join("\n")
}

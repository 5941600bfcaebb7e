//! The record's parts as a document shows them: the facts the case page lists for each part
//! the reader sees, "not shared" for the others. Typed text reaches a Latin or English reader
//! in Latin, as on the page.

use super::wording::{self, date};
use crate::cases::CaseView;
use crate::reports::Words;
use spona_domain::cases::{IndicatorCatalogue, Part};
use spona_reports::document::{Block, Table};

/// A labelled value.
pub type Fact = (String, String);

/// The non-empty facts of a part the reader sees; none when it is not shared with them.
pub fn part_facts(
    w: &Words,
    view: &CaseView,
    part: Part,
    catalogue: Option<&IndicatorCatalogue>,
) -> Option<Vec<Fact>> {
    let facts = |pairs: Vec<(&str, String)>| -> Vec<Fact> {
        pairs
            .into_iter()
            .filter(|(_, value)| !value.trim().is_empty())
            .map(|(id, value)| (w.t(id), value))
            .collect()
    };
    let shown = match part {
        Part::Identity => view.identity.as_ref().map(|p| {
            facts(vec![
                ("report-given-name", w.typed(&p.given_name)),
                ("report-family-name", w.typed(&p.family_name)),
                ("report-other-names", w.typed(&p.other_names)),
                ("report-description", w.typed(&p.description)),
                (
                    "report-birth-date",
                    p.birth_date
                        .as_deref()
                        .map(|d| date(w, d))
                        .unwrap_or_default(),
                ),
                (
                    "report-estimated-age",
                    p.estimated_age.map(|a| a.to_string()).unwrap_or_default(),
                ),
                ("report-languages", w.typed(&p.languages.join(", "))),
            ])
        }),
        Part::Contact => view.contact.as_ref().map(|p| {
            facts(vec![
                ("report-whereabouts", w.typed(&p.whereabouts)),
                ("report-contact", w.typed(&p.contact)),
            ])
        }),
        Part::Circumstances => view.circumstances.as_ref().map(|p| {
            facts(vec![
                ("report-reporter-detail", w.typed(&p.reporter_detail)),
                ("report-detected-place", w.typed(&p.detected_place)),
                ("report-detected-how", w.typed(&p.detected_how)),
                ("report-narrative", w.typed(&p.narrative)),
            ])
        }),
        Part::Screening => view.screening.as_ref().map(|p| {
            let forms = p
                .exploitation_forms
                .iter()
                .map(|f| wording::label(w, "exploitation", f))
                .collect::<Vec<_>>()
                .join(", ");
            facts(vec![
                ("case-exploitation", forms),
                (
                    "case-catalogue",
                    p.catalogue
                        .as_deref()
                        .map(|c| wording::catalogue(w, c))
                        .unwrap_or_default(),
                ),
                (
                    "case-indicators",
                    wording::indicators(w, catalogue, &p.indicators),
                ),
            ])
        }),
    };
    // A part the reader may see but that was sealed empty is shown as empty, not as hidden.
    match shown {
        Some(f) => Some(f),
        None if view.access.sees(part) => Some(Vec::new()),
        None => None,
    }
}

/// Facts as a two-column table.
pub fn facts_table(w: &Words, facts: Vec<Fact>) -> Block {
    Block::Table(Table {
        columns: vec![w.t("document-fact"), w.t("document-recorded")],
        rows: facts.into_iter().map(|(l, v)| vec![l, v]).collect(),
        numeric: Vec::new(),
        note: None,
    })
}

/// The part under its heading: its facts, "nothing recorded", or "not shared".
pub fn part_blocks(
    w: &Words,
    view: &CaseView,
    part: Part,
    catalogue: Option<&IndicatorCatalogue>,
    out: &mut Vec<Block>,
) {
    out.push(Block::Heading {
        level: 2,
        text: wording::label(w, "part", part.code()),
    });
    out.push(match part_facts(w, view, part, catalogue) {
        Some(f) if f.is_empty() => Block::Paragraph(w.t("case-part-empty")),
        Some(f) => facts_table(w, f),
        None => Block::Paragraph(w.t("case-part-not-shared")),
    });
}

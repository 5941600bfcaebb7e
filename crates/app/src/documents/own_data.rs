//! A person's own data (the right of access under the Law on Personal Data Protection),
//! made by the owning institution's case worker at the person's request: in plain words and
//! in the person's script, what is recorded about them, which institutions received which
//! parts and when, the consents given, and who opened the record. It names no status and no
//! label of the person: its wording is checked for stigmatising words by the tests.

use super::record::{facts_table, Fact};
use super::wording::{self, date};
use super::{file_name, footer, pdf, Named, OWN_DATA_GIVEN};
use crate::cases::CaseView;
use crate::reports::Words;
use crate::{App, AppError, DocumentFile};
use spona_domain::access::Actor;
use spona_domain::cases::{CaseId, ConsentGiver, IndicatorCatalogue, Part};
use spona_domain::ids::{InstitutionId, UserId};
use spona_i18n::{Arg, Catalog, Locale};
use spona_reports::document::{Block, Document, Table};
use std::collections::HashMap;

/// The most entries of the access log the document lists (the newest).
const OPENINGS_LISTED: i64 = 500;

/// The script a name is typed in: Latin if it has Latin letters and no Cyrillic ones, else
/// Cyrillic (the deployment's own script, also for a record without a name).
pub fn script_of_name(name: &str) -> Locale {
    let cyrillic = name.chars().any(|c| ('\u{0400}'..='\u{04FF}').contains(&c));
    let latin = name
        .chars()
        .any(|c| c.is_alphabetic() && !('\u{0400}'..='\u{04FF}').contains(&c));
    if latin && !cyrillic {
        Locale::SrLatn
    } else {
        Locale::SrCyrl
    }
}

/// One opening (or change) of the record, as the person reads it.
struct Opening {
    at: i64,
    who: String,
    action: String,
}

impl App {
    /// The person's own data in `script` (by default the script the name is typed in), for
    /// the owning institution's case workers only; audited.
    pub async fn own_data(
        &self,
        actor: &Actor,
        id: CaseId,
        catalog: &Catalog,
        script: Option<Locale>,
    ) -> Result<DocumentFile, AppError> {
        let (view, team) = self.case_for_document(actor, id).await?;
        if !view.access.works_on() {
            return Err(AppError::Forbidden);
        }
        let locale = script.unwrap_or_else(|| {
            script_of_name(
                &view
                    .identity
                    .as_ref()
                    .map(|i| i.display_name())
                    .unwrap_or_default(),
            )
        });
        let w = Words::new(catalog, locale, self.zone());
        let named = self.named(team).await?;
        let reader = self.reader_name(actor).await?;
        let openings = self.openings(id).await?;
        let openings: Vec<Opening> = openings
            .into_iter()
            .map(|(at, who, code)| {
                let key = format!("log-{code}");
                let action = if catalog.has(&key) { w.t(&key) } else { code };
                Opening { at, who, action }
            })
            .collect();
        // Only the owning institution's case workers get here: the reader's is the owner.
        let owner = named.institution(
            &w,
            actor.institution_id.unwrap_or(InstitutionId(0)),
            &view.summary.owner_short,
        );
        let catalogue = self.screened_with(&view).await?;
        let doc = document(
            &w,
            &view,
            catalogue.as_ref(),
            &owner,
            &named,
            &openings,
            &reader,
            self.now(),
        );
        let bytes = pdf(&doc)?;
        self.audit_document(actor, team, OWN_DATA_GIVEN, id, locale.code())
            .await?;
        Ok(DocumentFile {
            file_name: file_name("own-data", &view),
            bytes,
        })
    }

    /// The newest entries of the case's access log: when, who (a name, or the label of a
    /// console or link action), what (the audit action's code).
    async fn openings(&self, id: CaseId) -> Result<Vec<(i64, String, String)>, AppError> {
        let mut c = self.db.conn().await?;
        let entries =
            spona_store::audit::for_subject(&mut c, "case", id.0, OPENINGS_LISTED).await?;
        let mut names: HashMap<i64, String> = HashMap::new();
        for actor_id in entries.iter().filter_map(|e| e.actor_id) {
            if let std::collections::hash_map::Entry::Vacant(slot) = names.entry(actor_id) {
                let name = spona_store::users::find(&mut c, UserId(actor_id))
                    .await?
                    .map(|u| u.display_name)
                    .unwrap_or_default();
                slot.insert(name);
            }
        }
        Ok(entries
            .into_iter()
            .map(|e| {
                let who = e
                    .actor_id
                    .and_then(|id| names.get(&id).cloned())
                    .unwrap_or(e.actor_label);
                (e.at, who, e.action)
            })
            .collect())
    }
}

fn table(columns: Vec<String>, rows: Vec<Vec<String>>) -> Block {
    Block::Table(Table {
        columns,
        rows,
        numeric: Vec::new(),
        note: None,
    })
}

fn heading(w: &Words, id: &str) -> Block {
    Block::Heading {
        level: 1,
        text: w.t(id),
    }
}

/// Non-empty facts in plain words.
fn plain(w: &Words, pairs: Vec<(&str, String)>) -> Vec<Fact> {
    pairs
        .into_iter()
        .filter(|(_, v)| !v.trim().is_empty())
        .map(|(id, v)| (w.t(id), v))
        .collect()
}

/// A part's facts under its plain heading, or "nothing recorded".
fn section(w: &Words, title: &str, facts: Vec<Fact>, out: &mut Vec<Block>) {
    out.push(heading(w, title));
    if facts.is_empty() {
        out.push(Block::Paragraph(w.t("own-data-nothing")));
    } else {
        out.push(facts_table(w, facts));
    }
}

/// Parts of the record in plain words.
fn parts(w: &Words, parts: &[Part]) -> String {
    parts
        .iter()
        .map(|p| w.t(&format!("own-data-part-{}", p.code())))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The document's text.
#[allow(clippy::too_many_arguments)]
fn document(
    w: &Words,
    view: &CaseView,
    catalogue: Option<&IndicatorCatalogue>,
    owner: &str,
    named: &Named,
    openings: &[Opening],
    reader: &str,
    now: i64,
) -> Document {
    let mut blocks = vec![Block::Paragraph(
        w.with("own-data-intro", &[("institution", Arg::from(owner))]),
    )];

    let identity = view
        .identity
        .as_ref()
        .map(|p| {
            let name = format!("{} {}", p.given_name, p.family_name);
            plain(
                w,
                vec![
                    ("own-data-name", w.typed(name.trim())),
                    ("own-data-other-names", w.typed(&p.other_names)),
                    (
                        "own-data-birth-date",
                        p.birth_date
                            .as_deref()
                            .map(|d| date(w, d))
                            .unwrap_or_default(),
                    ),
                    (
                        "own-data-age",
                        p.estimated_age.map(|a| a.to_string()).unwrap_or_default(),
                    ),
                    ("own-data-languages", w.typed(&p.languages.join(", "))),
                    ("own-data-description", w.typed(&p.description)),
                ],
            )
        })
        .unwrap_or_default();
    section(w, "own-data-about-you", identity, &mut blocks);

    let contact = view
        .contact
        .as_ref()
        .map(|p| {
            plain(
                w,
                vec![
                    ("own-data-whereabouts", w.typed(&p.whereabouts)),
                    ("own-data-contact", w.typed(&p.contact)),
                ],
            )
        })
        .unwrap_or_default();
    section(w, "own-data-where", contact, &mut blocks);

    // The circumstances as written, without who reported (another person's data).
    let circumstances = view
        .circumstances
        .as_ref()
        .map(|p| {
            plain(
                w,
                vec![
                    ("own-data-met-on", date(w, &view.detected_on)),
                    ("own-data-place", w.typed(&p.detected_place)),
                    ("own-data-how", w.typed(&p.detected_how)),
                    ("own-data-story", w.typed(&p.narrative)),
                ],
            )
        })
        .unwrap_or_default();
    section(w, "own-data-circumstances", circumstances, &mut blocks);

    // What was noted at the screening is recorded about the person too, so it is given as
    // recorded: the signs observed and the forms of exploitation considered, in plain words.
    let noted = view
        .screening
        .as_ref()
        .map(|p| {
            let forms = p
                .exploitation_forms
                .iter()
                .map(|f| wording::label(w, "exploitation", f))
                .collect::<Vec<_>>()
                .join(", ");
            plain(
                w,
                vec![
                    (
                        "own-data-signs",
                        wording::indicators(w, catalogue, &p.indicators),
                    ),
                    ("own-data-forms", forms),
                ],
            )
        })
        .unwrap_or_default();
    section(w, "own-data-noted", noted, &mut blocks);

    blocks.push(heading(w, "own-data-shared"));
    if view.referrals.is_empty() {
        blocks.push(Block::Paragraph(w.t("own-data-shared-none")));
    } else {
        blocks.push(table(
            vec![
                w.t("own-data-to"),
                w.t("own-data-what"),
                w.t("own-data-when"),
                w.t("own-data-answer"),
            ],
            view.referrals
                .iter()
                .map(|r| {
                    vec![
                        named.institution(w, r.to_institution, &r.to_short),
                        parts(w, &r.parts),
                        w.instant(r.sent_at),
                        w.t(&format!("referral-status-{}", r.status)),
                    ]
                })
                .collect(),
        ));
    }

    blocks.push(heading(w, "own-data-consents"));
    if view.consents.is_empty() {
        blocks.push(Block::Paragraph(w.t("own-data-consents-none")));
    } else {
        blocks.push(table(
            vec![
                w.t("own-data-given-on"),
                w.t("own-data-given-by"),
                w.t("own-data-what"),
                w.t("own-data-to"),
                w.t("own-data-in-force"),
            ],
            view.consents
                .iter()
                .map(|c| {
                    let giver = match c.given_by {
                        ConsentGiver::Person => "own-data-giver-person",
                        ConsentGiver::Guardian => "own-data-giver-guardian",
                    };
                    let to = c
                        .institutions
                        .iter()
                        .map(|i| named.institution(w, *i, ""))
                        .collect::<Vec<_>>()
                        .join(", ");
                    let state = if c.withdrawn {
                        "own-data-withdrawn"
                    } else {
                        "own-data-valid"
                    };
                    vec![
                        date(w, &c.given_on),
                        w.t(giver),
                        parts(w, &c.parts),
                        to,
                        w.t(state),
                    ]
                })
                .collect(),
        ));
    }

    blocks.push(heading(w, "own-data-opened"));
    blocks.push(table(
        vec![
            w.t("own-data-when"),
            w.t("own-data-who"),
            w.t("own-data-did"),
        ],
        openings
            .iter()
            .map(|o| vec![w.instant(o.at), w.typed(&o.who), o.action.clone()])
            .collect(),
    ));
    blocks.push(Block::Paragraph(w.t("own-data-rights")));

    Document {
        title: w.t("own-data-title"),
        meta: vec![w.with(
            "own-data-made",
            &[("date", Arg::from(w.instant(now).as_str()))],
        )],
        blocks,
        page_label: footer(w, reader, now),
        lang: Some(w.locale.code().to_string()),
        watermark: None,
    }
}

#[cfg(test)]
mod tests {
    use super::script_of_name;
    use spona_domain::cases::is_stigmatising;
    use spona_i18n::{Catalog, Locale};

    #[test]
    fn the_script_follows_the_name() {
        assert_eq!(script_of_name("Драгана Пешић"), Locale::SrCyrl);
        assert_eq!(script_of_name("Dragana Pešić"), Locale::SrLatn);
        assert_eq!(script_of_name("Dragana Пешић"), Locale::SrCyrl);
        assert_eq!(script_of_name(""), Locale::SrCyrl);
    }

    #[test]
    fn no_wording_of_a_document_labels_the_person() {
        let catalog = Catalog::load().unwrap();
        for id in catalog.ids() {
            let about_the_person = [
                "own-data-",
                "document-",
                "log-",
                "referral-status-",
                "part-",
            ]
            .iter()
            .any(|p| id.starts_with(p));
            if !about_the_person {
                continue;
            }
            for locale in Locale::ALL {
                let text = catalog.text(locale, &id);
                assert!(!is_stigmatising(&text), "{id} in {locale:?}: {text}");
            }
        }
    }
}

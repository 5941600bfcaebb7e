//! The case file as PDF: the case as its reader may see it, section by section as the case
//! page shows it (the owner the whole record, a receiver the shared parts, the coordinator
//! that the case exists), with the reader and the local time in every page's footer.

use super::record::{self, facts_table, Fact};
use super::wording::{self, date};
use super::{file_name, footer, pdf, Named, CASE_FILE_PRINTED};
use crate::cases::CaseView;
use crate::reports::Words;
use crate::{App, AppError, DocumentFile};
use spona_domain::access::Actor;
use spona_domain::cases::{CaseAccess, CaseId, IndicatorCatalogue, Part};
use spona_i18n::{Arg, Catalog, Locale};
use spona_reports::document::{Block, Document, Table};

/// Follow-ups are listed with their notes by those working on the case, not as tasks.
const FOLLOW_UP: &str = "follow-up";

impl App {
    /// The case file of a case in `locale`, for whoever may open the case page; audited.
    pub async fn case_file(
        &self,
        actor: &Actor,
        id: CaseId,
        catalog: &Catalog,
        locale: Locale,
    ) -> Result<DocumentFile, AppError> {
        let (view, team) = self.case_for_document(actor, id).await?;
        let w = Words::new(catalog, locale, self.zone());
        let catalogue = self.screened_with(&view).await?;
        let named = self.named(team).await?;
        let reader = self.reader_name(actor).await?;
        let doc = document(&w, &view, catalogue.as_ref(), &named, &reader, self.now());
        let bytes = pdf(&doc)?;
        self.audit_document(actor, team, CASE_FILE_PRINTED, id, locale.code())
            .await?;
        Ok(DocumentFile {
            file_name: file_name("case-file", &view),
            bytes,
        })
    }
}

/// The case file's text.
pub(crate) fn document(
    w: &Words,
    view: &CaseView,
    catalogue: Option<&IndicatorCatalogue>,
    named: &Named,
    reader: &str,
    now: i64,
) -> Document {
    let code = wording::code(w, view);
    let mut blocks = vec![
        Block::Heading {
            level: 1,
            text: w.t("case-summary"),
        },
        facts_table(w, summary(w, view)),
    ];
    if view.access == CaseAccess::Existence {
        blocks.push(Block::Paragraph(w.t("case-existence-note")));
    } else {
        blocks.push(Block::Heading {
            level: 1,
            text: w.t("document-record"),
        });
        for part in Part::ALL.iter() {
            record::part_blocks(w, view, *part, catalogue, &mut blocks);
        }
    }
    tasks(w, view, &mut blocks);
    guardians(w, view, &mut blocks);
    consents(w, view, named, &mut blocks);
    referrals(w, view, named, &mut blocks);
    protection(w, view, &mut blocks);
    Document {
        title: w.with(
            "document-case-file-title",
            &[("code", Arg::from(code.as_str()))],
        ),
        meta: vec![w.t("document-case-file-meta")],
        blocks,
        page_label: footer(w, reader, now),
        lang: Some(w.locale.code().to_string()),
        watermark: None,
    }
}

/// The summary facts, as the page lists them.
fn summary(w: &Words, view: &CaseView) -> Vec<Fact> {
    let s = &view.summary;
    let mut facts = vec![
        (w.t("case-code"), wording::code(w, view)),
        (w.t("case-state"), wording::state(w, s.state, s.outcome)),
    ];
    if let (true, Some(outcome)) = (s.state.is_closed(), s.outcome) {
        facts.push((
            w.t("case-outcome"),
            wording::label(w, "outcome", outcome.code()),
        ));
    }
    if let Some(at) = s.closed_at {
        facts.push((w.t("case-closed-at"), w.instant(at)));
    }
    facts.extend([
        (w.t("case-owner"), w.typed(&s.owner_short)),
        (w.t("case-reported-at"), w.instant(s.reported_at)),
        (w.t("case-detected-on"), date(w, &view.detected_on)),
        (
            w.t("case-age-band"),
            wording::label(w, "age-band", &view.age_band),
        ),
    ]);
    if !view.sex.is_empty() {
        facts.push((w.t("case-sex"), wording::label(w, "sex", &view.sex)));
    }
    let marks: Vec<String> = [
        (s.is_child, "badge-child"),
        (s.lacks_capacity, "badge-lacks-capacity"),
        (s.immediate_danger, "badge-danger"),
    ]
    .iter()
    .filter(|(on, _)| *on)
    .map(|(_, id)| w.t(id))
    .collect();
    if !marks.is_empty() {
        facts.push((w.t("case-marks"), marks.join(", ")));
    }
    facts
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

fn tasks(w: &Words, view: &CaseView, out: &mut Vec<Block>) {
    let rows: Vec<Vec<String>> = view
        .tasks
        .iter()
        .filter(|t| t.kind != FOLLOW_UP)
        .map(|t| {
            let state = if t.done { "task-done" } else { "task-open" };
            vec![wording::label(w, "task", &t.kind), w.t(state)]
        })
        .collect();
    if !rows.is_empty() {
        out.push(heading(w, "case-tasks"));
        out.push(table(vec![w.t("case-tasks"), w.t("document-done")], rows));
    }
}

fn guardians(w: &Words, view: &CaseView, out: &mut Vec<Block>) {
    if view.guardians.is_empty() {
        return;
    }
    out.push(heading(w, "guardian-title"));
    out.push(table(
        vec![
            w.t("guardian-name"),
            w.t("guardian-contact"),
            w.t("guardian-appointed-on"),
        ],
        view.guardians
            .iter()
            .map(|g| {
                vec![
                    w.typed(&g.name),
                    w.typed(&g.contact),
                    date(w, &g.appointed_on),
                ]
            })
            .collect(),
    ));
}

fn consents(w: &Words, view: &CaseView, named: &Named, out: &mut Vec<Block>) {
    if !view.reads_consents {
        return;
    }
    out.push(heading(w, "consent-title"));
    if view.consents.is_empty() {
        out.push(Block::Paragraph(w.t("consent-none")));
        return;
    }
    for c in &view.consents {
        let mut title = w.with(
            "consent-given-on",
            &[("date", Arg::from(date(w, &c.given_on).as_str()))],
        );
        if c.withdrawn {
            title = format!("{title} ({})", w.t("consent-withdrawn"));
        }
        out.push(Block::Heading {
            level: 3,
            text: title,
        });
        let institutions = c
            .institutions
            .iter()
            .map(|i| named.institution(w, *i, ""))
            .collect::<Vec<_>>()
            .join(", ");
        out.push(facts_table(
            w,
            vec![
                (
                    w.t("consent-given-by"),
                    wording::label(w, "consent-giver", c.given_by.code()),
                ),
                (w.t("consent-explained"), w.typed(&c.explained)),
                (w.t("consent-parts"), wording::parts(w, &c.parts)),
                (w.t("consent-institutions"), institutions),
            ],
        ));
    }
}

fn referrals(w: &Words, view: &CaseView, named: &Named, out: &mut Vec<Block>) {
    if view.access == CaseAccess::Existence && view.referrals.is_empty() {
        return;
    }
    out.push(heading(w, "referrals-title"));
    if view.referrals.is_empty() {
        out.push(Block::Paragraph(w.t("referrals-empty")));
    }
    for r in &view.referrals {
        out.push(Block::Heading {
            level: 3,
            text: format!(
                "{} → {}",
                named.institution(w, r.from_institution, &r.from_short),
                named.institution(w, r.to_institution, &r.to_short)
            ),
        });
        let mut facts = vec![
            (w.t("referral-purpose"), super::letter::purpose(w, r)),
            (w.t("referral-parts"), wording::parts(w, &r.parts)),
            (
                w.t("referral-urgency"),
                wording::label(w, "urgency", &r.urgency),
            ),
            (
                w.t("referral-status"),
                wording::label(w, "referral-status", &r.status),
            ),
            (w.t("referral-sent-at"), w.instant(r.sent_at)),
            (w.t("referral-deadline"), w.instant(r.deadline_at)),
        ];
        if !r.decline_reason.is_empty() {
            facts.push((w.t("referral-decline-reason"), w.typed(&r.decline_reason)));
        }
        if let Some(d) = r.decision.as_ref() {
            let day = r
                .decided_on
                .as_deref()
                .map(|d| date(w, d))
                .unwrap_or_default();
            facts.push((
                w.t("referral-centre-decision"),
                format!("{} ({day})", wording::label(w, "centre-decision", d.code())),
            ));
        }
        out.push(facts_table(w, facts));
    }
}

/// Services, the recovery period, notes and the proceedings, for those working on the case.
fn protection(w: &Words, view: &CaseView, out: &mut Vec<Block>) {
    if !view.services.is_empty() {
        out.push(heading(w, "services-title"));
        out.push(table(
            vec![
                w.t("service-type"),
                w.t("service-provider"),
                w.t("service-period"),
                w.t("service-status"),
            ],
            view.services
                .iter()
                .map(|s| {
                    let ends = s
                        .ends_on
                        .as_deref()
                        .map(|d| date(w, d))
                        .unwrap_or_else(|| w.t("service-open-ended"));
                    vec![
                        wording::label(w, "service-type", &s.service_type),
                        w.typed(&s.provider),
                        format!("{} – {ends}", date(w, &s.starts_on)),
                        wording::label(w, "service-status", &s.status),
                    ]
                })
                .collect(),
        ));
    }
    if let Some((starts, ends)) = &view.recovery {
        out.push(heading(w, "recovery-title"));
        out.push(Block::Paragraph(format!(
            "{} – {}",
            date(w, starts),
            date(w, ends)
        )));
    }
    let follow_ups: Vec<Vec<String>> = view
        .tasks
        .iter()
        .filter(|t| t.kind == FOLLOW_UP)
        .map(|t| {
            let state = if t.done { "task-done" } else { "task-open" };
            vec![
                t.due_on.as_deref().map(|d| date(w, d)).unwrap_or_default(),
                w.typed(&t.note),
                w.t(state),
            ]
        })
        .collect();
    if !follow_ups.is_empty() {
        out.push(heading(w, "task-follow-up"));
        out.push(table(
            vec![w.t("document-when"), w.t("note-text"), w.t("document-done")],
            follow_ups,
        ));
    }
    if !view.notes.is_empty() {
        out.push(heading(w, "notes-title"));
        out.push(table(
            vec![w.t("document-when"), w.t("note-text")],
            view.notes
                .iter()
                .map(|n| vec![w.instant(n.created_at), w.typed(&n.text)])
                .collect(),
        ));
    }
    if let Some(stage) = view.proceedings.as_ref() {
        out.push(heading(w, "proceedings-title"));
        out.push(Block::Paragraph(wording::label(
            w,
            "proceedings",
            stage.code(),
        )));
    }
}

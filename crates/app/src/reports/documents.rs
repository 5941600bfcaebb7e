//! A report as a file to send or keep: PDF in the reader's language and script (the same
//! sections as the page, fonts embedded) and an XLSX workbook of the figures with typed
//! cells. Every download is audited.

use super::content::ReportContent;
use super::lifecycle::ReportView;
use super::present::{case_tables, sections, Piece};
use super::words::Words;
use crate::audit::{AuditEvent, Author};
use crate::{App, AppError, DocumentFile};
use spona_domain::access::{decide, Action, Actor};
use spona_domain::disclosure::{Position, Published};
use spona_domain::reports::ReportStatus;
use spona_i18n::{Arg, Catalog, Locale};
use spona_reports::document::{self, Block, Document, Table};
use spona_reports::table::{Column, Value};
use spona_reports::xlsx::XlsxWriter;

/// Which file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReportFormat {
    Pdf,
    Xlsx,
}

impl ReportFormat {
    fn extension(self) -> &'static str {
        match self {
            ReportFormat::Pdf => "pdf",
            ReportFormat::Xlsx => "xlsx",
        }
    }
}

/// The heading lines of a report: what, whose, which period, in what state.
pub fn title_and_meta(view: &ReportView, w: &Words) -> (String, Vec<String>) {
    let c = &view.content;
    let title = format!("{} — {}", w.t("periodic-title"), w.names(&c.team));
    let mut meta = vec![
        w.with(
            "periodic-of-period",
            &[
                ("first", Arg::from(w.date(&c.first_day).as_str())),
                ("last", Arg::from(w.date(&c.last_day).as_str())),
            ],
        ),
        format!(
            "{}: {} · {}",
            w.t("periodic-status"),
            w.t(&format!("periodic-status-{}", view.report.status.code())),
            w.with(
                "periodic-version-n",
                &[("version", Arg::from(view.report.version))]
            )
        ),
        w.with(
            "periodic-gathered",
            &[("at", Arg::from(w.instant(c.gathered_at).as_str()))],
        ),
    ];
    if let Some(at) = view.report.submitted_at {
        meta.push(w.with(
            "periodic-submitted-at",
            &[("at", Arg::from(w.instant(at).as_str()))],
        ));
        meta.push(format!("SHA-256: {}", view.report.content_hash));
        // The head of the audit trail travels with the report, outside the deployment.
        if let Some(line) = &view.content.audit_checkpoint {
            meta.push(w.with(
                "periodic-audit-checkpoint",
                &[("line", Arg::from(line.as_str()))],
            ));
        }
    }
    (title, meta)
}

/// The report as a PDF document.
pub fn pdf(view: &ReportView, w: &Words) -> Result<Vec<u8>, AppError> {
    let (title, meta) = title_and_meta(view, w);
    let mut blocks = Vec::new();
    for s in sections(&view.content, w) {
        blocks.push(Block::Heading {
            level: 1,
            text: s.heading,
        });
        for p in s.pieces {
            blocks.push(match p {
                Piece::Paragraph(t) => Block::Paragraph(t),
                Piece::Subheading(t) => Block::Heading { level: 2, text: t },
                Piece::Chart(c) => Block::Chart(c),
                Piece::Table(t) => Block::Table(Table {
                    columns: t.columns,
                    rows: t.rows,
                    numeric: t.numeric,
                    note: t.note,
                }),
            });
        }
    }
    let doc = Document {
        title,
        meta,
        blocks,
        page_label: w.with(
            "periodic-page",
            &[("n", Arg::from("{n}")), ("m", Arg::from("{m}"))],
        ),
        lang: Some(w.locale.code().to_string()),
        // A draft's figures still move: every printed page says so.
        watermark: (view.report.status == ReportStatus::Draft)
            .then(|| w.t("periodic-watermark-draft")),
    };
    document::render(&doc).map_err(|e| AppError::Internal(format!("report pdf: {e}")))
}

fn int(n: i64) -> Value {
    Value::Integer(n)
}

fn text(s: String) -> Value {
    Value::Text(s)
}

/// The report's figures as a workbook: one sheet per section, numbers as numbers.
pub fn xlsx(view: &ReportView, w: &Words) -> Result<Vec<u8>, AppError> {
    let c: &ReportContent = &view.content;
    let fail = |e: spona_reports::ReportError| AppError::Internal(format!("report xlsx: {e}"));
    let mut book = XlsxWriter::new(Vec::new());
    let cols = |ids: &[&str]| -> Vec<Column> { ids.iter().map(|i| Column::new(w.t(i))).collect() };

    let (title, meta) = title_and_meta(view, w);
    book.add_sheet(&w.t("periodic-summary"), &[Column::new(title).width(80.0)])
        .map_err(fail)?;
    for line in meta {
        book.row(&[text(line)]).map_err(fail)?;
    }

    book.add_sheet(
        &w.t("periodic-activities"),
        &cols(&[
            "activity-kind",
            "periodic-activities-count",
            "activity-audience-pupils",
            "activity-audience-teachers",
            "activity-audience-parents",
            "activity-audience-officials",
            "activity-audience-public",
            "periodic-reach",
        ]),
    )
    .map_err(fail)?;
    for k in &c.activities.by_kind {
        book.row(&[
            text(w.t(&format!("activity-kind-{}", k.kind))),
            int(k.activities),
            int(k.pupils),
            int(k.teachers),
            int(k.parents),
            int(k.officials),
            int(k.public),
            int(k.reach()),
        ])
        .map_err(fail)?;
    }

    book.add_sheet(
        &w.t("periodic-plan"),
        &cols(&[
            "plan-activity-title",
            "plan-activity-responsible",
            "plan-activity-deadline",
            "plan-activity-indicator",
            "plan-activity-baseline",
            "plan-activity-target",
            "plan-activity-progress",
        ]),
    )
    .map_err(fail)?;
    for a in c
        .plan
        .iter()
        .flat_map(|p| &p.objectives)
        .flat_map(|o| &o.activities)
    {
        let deadline = spona_domain::text::date(&a.deadline)
            .map(Value::Date)
            .unwrap_or(Value::Empty);
        book.row(&[
            text(w.typed(&a.title)),
            text(w.names(&a.responsible)),
            deadline,
            text(w.typed(&a.indicator)),
            text(w.typed(&a.baseline)),
            text(w.typed(&a.target)),
            int(a.progress),
        ])
        .map_err(fail)?;
    }

    book.add_sheet(
        &w.t("periodic-trainings"),
        &cols(&[
            "periodic-institution",
            "training-participants",
            "periodic-staff",
        ]),
    )
    .map_err(fail)?;
    for t in &c.trainings.by_institution {
        book.row(&[
            text(w.names(&t.institution)),
            int(t.participants),
            t.staff.map(int).unwrap_or(Value::Empty),
        ])
        .map_err(fail)?;
    }

    book.add_sheet(
        &w.t("periodic-materials"),
        &cols(&[
            "material-name",
            "material-donor",
            "periodic-produced",
            "periodic-handed-out",
        ]),
    )
    .map_err(fail)?;
    for m in &c.materials {
        book.row(&[
            text(w.typed(&m.name)),
            text(w.typed(&m.donor)),
            int(m.produced),
            int(m.handed_out),
        ])
        .map_err(fail)?;
    }

    // Case figures: a withheld number is the word, never a number, so a sum in the sheet
    // cannot be mistaken for the real total.
    book.add_sheet(
        &w.t("periodic-cases"),
        &[
            Column::new(w.t("periodic-cases")).width(40.0),
            Column::new(String::new()).width(40.0),
            Column::new(w.t("periodic-count")),
        ],
    )
    .map_err(fail)?;
    let worded = case_tables(c, w);
    for (table, (title, words)) in c.cases.release.tables().iter().zip(worded) {
        let rows = table.rows().len();
        for (i, row) in words.rows.iter().enumerate() {
            let position = if i < rows {
                Position::RowTotal { row: i }
            } else {
                Position::GrandTotal
            };
            let value = match table.get(position) {
                Some(Published::Shown(n)) => int(i64::try_from(n).unwrap_or(i64::MAX)),
                _ => text(row.get(1).cloned().unwrap_or_default()),
            };
            book.row(&[
                text(title.clone()),
                text(row.first().cloned().unwrap_or_default()),
                value,
            ])
            .map_err(fail)?;
        }
    }
    book.finish().map_err(fail)
}

impl App {
    /// A report of the actor's team, or (for the national office) a submitted report of
    /// any team, as a file in `locale`; audited.
    pub async fn report_file(
        &self,
        actor: &Actor,
        id: i64,
        format: ReportFormat,
        catalog: &Catalog,
        locale: Locale,
    ) -> Result<DocumentFile, AppError> {
        let view = if decide(actor, Action::ViewNationalReports).allowed() {
            self.national_report(actor, id).await?
        } else {
            self.team_report(actor, id).await?
        };
        let w = Words::new(catalog, locale, self.zone());
        let bytes = match format {
            ReportFormat::Pdf => pdf(&view, &w)?,
            ReportFormat::Xlsx => xlsx(&view, &w)?,
        };
        let mut tx = self.db.begin().await?;
        self.audit(
            &mut tx,
            Author::of(actor),
            AuditEvent {
                reason: format.extension(),
                ..AuditEvent::about(Some(view.team.id), "report-exported", "team-report", id)
            },
        )
        .await?;
        tx.commit().await?;
        Ok(DocumentFile {
            file_name: format!(
                "report-{}-{}-v{}.{}",
                view.team.code,
                view.report.period.code(),
                view.report.version,
                format.extension()
            ),
            bytes,
        })
    }
}

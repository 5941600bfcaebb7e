//! The audit trail as a table, for the auditor: the entries the filter picks, newest first,
//! in the deployment's local time. A case is named by its code; a reason written about a
//! case is withheld, as on the page.

use super::{cell, Cell, Export, ExportedList, Format, Rows, Source, Table, PAGE_ROWS};
use crate::oversight::{describe, Reason, TrailEntry, TrailQuery};
use crate::{App, AppError};
use jiff::tz::TimeZone;
use spona_domain::access::Actor;
use spona_store::trail::{self, TrailFilter};
use spona_store::Connection;

pub(super) const TABLE: Table = Table {
    name: "export-sheet-audit-trail",
    columns: &[
        "export-col-seq",
        "export-col-local-time",
        "export-col-who",
        "export-col-institution",
        "export-col-team",
        "export-col-action",
        "export-col-subject",
        "export-col-address",
        "export-col-reason",
    ],
};

/// The pages of the trail still to read: the next starts below the last entry read.
pub(super) struct Pages {
    filter: TrailFilter,
    before: Option<i64>,
    done: bool,
    zone: TimeZone,
}

impl Pages {
    pub(super) async fn next(&mut self, c: &mut Connection) -> Result<Option<Rows>, AppError> {
        if self.done {
            return Ok(None);
        }
        let lines = trail::before(c, &self.filter, self.before, PAGE_ROWS).await?;
        self.done = (lines.len() as i64) < PAGE_ROWS;
        self.before = lines.last().map(|l| l.seq);
        if lines.is_empty() {
            return Ok(None);
        }
        let rows = lines
            .into_iter()
            .map(|l| row(&TrailEntry::of(l), &self.zone))
            .collect();
        Ok(Some(Rows { table: 0, rows }))
    }
}

/// An instant as local time, `2026-12-05 10:15:03`.
pub(crate) fn local_time(at: i64, zone: &TimeZone) -> String {
    jiff::Timestamp::from_second(at)
        .map(|t| {
            t.to_zoned_datetime(zone.clone())
                .strftime("%Y-%m-%d %H:%M:%S")
                .to_string()
        })
        .unwrap_or_default()
}

fn row(e: &TrailEntry, zone: &TimeZone) -> Vec<Cell> {
    vec![
        cell(e.seq),
        cell(local_time(e.at, zone)),
        cell(e.who.as_str()),
        Cell::Names {
            cyrl: e.institution_cyrl.clone(),
            latn: e.institution_latn.clone(),
        },
        cell(e.team.as_str()),
        cell(e.action.as_str()),
        // A case's code, kept in Cyrillic, in the reader's script.
        Cell::Names {
            cyrl: e.subject.clone(),
            latn: spona_domain::script::to_latin(&e.subject),
        },
        cell(e.address.as_str()),
        match &e.reason {
            Reason::None => cell(""),
            Reason::Shown(text) => cell(text.as_str()),
            Reason::Withheld => Cell::Term("audit-reason-withheld".into()),
        },
    ]
}

impl App {
    /// The trail as the filter picks it, for download; the export is audited before the first
    /// row is read. A filter with faults is refused at its fields.
    pub async fn export_audit_trail(
        &self,
        actor: &Actor,
        q: &TrailQuery,
        format: Format,
    ) -> Result<Export, AppError> {
        Self::auditor(actor)?;
        let mut c = self.db.conn().await?;
        let (filter, errors) = self.trail_filter(&mut c, q).await?;
        drop(c);
        let Some(filter) = filter else {
            return Err(AppError::Invalid(errors));
        };
        let asked = match describe(q) {
            d if d.is_empty() => format.code().to_string(),
            d => format!("{} {d}", format.code()),
        };
        self.audit_read(actor, "audit-trail-exported", &asked)
            .await?;
        let day = spona_domain::text::iso_date(self.today());
        let pages = Pages {
            filter,
            before: None,
            done: false,
            zone: self.zone().clone(),
        };
        Ok(Export {
            list: ExportedList::AuditTrail,
            format,
            file_name: format!("audit-trail-{day}.{}", format.code()),
            tables: vec![TABLE],
            app: self.clone(),
            scope: None,
            source: Source::AuditTrail(pages),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_case_reason_is_withheld_and_time_is_local() {
        let zone = TimeZone::get("Europe/Belgrade").unwrap();
        let e = TrailEntry {
            seq: 9,
            at: 1_796_115_600,
            who: "Весна (vesna)".into(),
            institution_cyrl: "ПУ".into(),
            institution_latn: "PU".into(),
            team: "LE".into(),
            action: "break-glass".into(),
            subject: "ЛЕ-2026-0007".into(),
            address: "127.0.0.1".into(),
            reason: Reason::Withheld,
        };
        let r = row(&e, &zone);
        assert_eq!(r[1], cell("2026-12-01 10:00:00"));
        assert_eq!(
            r[6],
            Cell::Names {
                cyrl: "ЛЕ-2026-0007".into(),
                latn: "LE-2026-0007".into()
            }
        );
        assert_eq!(r[8], Cell::Term("audit-reason-withheld".into()));
    }
}

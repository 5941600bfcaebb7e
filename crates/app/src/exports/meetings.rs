//! The team's meetings as a table: attendance, decisions and action items counted.

use super::{cell, Cell, Cursor, Export, Format, Rows, Source, Table, PAGE_ROWS};
use crate::{App, AppError};
use spona_domain::access::{Actor, TeamScope, WorkNeed};
use spona_store::exports::{self as store, After, MeetingLine};
use spona_store::Connection;

pub(super) const TABLE: Table = Table {
    name: "export-sheet-meetings",
    columns: &[
        "export-col-date",
        "export-col-place",
        "export-col-agenda",
        "export-col-present",
        "export-col-decisions",
        "export-col-actions-open",
        "export-col-actions-overdue",
    ],
};

/// The pages of meetings still to read; overdue is counted against the day it started.
pub(super) struct Pages {
    cursor: Cursor,
    today: time::Date,
}

impl Pages {
    pub(super) async fn next(
        &mut self,
        c: &mut Connection,
        scope: &TeamScope,
    ) -> Result<Option<Rows>, AppError> {
        let Some(after) = self.cursor.after() else {
            return Ok(None);
        };
        let lines = store::meetings(c, scope, self.today, after, PAGE_ROWS).await?;
        let last = lines.last().map(|m| After {
            on: spona_domain::text::iso_date(m.held_on),
            id: m.id,
        });
        self.cursor.advance(lines.len(), last);
        if lines.is_empty() {
            return Ok(None);
        }
        Ok(Some(Rows {
            table: 0,
            rows: lines.iter().map(row).collect(),
        }))
    }
}

/// The decisions recorded: one a line, as the minutes form asks them typed.
fn decision_count(decisions: &str) -> i64 {
    decisions.lines().filter(|l| !l.trim().is_empty()).count() as i64
}

fn row(m: &MeetingLine) -> Vec<Cell> {
    vec![
        cell(m.held_on),
        cell(m.place.as_str()),
        cell(m.agenda.as_str()),
        cell(m.present),
        cell(decision_count(&m.decisions)),
        cell(m.open_actions),
        cell(m.overdue_actions),
    ]
}

impl App {
    /// The actor's team's meetings, the latest first.
    pub async fn export_meetings(&self, actor: &Actor, format: Format) -> Result<Export, AppError> {
        let scope = Self::work_team(actor, WorkNeed::View)?;
        let pages = Pages {
            cursor: Cursor::start(),
            today: self.today(),
        };
        self.start_export(actor, scope, None, format, Source::Meetings(pages))
            .await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decisions_are_counted_by_line() {
        assert_eq!(decision_count(""), 0);
        assert_eq!(decision_count("1. План.\n\n 2. Обука. \n"), 2);
        assert_eq!(decision_count("   "), 0);
    }
}

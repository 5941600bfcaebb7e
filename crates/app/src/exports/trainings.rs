//! The team's trainings as a table, with hours as an exact number.

use super::{cell, Cell, Cursor, Decimal, Export, Format, Rows, Source, Table, PAGE_ROWS};
use crate::{App, AppError};
use spona_domain::access::{Actor, TeamScope, WorkNeed};
use spona_domain::trainings::Duration;
use spona_store::exports::{self as store, After, TrainingLine};
use spona_store::Connection;

pub(super) const TABLE: Table = Table {
    name: "export-sheet-trainings",
    columns: &[
        "export-col-date",
        "export-col-topic",
        "export-col-trainer",
        "export-col-hours",
        "export-col-participants",
        "export-col-score-before",
        "export-col-score-after",
        "export-col-plan-activity",
    ],
};

/// The pages of trainings still to read.
pub(super) struct Pages {
    cursor: Cursor,
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
        let lines = store::trainings(c, scope, after, PAGE_ROWS).await?;
        let last = lines.last().map(|t| After {
            on: spona_domain::text::iso_date(t.held_on),
            id: t.id,
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

/// Hours with two decimals, the digits the training page shows (90 minutes are 1.50).
pub(super) fn hours(d: Duration) -> Decimal {
    Decimal::new(d.minutes() * 100 / 60, 2)
}

fn row(t: &TrainingLine) -> Vec<Cell> {
    vec![
        cell(t.held_on),
        cell(t.topic.as_str()),
        cell(t.trainer.as_str()),
        cell(hours(t.duration)),
        cell(t.participants),
        cell(t.score_before),
        cell(t.score_after),
        cell(t.plan_activity.clone()),
    ]
}

impl App {
    /// The actor's team's trainings, newest first.
    pub async fn export_trainings(
        &self,
        actor: &Actor,
        format: Format,
    ) -> Result<Export, AppError> {
        let team = self.training_team(actor, WorkNeed::View).await?;
        let pages = Pages {
            cursor: Cursor::start(),
        };
        self.start_export(actor, team.scope, None, format, Source::Trainings(pages))
            .await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hours_keep_two_decimals() {
        assert_eq!(hours(Duration::from_minutes(90)).to_string(), "1.50");
        assert_eq!(hours(Duration::from_minutes(360)).to_string(), "6.00");
        assert_eq!(hours(Duration::from_minutes(135)).to_string(), "2.25");
    }

    #[test]
    fn a_row_has_a_cell_for_every_column() {
        let t = TrainingLine {
            id: 1,
            held_on: time::macros::date!(2026 - 11 - 20),
            topic: "т".into(),
            trainer: "т".into(),
            duration: Duration::from_minutes(60),
            participants: 3,
            score_before: None,
            score_after: Some(80),
            plan_activity: None,
        };
        assert_eq!(row(&t).len(), TABLE.columns.len());
    }
}

//! The activities register as a table, filtered as the list page was.

use super::{cell, Cell, Cursor, Export, Format, Rows, Source, Table, Value, PAGE_ROWS};
use crate::activities::ActivityQuery;
use crate::{App, AppError};
use spona_domain::access::{Actor, TeamScope};
use spona_domain::activities::{ActivityKind, AudienceGroup};
use spona_store::activities::Filter;
use spona_store::exports::{self as store, ActivityLine, After};
use spona_store::Connection;

/// The columns: the audience groups one by one, in the form's order, then their total.
pub(super) const TABLE: Table = Table {
    name: "export-sheet-activities",
    columns: &[
        "export-col-date",
        "export-col-kind",
        "export-col-medium",
        "export-col-title",
        "export-col-place",
        "export-col-partners",
        "export-col-audience-pupils",
        "export-col-audience-teachers",
        "export-col-audience-parents",
        "export-col-audience-officials",
        "export-col-audience-public",
        "export-col-reach",
        "export-col-materials",
        "export-col-plan-activity",
    ],
};

/// The pages of activities still to read.
pub(super) struct Pages {
    filter: Filter,
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
        let lines = store::activities(c, scope, &self.filter, after).await?;
        let last = lines.last().map(|a| After {
            on: spona_domain::text::iso_date(a.held_on),
            id: a.id,
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

fn row(a: &ActivityLine) -> Vec<Cell> {
    let mut cells = vec![
        cell(a.held_on),
        Cell::Term(format!("activity-kind-{}", a.kind.code())),
        match a.medium {
            Some(m) => Cell::Term(format!("activity-medium-{}", m.code())),
            None => cell(Value::Empty),
        },
        cell(a.title.as_str()),
        cell(a.place.as_str()),
        cell(a.partners.as_str()),
    ];
    cells.extend(AudienceGroup::ALL.iter().map(|g| cell(a.audience.get(*g))));
    cells.push(cell(a.audience.total()));
    cells.push(cell(a.materials.as_str()));
    cells.push(cell(a.plan_activity.clone()));
    cells
}

impl App {
    /// The actor's team's activities that match the list's search and filters, newest first.
    pub async fn export_activities(
        &self,
        actor: &Actor,
        q: &ActivityQuery,
        format: Format,
    ) -> Result<Export, AppError> {
        let team = self.team_of_work(actor, false).await?;
        let filter = Filter {
            kind: ActivityKind::from_code(&q.kind),
            year: q.year.trim().parse().ok(),
            query: q.q.chars().take(100).collect(),
            limit: PAGE_ROWS,
            offset: 0,
        };
        let pages = Pages {
            filter,
            cursor: Cursor::start(),
        };
        self.start_export(actor, team.scope, None, format, Source::Activities(pages))
            .await
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use spona_domain::activities::{Audience, Medium};

    #[test]
    fn a_row_has_every_group_and_the_reach() {
        let a = ActivityLine {
            id: 1,
            held_on: time::macros::date!(2026 - 10 - 18),
            kind: ActivityKind::MediaAppearance,
            medium: Some(Medium::Tv),
            title: "=1+1".into(),
            place: String::new(),
            partners: String::new(),
            audience: Audience {
                pupils: 1,
                teachers: 2,
                parents: 3,
                officials: 4,
                public: 5,
            },
            materials: String::new(),
            plan_activity: None,
        };
        let cells = row(&a);
        assert_eq!(cells.len(), TABLE.columns.len());
        assert_eq!(cells[1], Cell::Term("activity-kind-media".into()));
        assert_eq!(cells[2], Cell::Term("activity-medium-tv".into()));
        assert_eq!(cells[6..12], [1, 2, 3, 4, 5, 15].map(cell));
    }
}

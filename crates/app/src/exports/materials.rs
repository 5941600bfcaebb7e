//! Materials as a table of items with their stock and, in a workbook, a second table of
//! every change of stock, item by item.

use super::{cell, Cell, Export, Format, Rows, Source, Table};
use crate::{App, AppError};
use spona_domain::access::{Actor, TeamScope, WorkNeed};
use spona_store::materials::{self as store, ItemRow, MovementRow};
use spona_store::Connection;
use std::collections::VecDeque;

pub(super) const ITEMS: Table = Table {
    name: "export-sheet-materials",
    columns: &[
        "export-col-item",
        "export-col-kind",
        "export-col-donor",
        "export-col-project",
        "export-col-produced",
        "export-col-handed-out",
        "export-col-stock",
    ],
};

pub(super) const MOVEMENTS: Table = Table {
    name: "export-sheet-movements",
    columns: &[
        "export-col-item",
        "export-col-date",
        "export-col-movement",
        "export-col-quantity",
        "export-col-occasion",
        "export-col-handed-out-at",
    ],
};

/// How far the reading got: the items first, then the movements of each item in turn.
pub(super) enum Pages {
    Items { with_movements: bool },
    Movements(VecDeque<(i64, String)>),
    Done,
}

impl Pages {
    pub(super) async fn next(
        &mut self,
        c: &mut Connection,
        scope: &TeamScope,
    ) -> Result<Option<Rows>, AppError> {
        match std::mem::replace(self, Pages::Done) {
            Pages::Items { with_movements } => {
                let items = store::list(c, scope).await?;
                if with_movements {
                    *self =
                        Pages::Movements(items.iter().map(|i| (i.id, i.name.clone())).collect());
                }
                Ok(Some(Rows {
                    table: 0,
                    rows: items.iter().map(item_row).collect(),
                }))
            }
            Pages::Movements(mut queue) => {
                while let Some((id, name)) = queue.pop_front() {
                    let moves = store::movements(c, scope, id).await?;
                    if !moves.is_empty() {
                        *self = Pages::Movements(queue);
                        return Ok(Some(Rows {
                            table: 1,
                            rows: moves.iter().map(|m| movement_row(&name, m)).collect(),
                        }));
                    }
                }
                Ok(None)
            }
            Pages::Done => Ok(None),
        }
    }
}

fn item_row(i: &ItemRow) -> Vec<Cell> {
    vec![
        cell(i.name.as_str()),
        Cell::Term(format!("material-kind-{}", i.kind)),
        cell(i.donor.as_str()),
        cell(i.project.as_str()),
        cell(i.produced),
        cell(i.handed_out),
        cell(i.stock()),
    ]
}

fn movement_row(item: &str, m: &MovementRow) -> Vec<Cell> {
    let on = time::Date::parse(
        &m.on_date,
        time::macros::format_description!("[year]-[month]-[day]"),
    );
    vec![
        cell(item),
        // A date that does not read as one is kept as the text it is.
        on.map_or_else(|_| cell(m.on_date.as_str()), cell),
        Cell::Term(format!("material-{}", m.direction)),
        cell(m.quantity),
        cell(m.occasion.as_str()),
        cell(m.activity_title.clone()),
    ]
}

impl App {
    /// The actor's team's materials by name; in a workbook also their movements.
    pub async fn export_materials(
        &self,
        actor: &Actor,
        format: Format,
    ) -> Result<Export, AppError> {
        let scope = Self::work_team(actor, WorkNeed::View)?;
        let pages = Pages::Items {
            with_movements: format == Format::Xlsx,
        };
        self.start_export(actor, scope, None, format, Source::Materials(pages))
            .await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_have_a_cell_for_every_column() {
        let item = ItemRow {
            id: 1,
            name: "Календар".into(),
            kind: "calendar".into(),
            donor: String::new(),
            project: String::new(),
            low_mark: 0,
            produced: 10,
            handed_out: 4,
        };
        assert_eq!(item_row(&item).len(), ITEMS.columns.len());
        assert_eq!(item_row(&item)[6], cell(6));
        let m = MovementRow {
            on_date: "2026-11-20".into(),
            direction: "handed-out".into(),
            quantity: 4,
            occasion: String::new(),
            activity_id: None,
            activity_title: None,
        };
        let row = movement_row("Календар", &m);
        assert_eq!(row.len(), MOVEMENTS.columns.len());
        assert_eq!(row[1], cell(time::macros::date!(2026 - 11 - 20)));
    }
}

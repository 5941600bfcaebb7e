//! A two-way table of counts with its row, column and grand totals, built from atoms.

use super::atoms::{AtomId, Microdata, Statistic};
use std::collections::BTreeSet;

/// Where a number sits in a two-way table.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub enum Position {
    /// The cell of one row and one column (indexes into the table's rows and columns).
    Cell {
        /// Index of the row.
        row: usize,
        /// Index of the column.
        column: usize,
    },
    /// The total of one row.
    RowTotal {
        /// Index of the row.
        row: usize,
    },
    /// The total of one column.
    ColumnTotal {
        /// Index of the column.
        column: usize,
    },
    /// The total of the whole table.
    GrandTotal,
}

impl Position {
    /// Every position of a table with `rows` rows and `columns` columns, in the order the
    /// numbers of a table are kept: cells row by row, then row totals, column totals and the
    /// grand total.
    pub fn all(rows: usize, columns: usize) -> Vec<Position> {
        let cells = (0..rows)
            .flat_map(|row| (0..columns).map(move |column| Position::Cell { row, column }));
        cells
            .chain((0..rows).map(|row| Position::RowTotal { row }))
            .chain((0..columns).map(|column| Position::ColumnTotal { column }))
            .chain(std::iter::once(Position::GrandTotal))
            .collect()
    }

    /// Whether this is a cell rather than a total (cells are preferred for complementary
    /// suppression: hiding a total hides more of the table's meaning).
    pub fn is_cell(self) -> bool {
        matches!(self, Position::Cell { .. })
    }
}

/// Why a table could not be built.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum TableError {
    /// A table needs at least one period, one row and one column.
    #[error("a table needs at least one period, one row and one column")]
    Empty,
    /// A period, row or column code is given twice.
    #[error("the code {0} is given twice")]
    Duplicate(String),
}

/// A two-way table of counts to publish: rows by columns, each cell adding up the atoms of
/// its row and column in every period of the table (one period for a quarter's table, four
/// for a year made of quarters). The table is the layout only; the counts come from the
/// [`Microdata`] it is published with.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CountTable {
    name: String,
    periods: Vec<String>,
    rows: Vec<String>,
    columns: Vec<String>,
    /// The atom row codes each row adds up (the row's own code unless grouped).
    row_members: Vec<Vec<String>>,
    /// The atom column codes each column adds up.
    column_members: Vec<Vec<String>>,
}

impl CountTable {
    /// The table `name` (a key the page and the report know it by) of `rows` by `columns`
    /// over `periods`.
    pub fn new<P, R, C>(
        name: impl Into<String>,
        periods: &[P],
        rows: &[R],
        columns: &[C],
    ) -> Result<CountTable, TableError>
    where
        P: AsRef<str>,
        R: AsRef<str>,
        C: AsRef<str>,
    {
        let rows = distinct(rows)?;
        let columns = distinct(columns)?;
        Ok(CountTable {
            name: name.into(),
            periods: distinct(periods)?,
            row_members: rows.iter().map(|r| vec![r.clone()]).collect(),
            column_members: columns.iter().map(|c| vec![c.clone()]).collect(),
            rows,
            columns,
        })
    }

    /// The key of the table.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The period keys the table adds up.
    pub fn periods(&self) -> &[String] {
        &self.periods
    }

    /// The row codes, in order.
    pub fn rows(&self) -> &[String] {
        &self.rows
    }

    /// The column codes, in order.
    pub fn columns(&self) -> &[String] {
        &self.columns
    }

    /// Every position of the table, in the order of [`Position::all`].
    pub fn positions(&self) -> Vec<Position> {
        Position::all(self.rows.len(), self.columns.len())
    }

    /// The atoms the number at `position` adds up; `None` for a row or column outside the
    /// table.
    pub fn atoms(&self, position: Position) -> Option<BTreeSet<AtomId>> {
        let (rows, columns): (Vec<&String>, Vec<&String>) = match position {
            Position::Cell { row, column } => (
                self.row_members.get(row)?.iter().collect(),
                self.column_members.get(column)?.iter().collect(),
            ),
            Position::RowTotal { row } => (
                self.row_members.get(row)?.iter().collect(),
                self.column_members.iter().flatten().collect(),
            ),
            Position::ColumnTotal { column } => (
                self.row_members.iter().flatten().collect(),
                self.column_members.get(column)?.iter().collect(),
            ),
            Position::GrandTotal => (
                self.row_members.iter().flatten().collect(),
                self.column_members.iter().flatten().collect(),
            ),
        };
        let mut atoms = BTreeSet::new();
        for p in &self.periods {
            for r in &rows {
                for c in &columns {
                    atoms.insert(AtomId::new(p, r, c));
                }
            }
        }
        Some(atoms)
    }

    /// The number at `position` with its count in `data`.
    pub fn statistic(&self, position: Position, data: &Microdata) -> Option<Statistic> {
        let atoms = self.atoms(position)?;
        let value = data.sum(&atoms);
        Some(Statistic { atoms, value })
    }

    /// Every number of the table in the order of [`Position::all`], counted in `data`.
    pub fn statistics(&self, data: &Microdata) -> Vec<(Position, Statistic)> {
        self.positions()
            .into_iter()
            .filter_map(|p| Some((p, self.statistic(p, data)?)))
            .collect()
    }
}

fn distinct<S: AsRef<str>>(codes: &[S]) -> Result<Vec<String>, TableError> {
    if codes.is_empty() {
        return Err(TableError::Empty);
    }
    let mut seen = BTreeSet::new();
    let mut out = Vec::with_capacity(codes.len());
    for code in codes {
        let code = code.as_ref();
        if !seen.insert(code) {
            return Err(TableError::Duplicate(code.to_owned()));
        }
        out.push(code.to_owned());
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn totals_add_up_the_atoms_of_every_period() {
        let mut data = Microdata::new();
        data.add("Q1", "f", "sex", 2);
        data.add("Q2", "f", "sex", 3);
        data.add("Q2", "m", "labour", 4);
        data.add("Q3", "m", "labour", 100); // outside the table's periods
        let t = CountTable::new("t", &["Q1", "Q2"], &["f", "m"], &["sex", "labour"]).unwrap();
        let v = |p| t.statistic(p, &data).unwrap().value;
        assert_eq!(v(Position::Cell { row: 0, column: 0 }), 5);
        assert_eq!(v(Position::Cell { row: 1, column: 1 }), 4);
        assert_eq!(v(Position::RowTotal { row: 0 }), 5);
        assert_eq!(v(Position::ColumnTotal { column: 1 }), 4);
        assert_eq!(v(Position::GrandTotal), 9);
        assert_eq!(
            t.atoms(Position::Cell { row: 0, column: 0 }).unwrap().len(),
            2
        );
        assert_eq!(t.atoms(Position::GrandTotal).unwrap().len(), 8);
        assert_eq!(t.statistics(&data).len(), 4 + 2 + 2 + 1);
        assert_eq!(t.atoms(Position::RowTotal { row: 2 }), None);
    }

    #[test]
    fn empty_and_repeated_codes_are_refused() {
        let none: [&str; 0] = [];
        assert_eq!(
            CountTable::new("t", &none, &["f"], &["x"]),
            Err(TableError::Empty)
        );
        assert_eq!(
            CountTable::new("t", &["Q1"], &none, &["x"]),
            Err(TableError::Empty)
        );
        assert_eq!(
            CountTable::new("t", &["Q1"], &["f", "f"], &["x"]),
            Err(TableError::Duplicate("f".into()))
        );
    }
}

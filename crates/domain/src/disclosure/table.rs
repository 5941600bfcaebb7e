//! A two-way table of counts with its row, column and grand totals, built from atoms.

use super::atoms::{AtomId, Microdata, Statistic};
use std::collections::{BTreeMap, BTreeSet};

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
/// for a year made of quarters).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CountTable {
    name: String,
    periods: Vec<String>,
    rows: Vec<String>,
    columns: Vec<String>,
    counts: BTreeMap<AtomId, u64>,
}

impl CountTable {
    /// The table `name` (a key the page and the report know it by) of `rows` by `columns`
    /// over `periods`, with counts from `data`.
    pub fn new<P, R, C>(
        name: impl Into<String>,
        periods: &[P],
        rows: &[R],
        columns: &[C],
        data: &Microdata,
    ) -> Result<CountTable, TableError>
    where
        P: AsRef<str>,
        R: AsRef<str>,
        C: AsRef<str>,
    {
        let periods = distinct(periods)?;
        let rows = distinct(rows)?;
        let columns = distinct(columns)?;
        let mut counts = BTreeMap::new();
        for p in &periods {
            for r in &rows {
                for c in &columns {
                    let atom = AtomId::new(p, r, c);
                    let n = data.count(&atom);
                    counts.insert(atom, n);
                }
            }
        }
        Ok(CountTable {
            name: name.into(),
            periods,
            rows,
            columns,
            counts,
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

    /// The count of every atom of the table.
    pub fn atom_counts(&self) -> &BTreeMap<AtomId, u64> {
        &self.counts
    }

    /// The number at `position`: which atoms it adds up and their total. `None` for a row
    /// or column outside the table.
    pub fn statistic(&self, position: Position) -> Option<Statistic> {
        let (rows, columns): (Vec<&String>, Vec<&String>) = match position {
            Position::Cell { row, column } => {
                (vec![self.rows.get(row)?], vec![self.columns.get(column)?])
            }
            Position::RowTotal { row } => {
                (vec![self.rows.get(row)?], self.columns.iter().collect())
            }
            Position::ColumnTotal { column } => {
                (self.rows.iter().collect(), vec![self.columns.get(column)?])
            }
            Position::GrandTotal => (self.rows.iter().collect(), self.columns.iter().collect()),
        };
        let mut atoms = BTreeSet::new();
        let mut value = 0u64;
        for p in &self.periods {
            for r in &rows {
                for c in &columns {
                    let atom = AtomId::new(p, r, c);
                    value = value.saturating_add(self.counts.get(&atom).copied().unwrap_or(0));
                    atoms.insert(atom);
                }
            }
        }
        Some(Statistic { atoms, value })
    }

    /// Every number of the table in the order of [`Position::all`].
    pub fn statistics(&self) -> Vec<(Position, Statistic)> {
        Position::all(self.rows.len(), self.columns.len())
            .into_iter()
            .filter_map(|p| Some((p, self.statistic(p)?)))
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
        let t =
            CountTable::new("t", &["Q1", "Q2"], &["f", "m"], &["sex", "labour"], &data).unwrap();
        let v = |p| t.statistic(p).unwrap().value;
        assert_eq!(v(Position::Cell { row: 0, column: 0 }), 5);
        assert_eq!(v(Position::Cell { row: 1, column: 1 }), 4);
        assert_eq!(v(Position::RowTotal { row: 0 }), 5);
        assert_eq!(v(Position::ColumnTotal { column: 1 }), 4);
        assert_eq!(v(Position::GrandTotal), 9);
        assert_eq!(
            t.statistic(Position::Cell { row: 0, column: 0 })
                .unwrap()
                .atoms
                .len(),
            2
        );
        assert_eq!(t.statistic(Position::GrandTotal).unwrap().atoms.len(), 8);
        assert_eq!(t.statistics().len(), 4 + 2 + 2 + 1);
        assert_eq!(t.statistic(Position::RowTotal { row: 2 }), None);
    }

    #[test]
    fn empty_and_repeated_codes_are_refused() {
        let data = Microdata::new();
        let none: [&str; 0] = [];
        assert_eq!(
            CountTable::new("t", &none, &["f"], &["x"], &data),
            Err(TableError::Empty)
        );
        assert_eq!(
            CountTable::new("t", &["Q1"], &none, &["x"], &data),
            Err(TableError::Empty)
        );
        assert_eq!(
            CountTable::new("t", &["Q1"], &["f", "f"], &["x"], &data),
            Err(TableError::Duplicate("f".into()))
        );
    }
}

//! What a protected release shows: each number shown or suppressed, with the reason, and a
//! summary per table for the page that explains the gaps.

use super::atoms::AtomId;
use super::table::Position;
use super::threshold::Threshold;
use std::collections::BTreeSet;

/// Why a number is not shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Reason {
    /// Primary suppression: the number is 1..k-1, few enough to point at people.
    SmallCount,
    /// Complementary suppression: the number is not small itself, but showing it would let
    /// a reader work out a suppressed one from the totals or from other tables.
    Protects,
}

/// One number as published.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Published {
    /// The number is shown. It is 0 or at least the threshold.
    Shown(u64),
    /// The number is hidden.
    Suppressed(Reason),
}

impl Published {
    /// The shown value, if the number is shown.
    pub fn shown(self) -> Option<u64> {
        match self {
            Published::Shown(n) => Some(n),
            Published::Suppressed(_) => None,
        }
    }

    /// Whether the number is hidden.
    pub fn is_suppressed(self) -> bool {
        matches!(self, Published::Suppressed(_))
    }
}

/// One number of a protected table: where it sits, which atoms it adds up (kept so that a
/// later release can be checked against this one) and what is shown.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct PublishedNumber {
    /// Where the number sits in its table.
    pub position: Position,
    /// The atoms it adds up.
    pub atoms: BTreeSet<AtomId>,
    /// What the reader sees.
    pub published: Published,
}

/// A table as it may be published.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ProtectedTable {
    name: String,
    rows: Vec<String>,
    columns: Vec<String>,
    numbers: Vec<PublishedNumber>,
}

impl ProtectedTable {
    pub(super) fn new(
        name: String,
        rows: Vec<String>,
        columns: Vec<String>,
        numbers: Vec<PublishedNumber>,
    ) -> ProtectedTable {
        ProtectedTable {
            name,
            rows,
            columns,
            numbers,
        }
    }

    /// The key of the table.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The row codes, in order.
    pub fn rows(&self) -> &[String] {
        &self.rows
    }

    /// The column codes, in order.
    pub fn columns(&self) -> &[String] {
        &self.columns
    }

    /// Every number of the table: cells row by row, row totals, column totals, grand total.
    pub fn numbers(&self) -> &[PublishedNumber] {
        &self.numbers
    }

    /// The number at `position`, `None` outside the table.
    pub fn get(&self, position: Position) -> Option<Published> {
        self.numbers
            .iter()
            .find(|n| n.position == position)
            .map(|n| n.published)
    }

    /// The cell of row `row` and column `column`.
    pub fn cell(&self, row: usize, column: usize) -> Option<Published> {
        self.get(Position::Cell { row, column })
    }

    /// The total of row `row`.
    pub fn row_total(&self, row: usize) -> Option<Published> {
        self.get(Position::RowTotal { row })
    }

    /// The total of column `column`.
    pub fn column_total(&self, column: usize) -> Option<Published> {
        self.get(Position::ColumnTotal { column })
    }

    /// The total of the table.
    pub fn grand_total(&self) -> Option<Published> {
        self.get(Position::GrandTotal)
    }

    /// How many numbers of the table are shown and how many are hidden, for which reason.
    pub fn note(&self) -> TableNote {
        let count = |p: Published| self.numbers.iter().filter(|n| n.published == p).count();
        TableNote {
            table: self.name.clone(),
            shown: self
                .numbers
                .iter()
                .filter(|n| !n.published.is_suppressed())
                .count(),
            small_count: count(Published::Suppressed(Reason::SmallCount)),
            protects: count(Published::Suppressed(Reason::Protects)),
        }
    }
}

/// The numbers of one table by what happened to them, for the sentence under the table
/// ("3 numbers are hidden because they are below 11, 2 more so that they cannot be worked
/// out from the totals").
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct TableNote {
    /// The key of the table.
    pub table: String,
    /// Numbers shown.
    pub shown: usize,
    /// Numbers hidden because they are 1..k-1.
    pub small_count: usize,
    /// Numbers hidden so that a hidden number cannot be worked out.
    pub protects: usize,
}

/// The tables of one release, protected together and against what was published before.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ProtectedRelease {
    threshold: Threshold,
    tables: Vec<ProtectedTable>,
    already_exposed: usize,
}

impl ProtectedRelease {
    pub(super) fn new(
        threshold: Threshold,
        tables: Vec<ProtectedTable>,
        already_exposed: usize,
    ) -> ProtectedRelease {
        ProtectedRelease {
            threshold,
            tables,
            already_exposed,
        }
    }

    /// The threshold the release was protected with.
    pub fn threshold(&self) -> Threshold {
        self.threshold
    }

    /// The tables, in the order they were given.
    pub fn tables(&self) -> &[ProtectedTable] {
        &self.tables
    }

    /// The table named `name`.
    pub fn table(&self, name: &str) -> Option<&ProtectedTable> {
        self.tables.iter().find(|t| t.name == name)
    }

    /// One note per table, in the order of the tables.
    pub fn notes(&self) -> Vec<TableNote> {
        self.tables.iter().map(ProtectedTable::note).collect()
    }

    /// Hides one more number of a table (as protecting others). Hiding more never gives
    /// anything away; callers use it to keep a number that several tables share (the total
    /// of one population) hidden in all of them once one hides it. False when there is no
    /// such table or position.
    pub fn withhold(&mut self, table: &str, position: Position) -> bool {
        let Some(t) = self.tables.iter_mut().find(|t| t.name == table) else {
            return false;
        };
        match t.numbers.iter_mut().find(|n| n.position == position) {
            Some(n) => {
                if !n.published.is_suppressed() {
                    n.published = Published::Suppressed(Reason::Protects);
                }
                true
            }
            None => false,
        }
    }

    /// How many small or hidden numbers could already be worked out from earlier releases
    /// alone, so that nothing in this release could hide them (0 unless an earlier release
    /// was published unprotected or its data were corrected afterwards). Worth a warning.
    pub fn already_exposed(&self) -> usize {
        self.already_exposed
    }
}

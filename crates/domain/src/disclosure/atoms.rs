//! Atoms: the finest counts (one period, one row category, one column category) of which
//! every published number is a sum.

use std::collections::{BTreeMap, BTreeSet};

/// One atom: the count of one period for one row category and one column category.
///
/// The atom is named by its codes rather than by a running number so that a release stored
/// months ago and a release built today mean the same atom by the same name: the first
/// quarter's table and the year's table share the atoms of the first quarter.
#[derive(
    Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub struct AtomId {
    /// The period key, e.g. `2026-Q1`. A year made of quarters uses the quarters' keys.
    pub period: String,
    /// The code of the row category, e.g. a sex or an age band.
    pub row: String,
    /// The code of the column category, e.g. a form of exploitation.
    pub column: String,
}

impl AtomId {
    /// The atom of `period`, `row` and `column`.
    pub fn new(period: &str, row: &str, column: &str) -> AtomId {
        AtomId {
            period: period.to_owned(),
            row: row.to_owned(),
            column: column.to_owned(),
        }
    }
}

/// The counts of the atoms, as the case workers' records give them, and the periods they
/// cover. An atom of a covered period that was never added counts 0.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Microdata {
    counts: BTreeMap<AtomId, u64>,
    periods: BTreeSet<String>,
}

impl Microdata {
    /// No periods and no counts yet.
    pub fn new() -> Microdata {
        Microdata::default()
    }

    /// Declares that the data of `period` are all here, even if it had no cases: its atoms
    /// then count 0 rather than being unknown.
    pub fn cover(&mut self, period: &str) {
        self.periods.insert(period.to_owned());
    }

    /// Adds `count` to the atom of `period`, `row` and `column` (e.g. 1 per person), and
    /// covers `period`.
    pub fn add(&mut self, period: &str, row: &str, column: &str, count: u64) {
        self.cover(period);
        let n = self
            .counts
            .entry(AtomId::new(period, row, column))
            .or_insert(0);
        *n = n.saturating_add(count);
    }

    /// Whether the data of `period` are here.
    pub fn covers(&self, period: &str) -> bool {
        self.periods.contains(period)
    }

    /// The count of one atom (0 if never added).
    pub fn count(&self, atom: &AtomId) -> u64 {
        self.counts.get(atom).copied().unwrap_or(0)
    }

    /// The total count of a set of atoms.
    pub fn sum<'a>(&self, atoms: impl IntoIterator<Item = &'a AtomId>) -> u64 {
        atoms
            .into_iter()
            .fold(0u64, |sum, a| sum.saturating_add(self.count(a)))
    }
}

/// A number to publish: the sum of the counts of a set of atoms.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Statistic {
    /// The atoms it adds up.
    pub atoms: BTreeSet<AtomId>,
    /// Their total count.
    pub value: u64,
}

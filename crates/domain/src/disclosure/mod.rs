//! Small-cell disclosure control for every statistic that leaves the case workers:
//! dashboards for other roles, periodic reports to the National Coordinator, exports.
//!
//! A town has a couple of reports a year, so a published "2" can point at a person. As in
//! CTDC's k-anonymised data (k = 11), no published number may be 1..k-1, and totals or
//! differences between tables (two consecutive periods, quarters and their year) must not
//! let anyone work out a hidden number.
//!
//! Every published number is the sum of a set of atoms, the finest counts (one period, one
//! row category, one column category). A cell is one atom, or four for a year made of
//! quarters; a row total adds the row's atoms; the grand total all of them. Every linear
//! relation between tables and periods then follows from the atoms by itself: nothing has
//! to be declared. Whether a hidden number can be worked out is decided exactly, see
//! [`protect`].

mod atoms;
mod moves;
mod protect;
mod published;
mod rational;
mod span;
mod table;
mod threshold;

#[cfg(test)]
mod attack;
#[cfg(test)]
mod tests;

pub use atoms::{AtomId, Microdata, Statistic};
pub use protect::{protect, ProtectError};
pub use published::{
    ProtectedRelease, ProtectedTable, Published, PublishedNumber, Reason, TableNote,
};
pub use table::{CountTable, Position, TableError};
pub use threshold::{Threshold, ThresholdError};

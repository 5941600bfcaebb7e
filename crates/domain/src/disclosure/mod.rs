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
//! to be declared. Whether a hidden number can be worked out is decided with exact
//! arithmetic, see [`protect`].
//!
//! ```
//! use spona_domain::disclosure::{protect, CountTable, Microdata, Published, Reason, Threshold};
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let quarters = ["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"];
//! let (sexes, forms) = (["f", "m"], ["sexual", "labour"]);
//! // One atom per quarter, sex and form; every quarter the data cover, even an empty one.
//! let mut data = Microdata::new();
//! for q in quarters {
//!     data.cover(q);
//! }
//! data.add("2026-Q1", "f", "sexual", 12);
//! data.add("2026-Q1", "f", "labour", 3);
//! data.add("2026-Q1", "m", "labour", 14);
//! data.add("2026-Q2", "f", "sexual", 20);
//! data.add("2026-Q2", "m", "labour", 1);
//!
//! // The first quarter's report.
//! let q1 = CountTable::new("by-sex-and-form", &quarters[..1], &sexes, &forms)?;
//! let first = protect(&data, &[q1], &[], Threshold::DEFAULT)?;
//! let t = &first.tables()[0];
//! assert_eq!(t.cell(0, 1), Some(Published::Suppressed(Reason::SmallCount)));
//! assert_eq!(t.cell(1, 0), Some(Published::Shown(0))); // a zero reveals nobody
//! assert!(first.notes()[0].protects > 0); // else the totals would give the 3 away
//!
//! // The year, protected against what the first quarter already showed.
//! let year = CountTable::new("by-sex-and-form", &quarters, &sexes, &forms)?;
//! let second = protect(&data, &[year], &[first], Threshold::DEFAULT)?;
//! for note in second.notes() {
//!     println!("{}: {} hidden as small, {} to protect them", note.table, note.small_count, note.protects);
//! }
//! // Store `second` (it is serde-serialisable) to protect later releases against it.
//! # Ok(())
//! # }
//! ```

#![warn(missing_docs)]

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

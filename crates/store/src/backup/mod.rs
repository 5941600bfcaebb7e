//! Backups at the level of tables: the schema read from the database itself (so a table
//! added by a later migration is carried without a change here), every row of every table
//! read in one consistent snapshot, and rows written back into an empty database of either
//! engine. What a backup means (the manifest, the keys, the audit chain) is the app's.

mod load;
mod migrations;
mod schema;
mod snapshot;
mod value;

pub use load::{clear_initial_rows, continue_sequences, holding_data, insert_rows};
pub use migrations::{applied_migrations, migrate_to};
pub use schema::{tables, Column, ColumnKind, Table};
pub use snapshot::{Pages, Snapshot};
pub use value::{Row, Value};

/// Tables a backup leaves out: `_sqlx_migrations` (the target's own migrations write it);
/// the job leases, which say which running instance does what and mean nothing to another
/// deployment (a restored lease would only hold up its jobs); and the counts the database's
/// triggers keep (activities by year and kind, cases by list), which they count again as the
/// restored rows go in.
pub const NOT_CARRIED: [&str; 5] = [
    "_sqlx_migrations",
    "job_leases",
    "activity_tallies",
    "case_listing_counts",
    "team_case_counts",
];

/// Quotes a name from the catalogue as an SQL identifier (both engines use double quotes).
pub(crate) fn quoted(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

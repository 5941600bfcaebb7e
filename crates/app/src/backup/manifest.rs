//! The first record of a backup: what it holds and where it came from, so that a restore can
//! refuse what it cannot take (a newer format or schema, a wrong key) before it touches the
//! target, and can check afterwards that every row arrived.

use serde::{Deserialize, Serialize};
use zeroize::Zeroize;

/// The archive format this build writes and reads; a later one is refused by number.
pub const FORMAT: u32 = 1;

/// The message whose keyed hash under the audit chain's key proves a master key: it cannot be
/// mistaken for an audit entry (entries hash ten fields, this one field).
pub(crate) const KEY_CHECK_MESSAGE: &str = "spona-backup-key-check";

/// What a backup holds.
#[derive(Debug, Serialize, Deserialize)]
pub struct Manifest {
    /// The archive format (see [`FORMAT`]).
    pub format: u32,
    /// The version of Spona that wrote it.
    pub spona_version: String,
    /// The engine the data came from: `sqlite` or `postgres`.
    pub engine: String,
    /// The last applied migration: the schema the rows fit.
    pub schema_version: i64,
    /// Every applied migration.
    pub migrations: Vec<i64>,
    /// When the snapshot was taken (UTC).
    #[serde(with = "time::serde::rfc3339")]
    pub taken_at: time::OffsetDateTime,
    /// The tables in the order their rows follow, with their columns and row counts.
    pub tables: Vec<TableEntry>,
    /// The end of the audit chain in the snapshot.
    pub audit_head: ChainHead,
    /// A keyed hash that only the deployment's master key reproduces.
    pub key_check: String,
    /// The master key itself, only when the operator asked for it (`--include-key`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub master_key: Option<IncludedKey>,
}

/// A table as the manifest lists it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TableEntry {
    pub name: String,
    /// Column names with their kinds (`integer`, `text`).
    pub columns: Vec<(String, String)>,
    pub rows: i64,
}

/// The last sequence number of the audit chain and its hash.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChainHead {
    pub last_seq: i64,
    pub last_hash: String,
}

/// The master key in base64; never printed, wiped from memory when dropped.
#[derive(Clone, Serialize, Deserialize)]
#[serde(transparent)]
pub struct IncludedKey(pub(crate) String);

impl std::fmt::Debug for IncludedKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("IncludedKey(…)")
    }
}

impl Drop for IncludedKey {
    fn drop(&mut self) {
        self.0.zeroize();
    }
}

impl Manifest {
    /// The manifest's rows in all, for progress.
    pub fn total_rows(&self) -> u64 {
        self.tables
            .iter()
            .map(|t| u64::try_from(t.rows).unwrap_or(0))
            .sum()
    }
}

//! The audit trail's retention as stored: the oldest entries removed and counted per month
//! and action, the anchor the chain then starts from, and sign-in entries whose who and where
//! were erased, each with the seal that vouches for it. What is sealed, and with which key,
//! is the app's business.

use crate::audit::Entry;
use crate::{StoreError, Tx};
use sqlx::AnyConnection;

/// Where the chain starts once its oldest entries are gone.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct AnchorRow {
    /// The last removed entry's number.
    pub until_seq: i64,
    /// Its hash: the first entry kept links to it.
    pub last_hash: String,
    pub removed_at: i64,
    pub seal: String,
}

/// Removed entries, counted.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct AggregateRow {
    pub month: String,
    pub action: String,
    pub subject: String,
    pub entries: i64,
}

/// An erased entry's seal.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct ErasureRow {
    pub seq: i64,
    pub seal: String,
}

/// The anchor, if entries were ever removed.
pub async fn anchor(c: &mut AnyConnection) -> Result<Option<AnchorRow>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT until_seq, last_hash, removed_at, seal FROM audit_anchor WHERE id = 1",
    )
    .fetch_optional(c)
    .await?)
}

/// The last entry written before the cutoff. It may be the chain's head: the removal appends
/// its own entry in the same transaction, linked to the anchor.
pub async fn last_before(c: &mut AnyConnection, cutoff: i64) -> Result<Option<Entry>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT seq, at, team_id, actor_id, actor_label, action, subject, subject_id, reason, \
         address, prev_hash, hash FROM audit_log WHERE at < $1 ORDER BY seq DESC LIMIT 1",
    )
    .bind(cutoff)
    .fetch_optional(c)
    .await?)
}

/// Adds removed entries to the counts.
pub async fn count_in(tx: &mut Tx, row: &AggregateRow) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO audit_aggregates (month, action, subject, entries) VALUES ($1, $2, $3, $4) \
         ON CONFLICT (month, action, subject) DO UPDATE SET \
         entries = audit_aggregates.entries + $4",
    )
    .bind(&row.month)
    .bind(&row.action)
    .bind(&row.subject)
    .bind(row.entries)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Removes the entries up to and including `until_seq` (and their erasure seals), and moves
/// the anchor to the last of them.
pub async fn remove_through(tx: &mut Tx, anchor: &AnchorRow) -> Result<i64, StoreError> {
    let done = sqlx::query("DELETE FROM audit_log WHERE seq <= $1")
        .bind(anchor.until_seq)
        .execute(&mut **tx)
        .await?;
    sqlx::query("DELETE FROM audit_erasures WHERE seq <= $1")
        .bind(anchor.until_seq)
        .execute(&mut **tx)
        .await?;
    sqlx::query(
        "INSERT INTO audit_anchor (id, until_seq, last_hash, removed_at, seal) \
         VALUES (1, $1, $2, $3, $4) ON CONFLICT (id) DO UPDATE SET until_seq = $1, \
         last_hash = $2, removed_at = $3, seal = $4",
    )
    .bind(anchor.until_seq)
    .bind(&anchor.last_hash)
    .bind(anchor.removed_at)
    .bind(&anchor.seal)
    .execute(&mut **tx)
    .await?;
    Ok(i64::try_from(done.rows_affected()).unwrap_or(i64::MAX))
}

/// The counts of removed entries, newest month first.
pub async fn aggregates(c: &mut AnyConnection) -> Result<Vec<AggregateRow>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT month, action, subject, entries FROM audit_aggregates \
         ORDER BY month DESC, subject, action",
    )
    .fetch_all(c)
    .await?)
}

/// The actions whose entries say who signed in or out, and from where.
pub const SIGN_IN_ACTIONS: &str =
    "('sign-in', 'sign-in-failed', 'sign-out', 'second-factor-failed', \
     'recovery-code-used', 'identity-confirmed', 'confirmation-failed')";

/// Sign-in entries written before the cutoff and not erased yet, in order.
pub async fn sign_ins_before(c: &mut AnyConnection, cutoff: i64) -> Result<Vec<Entry>, StoreError> {
    Ok(sqlx::query_as(&format!(
        "SELECT seq, at, team_id, actor_id, actor_label, action, subject, subject_id, reason, \
         address, prev_hash, hash FROM audit_log WHERE at < $1 AND action IN {SIGN_IN_ACTIONS} \
         AND NOT EXISTS (SELECT 1 FROM audit_erasures e WHERE e.seq = audit_log.seq) ORDER BY seq"
    ))
    .bind(cutoff)
    .fetch_all(c)
    .await?)
}

/// Erases who and from where of an entry (the account, its name, the address; the reason),
/// keeping its place, action, time and hash, and stores the seal that vouches for it.
pub async fn erase(tx: &mut Tx, seq: i64, seal: &str) -> Result<(), StoreError> {
    sqlx::query(
        "UPDATE audit_log SET actor_id = NULL, actor_label = '', subject_id = NULL, \
         reason = '', address = '' WHERE seq = $1",
    )
    .bind(seq)
    .execute(&mut **tx)
    .await?;
    sqlx::query("INSERT INTO audit_erasures (seq, seal) VALUES ($1, $2)")
        .bind(seq)
        .bind(seal)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// The erased entries' seals.
pub async fn erasures(c: &mut AnyConnection) -> Result<Vec<ErasureRow>, StoreError> {
    Ok(
        sqlx::query_as("SELECT seq, seal FROM audit_erasures ORDER BY seq")
            .fetch_all(c)
            .await?,
    )
}

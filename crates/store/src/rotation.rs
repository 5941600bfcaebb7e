//! Master key rotation as stored: the rotation under way (the next key's check value, never
//! the key), the sweep's rows (a case's wrapped data key and sealed identity, with the next
//! values beside them), the switch that moves the next values into place, and the key check
//! that writers read under the audit chain's lock. What the keys are is the app's business.
//!
//! Lock order, on PostgreSQL: case rows, then the audit head. Every audited write takes them
//! in this order (it changes its rows, then appends its entry, reading the key check under
//! the head's lock), and so does the switch, so the two never wait on each other in a circle.

use crate::{Db, StoreError, Tx};
use sqlx::AnyConnection;

/// A rotation under way.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct RotationRow {
    /// The check value of the next master key.
    pub next_check: String,
    pub started_at: i64,
}

/// What the sweep reads of a case: enough to re-wrap its data key and recompute its index.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct SweepRow {
    pub id: i64,
    pub version: i64,
    pub data_key: String,
    pub identity: String,
}

/// How far the sweep is: cases in all, and how many have their next values.
#[derive(Clone, Copy, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct SweepCount {
    pub cases: i64,
    pub swept: i64,
}

impl Db {
    /// The rotation under way, if any. Read before migrations run too (a start during a
    /// rotation), so it looks for its table first.
    pub async fn key_rotation(&self) -> Result<Option<RotationRow>, StoreError> {
        if !self.has_table("key_rotation").await? {
            return Ok(None);
        }
        let mut c = self.conn().await?;
        under_way(&mut c).await
    }
}

/// The rotation under way, if any.
pub async fn under_way(c: &mut AnyConnection) -> Result<Option<RotationRow>, StoreError> {
    Ok(
        sqlx::query_as("SELECT next_check, started_at FROM key_rotation WHERE id = 1")
            .fetch_optional(c)
            .await?,
    )
}

/// Records that a rotation to the key with `next_check` is under way; refused (a duplicate)
/// when another is recorded.
pub async fn begin(tx: &mut Tx, next_check: &str, now: i64) -> Result<(), StoreError> {
    sqlx::query("INSERT INTO key_rotation (id, next_check, started_at) VALUES (1, $1, $2)")
        .bind(next_check)
        .bind(now)
        .execute(&mut **tx)
        .await
        .map_err(|e| StoreError::unique(e, "key rotation"))?;
    Ok(())
}

/// Drops the rotation under way and every next value made for it; the current values were
/// never touched, so nothing is lost.
pub async fn abandon(tx: &mut Tx) -> Result<(), StoreError> {
    sqlx::query(
        "UPDATE cases SET data_key_next = NULL, person_index_next = NULL \
         WHERE data_key_next IS NOT NULL OR person_index_next IS NOT NULL",
    )
    .execute(&mut **tx)
    .await?;
    sqlx::query("DELETE FROM key_rotation")
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// Cases in all and those swept (a case whose personal data was removed has no key to
/// re-wrap, and counts for neither).
pub async fn count(c: &mut AnyConnection) -> Result<SweepCount, StoreError> {
    Ok(sqlx::query_as(
        "SELECT COUNT(*) AS cases, COUNT(data_key_next) AS swept FROM cases \
             WHERE shredded_at IS NULL",
    )
    .fetch_one(c)
    .await?)
}

/// The next cases after `after_id` that lack their next values, in id order, at most `limit`.
pub async fn unswept_after(
    c: &mut AnyConnection,
    after_id: i64,
    limit: i64,
) -> Result<Vec<SweepRow>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT id, version, data_key, identity FROM cases \
         WHERE id > $1 AND data_key_next IS NULL AND shredded_at IS NULL ORDER BY id LIMIT $2",
    )
    .bind(after_id)
    .bind(limit)
    .fetch_all(c)
    .await?)
}

/// Stores a case's next values, if the case is still as the sweep read it (at `version`, not
/// swept by someone else); false when it changed, for a later pass to redo.
pub async fn record_next(
    tx: &mut Tx,
    id: i64,
    version: i64,
    data_key_next: &str,
    person_index_next: Option<&str>,
) -> Result<bool, StoreError> {
    let done = sqlx::query(
        "UPDATE cases SET data_key_next = $1, person_index_next = $2 \
         WHERE id = $3 AND version = $4 AND data_key_next IS NULL",
    )
    .bind(data_key_next)
    .bind(person_index_next)
    .bind(id)
    .bind(version)
    .execute(&mut **tx)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// The switch's first step: every case's next values moved into place and cleared. Returns
/// how many cases were moved; the caller compares it with [`cases_now`] once it holds the
/// audit head, and rolls back if a case was added or edited meanwhile.
pub async fn move_next_into_place(tx: &mut Tx) -> Result<i64, StoreError> {
    let done = sqlx::query(
        "UPDATE cases SET data_key = data_key_next, person_index = person_index_next, \
         data_key_next = NULL, person_index_next = NULL WHERE data_key_next IS NOT NULL",
    )
    .execute(&mut **tx)
    .await?;
    Ok(i64::try_from(done.rows_affected()).unwrap_or(i64::MAX))
}

/// How many cases there are, as committed now (on PostgreSQL a fresh statement sees writers
/// that committed while the switch waited for the audit head).
pub async fn cases_now(tx: &mut Tx) -> Result<i64, StoreError> {
    Ok(
        sqlx::query_scalar("SELECT COUNT(*) FROM cases WHERE shredded_at IS NULL")
            .fetch_one(&mut **tx)
            .await?,
    )
}

/// The recorded key check, read inside a write transaction after the audit head was locked:
/// a switch to another key either committed before (and is seen) or waits until this
/// transaction ends. `None` when no check was ever recorded.
pub async fn key_check_under_head(tx: &mut Tx) -> Result<Option<String>, StoreError> {
    Ok(
        sqlx::query_scalar("SELECT key_check FROM deployment WHERE id = 1")
            .fetch_optional(&mut **tx)
            .await?,
    )
}

/// The switch's last step: the new key's check recorded and the rotation ended.
pub async fn finish(tx: &mut Tx, new_check: &str) -> Result<(), StoreError> {
    let done = sqlx::query("UPDATE deployment SET key_check = $1 WHERE id = 1")
        .bind(new_check)
        .execute(&mut **tx)
        .await?;
    StoreError::one_row(done.rows_affected())?;
    sqlx::query("DELETE FROM key_rotation")
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// The audit chain key of an ended epoch, sealed under the current master key.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct EpochRow {
    /// The last entry linked with this key.
    pub until_seq: i64,
    pub chain_key: String,
    pub ended_at: i64,
}

/// The ended epochs of the audit chain, oldest first.
pub async fn epochs(c: &mut AnyConnection) -> Result<Vec<EpochRow>, StoreError> {
    Ok(
        sqlx::query_as(
            "SELECT until_seq, chain_key, ended_at FROM audit_epochs ORDER BY until_seq",
        )
        .fetch_all(c)
        .await?,
    )
}

/// Replaces an ended epoch's sealed chain key (sealed anew under the next master key).
pub async fn reseal_epoch(tx: &mut Tx, until_seq: i64, chain_key: &str) -> Result<(), StoreError> {
    let done = sqlx::query("UPDATE audit_epochs SET chain_key = $1 WHERE until_seq = $2")
        .bind(chain_key)
        .bind(until_seq)
        .execute(&mut **tx)
        .await?;
    StoreError::one_row(done.rows_affected())
}

/// Ends the current epoch at `until_seq`, keeping its chain key sealed.
pub async fn end_epoch(
    tx: &mut Tx,
    until_seq: i64,
    chain_key: &str,
    now: i64,
) -> Result<(), StoreError> {
    sqlx::query("INSERT INTO audit_epochs (until_seq, chain_key, ended_at) VALUES ($1, $2, $3)")
        .bind(until_seq)
        .bind(chain_key)
        .bind(now)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

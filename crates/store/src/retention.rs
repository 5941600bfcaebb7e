//! Retention as stored: the records the schedule finds due, the removals themselves, and the
//! legal holds that stop them. Deployment-wide maintenance, like the key rotation's sweep:
//! what is due and when is the app's business; every removal here spares held cases and
//! cases already removed, in its own statement, so a hold set meanwhile still wins.

use crate::{StoreError, Tx};
use sqlx::AnyConnection;

/// A closed case the schedule finds due, with what its number is made of.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct DueCase {
    pub id: i64,
    pub team_id: i64,
    pub city: String,
    pub year: i64,
    pub seq: i64,
}

/// The condition a case must meet to lose anything: closed before the cutoff (bound at
/// `$1`), not removed yet, not held.
const DUE: &str = "c.state = 'closed' AND c.closed_at IS NOT NULL AND c.closed_at < $1 \
     AND c.shredded_at IS NULL \
     AND NOT EXISTS (SELECT 1 FROM case_holds h WHERE h.case_id = c.id)";

/// Closed cases due for the removal of their personal data, in id order.
pub async fn due_cases(c: &mut AnyConnection, cutoff: i64) -> Result<Vec<DueCase>, StoreError> {
    Ok(sqlx::query_as(&format!(
        "SELECT c.id, c.team_id, t.city, c.year, c.seq FROM cases c \
         JOIN teams t ON t.id = c.team_id WHERE {DUE} ORDER BY c.id"
    ))
    .bind(cutoff)
    .fetch_all(c)
    .await?)
}

/// Closed cases due for the removal of their attachments (that have any), in id order.
pub async fn due_attachments(
    c: &mut AnyConnection,
    cutoff: i64,
) -> Result<Vec<DueCase>, StoreError> {
    Ok(sqlx::query_as(&format!(
        "SELECT c.id, c.team_id, t.city, c.year, c.seq FROM cases c \
         JOIN teams t ON t.id = c.team_id WHERE {DUE} \
         AND EXISTS (SELECT 1 FROM case_attachments a WHERE a.case_id = c.id) ORDER BY c.id"
    ))
    .bind(cutoff)
    .fetch_all(c)
    .await?)
}

/// How many attachments a case holds.
pub async fn attachments_of(c: &mut AnyConnection, case_id: i64) -> Result<i64, StoreError> {
    Ok(
        sqlx::query_scalar("SELECT COUNT(*) FROM case_attachments WHERE case_id = $1")
            .bind(case_id)
            .fetch_one(c)
            .await?,
    )
}

/// Removes a due case's attached files; how many. Nothing when it is held or no longer due.
pub async fn remove_attachments(tx: &mut Tx, case_id: i64, cutoff: i64) -> Result<i64, StoreError> {
    let done = sqlx::query(&format!(
        "DELETE FROM case_attachments WHERE case_id = $2 AND EXISTS \
         (SELECT 1 FROM cases c WHERE c.id = $2 AND {DUE})"
    ))
    .bind(cutoff)
    .bind(case_id)
    .execute(&mut **tx)
    .await?;
    Ok(i64::try_from(done.rows_affected()).unwrap_or(i64::MAX))
}

/// Destroys a due case's personal data: its wrapped data key (without which nothing sealed
/// under it opens again), every sealed value and free text about it, its blind indexes and
/// its attachments; its coded fields, states and dates stay. False when it is held or no
/// longer due (then nothing changed).
pub async fn shred_case(
    tx: &mut Tx,
    case_id: i64,
    cutoff: i64,
    now: i64,
) -> Result<bool, StoreError> {
    let done = sqlx::query(&format!(
        "UPDATE cases SET data_key = '', identity = '', contact = '', circumstances = '', \
         screening = '', person_index = NULL, data_key_next = NULL, person_index_next = NULL, \
         shredded_at = $3, updated_at = $3, version = version + 1 \
         WHERE id = $2 AND id IN (SELECT c.id FROM cases c WHERE c.id = $2 AND {DUE})"
    ))
    .bind(cutoff)
    .bind(case_id)
    .bind(now)
    .execute(&mut **tx)
    .await?;
    if done.rows_affected() != 1 {
        return Ok(false);
    }
    for sql in [
        "DELETE FROM case_attachments WHERE case_id = $1",
        "UPDATE case_guardians SET sealed = '' WHERE case_id = $1",
        "UPDATE case_consents SET sealed = '' WHERE case_id = $1",
        "UPDATE case_notes SET sealed = '' WHERE case_id = $1",
        "UPDATE case_tasks SET sealed = '' WHERE case_id = $1",
        "UPDATE referral_messages SET text = '' WHERE case_id = $1",
        "UPDATE referrals SET purpose = '', sealed_purpose = '', decline_reason = '', \
         override_reason = '' WHERE case_id = $1",
        "UPDATE case_transfers SET reason = '', decline_reason = '' WHERE case_id = $1",
        "UPDATE break_glass SET reason = '' WHERE case_id = $1",
        "UPDATE possible_duplicates SET reason = '' WHERE case_id = $1 OR other_case_id = $1",
        "UPDATE data_requests SET legal_basis = '', reason = '' WHERE case_id = $1",
    ] {
        sqlx::query(sql).bind(case_id).execute(&mut **tx).await?;
    }
    Ok(true)
}

/// How many notifications were made before the cutoff.
pub async fn due_notifications(c: &mut AnyConnection, cutoff: i64) -> Result<i64, StoreError> {
    Ok(
        sqlx::query_scalar("SELECT COUNT(*) FROM notifications WHERE created_at < $1")
            .bind(cutoff)
            .fetch_one(c)
            .await?,
    )
}

/// Removes the notifications made before the cutoff; how many.
pub async fn remove_notifications(tx: &mut Tx, cutoff: i64) -> Result<i64, StoreError> {
    let done = sqlx::query("DELETE FROM notifications WHERE created_at < $1")
        .bind(cutoff)
        .execute(&mut **tx)
        .await?;
    Ok(i64::try_from(done.rows_affected()).unwrap_or(i64::MAX))
}

/// How many sessions have ended (run out) and are still stored; they are removed as they end,
/// so these are the few since the last purge.
pub async fn ended_sessions(c: &mut AnyConnection, now: i64) -> Result<i64, StoreError> {
    Ok(
        sqlx::query_scalar("SELECT COUNT(*) FROM sessions WHERE expires_at <= $1")
            .bind(now)
            .fetch_one(c)
            .await?,
    )
}

/// Removes the sessions that ran out by `now`; how many.
pub async fn remove_ended_sessions(tx: &mut Tx, now: i64) -> Result<i64, StoreError> {
    let done = sqlx::query("DELETE FROM sessions WHERE expires_at <= $1")
        .bind(now)
        .execute(&mut **tx)
        .await?;
    Ok(i64::try_from(done.rows_affected()).unwrap_or(i64::MAX))
}

/// Any case by its id, with what its number is made of (for the auditor, who holds cases of
/// every team and reads none of them).
pub async fn case_named(
    c: &mut AnyConnection,
    case_id: i64,
) -> Result<Option<DueCase>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT c.id, c.team_id, t.city, c.year, c.seq FROM cases c \
         JOIN teams t ON t.id = c.team_id WHERE c.id = $1",
    )
    .bind(case_id)
    .fetch_optional(c)
    .await?)
}

/// Whether the case's personal data was removed.
pub async fn is_shredded(c: &mut AnyConnection, case_id: i64) -> Result<bool, StoreError> {
    let at: Option<Option<i64>> = sqlx::query_scalar("SELECT shredded_at FROM cases WHERE id = $1")
        .bind(case_id)
        .fetch_optional(c)
        .await?;
    Ok(matches!(at, Some(Some(_))))
}

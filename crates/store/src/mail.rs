//! The mail outbox. A message is claimed by the sending job's lease holder before it goes to
//! the relay and is settled (sent, or failed with a time to retry) only by that claim, so
//! that it is handed to the relay once while its sender lives; a claim whose sender died
//! runs out and the message is tried again.

use crate::leases::{still_held, JobLease};
use crate::{StoreError, Tx};
use sqlx::AnyConnection;

/// A message claimed for one attempt.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct Claimed {
    pub id: i64,
    pub to_address: String,
    pub subject: String,
    pub body: String,
    /// The stable part of its Message-ID.
    pub message_key: String,
    /// Which attempt this is, counting from 1.
    pub attempt: i64,
}

/// Queues a message.
pub async fn enqueue(
    tx: &mut Tx,
    to: &str,
    subject: &str,
    body: &str,
    message_key: &str,
    now: i64,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO mail_outbox (to_address, subject, body, message_key, created_at, \
         next_attempt_at) VALUES ($1, $2, $3, $4, $5, $5)",
    )
    .bind(to)
    .bind(subject)
    .bind(body)
    .bind(message_key)
    .bind(now)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Claims the next due message for the lease's holder until `claim_until` (when the claim
/// runs out and the message is due again, should its sender have died), counting the
/// attempt. None when nothing is due or the lease is no longer held with its fence.
pub async fn claim_next(
    tx: &mut Tx,
    lease: &JobLease,
    now: i64,
    claim_until: i64,
) -> Result<Option<Claimed>, StoreError> {
    // The inner SELECT picks a candidate; the outer conditions are checked again on the row
    // itself, so two claimants never both win it.
    Ok(sqlx::query_as(&format!(
        "UPDATE mail_outbox SET claimed_by = $1, claimed_fence = $2, next_attempt_at = $3, \
         attempts = attempts + 1 \
         WHERE id = (SELECT id FROM mail_outbox WHERE sent_at IS NULL AND next_attempt_at <= $4 \
                     ORDER BY id LIMIT 1) \
         AND sent_at IS NULL AND next_attempt_at <= $4 AND {} \
         RETURNING id, to_address, subject, body, message_key, attempts AS attempt",
        still_held(5)
    ))
    .bind(&lease.holder)
    .bind(lease.fence)
    .bind(claim_until)
    .bind(now)
    .bind(&lease.job)
    .bind(&lease.holder)
    .bind(lease.fence)
    .bind(now)
    .fetch_optional(&mut **tx)
    .await?)
}

/// Records that the relay accepted a claimed message at `sent_at`; false (and nothing
/// changed) when the claim is no longer the caller's: it ran out and another took it.
pub async fn mark_sent(
    c: &mut AnyConnection,
    lease: &JobLease,
    id: i64,
    sent_at: i64,
) -> Result<bool, StoreError> {
    let done = sqlx::query(
        "UPDATE mail_outbox SET sent_at = $1 \
         WHERE id = $2 AND claimed_by = $3 AND claimed_fence = $4 AND sent_at IS NULL",
    )
    .bind(sent_at)
    .bind(id)
    .bind(&lease.holder)
    .bind(lease.fence)
    .execute(c)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Records a failed attempt of a claimed message and when to try again; false (and nothing
/// changed) when the claim is no longer the caller's.
pub async fn mark_failed(
    c: &mut AnyConnection,
    lease: &JobLease,
    id: i64,
    error: &str,
    retry_at: i64,
) -> Result<bool, StoreError> {
    let done = sqlx::query(
        "UPDATE mail_outbox SET last_error = $1, next_attempt_at = $2 \
         WHERE id = $3 AND claimed_by = $4 AND claimed_fence = $5 AND sent_at IS NULL",
    )
    .bind(error)
    .bind(retry_at)
    .bind(id)
    .bind(&lease.holder)
    .bind(lease.fence)
    .execute(c)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// How many messages wait (for health and tests).
pub async fn waiting(c: &mut AnyConnection) -> Result<i64, StoreError> {
    Ok(
        sqlx::query_scalar("SELECT COUNT(*) FROM mail_outbox WHERE sent_at IS NULL")
            .fetch_one(c)
            .await?,
    )
}

//! The mail outbox.

use crate::{StoreError, Tx};
use sqlx::AnyConnection;

/// A message waiting to be sent.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct Outgoing {
    pub id: i64,
    pub to_address: String,
    pub subject: String,
    pub body: String,
    pub attempts: i64,
}

/// Queues a message.
pub async fn enqueue(
    tx: &mut Tx,
    to: &str,
    subject: &str,
    body: &str,
    now: i64,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO mail_outbox (to_address, subject, body, created_at, next_attempt_at) \
         VALUES ($1, $2, $3, $4, $4)",
    )
    .bind(to)
    .bind(subject)
    .bind(body)
    .bind(now)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Messages due for (another) attempt.
pub async fn due(c: &mut AnyConnection, now: i64, limit: i64) -> Result<Vec<Outgoing>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT id, to_address, subject, body, attempts FROM mail_outbox \
         WHERE sent_at IS NULL AND next_attempt_at <= $1 ORDER BY id LIMIT $2",
    )
    .bind(now)
    .bind(limit)
    .fetch_all(c)
    .await?)
}

/// Marks a message sent.
pub async fn mark_sent(c: &mut AnyConnection, id: i64, now: i64) -> Result<(), StoreError> {
    sqlx::query("UPDATE mail_outbox SET sent_at = $1, attempts = attempts + 1 WHERE id = $2")
        .bind(now)
        .bind(id)
        .execute(c)
        .await?;
    Ok(())
}

/// Records a failed attempt and when to try again.
pub async fn mark_failed(
    c: &mut AnyConnection,
    id: i64,
    error: &str,
    retry_at: i64,
) -> Result<(), StoreError> {
    sqlx::query(
        "UPDATE mail_outbox SET attempts = attempts + 1, last_error = $1, next_attempt_at = $2 WHERE id = $3",
    )
    .bind(error)
    .bind(retry_at)
    .bind(id)
    .execute(c)
    .await?;
    Ok(())
}

/// How many messages wait (for health and tests).
pub async fn waiting(c: &mut AnyConnection) -> Result<i64, StoreError> {
    Ok(
        sqlx::query_scalar("SELECT COUNT(*) FROM mail_outbox WHERE sent_at IS NULL")
            .fetch_one(c)
            .await?,
    )
}

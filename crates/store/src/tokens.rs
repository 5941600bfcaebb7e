//! One-time tokens (first administrator's password, password resets). Stored hashed, used once.

use crate::StoreError;
use spona_domain::ids::UserId;
use sqlx::AnyConnection;

/// Stores a new one-time token.
pub async fn insert(
    c: &mut AnyConnection,
    token_hash: &str,
    user: UserId,
    purpose: &str,
    now: i64,
    expires_at: i64,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO one_time_tokens (token_hash, user_id, purpose, created_at, expires_at) \
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(token_hash)
    .bind(user.0)
    .bind(purpose)
    .bind(now)
    .bind(expires_at)
    .execute(c)
    .await?;
    Ok(())
}

/// The user of a valid (unused, unexpired) token, without using it up.
pub async fn peek(
    c: &mut AnyConnection,
    token_hash: &str,
    purpose: &str,
    now: i64,
) -> Result<Option<UserId>, StoreError> {
    let user: Option<i64> = sqlx::query_scalar(
        "SELECT user_id FROM one_time_tokens WHERE token_hash = $1 AND purpose = $2 \
         AND used_at IS NULL AND expires_at > $3",
    )
    .bind(token_hash)
    .bind(purpose)
    .bind(now)
    .fetch_optional(c)
    .await?;
    Ok(user.map(UserId))
}

/// Uses up a valid token and returns its user; a used or expired token gives none.
pub async fn take(
    c: &mut AnyConnection,
    token_hash: &str,
    purpose: &str,
    now: i64,
) -> Result<Option<UserId>, StoreError> {
    let user: Option<i64> = sqlx::query_scalar(
        "UPDATE one_time_tokens SET used_at = $1 WHERE token_hash = $2 AND purpose = $3 \
         AND used_at IS NULL AND expires_at > $1 RETURNING user_id",
    )
    .bind(now)
    .bind(token_hash)
    .bind(purpose)
    .fetch_optional(c)
    .await?;
    Ok(user.map(UserId))
}

/// When the newest valid (unused, unexpired) token of a user for a purpose expires, if any.
pub async fn live_until(
    c: &mut AnyConnection,
    user: UserId,
    purpose: &str,
    now: i64,
) -> Result<Option<i64>, StoreError> {
    Ok(sqlx::query_scalar(
        "SELECT MAX(expires_at) FROM one_time_tokens WHERE user_id = $1 AND purpose = $2 \
         AND used_at IS NULL AND expires_at > $3",
    )
    .bind(user.0)
    .bind(purpose)
    .bind(now)
    .fetch_one(c)
    .await?)
}

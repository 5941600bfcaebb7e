//! Sign-ins half done: the password was right, the second factor (or its enrolment) is due.
//! Only the hash of the challenge's token is stored, as for sessions.

use crate::sessions::Origin;
use crate::StoreError;
use spona_domain::ids::UserId;
use sqlx::AnyConnection;

/// A challenge waiting for its second step.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct Challenge {
    pub id: i64,
    pub user_id: i64,
    /// `verify` (a second factor is enrolled) or `enrol` (one must be).
    pub purpose: String,
    pub device: String,
    pub address: String,
    pub failures: i64,
    pub expires_at: i64,
}

/// Records a challenge.
pub async fn insert(
    c: &mut AnyConnection,
    token_hash: &str,
    user: UserId,
    purpose: &str,
    origin: Origin<'_>,
    now: i64,
    expires_at: i64,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO sign_in_challenges (token_hash, user_id, purpose, device, address, \
         created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(token_hash)
    .bind(user.0)
    .bind(purpose)
    .bind(origin.device)
    .bind(origin.address)
    .bind(now)
    .bind(expires_at)
    .execute(c)
    .await?;
    Ok(())
}

/// The challenge with this token hash, if any.
pub async fn find(
    c: &mut AnyConnection,
    token_hash: &str,
) -> Result<Option<Challenge>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT id, user_id, purpose, device, address, failures, expires_at \
         FROM sign_in_challenges WHERE token_hash = $1",
    )
    .bind(token_hash)
    .fetch_optional(c)
    .await?)
}

/// Counts a wrong code against the challenge.
pub async fn fail(c: &mut AnyConnection, id: i64) -> Result<(), StoreError> {
    sqlx::query("UPDATE sign_in_challenges SET failures = failures + 1 WHERE id = $1")
        .bind(id)
        .execute(c)
        .await?;
    Ok(())
}

/// Ends a challenge (passed, given up or spent); false when it was ended already.
pub async fn delete(c: &mut AnyConnection, id: i64) -> Result<bool, StoreError> {
    let done = sqlx::query("DELETE FROM sign_in_challenges WHERE id = $1")
        .bind(id)
        .execute(c)
        .await?;
    Ok(done.rows_affected() == 1)
}

/// Ends every challenge of a user (their factor was reset, their account disabled).
pub async fn delete_for_user(c: &mut AnyConnection, user: UserId) -> Result<(), StoreError> {
    sqlx::query("DELETE FROM sign_in_challenges WHERE user_id = $1")
        .bind(user.0)
        .execute(c)
        .await?;
    Ok(())
}

/// Removes challenges past their time.
pub async fn delete_expired(c: &mut AnyConnection, now: i64) -> Result<u64, StoreError> {
    let done = sqlx::query("DELETE FROM sign_in_challenges WHERE expires_at <= $1")
        .bind(now)
        .execute(c)
        .await?;
    Ok(done.rows_affected())
}

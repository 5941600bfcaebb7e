//! An account's second factor as stored: the authenticator secret (sealed, under a data key
//! of the account's own, wrapped under the master key) with the last step accepted, a new
//! secret waiting for its first code, and the hashed recovery codes. What the values mean
//! is the app's business.

use crate::StoreError;
use spona_domain::ids::UserId;
use sqlx::AnyConnection;

/// An account's row.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct SecondFactorRow {
    pub data_key: String,
    /// The secret in force; none until a first code confirmed one.
    pub totp_secret: Option<String>,
    /// A new secret waiting for its first code.
    pub proposed_secret: Option<String>,
    pub last_step: i64,
    pub enrolled_at: Option<i64>,
}

/// The account's row, if any.
pub async fn find(
    c: &mut AnyConnection,
    user: UserId,
) -> Result<Option<SecondFactorRow>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT data_key, totp_secret, proposed_secret, last_step, enrolled_at \
         FROM second_factors WHERE user_id = $1",
    )
    .bind(user.0)
    .fetch_optional(c)
    .await?)
}

/// Starts the account's row with a proposed secret (the account had none).
pub async fn insert_proposed(
    c: &mut AnyConnection,
    user: UserId,
    data_key: &str,
    proposed: &str,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO second_factors (user_id, data_key, proposed_secret) VALUES ($1, $2, $3)",
    )
    .bind(user.0)
    .bind(data_key)
    .bind(proposed)
    .execute(c)
    .await?;
    Ok(())
}

/// Puts a new proposed secret in place of any earlier one.
pub async fn set_proposed(
    c: &mut AnyConnection,
    user: UserId,
    proposed: &str,
) -> Result<(), StoreError> {
    sqlx::query("UPDATE second_factors SET proposed_secret = $2 WHERE user_id = $1")
        .bind(user.0)
        .bind(proposed)
        .execute(c)
        .await?;
    Ok(())
}

/// The proposed secret becomes the one in force, its first code's step the last accepted.
/// False when no secret was proposed (another request confirmed it first).
pub async fn confirm(
    c: &mut AnyConnection,
    user: UserId,
    step: i64,
    now: i64,
) -> Result<bool, StoreError> {
    let done = sqlx::query(
        "UPDATE second_factors SET totp_secret = proposed_secret, proposed_secret = NULL, \
         last_step = $2, enrolled_at = $3 WHERE user_id = $1 AND proposed_secret IS NOT NULL",
    )
    .bind(user.0)
    .bind(step)
    .bind(now)
    .execute(c)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Records that a code of `step` was accepted; false when a code of that step or a later
/// one was accepted before (a replay), which the one statement decides for every instance.
pub async fn accept_step(
    c: &mut AnyConnection,
    user: UserId,
    step: i64,
) -> Result<bool, StoreError> {
    let done = sqlx::query(
        "UPDATE second_factors SET last_step = $2 WHERE user_id = $1 AND last_step < $2 \
         AND totp_secret IS NOT NULL",
    )
    .bind(user.0)
    .bind(step)
    .execute(c)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Removes the account's second factor and recovery codes.
pub async fn remove(c: &mut AnyConnection, user: UserId) -> Result<bool, StoreError> {
    sqlx::query("DELETE FROM recovery_codes WHERE user_id = $1")
        .bind(user.0)
        .execute(&mut *c)
        .await?;
    let done = sqlx::query("DELETE FROM second_factors WHERE user_id = $1")
        .bind(user.0)
        .execute(c)
        .await?;
    Ok(done.rows_affected() == 1)
}

/// Replaces the account's recovery codes (used or not) with these hashes.
pub async fn replace_recovery_codes(
    c: &mut AnyConnection,
    user: UserId,
    hashes: &[String],
    now: i64,
) -> Result<(), StoreError> {
    sqlx::query("DELETE FROM recovery_codes WHERE user_id = $1")
        .bind(user.0)
        .execute(&mut *c)
        .await?;
    for hash in hashes {
        sqlx::query(
            "INSERT INTO recovery_codes (user_id, code_hash, created_at) VALUES ($1, $2, $3)",
        )
        .bind(user.0)
        .bind(hash)
        .bind(now)
        .execute(&mut *c)
        .await?;
    }
    Ok(())
}

/// Uses up the account's unused recovery code with this hash; false when there is none.
pub async fn use_recovery_code(
    c: &mut AnyConnection,
    user: UserId,
    hash: &str,
    now: i64,
) -> Result<bool, StoreError> {
    let done = sqlx::query(
        "UPDATE recovery_codes SET used_at = $3 \
         WHERE user_id = $1 AND code_hash = $2 AND used_at IS NULL",
    )
    .bind(user.0)
    .bind(hash)
    .bind(now)
    .execute(c)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// How many of the account's recovery codes are still unused.
pub async fn recovery_codes_left(c: &mut AnyConnection, user: UserId) -> Result<i64, StoreError> {
    Ok(sqlx::query_scalar(
        "SELECT COUNT(*) FROM recovery_codes WHERE user_id = $1 AND used_at IS NULL",
    )
    .bind(user.0)
    .fetch_one(c)
    .await?)
}

/// Every account's wrapped data key (for a master key switch).
pub async fn data_keys(c: &mut AnyConnection) -> Result<Vec<(i64, String)>, StoreError> {
    Ok(
        sqlx::query_as("SELECT user_id, data_key FROM second_factors ORDER BY user_id")
            .fetch_all(c)
            .await?,
    )
}

/// Puts an account's data key, wrapped anew, in place.
pub async fn rewrap(c: &mut AnyConnection, user: i64, data_key: &str) -> Result<(), StoreError> {
    sqlx::query("UPDATE second_factors SET data_key = $2 WHERE user_id = $1")
        .bind(user)
        .bind(data_key)
        .execute(c)
        .await?;
    Ok(())
}

//! Passkeys as stored: an account's credentials (serialised by the WebAuthn library; nothing
//! secret in them) and the ceremonies under way. What they mean is the app's business.

use crate::StoreError;
use spona_domain::ids::UserId;
use sqlx::AnyConnection;

/// A stored credential.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct PasskeyRow {
    pub id: i64,
    pub name: String,
    pub credential_id: String,
    pub credential: String,
    pub created_at: i64,
    pub last_used_at: Option<i64>,
}

/// The account's passkeys, oldest first.
pub async fn of_user(c: &mut AnyConnection, user: UserId) -> Result<Vec<PasskeyRow>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT id, name, credential_id, credential, created_at, last_used_at FROM passkeys \
         WHERE user_id = $1 ORDER BY id",
    )
    .bind(user.0)
    .fetch_all(c)
    .await?)
}

/// Whether the account has any passkey.
pub async fn any_of(c: &mut AnyConnection, user: UserId) -> Result<bool, StoreError> {
    let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM passkeys WHERE user_id = $1")
        .bind(user.0)
        .fetch_one(c)
        .await?;
    Ok(n > 0)
}

/// Adds a passkey; false when its credential is registered already.
pub async fn insert(
    c: &mut AnyConnection,
    user: UserId,
    name: &str,
    credential_id: &str,
    credential: &str,
    now: i64,
) -> Result<bool, StoreError> {
    let taken: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM passkeys WHERE credential_id = $1")
        .bind(credential_id)
        .fetch_one(&mut *c)
        .await?;
    if taken > 0 {
        return Ok(false);
    }
    sqlx::query(
        "INSERT INTO passkeys (user_id, name, credential_id, credential, created_at) \
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(user.0)
    .bind(name)
    .bind(credential_id)
    .bind(credential)
    .bind(now)
    .execute(c)
    .await?;
    Ok(true)
}

/// Records a use of a passkey (its counter and flags as updated).
pub async fn used(
    c: &mut AnyConnection,
    id: i64,
    credential: &str,
    now: i64,
) -> Result<(), StoreError> {
    sqlx::query("UPDATE passkeys SET credential = $2, last_used_at = $3 WHERE id = $1")
        .bind(id)
        .bind(credential)
        .bind(now)
        .execute(c)
        .await?;
    Ok(())
}

/// Removes one of the account's passkeys; false when it has no such passkey.
pub async fn delete_of_user(
    c: &mut AnyConnection,
    user: UserId,
    id: i64,
) -> Result<bool, StoreError> {
    let done = sqlx::query("DELETE FROM passkeys WHERE id = $1 AND user_id = $2")
        .bind(id)
        .bind(user.0)
        .execute(c)
        .await?;
    Ok(done.rows_affected() == 1)
}

/// Removes all of the account's passkeys and ceremonies.
pub async fn delete_for_user(c: &mut AnyConnection, user: UserId) -> Result<(), StoreError> {
    for table in ["passkeys", "passkey_ceremonies"] {
        sqlx::query(&format!("DELETE FROM {table} WHERE user_id = $1"))
            .bind(user.0)
            .execute(&mut *c)
            .await?;
    }
    Ok(())
}

/// Keeps a ceremony's state for its owner (a session or a challenge), in place of any
/// earlier one of the same owner.
pub async fn begin_ceremony(
    c: &mut AnyConnection,
    owner: &str,
    user: UserId,
    purpose: &str,
    state: &str,
    expires_at: i64,
) -> Result<(), StoreError> {
    sqlx::query("DELETE FROM passkey_ceremonies WHERE owner = $1")
        .bind(owner)
        .execute(&mut *c)
        .await?;
    sqlx::query(
        "INSERT INTO passkey_ceremonies (owner, user_id, purpose, state, expires_at) \
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(owner)
    .bind(user.0)
    .bind(purpose)
    .bind(state)
    .bind(expires_at)
    .execute(c)
    .await?;
    Ok(())
}

/// Takes (reads and ends) the owner's ceremony of this purpose, if it has not expired.
pub async fn take_ceremony(
    c: &mut AnyConnection,
    owner: &str,
    purpose: &str,
    now: i64,
) -> Result<Option<String>, StoreError> {
    let state: Option<(String, i64)> = sqlx::query_as(
        "SELECT state, expires_at FROM passkey_ceremonies WHERE owner = $1 AND purpose = $2",
    )
    .bind(owner)
    .bind(purpose)
    .fetch_optional(&mut *c)
    .await?;
    sqlx::query("DELETE FROM passkey_ceremonies WHERE owner = $1")
        .bind(owner)
        .execute(c)
        .await?;
    Ok(state.filter(|(_, until)| *until > now).map(|(s, _)| s))
}

/// Removes ceremonies nobody finished in time.
pub async fn delete_expired_ceremonies(c: &mut AnyConnection, now: i64) -> Result<u64, StoreError> {
    let done = sqlx::query("DELETE FROM passkey_ceremonies WHERE expires_at <= $1")
        .bind(now)
        .execute(c)
        .await?;
    Ok(done.rows_affected())
}

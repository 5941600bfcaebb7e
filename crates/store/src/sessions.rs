//! Sign-in sessions, kept in the database so that any app instance can serve any request.
//! Only the hash of the session identifier is stored.

use crate::users::{self, User, UserRow};
use crate::StoreError;
use spona_domain::ids::UserId;
use sqlx::AnyConnection;

/// A live session.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct Session {
    pub id: i64,
    pub user_id: i64,
    pub csrf_token: String,
    pub created_at: i64,
    pub last_seen_at: i64,
    pub expires_at: i64,
    /// When its owner last proved who they are (signing in, or again before a sensitive act).
    pub confirmed_at: i64,
}

/// Where a session was started from: a short description of the device, and the address.
#[derive(Clone, Copy, Debug, Default)]
pub struct Origin<'a> {
    pub device: &'a str,
    pub address: &'a str,
}

/// Starts a session.
pub async fn insert(
    c: &mut AnyConnection,
    token_hash: &str,
    user: UserId,
    csrf_token: &str,
    origin: Origin<'_>,
    now: i64,
    expires_at: i64,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO sessions (token_hash, user_id, csrf_token, device, address, created_at, \
         last_seen_at, confirmed_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $6, $6, $7)",
    )
    .bind(token_hash)
    .bind(user.0)
    .bind(csrf_token)
    .bind(origin.device)
    .bind(origin.address)
    .bind(now)
    .bind(expires_at)
    .execute(c)
    .await?;
    Ok(())
}

/// A session as its owner sees it in the list of their sessions.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct SessionLine {
    pub id: i64,
    pub device: String,
    pub address: String,
    pub created_at: i64,
    pub last_seen_at: i64,
}

/// The user's sessions still in force at `now` (idle since `idle_before` ones are over),
/// the most recently used first.
pub async fn of_user(
    c: &mut AnyConnection,
    user: UserId,
    now: i64,
    idle_before: i64,
) -> Result<Vec<SessionLine>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT id, device, address, created_at, last_seen_at FROM sessions \
         WHERE user_id = $1 AND expires_at > $2 AND last_seen_at >= $3 \
         ORDER BY last_seen_at DESC, id DESC",
    )
    .bind(user.0)
    .bind(now)
    .bind(idle_before)
    .fetch_all(c)
    .await?)
}

/// Ends one of the user's sessions; false when it has no such session.
pub async fn delete_of_user(
    c: &mut AnyConnection,
    user: UserId,
    id: i64,
) -> Result<bool, StoreError> {
    let done = sqlx::query("DELETE FROM sessions WHERE id = $1 AND user_id = $2")
        .bind(id)
        .bind(user.0)
        .execute(c)
        .await?;
    Ok(done.rows_affected() == 1)
}

/// The session with this identifier hash and its account, read together: every signed-in
/// request asks, and one statement instead of two is a measurable share of a page.
pub async fn find(
    c: &mut AnyConnection,
    token_hash: &str,
) -> Result<Option<(Session, User)>, StoreError> {
    #[derive(sqlx::FromRow)]
    struct Row {
        session_id: i64,
        csrf_token: String,
        created_at: i64,
        last_seen_at: i64,
        expires_at: i64,
        confirmed_at: i64,
        #[sqlx(flatten)]
        user: UserRow,
    }
    let row: Option<Row> = sqlx::query_as(&format!(
        "SELECT s.id AS session_id, s.csrf_token, s.created_at, s.last_seen_at, s.expires_at, \
         s.confirmed_at, {} FROM sessions s JOIN users u ON u.id = s.user_id {} \
         WHERE s.token_hash = $1",
        users::COLUMNS,
        users::NAMES
    ))
    .bind(token_hash)
    .fetch_optional(c)
    .await?;
    row.map(|r| {
        let session = Session {
            id: r.session_id,
            user_id: r.user.id,
            csrf_token: r.csrf_token,
            created_at: r.created_at,
            last_seen_at: r.last_seen_at,
            expires_at: r.expires_at,
            confirmed_at: r.confirmed_at,
        };
        Ok((session, User::try_from(r.user)?))
    })
    .transpose()
}

/// Marks the session as used now (for the idle timeout).
pub async fn touch(c: &mut AnyConnection, id: i64, now: i64) -> Result<(), StoreError> {
    sqlx::query("UPDATE sessions SET last_seen_at = $1 WHERE id = $2")
        .bind(now)
        .bind(id)
        .execute(c)
        .await?;
    Ok(())
}

/// Records that the session's owner proved again who they are.
pub async fn confirm(c: &mut AnyConnection, id: i64, now: i64) -> Result<(), StoreError> {
    sqlx::query("UPDATE sessions SET confirmed_at = $1 WHERE id = $2")
        .bind(now)
        .bind(id)
        .execute(c)
        .await?;
    Ok(())
}

/// Ends one session.
pub async fn delete(c: &mut AnyConnection, id: i64) -> Result<(), StoreError> {
    sqlx::query("DELETE FROM sessions WHERE id = $1")
        .bind(id)
        .execute(c)
        .await?;
    Ok(())
}

/// Ends every session of a user (on disabling the account or resetting its password).
pub async fn delete_for_user(c: &mut AnyConnection, user: UserId) -> Result<(), StoreError> {
    sqlx::query("DELETE FROM sessions WHERE user_id = $1")
        .bind(user.0)
        .execute(c)
        .await?;
    Ok(())
}

/// Removes sessions that ended (absolute expiry or idle since `idle_before`).
pub async fn delete_expired(
    c: &mut AnyConnection,
    now: i64,
    idle_before: i64,
) -> Result<u64, StoreError> {
    let done = sqlx::query("DELETE FROM sessions WHERE expires_at <= $1 OR last_seen_at < $2")
        .bind(now)
        .bind(idle_before)
        .execute(c)
        .await?;
    Ok(done.rows_affected())
}

//! Counters of failed sign-ins per account and per address, shared by all app instances.

use crate::StoreError;
use sqlx::AnyConnection;

/// The failures counted under one key.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct Counter {
    pub failures: i64,
    pub window_start: i64,
    pub blocked_until: i64,
}

/// The counter of a key, if any.
pub async fn get(c: &mut AnyConnection, key_hash: &str) -> Result<Option<Counter>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT failures, window_start, blocked_until FROM login_throttle WHERE key_hash = $1",
    )
    .bind(key_hash)
    .fetch_optional(c)
    .await?)
}

/// Stores the counter of a key.
pub async fn put(
    c: &mut AnyConnection,
    key_hash: &str,
    counter: &Counter,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO login_throttle (key_hash, failures, window_start, blocked_until) VALUES ($1, $2, $3, $4) \
         ON CONFLICT (key_hash) DO UPDATE SET failures = $2, window_start = $3, blocked_until = $4",
    )
    .bind(key_hash)
    .bind(counter.failures)
    .bind(counter.window_start)
    .bind(counter.blocked_until)
    .execute(c)
    .await?;
    Ok(())
}

/// Forgets the failures of a key (after a successful sign-in).
pub async fn clear(c: &mut AnyConnection, key_hash: &str) -> Result<(), StoreError> {
    sqlx::query("DELETE FROM login_throttle WHERE key_hash = $1")
        .bind(key_hash)
        .execute(c)
        .await?;
    Ok(())
}

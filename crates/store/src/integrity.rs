//! Integrity alerts: records whose sealed part could not be opened, one row per record (its
//! table and id, never content), for the administrator.

use crate::StoreError;
use sqlx::AnyConnection;

/// A damaged record as the administrator sees it.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct IntegrityAlertRow {
    pub id: i64,
    pub record_table: String,
    pub record_id: i64,
    pub found_at: i64,
}

/// Records that a record cannot be opened, unless already known. True when it is new, so
/// that it is logged once, not on every view.
pub async fn raise(
    c: &mut AnyConnection,
    table: &str,
    record_id: i64,
    now: i64,
) -> Result<bool, StoreError> {
    let done = sqlx::query(
        "INSERT INTO integrity_alerts (record_table, record_id, found_at) VALUES ($1, $2, $3) \
         ON CONFLICT (record_table, record_id) DO NOTHING",
    )
    .bind(table)
    .bind(record_id)
    .bind(now)
    .execute(c)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// The newest alerts first, at most `limit`.
pub async fn list(c: &mut AnyConnection, limit: i64) -> Result<Vec<IntegrityAlertRow>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT id, record_table, record_id, found_at FROM integrity_alerts \
         ORDER BY found_at DESC, id DESC LIMIT $1",
    )
    .bind(limit)
    .fetch_all(c)
    .await?)
}

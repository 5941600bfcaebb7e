//! Legal holds on cases: while a case has one, the retention schedule removes nothing of it.
//! Who may set or lift one is the app's business.

use crate::{StoreError, Tx};
use sqlx::AnyConnection;

/// A hold as stored.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct HoldRow {
    pub case_id: i64,
    pub team_id: i64,
    pub reason: String,
    pub set_by: i64,
    pub set_at: i64,
}

/// A case's hold, if any.
pub async fn of_case(c: &mut AnyConnection, case_id: i64) -> Result<Option<HoldRow>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT case_id, team_id, reason, set_by, set_at FROM case_holds WHERE case_id = $1",
    )
    .bind(case_id)
    .fetch_optional(c)
    .await?)
}

/// Every hold, newest first.
pub async fn all(c: &mut AnyConnection) -> Result<Vec<HoldRow>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT case_id, team_id, reason, set_by, set_at FROM case_holds \
         ORDER BY set_at DESC, case_id DESC",
    )
    .fetch_all(c)
    .await?)
}

/// Sets a hold, or replaces the reason of the one there.
pub async fn set(tx: &mut Tx, hold: &HoldRow) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO case_holds (case_id, team_id, reason, set_by, set_at) \
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (case_id) DO UPDATE SET \
         reason = $3, set_by = $4, set_at = $5",
    )
    .bind(hold.case_id)
    .bind(hold.team_id)
    .bind(&hold.reason)
    .bind(hold.set_by)
    .bind(hold.set_at)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Lifts a case's hold; false when it had none.
pub async fn lift(tx: &mut Tx, case_id: i64) -> Result<bool, StoreError> {
    let done = sqlx::query("DELETE FROM case_holds WHERE case_id = $1")
        .bind(case_id)
        .execute(&mut **tx)
        .await?;
    Ok(done.rows_affected() == 1)
}

//! How much a deployment holds, counted whole (for the data generator's summary and the
//! benchmark's report; never on a page, where counts are bounded).

use crate::StoreError;
use sqlx::AnyConnection;

/// Rows of the tables that grow with a deployment's work.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Volume {
    pub teams: i64,
    pub accounts: i64,
    pub cases: i64,
    pub referrals: i64,
    pub activities: i64,
    pub audit_entries: i64,
}

/// Counts every table of [`Volume`].
pub async fn count(c: &mut AnyConnection) -> Result<Volume, StoreError> {
    Ok(Volume {
        teams: scalar(c, "teams").await?,
        accounts: scalar(c, "users").await?,
        cases: scalar(c, "cases").await?,
        referrals: scalar(c, "referrals").await?,
        activities: scalar(c, "activities").await?,
        audit_entries: scalar(c, "audit_log").await?,
    })
}

async fn scalar(c: &mut AnyConnection, table: &'static str) -> Result<i64, StoreError> {
    Ok(sqlx::query_scalar(&format!("SELECT COUNT(*) FROM {table}"))
        .fetch_one(c)
        .await?)
}

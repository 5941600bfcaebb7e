//! What the database records of the deployment itself: whether it holds any data yet, and
//! the check value of the master key its personal data is sealed with.
//!
//! These are read before migrations run (a key is refused before anything is written), so
//! they look for their tables rather than assume them.

use crate::{Db, StoreError, Tx};
use sqlx::AnyConnection;

impl Db {
    /// Whether the schema has a table of this name.
    pub async fn has_table(&self, name: &str) -> Result<bool, StoreError> {
        let sql = match self.backend() {
            crate::Backend::Sqlite => {
                "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = $1"
            }
            crate::Backend::Postgres => {
                "SELECT COUNT(*) FROM information_schema.tables \
                 WHERE table_schema = current_schema() AND table_name = $1"
            }
        };
        let mut c = self.conn().await?;
        let n: i64 = sqlx::query_scalar(sql)
            .bind(name)
            .fetch_one(&mut *c)
            .await?;
        Ok(n > 0)
    }

    /// Whether anything has been recorded: a team, an account or an audit entry.
    pub async fn holds_data(&self) -> Result<bool, StoreError> {
        if !self.has_table("users").await? {
            return Ok(false);
        }
        let mut c = self.conn().await?;
        let found: i64 = sqlx::query_scalar(
            "SELECT (SELECT COUNT(*) FROM (SELECT 1 FROM users LIMIT 1) u) \
             + (SELECT COUNT(*) FROM (SELECT 1 FROM teams LIMIT 1) t) \
             + (SELECT COUNT(*) FROM (SELECT 1 FROM audit_log LIMIT 1) a)",
        )
        .fetch_one(&mut *c)
        .await?;
        Ok(found > 0)
    }

    /// The recorded check value of the deployment's master key, if one was recorded.
    pub async fn key_check(&self) -> Result<Option<String>, StoreError> {
        if !self.has_table("deployment").await? {
            return Ok(None);
        }
        let mut c = self.conn().await?;
        Ok(
            sqlx::query_scalar("SELECT key_check FROM deployment WHERE id = 1")
                .fetch_optional(&mut *c)
                .await?,
        )
    }
}

/// Records the master key's check value once; a recorded value is never replaced here.
pub async fn record_key_check(tx: &mut Tx, check: &str, now: i64) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO deployment (id, key_check, created_at) VALUES (1, $1, $2) \
         ON CONFLICT (id) DO NOTHING",
    )
    .bind(check)
    .bind(now)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// The first entry of the audit trail, which a key must reproduce when no check value was
/// recorded yet (databases written by releases before the check existed).
pub async fn first_audit_entry(
    c: &mut AnyConnection,
) -> Result<Option<crate::audit::Entry>, StoreError> {
    Ok(crate::audit::after(c, 0, 1).await?.into_iter().next())
}

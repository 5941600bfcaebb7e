//! Damaged records degrade, they do not break. A record whose sealed part cannot be opened
//! (its ciphertext altered in the database, or sealed under a key that is gone) is reported
//! once: one log line with its table and id, and one integrity alert for the administrator —
//! however often it is listed or opened. Lists show it as "cannot be opened" among the
//! others; opening it says so.

use crate::{App, AppError, Damaged};
use spona_domain::access::{decide, Action, Actor};
use spona_store::integrity;

/// How many alerts the administrator's list shows.
const ALERTS_SHOWN: i64 = 100;

/// A damaged record, for the administrator.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IntegrityAlert {
    pub table: String,
    pub record_id: i64,
    pub found_at: i64,
}

impl App {
    /// Reports a damaged record: the alert is raised and the line logged only the first time.
    /// A failure to record it is logged and otherwise ignored: the damage must not break the
    /// page that found it. True when it was new.
    pub async fn report_damage(&self, damaged: &Damaged) -> bool {
        match self.raise_integrity_alert(damaged).await {
            Ok(true) => {
                tracing::warn!(
                    table = %damaged.table,
                    record_id = damaged.id,
                    "a sealed record cannot be opened (altered, or sealed under a key that is \
                     gone); an integrity alert was raised for the administrator"
                );
                true
            }
            Ok(false) => false,
            Err(e) => {
                tracing::error!(
                    table = %damaged.table,
                    record_id = damaged.id,
                    error = %e,
                    "a sealed record cannot be opened, and the alert could not be recorded"
                );
                false
            }
        }
    }

    async fn raise_integrity_alert(&self, damaged: &Damaged) -> Result<bool, AppError> {
        let mut tx = self.db.begin().await?;
        let new = integrity::raise(&mut tx, &damaged.table, damaged.id, self.now()).await?;
        tx.commit().await?;
        Ok(new)
    }

    /// Passes a result on, reporting the damage it found, if any.
    pub(crate) async fn noting_damage<T>(&self, r: Result<T, AppError>) -> Result<T, AppError> {
        if let Err(AppError::Unopenable(d)) = &r {
            self.report_damage(d).await;
        }
        r
    }

    /// The damaged records found so far, newest first (the administrator only).
    pub async fn integrity_alerts(&self, actor: &Actor) -> Result<Vec<IntegrityAlert>, AppError> {
        if !decide(actor, Action::ManageDeployment).allowed() {
            return Err(AppError::Forbidden);
        }
        let mut c = self.db.conn().await?;
        Ok(integrity::list(&mut c, ALERTS_SHOWN)
            .await?
            .into_iter()
            .map(|r| IntegrityAlert {
                table: r.record_table,
                record_id: r.record_id,
                found_at: r.found_at,
            })
            .collect())
    }
}

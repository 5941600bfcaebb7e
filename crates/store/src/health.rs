//! What an instance knows of its database's recent failures, so that `/health` can tell a
//! load balancer to stay away while writes fail, even when a quick probe happens to pass
//! (SQLite may still find room for a small write on a full disk).

use std::sync::Mutex;
use std::time::{Duration, Instant};

/// How long a storage failure keeps the instance reported as unavailable.
pub const FAILURE_MEMORY: Duration = Duration::from_secs(10);

/// Recent storage failures of this instance.
#[derive(Debug, Default)]
pub struct Health {
    last_failure: Mutex<Option<Instant>>,
}

impl Health {
    /// Notes that a request could not be served because the database was unavailable.
    pub fn note_unavailable(&self) {
        if let Ok(mut last) = self.last_failure.lock() {
            *last = Some(Instant::now());
        }
    }

    /// Notes that a write went through: the database serves again.
    pub fn note_served(&self) {
        if let Ok(mut last) = self.last_failure.lock() {
            *last = None;
        }
    }

    /// Whether a storage failure happened within the last [`FAILURE_MEMORY`] and no write
    /// has gone through since.
    pub fn failed_recently(&self) -> bool {
        self.last_failure
            .lock()
            .ok()
            .and_then(|last| *last)
            .is_some_and(|at| at.elapsed() < FAILURE_MEMORY)
    }
}

impl crate::Db {
    /// Proves that the database answers a read and takes a write (one row, rewritten). A
    /// probe that passes does not clear a recent failure: a small write may find room on a
    /// disk where the writes of real work do not.
    pub async fn probe(&self, now: i64) -> Result<(), crate::StoreError> {
        self.ping().await?;
        let mut tx = self.begin().await?;
        tx.is_probe();
        sqlx::query(
            "INSERT INTO health_probe (id, checked_at) VALUES (1, $1) \
             ON CONFLICT (id) DO UPDATE SET checked_at = $1",
        )
        .bind(now)
        .execute(&mut *tx)
        .await?;
        tx.commit().await
    }
}

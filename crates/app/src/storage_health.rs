//! Whether this instance can serve: its database answers a read and takes a write, and no
//! request failed for want of storage in the last seconds.

use crate::{App, AppError};

/// What the health check found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StorageHealth {
    /// Reads and writes work.
    Serving,
    /// The database cannot be read or written now, or just failed a request.
    Unavailable,
}

impl App {
    /// Reads, writes one probe row, and looks at this instance's recent storage failures.
    pub async fn storage_health(&self) -> StorageHealth {
        match self.probe_storage().await {
            Ok(()) if !self.db.health().failed_recently() => StorageHealth::Serving,
            Ok(()) => StorageHealth::Unavailable,
            Err(e) => {
                tracing::warn!(error = %e, "health check: the database cannot serve");
                StorageHealth::Unavailable
            }
        }
    }

    async fn probe_storage(&self) -> Result<(), AppError> {
        Ok(self.db.probe(self.now()).await?)
    }
}

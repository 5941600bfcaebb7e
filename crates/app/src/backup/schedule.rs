//! Scheduled backups from the server. Every instance asks now and then; the job lease in the
//! database decides. A lease taken for the whole period is the mark that this period's backup
//! is taken: another instance (or this one) gets it again only when the period has passed,
//! so instances sharing a database take one backup per period between them.

use super::files::{prune, scheduled_name, PendingFile};
use super::take::{BackupRequest, Trigger};
use super::{BackupError, BackupSummary};
use crate::App;
use spona_crypto::archive::Lock;
use spona_store::leases;
use std::path::PathBuf;

/// The name of the scheduled backup's lease.
const JOB: &str = "scheduled-backup";

/// After a failed backup, the next try comes this soon (or at the next period, if sooner).
const RETRY_SECONDS: i64 = 15 * 60;

/// Where, how often and how many.
#[derive(Clone)]
pub struct BackupSchedule {
    pub dir: PathBuf,
    /// Seconds between backups.
    pub every: i64,
    /// How many scheduled backups to keep in `dir`.
    pub keep: usize,
    pub lock: Lock,
}

/// A scheduled backup that was taken.
#[derive(Debug)]
pub struct ScheduledBackup {
    pub path: PathBuf,
    pub summary: BackupSummary,
    /// Older backups removed to keep the number.
    pub removed: Vec<PathBuf>,
}

impl App {
    /// Takes the scheduled backup if this period's is not taken yet and no other instance is
    /// taking it; None otherwise. `instance` tells this instance apart from the others.
    pub async fn run_scheduled_backup(
        &self,
        instance: &str,
        schedule: &BackupSchedule,
    ) -> Result<Option<ScheduledBackup>, BackupError> {
        let now = self.now();
        // A holder of its own for each attempt: the lease is taken only once it has run out,
        // never renewed by the instance that took the last backup.
        let holder = format!("{instance}/{}", crate::new_instance_id());
        let mut c = self.db().conn().await?;
        let Some(lease) = leases::take(&mut c, JOB, &holder, now, now + schedule.every).await?
        else {
            return Ok(None);
        };
        drop(c);
        match self.scheduled_backup(now, schedule).await {
            Ok(done) => Ok(Some(done)),
            Err(e) => {
                // Try again soon rather than a whole period later.
                let retry = now + RETRY_SECONDS.min(schedule.every);
                let mut tx = self.db().begin().await?;
                if leases::hold(&mut tx, &lease, self.now(), retry).await? {
                    tx.commit().await?;
                }
                Err(e)
            }
        }
    }

    async fn scheduled_backup(
        &self,
        now: i64,
        schedule: &BackupSchedule,
    ) -> Result<ScheduledBackup, BackupError> {
        let (pending, file) = PendingFile::create(&schedule.dir.join(scheduled_name(now)))?;
        let request = BackupRequest {
            lock: &schedule.lock,
            include_key: None,
            trigger: Trigger::Schedule,
        };
        let (summary, file) = self.take_backup(file, request).await?;
        let path = pending.complete(file)?;
        // The backup is taken; failing to remove old ones must not make the next one come
        // early (each would then fail to prune as well), so it is only reported.
        let removed = prune(&schedule.dir, schedule.keep).unwrap_or_else(|e| {
            tracing::warn!(error = %e, "old scheduled backups could not be removed");
            Vec::new()
        });
        Ok(ScheduledBackup {
            path,
            summary,
            removed,
        })
    }
}

//! The run of the retention schedule: daily from the server under the job lease (a lease
//! taken for a whole day is the mark that today's run is done, so instances sharing a
//! database run it once a day between them), or by hand from the console. Each case is its
//! own transaction with its own audit entry; the bulk kinds are one transaction and one
//! entry each. Every removal re-checks in its statement that the record is still due and not
//! held, so a hold set while a run is under way still wins.

use super::due::named;
use super::DueRecords;
use crate::audit::{AuditEvent, Author};
use crate::{App, AppError};
use spona_domain::ids::TeamId;
use spona_domain::retention::RecordKind;
use spona_store::leases::{self, JobLease};
use spona_store::{retention, Tx};

/// The name of the retention run's lease.
const JOB: &str = "retention";
/// A day: the run's period.
const DAY: i64 = 24 * 60 * 60;
/// After a failed run, the next try comes this soon.
const RETRY_SECONDS: i64 = 60 * 60;

impl App {
    /// Runs the schedule if today's run is not done yet and no other instance is running it;
    /// None otherwise. `instance` tells this instance apart from the others.
    pub async fn run_scheduled_retention(
        &self,
        instance: &str,
    ) -> Result<Option<DueRecords>, AppError> {
        let now = self.now();
        let holder = format!("{instance}/{}", crate::new_instance_id());
        let mut c = self.db.conn().await?;
        let Some(lease) = leases::take(&mut c, JOB, &holder, now, now + DAY).await? else {
            return Ok(None);
        };
        drop(c);
        let by = Author::anonymous("scheduler", "server");
        match self.remove_due(now, by, Some(&lease)).await {
            Ok(done) => Ok(Some(done)),
            Err(e) => {
                let mut tx = self.db.begin().await?;
                if leases::hold(&mut tx, &lease, self.now(), now + RETRY_SECONDS).await? {
                    tx.commit().await?;
                }
                Err(e)
            }
        }
    }

    /// Runs the schedule now, from the console (`spona retention run`): what the preview at
    /// this instant lists.
    pub async fn run_retention_now(&self) -> Result<DueRecords, AppError> {
        self.remove_due(self.now(), Author::anonymous("console", "console"), None)
            .await
    }

    /// What is due at the console (`spona retention preview`).
    pub async fn retention_preview_at_console(&self) -> Result<DueRecords, AppError> {
        self.due_records(self.now()).await
    }

    /// Removes what is due at `now`, kind by kind, and returns what went.
    async fn remove_due(
        &self,
        now: i64,
        by: Author<'_>,
        lease: Option<&JobLease>,
    ) -> Result<DueRecords, AppError> {
        let mut done = DueRecords {
            at: now,
            ..DueRecords::default()
        };
        let (cases, attachments) = {
            let mut c = self.db.conn().await?;
            self.due_cases(&mut c, now).await?
        };
        if let Some(cutoff) = self.cutoff(RecordKind::ClosedCases, now) {
            for case in &cases {
                let mut tx = self.unit(lease).await?;
                if retention::shred_case(&mut tx, case.id, cutoff, self.now()).await? {
                    let ev = AuditEvent::about(
                        Some(TeamId(case.team_id)),
                        "case-shredded",
                        "case",
                        case.id,
                    );
                    self.audit(&mut tx, by, ev).await?;
                    tx.commit().await?;
                    done.cases.push(named(case));
                }
            }
        }
        if let Some(cutoff) = self.cutoff(RecordKind::Attachments, now) {
            for case in &attachments {
                let mut tx = self.unit(lease).await?;
                let files = retention::remove_attachments(&mut tx, case.id, cutoff).await?;
                if files > 0 {
                    let ev = AuditEvent {
                        reason: &files.to_string(),
                        ..AuditEvent::about(
                            Some(TeamId(case.team_id)),
                            "case-attachments-removed",
                            "case",
                            case.id,
                        )
                    };
                    self.audit(&mut tx, by, ev).await?;
                    tx.commit().await?;
                    done.attachments.push(named(case));
                    done.attachment_files += files;
                }
            }
        }
        if let Some(cutoff) = self.cutoff(RecordKind::Notifications, now) {
            let mut tx = self.unit(lease).await?;
            done.notifications = retention::remove_notifications(&mut tx, cutoff).await?;
            self.bulk_entry(tx, by, "notifications-removed", done.notifications)
                .await?;
        }
        let mut tx = self.unit(lease).await?;
        done.ended_sessions = retention::remove_ended_sessions(&mut tx, now).await?;
        self.bulk_entry(tx, by, "ended-sessions-removed", done.ended_sessions)
            .await?;
        if let Some(cutoff) = self.cutoff(RecordKind::AuditEntries, now) {
            let mut tx = self.unit(lease).await?;
            done.audit_entries = self.remove_old_entries(&mut tx, cutoff).await?;
            self.bulk_entry(tx, by, "audit-entries-removed", done.audit_entries)
                .await?;
        }
        if let Some(cutoff) = self.cutoff(RecordKind::SignIns, now) {
            let mut tx = self.unit(lease).await?;
            done.sign_ins = self.erase_sign_ins(&mut tx, cutoff).await?;
            self.bulk_entry(tx, by, "sign-ins-erased", done.sign_ins)
                .await?;
        }
        Ok(done)
    }

    /// The transaction of one unit of work, with the lease (if any) still held in it.
    async fn unit(&self, lease: Option<&JobLease>) -> Result<Tx, AppError> {
        let mut tx = self.db.begin().await?;
        if let Some(lease) = lease {
            let now = self.now();
            if !leases::hold(&mut tx, lease, now, now + DAY).await? {
                return Err(AppError::Conflict);
            }
        }
        Ok(tx)
    }

    /// One entry for a kind removed in bulk, saying how many went; nothing when none did.
    async fn bulk_entry(
        &self,
        mut tx: Tx,
        by: Author<'_>,
        action: &str,
        removed: i64,
    ) -> Result<(), AppError> {
        if removed == 0 {
            return Ok(());
        }
        let count = removed.to_string();
        let ev = AuditEvent {
            team: None,
            action,
            subject: "retention",
            subject_id: None,
            reason: &count,
        };
        self.audit(&mut tx, by, ev).await?;
        tx.commit().await?;
        Ok(())
    }
}

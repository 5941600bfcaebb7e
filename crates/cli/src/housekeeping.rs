//! Work the server does now and then besides answering requests.

use spona_app::App;
use std::time::Duration;
use tokio::task::JoinHandle;
use tokio::time::MissedTickBehavior;

/// How often ended sessions are removed.
const SESSION_PURGE_EVERY: Duration = Duration::from_secs(10 * 60);

/// Removes ended sessions at start and every ten minutes. They are refused anyway; this
/// keeps the table small and leaves no stale session rows behind. Harmless when several
/// instances share one database.
pub fn spawn_session_purge(app: App) -> JoinHandle<()> {
    tokio::spawn(async move {
        let mut every = tokio::time::interval(SESSION_PURGE_EVERY);
        every.set_missed_tick_behavior(MissedTickBehavior::Delay);
        loop {
            every.tick().await;
            match app.purge_expired_sessions().await {
                Ok(0) => {}
                Ok(removed) => tracing::info!(removed, "expired sessions removed"),
                Err(e) => tracing::warn!(error = %e, "expired sessions could not be removed"),
            }
        }
    })
}

/// How often overdue referrals are looked for.
const ESCALATION_EVERY: Duration = Duration::from_secs(60);

/// Escalates overdue referrals every minute. Every instance tries; the lease in the database
/// lets exactly one of them do it, and another takes over when that one stops. The lease is
/// renewed with every referral, and an instance that lost it (stalled past its end) writes
/// nothing more: its fence is refused.
pub fn spawn_escalation(app: App) -> JoinHandle<()> {
    // Unique per process, so two instances on one host are told apart.
    let holder = format!("{}-{}", std::process::id(), spona_app::new_instance_id());
    tokio::spawn(async move {
        let mut every = tokio::time::interval(ESCALATION_EVERY);
        every.set_missed_tick_behavior(MissedTickBehavior::Delay);
        loop {
            every.tick().await;
            let lease = (ESCALATION_EVERY.as_secs() * 2) as i64;
            if let Err(e) = app.run_escalation(&holder, lease).await {
                tracing::warn!(error = %e, "overdue referrals could not be escalated");
            }
        }
    })
}

/// How often the mail outbox is emptied.
const MAIL_EVERY: Duration = Duration::from_secs(30);

/// The mail lease outlasts the slowest hand-over the job allows and two runs besides, so a
/// live sender keeps it through a slow relay; it is renewed with every message.
const MAIL_LEASE: Duration =
    Duration::from_secs(spona_app::mail::SEND_LIMIT.as_secs() + 2 * MAIL_EVERY.as_secs());

/// Hands waiting mail to the SMTP relay every half minute, under a fenced lease so that one
/// instance sends, each message claimed before it goes and recorded sent when the relay
/// took it; failures wait in the outbox and are retried with backoff.
pub fn spawn_mail(app: App) -> JoinHandle<()> {
    let holder = format!("{}-{}", std::process::id(), spona_app::new_instance_id());
    tokio::spawn(async move {
        let mut every = tokio::time::interval(MAIL_EVERY);
        every.set_missed_tick_behavior(MissedTickBehavior::Delay);
        loop {
            every.tick().await;
            let lease = MAIL_LEASE.as_secs() as i64;
            if let Err(e) = app.run_mail(&holder, lease).await {
                tracing::warn!(error = %e, "mail could not be sent");
            }
        }
    })
}

/// How often SQLite's planner statistics are refreshed.
const STATISTICS_EVERY: Duration = Duration::from_secs(60 * 60);

/// Refreshes SQLite's planner statistics every hour (tables grow; the planner's choice of
/// index follows their sizes). Cheap, bounded, and harmless beside other instances.
pub fn spawn_statistics_refresh(app: App) -> JoinHandle<()> {
    tokio::spawn(async move {
        let mut every = tokio::time::interval(STATISTICS_EVERY);
        every.set_missed_tick_behavior(MissedTickBehavior::Delay);
        every.tick().await;
        loop {
            every.tick().await;
            if let Err(e) = app.db().optimize().await {
                tracing::warn!(error = %e, "planner statistics could not be refreshed");
            }
        }
    })
}

/// How often the server asks whether the scheduled backup is due.
const BACKUP_CHECK_EVERY: Duration = Duration::from_secs(60);

/// Takes the scheduled backups: every minute each instance asks, and the lease in the
/// database gives each period's backup to one of them.
pub fn spawn_backups(app: App, schedule: spona_app::backup::BackupSchedule) -> JoinHandle<()> {
    let instance = format!("{}-{}", std::process::id(), spona_app::new_instance_id());
    tokio::spawn(async move {
        let mut every = tokio::time::interval(BACKUP_CHECK_EVERY);
        every.set_missed_tick_behavior(MissedTickBehavior::Delay);
        loop {
            every.tick().await;
            match app.run_scheduled_backup(&instance, &schedule).await {
                Ok(Some(done)) => tracing::info!(
                    file = %done.path.display(),
                    rows = done.summary.rows,
                    removed = done.removed.len(),
                    "scheduled backup written"
                ),
                Ok(None) => {}
                Err(e) => tracing::error!(error = %e, "scheduled backup failed"),
            }
        }
    })
}

/// How often the server asks whether today's retention run is done.
const RETENTION_CHECK_EVERY: Duration = Duration::from_secs(10 * 60);

/// Runs the retention schedule once a day: every ten minutes each instance asks, and the
/// lease in the database gives each day's run to one of them.
pub fn spawn_retention(app: App) -> JoinHandle<()> {
    let instance = format!("{}-{}", std::process::id(), spona_app::new_instance_id());
    tokio::spawn(async move {
        let mut every = tokio::time::interval(RETENTION_CHECK_EVERY);
        every.set_missed_tick_behavior(MissedTickBehavior::Delay);
        loop {
            every.tick().await;
            match app.run_scheduled_retention(&instance).await {
                Ok(Some(done)) if !done.is_empty() => tracing::info!(
                    cases = done.cases.len(),
                    attachments = done.attachment_files,
                    notifications = done.notifications,
                    sign_ins = done.sign_ins,
                    audit_entries = done.audit_entries,
                    "retention schedule ran"
                ),
                Ok(_) => {}
                Err(e) => tracing::error!(error = %e, "the retention schedule could not run"),
            }
        }
    })
}

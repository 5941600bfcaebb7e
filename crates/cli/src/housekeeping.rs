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

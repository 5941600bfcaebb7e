//! A server's watch on its master key: now and then it compares the key the database records
//! with its own, so that after a key rotation switched (by `spona keys rotate`, perhaps on
//! another machine) it takes up the new key from its key files or environment, even when no
//! request has needed a key yet, and says in the log when it cannot.

use spona_app::App;
use std::time::Duration;
use tokio::task::JoinHandle;
use tokio::time::MissedTickBehavior;

/// How often a server looks. `spona keys rotate` waits a little longer than this between
/// recording a rotation and switching, so that every running server has looked once.
pub const KEY_CHECK_EVERY: Duration = Duration::from_secs(15);

/// Checks the key at start and every [`KEY_CHECK_EVERY`].
pub fn spawn_key_watch(app: App) -> JoinHandle<()> {
    tokio::spawn(async move {
        let mut every = tokio::time::interval(KEY_CHECK_EVERY);
        every.set_missed_tick_behavior(MissedTickBehavior::Delay);
        loop {
            every.tick().await;
            if let Err(e) = app.check_keys().await {
                tracing::warn!(error = %e, "the master key could not be checked");
            }
        }
    })
}

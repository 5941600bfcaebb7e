//! Noticing, in a running instance, that the database has moved to another master key (or is
//! about to): the recorded key check is compared with the key in force, the key at hand that
//! fits is taken up, and what cannot be helped is said once in the log.

use super::KeyHealth;
use crate::{App, AppError};
use spona_crypto::keyring::Keyring;
use std::sync::Arc;

impl App {
    /// Compares the database's recorded key (and the next key of a rotation under way) with
    /// the keys this instance holds and can find; takes up the database's key when it has
    /// moved. Run now and then by a server, so that an idle one notices too.
    pub async fn check_keys(&self) -> Result<KeyHealth, AppError> {
        let recorded = self.db.key_check().await?;
        let rotation = self.db.key_rotation().await?;
        if let Some(recorded) = recorded.filter(|r| r.as_str() != self.keys().check()) {
            if self.take_up_key(&recorded).is_err() {
                return Ok(KeyHealth::Stale);
            }
        }
        let health = match rotation {
            Some(r) if self.keys.other_at_hand_with(&r.next_check).is_none() => {
                KeyHealth::LacksNext
            }
            _ => KeyHealth::Fits,
        };
        let before = self.keys.set_health(health);
        if health == KeyHealth::LacksNext && before != health {
            tracing::warn!(
                "a master key rotation is under way and its next key is not at hand \
                 (spona.key.next or SPONA_MASTER_KEY_NEXT): once it switches, this instance \
                 cannot open case data until it is given the new key"
            );
        }
        Ok(health)
    }

    /// Takes up the key at hand whose check value is the database's; when none is, case data
    /// is unavailable in this instance until one is put where it looks.
    pub(crate) fn take_up_key(&self, recorded: &str) -> Result<Arc<Keyring>, AppError> {
        if let Some(found) = self.keys.other_at_hand_with(recorded) {
            tracing::info!("the database moved to a new master key; this instance now uses it");
            return Ok(self.keys.install(found));
        }
        if self.keys.set_health(KeyHealth::Stale) != KeyHealth::Stale {
            tracing::error!(
                "the database has moved to another master key and this instance cannot find \
                 it (spona.key, spona.key.next, SPONA_MASTER_KEY_NEXT): case data is \
                 unavailable here until the key is given"
            );
        }
        Err(AppError::KeysUnavailable)
    }
}

//! The master keys a running instance can find again after a key rotation switched: the key
//! files of the data directory, read afresh each time (the rotation replaces them), or the
//! keys given in the environment at start (the current and the next).

use crate::database::{
    environment_key, KEY_FILE, MASTER_KEY_ENV, MASTER_KEY_NEXT_ENV, NEXT_KEY_FILE,
};
use crate::settings::Settings;
use anyhow::Result;
use spona_app::keys::KeySource;
use spona_app::MasterKey;
use std::path::PathBuf;

/// Where this instance looks for its master key.
pub enum KeysAtHand {
    /// The key files of the data directory.
    Files { current: PathBuf, next: PathBuf },
    /// The keys given in the environment when the instance started.
    Environment(Vec<MasterKey>),
}

impl KeysAtHand {
    /// Where the settings and the environment say the keys are.
    pub fn of(settings: &Settings) -> Result<KeysAtHand> {
        Ok(match environment_key(MASTER_KEY_ENV)? {
            Some(current) => {
                let next = environment_key(MASTER_KEY_NEXT_ENV)?;
                KeysAtHand::Environment(std::iter::once(current).chain(next).collect())
            }
            None => KeysAtHand::Files {
                current: settings.data_dir.join(KEY_FILE),
                next: settings.data_dir.join(NEXT_KEY_FILE),
            },
        })
    }
}

impl KeySource for KeysAtHand {
    fn keys_at_hand(&self) -> Vec<MasterKey> {
        match self {
            // The next file first: a switch renames it over the current one, and reading in
            // this order cannot miss the new key while that happens.
            KeysAtHand::Files { current, next } => [next, current]
                .into_iter()
                .filter_map(|path| match MasterKey::load(path) {
                    Ok(key) => key,
                    Err(e) => {
                        tracing::warn!(error = %e, "a key file cannot be read");
                        None
                    }
                })
                .collect(),
            KeysAtHand::Environment(keys) => keys.clone(),
        }
    }
}

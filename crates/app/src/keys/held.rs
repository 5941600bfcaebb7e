//! The keys an instance holds: the keyring in force, swapped in place (every clone of the
//! `App` sees the swap) when the database has moved to a key the instance can find, and what
//! the instance knows of whether its key is the database's.

use super::source::KeySource;
use arc_swap::ArcSwap;
use spona_crypto::keyring::Keyring;
use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::Arc;

/// Whether this instance's key is the database's, as last seen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeyHealth {
    /// The key in force is the database's, and the next one (during a rotation) is at hand.
    Fits,
    /// A rotation is under way and its next key is not at hand: once it switches, this
    /// instance cannot open case data until it is given the new key.
    LacksNext,
    /// The database has moved to a key this instance cannot find: case data is unavailable
    /// here (answered "temporarily unavailable") until the key is put where it looks.
    Stale,
}

impl KeyHealth {
    fn code(self) -> u8 {
        match self {
            KeyHealth::Fits => 0,
            KeyHealth::LacksNext => 1,
            KeyHealth::Stale => 2,
        }
    }

    fn from_code(code: u8) -> KeyHealth {
        match code {
            1 => KeyHealth::LacksNext,
            2 => KeyHealth::Stale,
            _ => KeyHealth::Fits,
        }
    }
}

/// The keyring in force and where to look for another.
pub(crate) struct HeldKeys {
    in_force: ArcSwap<Keyring>,
    source: Option<Arc<dyn KeySource>>,
    health: AtomicU8,
}

impl HeldKeys {
    /// Keys given once, with nowhere to look for others (tests, one-off commands).
    pub(crate) fn fixed(keys: Arc<Keyring>) -> HeldKeys {
        HeldKeys {
            in_force: ArcSwap::new(keys),
            source: None,
            health: AtomicU8::new(KeyHealth::Fits.code()),
        }
    }

    /// The same keys, with a source to look in when the database moves to another key.
    pub(crate) fn with_source(&self, source: Arc<dyn KeySource>) -> HeldKeys {
        HeldKeys {
            in_force: ArcSwap::new(self.in_force()),
            source: Some(source),
            health: AtomicU8::new(self.health().code()),
        }
    }

    /// The keyring in force now; a caller that seals keeps this one for its transaction.
    pub(crate) fn in_force(&self) -> Arc<Keyring> {
        self.in_force.load_full()
    }

    /// Puts another keyring in force (the database's).
    pub(crate) fn install(&self, keys: Keyring) -> Arc<Keyring> {
        let keys = Arc::new(keys);
        self.in_force.store(keys.clone());
        self.set_health(KeyHealth::Fits);
        keys
    }

    /// The keyrings of the keys at hand other than the one in force, read afresh.
    pub(crate) fn others_at_hand(&self) -> Vec<Keyring> {
        let Some(source) = &self.source else {
            return Vec::new();
        };
        let current = self.in_force();
        source
            .keys_at_hand()
            .iter()
            .map(Keyring::new)
            .filter(|k| k.check() != current.check())
            .collect()
    }

    /// The keyring of a key at hand, not the one in force, with this check value.
    pub(crate) fn other_at_hand_with(&self, check: &str) -> Option<Keyring> {
        self.others_at_hand()
            .into_iter()
            .find(|k| k.check() == check)
    }

    /// What the instance last found out about its key.
    pub(crate) fn health(&self) -> KeyHealth {
        KeyHealth::from_code(self.health.load(Ordering::Relaxed))
    }

    /// Records what the instance found out; returns what it knew before.
    pub(crate) fn set_health(&self, health: KeyHealth) -> KeyHealth {
        KeyHealth::from_code(self.health.swap(health.code(), Ordering::Relaxed))
    }
}

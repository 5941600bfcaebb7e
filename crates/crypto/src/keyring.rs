//! The keys the application holds, all derived from the one master key.

use crate::blind::BlindIndexer;
use crate::chain::ChainKey;
use crate::fields::KeyWrapper;
use crate::keys::MasterKey;

/// Field encryption, blind indexes and the audit chain, each with its own derived key.
pub struct Keyring {
    pub wrapper: KeyWrapper,
    pub blind: BlindIndexer,
    pub chain: ChainKey,
}

impl Keyring {
    /// Derives every purpose key from the master key.
    pub fn new(master: &MasterKey) -> Keyring {
        Keyring {
            wrapper: KeyWrapper::new(master),
            blind: BlindIndexer::new(master),
            chain: ChainKey::new(master),
        }
    }
}

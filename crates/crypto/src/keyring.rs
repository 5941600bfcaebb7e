//! The keys the application holds, all derived from the one master key.

use crate::blind::BlindIndexer;
use crate::chain::ChainKey;
use crate::fields::KeyWrapper;
use crate::keys::MasterKey;

/// Field encryption, blind indexes and the audit chain, each with its own derived key, and
/// the check value that tells which master key they came from.
pub struct Keyring {
    pub wrapper: KeyWrapper,
    pub blind: BlindIndexer,
    pub chain: ChainKey,
    check: String,
}

impl Keyring {
    /// Derives every purpose key from the master key.
    pub fn new(master: &MasterKey) -> Keyring {
        Keyring {
            wrapper: KeyWrapper::new(master),
            blind: BlindIndexer::new(master),
            chain: ChainKey::new(master),
            check: master.check_value(),
        }
    }

    /// The check value of the master key these keys were derived from (as the database
    /// records it), so that a holder can tell whether its keys are the database's.
    pub fn check(&self) -> &str {
        &self.check
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_keyring_knows_which_master_key_it_came_from() {
        let master = MasterKey::generate();
        assert_eq!(Keyring::new(&master).check(), master.check_value());
        assert_ne!(
            Keyring::new(&MasterKey::generate()).check(),
            master.check_value()
        );
    }
}

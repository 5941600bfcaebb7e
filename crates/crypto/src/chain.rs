//! The key of the audit chain: each entry's hash is a keyed hash of the previous hash and the
//! entry, so that someone with the database but not the key cannot rewrite history unseen.

use crate::keys::MasterKey;
use hmac::{Hmac, Mac};
use sha2::Sha256;
use zeroize::Zeroize;

/// Computes the links of the audit chain.
pub struct ChainKey {
    key: [u8; 32],
}

impl Drop for ChainKey {
    fn drop(&mut self) {
        self.key.zeroize();
    }
}

impl ChainKey {
    /// The chain key derived from the master key.
    pub fn new(master: &MasterKey) -> ChainKey {
        ChainKey {
            key: master.derive("spona/audit-chain/v1"),
        }
    }

    /// The hash of an entry whose fields are `fields`, following `prev`. Each field is
    /// length-prefixed, so no two different entries share an encoding.
    pub fn link(&self, prev: &str, fields: &[&str]) -> String {
        let Ok(mut mac) = <Hmac<Sha256> as Mac>::new_from_slice(&self.key) else {
            return String::new();
        };
        for part in std::iter::once(prev).chain(fields.iter().copied()) {
            mac.update(&(part.len() as u64).to_be_bytes());
            mac.update(part.as_bytes());
        }
        hex::encode(mac.finalize().into_bytes())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_depend_on_everything_and_on_the_key() {
        let k = ChainKey::new(&MasterKey::generate());
        let a = k.link("", &["1", "view", "case"]);
        assert_eq!(a.len(), 64);
        assert_eq!(a, k.link("", &["1", "view", "case"]));
        assert_ne!(a, k.link("x", &["1", "view", "case"]));
        assert_ne!(a, k.link("", &["1", "viewc", "ase"]), "fields cannot shift");
        assert_ne!(
            a,
            ChainKey::new(&MasterKey::generate()).link("", &["1", "view", "case"])
        );
    }
}

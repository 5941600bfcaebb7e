//! The key of the audit chain: each entry's hash is a keyed hash of the previous hash and the
//! entry, so that someone with the database but not the key cannot rewrite history unseen.
//!
//! A master key rotation starts a new epoch with a new chain key; entries written before it
//! stay linked with the old one, which is kept sealed under the new master key (never the old
//! master key itself) so that the whole trail can still be verified.

use crate::fields::{KeyWrapper, OpenError, Place};
use crate::keys::MasterKey;
use hmac::{Hmac, Mac};
use sha2::Sha256;
use zeroize::Zeroize;

/// Computes the links of the audit chain.
pub struct ChainKey {
    key: [u8; 32],
    /// The keyed hash with the key already taken in: each link starts from a copy of it
    /// instead of hashing the key again (a third of the work of checking a short entry).
    /// HMAC takes a key of any length, so it is always there.
    keyed: Option<Hmac<Sha256>>,
}

impl Drop for ChainKey {
    fn drop(&mut self) {
        self.key.zeroize();
    }
}

impl ChainKey {
    /// The chain key derived from the master key.
    pub fn new(master: &MasterKey) -> ChainKey {
        ChainKey::of(master.derive("spona/audit-chain/v1"))
    }

    fn of(key: [u8; 32]) -> ChainKey {
        let keyed = <Hmac<Sha256> as Mac>::new_from_slice(&key).ok();
        ChainKey { key, keyed }
    }

    /// This chain key sealed under a key wrapper (the next master key's), for keeping an
    /// ended epoch's key in the database; bound to its place.
    pub fn seal_under(&self, wrapper: &KeyWrapper, place: Place<'_>) -> Vec<u8> {
        wrapper.seal_secret(&self.key, place)
    }

    /// An ended epoch's chain key from its sealed form.
    pub fn open_under(
        wrapper: &KeyWrapper,
        sealed: &[u8],
        place: Place<'_>,
    ) -> Result<ChainKey, OpenError> {
        wrapper.open_secret(sealed, place).map(ChainKey::of)
    }

    /// The hash of an entry whose fields are `fields`, following `prev`. Each field is
    /// length-prefixed, so no two different entries share an encoding.
    pub fn link(&self, prev: &str, fields: &[&str]) -> String {
        self.mac(prev, fields).map(hex::encode).unwrap_or_default()
    }

    /// Whether `hash` is the link of an entry of `fields` following `prev`: [`link`]'s
    /// result, compared without building it (verification checks millions).
    ///
    /// [`link`]: ChainKey::link
    pub fn links(&self, prev: &str, fields: &[&str], hash: &str) -> bool {
        let Some(mac) = self.mac(prev, fields) else {
            return false;
        };
        let mut text = [0u8; 64];
        hex::encode_to_slice(mac, &mut text).is_ok() && text == hash.as_bytes()
    }

    fn mac(&self, prev: &str, fields: &[&str]) -> Option<[u8; 32]> {
        let mut mac = self.keyed.clone()?;
        for part in std::iter::once(prev).chain(fields.iter().copied()) {
            mac.update(&(part.len() as u64).to_be_bytes());
            mac.update(part.as_bytes());
        }
        Some(mac.finalize().into_bytes().into())
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
        assert!(k.links("", &["1", "view", "case"], &a));
        assert!(!k.links("", &["1", "view", "cases"], &a));
        assert!(!k.links("", &["1", "view", "case"], &a[..63]));
        assert_ne!(a, k.link("x", &["1", "view", "case"]));
        assert_ne!(a, k.link("", &["1", "viewc", "ase"]), "fields cannot shift");
        assert_ne!(
            a,
            ChainKey::new(&MasterKey::generate()).link("", &["1", "view", "case"])
        );
    }

    #[test]
    fn a_sealed_chain_key_opens_only_under_its_wrapper_and_place_and_links_alike() {
        let old = ChainKey::new(&MasterKey::generate());
        let wrapper = KeyWrapper::new(&MasterKey::generate());
        let place = Place {
            table: "audit_epochs",
            column: "chain_key",
            row: 41,
        };
        let sealed = old.seal_under(&wrapper, place);
        let again = ChainKey::open_under(&wrapper, &sealed, place).unwrap();
        assert_eq!(again.link("p", &["1"]), old.link("p", &["1"]));
        assert!(ChainKey::open_under(&wrapper, &sealed, Place { row: 42, ..place }).is_err());
        let stranger = KeyWrapper::new(&MasterKey::generate());
        assert!(ChainKey::open_under(&stranger, &sealed, place).is_err());
    }
}

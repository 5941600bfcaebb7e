//! Envelope encryption of personal fields.
//!
//! Each record that holds personal data (a case) has its own data key; the data key is stored
//! only wrapped (sealed) by the key-encryption key derived from the master key. Each field is
//! sealed with XChaCha20-Poly1305 under the data key, with associated data naming its table,
//! column and record, so a ciphertext copied to another row or column fails to open.
//!
//! Sealed layout: version byte (1) ‖ 24-byte random nonce ‖ ciphertext with tag.

use crate::keys::MasterKey;
use argon2::password_hash::rand_core::{OsRng, RngCore};
use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use zeroize::Zeroize;

const VERSION: u8 = 1;
const NONCE: usize = 24;

/// A sealed value could not be opened: wrong key, wrong place, or altered.
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
#[error("the encrypted value cannot be opened (altered, moved, or another key)")]
pub struct OpenError;

/// Where a sealed value lives; bound into the ciphertext.
#[derive(Clone, Copy, Debug)]
pub struct Place<'a> {
    pub table: &'a str,
    pub column: &'a str,
    pub row: i64,
}

impl Place<'_> {
    /// Table and column are joined by a NUL, so a name holding one would move the boundary
    /// (a value sealed for ("a\0b", "c") would open at ("a", "b\0c")). Every place in Spona
    /// is a constant without one; such a place opens nothing, which keeps the encoding of
    /// everything stored as it is.
    fn unambiguous(&self) -> bool {
        !self.table.contains('\0') && !self.column.contains('\0')
    }

    fn bytes(&self) -> Vec<u8> {
        let mut v = Vec::with_capacity(self.table.len() + self.column.len() + 10);
        v.extend_from_slice(self.table.as_bytes());
        v.push(0);
        v.extend_from_slice(self.column.as_bytes());
        v.push(0);
        v.extend_from_slice(&self.row.to_be_bytes());
        v
    }
}

fn seal_with(cipher: &XChaCha20Poly1305, plaintext: &[u8], aad: &[u8]) -> Vec<u8> {
    let mut nonce = [0u8; NONCE];
    OsRng.fill_bytes(&mut nonce);
    let ct = cipher
        .encrypt(
            XNonce::from_slice(&nonce),
            Payload {
                msg: plaintext,
                aad,
            },
        )
        .unwrap_or_default();
    let mut out = Vec::with_capacity(1 + NONCE + ct.len());
    out.push(VERSION);
    out.extend_from_slice(&nonce);
    out.extend_from_slice(&ct);
    out
}

fn open_with(cipher: &XChaCha20Poly1305, sealed: &[u8], aad: &[u8]) -> Result<Vec<u8>, OpenError> {
    if sealed.len() < 1 + NONCE + 16 || sealed[0] != VERSION {
        return Err(OpenError);
    }
    let (nonce, ct) = sealed[1..].split_at(NONCE);
    cipher
        .decrypt(XNonce::from_slice(nonce), Payload { msg: ct, aad })
        .map_err(|_| OpenError)
}

/// Wraps and unwraps data keys (the key-encryption key).
pub struct KeyWrapper {
    cipher: XChaCha20Poly1305,
}

impl KeyWrapper {
    /// The wrapper derived from the master key.
    pub fn new(master: &MasterKey) -> KeyWrapper {
        let mut k = master.derive("spona/key-encryption/v1");
        let cipher = XChaCha20Poly1305::new((&k).into());
        k.zeroize();
        KeyWrapper { cipher }
    }

    /// A new data key for a record, and its wrapped form to store with the record.
    pub fn new_data_key(&self, owner: Place<'_>) -> (DataKey, Vec<u8>) {
        let mut k = [0u8; 32];
        OsRng.fill_bytes(&mut k);
        let wrapped = seal_with(&self.cipher, &k, &owner.bytes());
        (DataKey(k), wrapped)
    }

    /// The data key of a record from its stored wrapped form.
    pub fn unwrap_key(&self, wrapped: &[u8], owner: Place<'_>) -> Result<DataKey, OpenError> {
        self.open_secret(wrapped, owner).map(DataKey)
    }

    /// An existing data key wrapped anew (under this wrapper), for a key rotation: the data
    /// stays sealed under its data key, only the wrapping changes.
    pub fn wrap_key(&self, key: &DataKey, owner: Place<'_>) -> Vec<u8> {
        self.seal_secret(&key.0, owner)
    }

    /// Seals 32 secret bytes for their owner (a data key, or an old audit chain key).
    pub(crate) fn seal_secret(&self, secret: &[u8; 32], owner: Place<'_>) -> Vec<u8> {
        seal_with(&self.cipher, secret, &owner.bytes())
    }

    /// Opens 32 secret bytes sealed for their owner.
    pub(crate) fn open_secret(
        &self,
        sealed: &[u8],
        owner: Place<'_>,
    ) -> Result<[u8; 32], OpenError> {
        if !owner.unambiguous() {
            return Err(OpenError);
        }
        let mut raw = open_with(&self.cipher, sealed, &owner.bytes())?;
        let key = <[u8; 32]>::try_from(raw.as_slice()).map_err(|_| OpenError);
        raw.zeroize();
        key
    }
}

/// The key of one record's personal fields; wiped when dropped.
pub struct DataKey([u8; 32]);

impl Drop for DataKey {
    fn drop(&mut self) {
        self.0.zeroize();
    }
}

impl DataKey {
    fn cipher(&self) -> XChaCha20Poly1305 {
        XChaCha20Poly1305::new((&self.0).into())
    }

    /// Seals a field's text for its place.
    pub fn seal(&self, plaintext: &str, place: Place<'_>) -> Vec<u8> {
        seal_with(&self.cipher(), plaintext.as_bytes(), &place.bytes())
    }

    /// Opens a field sealed for this place.
    pub fn open(&self, sealed: &[u8], place: Place<'_>) -> Result<String, OpenError> {
        if !place.unambiguous() {
            return Err(OpenError);
        }
        let raw = open_with(&self.cipher(), sealed, &place.bytes())?;
        String::from_utf8(raw).map_err(|_| OpenError)
    }

    /// Seals bytes (a file's content) for their place.
    pub fn seal_bytes(&self, plaintext: &[u8], place: Place<'_>) -> Vec<u8> {
        seal_with(&self.cipher(), plaintext, &place.bytes())
    }

    /// Opens bytes sealed for this place.
    pub fn open_bytes(&self, sealed: &[u8], place: Place<'_>) -> Result<Vec<u8>, OpenError> {
        if !place.unambiguous() {
            return Err(OpenError);
        }
        open_with(&self.cipher(), sealed, &place.bytes())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const CASE: Place<'static> = Place {
        table: "cases",
        column: "data_key",
        row: 7,
    };
    const NAME: Place<'static> = Place {
        table: "cases",
        column: "given_name",
        row: 7,
    };

    #[test]
    fn bytes_round_trip_only_at_their_place() {
        let w = KeyWrapper::new(&MasterKey::generate());
        let (key, _) = w.new_data_key(CASE);
        let content = b"%PDF-1.7 binary \x00\xff";
        let sealed = key.seal_bytes(content, NAME);
        assert!(!sealed.windows(8).any(|w| w == b"%PDF-1.7"));
        assert_eq!(key.open_bytes(&sealed, NAME).unwrap(), content);
        assert!(key.open_bytes(&sealed, CASE).is_err(), "bound to its place");
    }

    #[test]
    fn a_field_round_trips_and_the_ciphertext_hides_it() {
        let w = KeyWrapper::new(&MasterKey::generate());
        let (key, _) = w.new_data_key(CASE);
        let sealed = key.seal("Јована", NAME);
        assert!(!sealed
            .windows(6)
            .any(|w| w == "Јована".as_bytes()[..6].as_ref()));
        assert_eq!(key.open(&sealed, NAME).unwrap(), "Јована");
        assert_ne!(key.seal("Јована", NAME), sealed, "a fresh nonce each time");
    }

    #[test]
    fn tampered_or_moved_ciphertext_is_refused() {
        let w = KeyWrapper::new(&MasterKey::generate());
        let (key, _) = w.new_data_key(CASE);
        let sealed = key.seal("Јована", NAME);
        let mut flipped = sealed.clone();
        let last = flipped.len() - 1;
        flipped[last] ^= 1;
        assert_eq!(key.open(&flipped, NAME), Err(OpenError));
        let other_row = Place { row: 8, ..NAME };
        assert_eq!(key.open(&sealed, other_row), Err(OpenError));
        let other_column = Place {
            column: "family_name",
            ..NAME
        };
        assert_eq!(key.open(&sealed, other_column), Err(OpenError));
        assert_eq!(key.open(&sealed[..10], NAME), Err(OpenError));
    }

    #[test]
    fn data_keys_unwrap_only_with_the_master_key_and_their_owner() {
        let master = MasterKey::generate();
        let w = KeyWrapper::new(&master);
        let (key, wrapped) = w.new_data_key(CASE);
        let sealed = key.seal("тајна", NAME);
        let again = w.unwrap_key(&wrapped, CASE).unwrap();
        assert_eq!(again.open(&sealed, NAME).unwrap(), "тајна");
        assert!(w.unwrap_key(&wrapped, Place { row: 9, ..CASE }).is_err());
        let stranger = KeyWrapper::new(&MasterKey::generate());
        assert!(stranger.unwrap_key(&wrapped, CASE).is_err());
    }

    #[test]
    fn a_data_key_rewrapped_under_another_master_key_opens_the_same_data() {
        let old = KeyWrapper::new(&MasterKey::generate());
        let new = KeyWrapper::new(&MasterKey::generate());
        let (key, wrapped) = old.new_data_key(CASE);
        let sealed = key.seal("тајна", NAME);
        let rewrapped = new.wrap_key(&old.unwrap_key(&wrapped, CASE).unwrap(), CASE);
        assert!(
            old.unwrap_key(&rewrapped, CASE).is_err(),
            "only the new key opens it"
        );
        let again = new.unwrap_key(&rewrapped, CASE).unwrap();
        assert_eq!(again.open(&sealed, NAME).unwrap(), "тајна");
        assert!(new
            .unwrap_key(&rewrapped, Place { row: 8, ..CASE })
            .is_err());
    }

    proptest! {
        #[test]
        fn any_text_round_trips(text in "\\PC{0,200}", row in any::<i64>()) {
            let w = KeyWrapper::new(&MasterKey::generate());
            let place = Place { table: "t", column: "c", row };
            let (key, _) = w.new_data_key(place);
            prop_assert_eq!(key.open(&key.seal(&text, place), place).unwrap(), text);
        }
    }
}

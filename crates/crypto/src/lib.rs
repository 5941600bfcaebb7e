//! Secrets: password hashes, random tokens whose stored form is a hash, and the encryption of
//! personal data at rest, the second factor's one-time codes and recovery codes (envelope keys, per-field sealing bound to its place, blind indexes).
#![forbid(unsafe_code)]

pub mod archive;
pub mod blind;
pub mod chain;
pub mod digest;
pub mod fields;
pub mod keyring;
pub mod keys;
pub mod passwords;
pub mod recovery;
pub mod tokens;
pub mod totp;

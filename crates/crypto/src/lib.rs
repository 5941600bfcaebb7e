//! Secrets: password hashes and random tokens whose stored form is a hash.
#![forbid(unsafe_code)]

pub mod passwords;
pub mod tokens;

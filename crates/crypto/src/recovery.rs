//! Recovery codes: single-use codes a person keeps on paper for the day their authenticator
//! is lost. Eighty random bits each, so that their stored form may be a plain hash, like
//! session tokens; letters and digits that cannot be mistaken for each other.

use crate::tokens::token_hash;
use argon2::password_hash::rand_core::{OsRng, RngCore};

/// How many codes a person gets at a time.
pub const RECOVERY_CODES: usize = 10;
/// Thirty-two symbols without 0/o and 1/l, so that five bits each.
const ALPHABET: &[u8; 32] = b"abcdefghijkmnpqrstuvwxyz23456789";
const SYMBOLS: usize = 16;

/// A fresh set of codes, as shown once: four groups of four, e.g. `k3mx-9qpa-w2rt-hh7c`.
pub fn new_recovery_codes() -> Vec<String> {
    (0..RECOVERY_CODES).map(|_| new_code()).collect()
}

fn new_code() -> String {
    let mut bytes = [0u8; SYMBOLS];
    OsRng.fill_bytes(&mut bytes);
    let symbols: Vec<char> = bytes
        .iter()
        .map(|b| ALPHABET[usize::from(b & 31)] as char)
        .collect();
    symbols
        .chunks(4)
        .map(|c| c.iter().collect::<String>())
        .collect::<Vec<_>>()
        .join("-")
}

/// A typed code in its canonical form (case, spaces and dashes ignored), if it can be one.
pub fn normalise(typed: &str) -> Option<String> {
    let clean: String = typed
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .collect::<String>()
        .to_ascii_lowercase();
    (clean.len() == SYMBOLS && clean.bytes().all(|b| ALPHABET.contains(&b))).then_some(clean)
}

/// The stored form of a code.
pub fn recovery_code_hash(canonical: &str) -> String {
    token_hash(&format!("recovery:{canonical}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_distinct_readable_and_read_back_however_typed() {
        let codes = new_recovery_codes();
        assert_eq!(codes.len(), RECOVERY_CODES);
        let mut unique = codes.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), RECOVERY_CODES);
        for code in &codes {
            assert_eq!(code.len(), 19);
            let typed = format!(" {} ", code.to_uppercase().replace('-', " "));
            assert_eq!(normalise(&typed), Some(code.replace('-', "")));
        }
        assert_eq!(normalise("123456"), None);
        assert_eq!(normalise("oooo-oooo-oooo-oooo"), None);
    }

    #[test]
    fn the_stored_form_is_a_hash_of_the_canonical_code() {
        let code = normalise("abcd-efgh-ijkm-npqr").unwrap();
        assert_eq!(recovery_code_hash(&code), recovery_code_hash(&code));
        assert_ne!(recovery_code_hash(&code), token_hash(&code));
        assert_ne!(
            recovery_code_hash(&code),
            recovery_code_hash("abcdefghijkmnpqs")
        );
    }
}

//! Blind indexes: a keyed hash of a normalised value, so that equal values can be found
//! (possible duplicates reported by another institution) without storing or revealing them.

use crate::keys::MasterKey;
use hmac::{Hmac, Mac};
use sha2::Sha256;
use spona_domain::script::fold;
use zeroize::Zeroize;

/// The key of the blind indexes.
pub struct BlindIndexer {
    key: [u8; 32],
}

impl Drop for BlindIndexer {
    fn drop(&mut self) {
        self.key.zeroize();
    }
}

impl BlindIndexer {
    /// The indexer derived from the master key.
    pub fn new(master: &MasterKey) -> BlindIndexer {
        BlindIndexer {
            key: master.derive("spona/blind-index/v1"),
        }
    }

    /// The index of a person: names folded across scripts, case and diacritics, in any
    /// order, plus the birth year (when known). Empty names give no index.
    pub fn person(&self, names: &[&str], birth_year: Option<i32>) -> Option<String> {
        let mut words: Vec<String> = names
            .iter()
            .flat_map(|n| fold(n).split(' ').map(str::to_string).collect::<Vec<_>>())
            .filter(|w| !w.is_empty())
            .collect();
        if words.is_empty() {
            return None;
        }
        words.sort();
        let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(&self.key).ok()?;
        mac.update(words.join(" ").as_bytes());
        mac.update(b"\0");
        if let Some(y) = birth_year {
            mac.update(y.to_string().as_bytes());
        }
        Some(hex::encode(mac.finalize().into_bytes()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_person_in_another_script_or_order_gets_the_same_index() {
        let b = BlindIndexer::new(&MasterKey::generate());
        let a = b.person(&["Јована", "Ђорђевић"], Some(2009));
        assert!(a.is_some());
        assert_eq!(a, b.person(&["DJORDJEVIC", "jovana"], Some(2009)));
        assert_eq!(a, b.person(&["Đorđević Jovana"], Some(2009)));
        assert_ne!(a, b.person(&["Јована", "Ђорђевић"], Some(2010)));
        assert_ne!(a, b.person(&["Јована", "Ђорђевић"], None));
        assert_eq!(b.person(&["  "], Some(2009)), None);
    }

    #[test]
    fn another_deployment_key_gives_unrelated_indexes() {
        let one = BlindIndexer::new(&MasterKey::generate());
        let two = BlindIndexer::new(&MasterKey::generate());
        assert_ne!(
            one.person(&["Ана"], Some(2000)),
            two.person(&["Ана"], Some(2000))
        );
    }
}

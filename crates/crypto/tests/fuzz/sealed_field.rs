//! The sealed-field codec (`spona_crypto::fields`): what is sealed opens at its place with its
//! key, and nothing else does: a changed byte, a cut or lengthened value, another place,
//! another key. Opening any bytes at all answers, never panics.

use crate::harness::{self, Seed};
use proptest::prelude::*;
use spona_crypto::fields::{DataKey, KeyWrapper, OpenError, Place};
use spona_crypto::keys::MasterKey;

/// A master key for the tests only (32 bytes of 0x53, "S").
const TEST_MASTER: &str = "U1NTU1NTU1NTU1NTU1NTU1NTU1NTU1NTU1NTU1NTU1M=";
/// Version byte, nonce, tag.
const OVERHEAD: usize = 1 + 24 + 16;

fn wrapper() -> KeyWrapper {
    KeyWrapper::new(&MasterKey::from_base64(TEST_MASTER).expect("the test key"))
}

/// A table or column name; a NUL inside one is the finding kept in
/// `a_nul_in_a_place_name_moves_the_boundary_between_table_and_column`, so none here.
fn name() -> BoxedStrategy<String> {
    prop_oneof![
        proptest::sample::select(vec![
            "cases",
            "data_key",
            "identity",
            "contact",
            "screening",
            "attachments",
            "consents",
            "content"
        ])
        .prop_map(str::to_owned),
        harness::text_from(&[harness::LATIN, "_-.абв"], 12).prop_map(|s| s.replace('\0', "")),
    ]
    .boxed()
}

#[derive(Clone, Debug)]
struct OwnedPlace {
    table: String,
    column: String,
    row: i64,
}

impl OwnedPlace {
    fn get(&self) -> Place<'_> {
        Place {
            table: &self.table,
            column: &self.column,
            row: self.row,
        }
    }
}

fn place() -> BoxedStrategy<OwnedPlace> {
    let row = prop_oneof![3 => 0i64..1000, 1 => any::<i64>()];
    (name(), name(), row)
        .prop_map(|(table, column, row)| OwnedPlace { table, column, row })
        .boxed()
}

/// Another place: the same but for one part.
fn other_place(p: &OwnedPlace) -> BoxedStrategy<OwnedPlace> {
    let p = p.clone();
    (0..3usize, name(), any::<i64>())
        .prop_filter_map("a different place", move |(part, name, row)| {
            let mut q = p.clone();
            match part {
                0 => q.table = name,
                1 => q.column = name,
                _ => q.row = row,
            }
            (q.table != p.table || q.column != p.column || q.row != p.row).then_some(q)
        })
        .boxed()
}

fn plaintexts() -> Vec<Vec<u8>> {
    harness::corpus("sealed-field")
        .into_iter()
        .filter(|s| !s.name.contains("golden"))
        .map(|s| s.bytes)
        .collect()
}

/// Plaintext bytes: the corpus, changed, or anything.
fn plaintext() -> BoxedStrategy<Vec<u8>> {
    prop_oneof![
        harness::byte_mutations(&plaintexts(), b"\0\n\"\\{}", 6),
        proptest::collection::vec(any::<u8>(), 0..300),
    ]
    .boxed()
}

/// A data key and the master key's wrapper, made once per case from fixed keys.
fn data_key(owner: &OwnedPlace) -> (KeyWrapper, DataKey, Vec<u8>) {
    let w = wrapper();
    let (key, wrapped) = w.new_data_key(owner.get());
    (w, key, wrapped)
}

/// A value sealed under the golden file's key opens to its plaintext: the format of stored
/// data does not change under it.
#[test]
fn the_golden_sealed_value_still_opens() {
    let seeds: Vec<Seed> = harness::corpus("sealed-field")
        .into_iter()
        .filter(|s| s.name.contains("golden"))
        .collect();
    assert!(
        !seeds.is_empty(),
        "fuzz/corpus/sealed-field has no golden file"
    );
    harness::replay(&seeds, |seed| {
        let fields: Vec<Vec<&str>> = seed
            .text()
            .lines()
            .filter(|l| !l.starts_with('#'))
            .map(|l| l.split('\t').collect())
            .collect();
        let get = |name: &str| -> Vec<&str> {
            fields
                .iter()
                .find(|f| f[0] == name)
                .map(|f| f[1..].to_vec())
                .unwrap_or_default()
        };
        let place_of = |f: Vec<&str>| OwnedPlace {
            table: f[0].to_owned(),
            column: f[1].to_owned(),
            row: f[2].parse().unwrap_or_default(),
        };
        let master = MasterKey::from_base64(get("master")[0]).expect("golden master key");
        let owner = place_of(get("owner"));
        let at = place_of(get("place"));
        let wrapped = hex::decode(get("wrapped")[0]).expect("hex");
        let sealed = hex::decode(get("sealed")[0]).expect("hex");
        let key = KeyWrapper::new(&master)
            .unwrap_key(&wrapped, owner.get())
            .expect("the golden data key unwraps");
        prop_assert_eq!(
            key.open(&sealed, at.get()),
            Ok(get("plaintext")[0].to_owned())
        );
        for i in 0..sealed.len() {
            let mut changed = sealed.clone();
            changed[i] ^= 0x01;
            prop_assert_eq!(key.open(&changed, at.get()), Err(OpenError), "byte {}", i);
        }
        Ok(())
    });
}

#[test]
fn what_is_sealed_opens_at_its_place_and_only_there() {
    let strategy = (place(), plaintext()).prop_flat_map(|(at, text)| {
        let other = other_place(&at);
        (Just(at), Just(text), other)
    });
    harness::check(
        "sealed-field/round-trip",
        300,
        strategy,
        |(at, text, elsewhere)| {
            let (_, key, _) = data_key(&at);
            let sealed = key.seal_bytes(&text, at.get());
            prop_assert_eq!(sealed.len(), text.len() + OVERHEAD);
            prop_assert_eq!(key.open_bytes(&sealed, at.get()), Ok(text.clone()));
            prop_assert_eq!(key.open_bytes(&sealed, elsewhere.get()), Err(OpenError));
            prop_assert_ne!(
                &key.seal_bytes(&text, at.get()),
                &sealed,
                "a fresh nonce each time"
            );
            // As text: what is valid UTF-8 comes back as that text, anything else is refused.
            match String::from_utf8(text.clone()) {
                Ok(s) => {
                    let sealed = key.seal(&s, at.get());
                    prop_assert_eq!(key.open(&sealed, at.get()), Ok(s));
                }
                Err(_) => prop_assert_eq!(key.open(&sealed, at.get()), Err(OpenError)),
            }
            Ok(())
        },
    );
}

/// How a stored value could be damaged or forged.
#[derive(Clone, Debug)]
enum Damage {
    /// One byte changed by a non-zero XOR.
    Flip(usize, u8),
    /// Cut to a shorter length.
    Cut(usize),
    /// Bytes added at the end.
    Extend(Vec<u8>),
    /// The nonce (or any run) replaced by the same run of another sealed value.
    Transplant(usize, usize),
}

fn damage() -> BoxedStrategy<Damage> {
    prop_oneof![
        4 => (any::<usize>(), 1u8..=255).prop_map(|(i, x)| Damage::Flip(i, x)),
        2 => any::<usize>().prop_map(Damage::Cut),
        1 => proptest::collection::vec(any::<u8>(), 1..20).prop_map(Damage::Extend),
        1 => (any::<usize>(), 1usize..30).prop_map(|(i, n)| Damage::Transplant(i, n)),
    ]
    .boxed()
}

#[test]
fn a_changed_cut_or_lengthened_value_does_not_open() {
    let strategy = (place(), plaintext(), damage());
    harness::check(
        "sealed-field/damage",
        300,
        strategy,
        |(at, text, damage)| {
            let (_, key, _) = data_key(&at);
            let sealed = key.seal_bytes(&text, at.get());
            let other = key.seal_bytes(&text, at.get());
            let damaged = match damage {
                Damage::Flip(i, x) => {
                    let mut d = sealed.clone();
                    let i = i % d.len();
                    d[i] ^= x;
                    d
                }
                Damage::Cut(n) => sealed[..n % sealed.len()].to_vec(),
                Damage::Extend(more) => [sealed.clone(), more].concat(),
                Damage::Transplant(i, n) => {
                    let mut d = sealed.clone();
                    let start = i % d.len();
                    let end = (start + n).min(d.len());
                    d[start..end].copy_from_slice(&other[start..end]);
                    d
                }
            };
            prop_assume!(damaged != sealed);
            prop_assert_eq!(key.open_bytes(&damaged, at.get()), Err(OpenError));
            prop_assert_eq!(key.open(&damaged, at.get()), Err(OpenError));
            Ok(())
        },
    );
}

#[test]
fn a_wrapped_data_key_opens_only_for_its_owner_under_its_master_key() {
    let strategy = place().prop_flat_map(|owner| {
        let other = other_place(&owner);
        (Just(owner), other, damage())
    });
    harness::check(
        "sealed-field/wrapped-key",
        200,
        strategy,
        |(owner, elsewhere, damage)| {
            let (w, key, wrapped) = data_key(&owner);
            let probe = key.seal("проба", owner.get());
            let again = w
                .unwrap_key(&wrapped, owner.get())
                .expect("unwraps for its owner");
            prop_assert_eq!(again.open(&probe, owner.get()), Ok("проба".to_owned()));
            prop_assert!(w.unwrap_key(&wrapped, elsewhere.get()).is_err());
            let stranger = KeyWrapper::new(
                &MasterKey::from_base64("QUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUE=")
                    .expect("key"),
            );
            prop_assert!(stranger.unwrap_key(&wrapped, owner.get()).is_err());
            let damaged = match damage {
                Damage::Flip(i, x) => {
                    let mut d = wrapped.clone();
                    let i = i % d.len();
                    d[i] ^= x;
                    d
                }
                Damage::Cut(n) => wrapped[..n % wrapped.len()].to_vec(),
                Damage::Extend(more) => [wrapped.clone(), more].concat(),
                Damage::Transplant(..) => wrapped[1..].to_vec(),
            };
            prop_assert!(w.unwrap_key(&damaged, owner.get()).is_err());
            Ok(())
        },
    );
}

#[test]
fn opening_arbitrary_bytes_answers_without_panicking() {
    let at = OwnedPlace {
        table: "cases".into(),
        column: "identity".into(),
        row: 7,
    };
    let (w, key, wrapped) = data_key(&at);
    // Seeds: real sealed values of the corpus, and the wrapped key.
    let mut seeds: Vec<Vec<u8>> = plaintexts()
        .iter()
        .map(|p| key.seal_bytes(p, at.get()))
        .collect();
    seeds.push(wrapped);
    let bytes = prop_oneof![
        harness::byte_mutations(&seeds, &[0x00, 0x01, 0x02, 0xff], 4),
        proptest::collection::vec(any::<u8>(), 0..120),
    ];
    harness::check("sealed-field/open-anything", 2000, bytes, |bytes| {
        if seeds.contains(&bytes) {
            return Ok(());
        }
        prop_assert_eq!(key.open_bytes(&bytes, at.get()), Err(OpenError));
        prop_assert_eq!(key.open(&bytes, at.get()), Err(OpenError));
        prop_assert!(w.unwrap_key(&bytes, at.get()).is_err());
        Ok(())
    });
}

/// Found by the target: `Place` joins table and column with a NUL byte, so a NUL inside a
/// name moved the boundary, and a value sealed for ("a\0b", "c") opened at ("a", "b\0c").
/// A place with a NUL in a name now opens nothing (the stored encoding stays as it was).
#[test]
fn a_nul_in_a_place_name_moves_the_boundary_between_table_and_column() {
    let at = OwnedPlace {
        table: "a\0b".into(),
        column: "c".into(),
        row: 1,
    };
    let elsewhere = Place {
        table: "a",
        column: "b\0c",
        row: 1,
    };
    let (_, key, _) = data_key(&at);
    let sealed = key.seal("тајна", at.get());
    assert_eq!(key.open(&sealed, elsewhere), Err(OpenError));
}

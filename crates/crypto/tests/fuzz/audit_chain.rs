//! The audit chain's links (`spona_crypto::chain::ChainKey::link`): over chains of arbitrary
//! entries built in memory, any altered, inserted, deleted, reordered or forged entry is found
//! by recomputing the links, at the first entry that differs.
//!
//! The walk here is a model of `spona_app::audit::verify::ChainWalk` (sequence numbers without
//! gaps, each entry's `prev_hash` the hash before it, its hash the link of the hashed fields,
//! the chain ending at the recorded head). That walk is private to the app and being changed
//! for key rotation, so the model lives in the test; the links are the real ones.

use crate::harness::{self, CYRILLIC, LATIN};
use proptest::prelude::*;
use spona_crypto::chain::ChainKey;
use spona_crypto::keys::MasterKey;

const TEST_MASTER: &str = "U1NTU1NTU1NTU1NTU1NTU1NTU1NTU1NTU1NTU1NTU1M=";

fn chain_key() -> ChainKey {
    ChainKey::new(&MasterKey::from_base64(TEST_MASTER).expect("the test key"))
}

/// An entry as stored: the sequence number, the nine other hashed fields, and the links.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Entry {
    seq: i64,
    fields: Vec<String>,
    prev_hash: String,
    hash: String,
}

impl Entry {
    /// The hashed fields in the order the app hashes them: the sequence number first.
    fn hashed(&self) -> Vec<String> {
        std::iter::once(self.seq.to_string())
            .chain(self.fields.iter().cloned())
            .collect()
    }
}

/// The recorded head of the chain.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Head {
    last_seq: i64,
    last_hash: String,
}

/// Appends an entry the way the app does.
fn append(key: &ChainKey, chain: &mut Vec<Entry>, fields: Vec<String>) {
    let prev_hash = chain.last().map(|e| e.hash.clone()).unwrap_or_default();
    let mut entry = Entry {
        seq: chain.len() as i64 + 1,
        fields,
        prev_hash: prev_hash.clone(),
        hash: String::new(),
    };
    let hashed = entry.hashed();
    let refs: Vec<&str> = hashed.iter().map(String::as_str).collect();
    entry.hash = key.link(&prev_hash, &refs);
    chain.push(entry);
}

fn head_of(chain: &[Entry]) -> Head {
    Head {
        last_seq: chain.last().map_or(0, |e| e.seq),
        last_hash: chain.last().map(|e| e.hash.clone()).unwrap_or_default(),
    }
}

/// Where a walk found the chain broken (as `spona_app::audit::verify::Break`).
#[derive(Clone, Debug, PartialEq, Eq)]
enum Break {
    Altered { seq: i64 },
    Missing { seq: i64 },
    Truncated,
}

/// The verifier's walk over entries in stored order, then the head.
fn verify(key: &ChainKey, entries: &[Entry], head: &Head) -> Result<(), Break> {
    let mut expected = 1;
    let mut prev = String::new();
    for e in entries {
        if e.seq != expected {
            return Err(Break::Missing { seq: expected });
        }
        let hashed = e.hashed();
        let refs: Vec<&str> = hashed.iter().map(String::as_str).collect();
        if e.prev_hash != prev || key.link(&prev, &refs) != e.hash {
            return Err(Break::Altered { seq: e.seq });
        }
        prev = e.hash.clone();
        expected += 1;
    }
    if head.last_seq != expected - 1 || head.last_hash != prev {
        return Err(Break::Truncated);
    }
    Ok(())
}

/// The fields of the corpus entries, the realistic ones.
fn corpus_entries() -> Vec<Vec<String>> {
    harness::corpus("audit-chain")
        .iter()
        .flat_map(|seed| {
            seed.text()
                .lines()
                .filter(|l| !l.starts_with('#'))
                .map(|l| l.split('\t').map(str::to_owned).collect::<Vec<_>>())
                .collect::<Vec<_>>()
        })
        .collect()
}

/// Nine fields: a corpus entry, changed here and there, or anything.
fn fields() -> BoxedStrategy<Vec<String>> {
    let seeds = corpus_entries();
    assert!(
        seeds.iter().all(|f| f.len() == 9),
        "a corpus entry has nine fields"
    );
    let text = harness::text_from(&[CYRILLIC, LATIN, "0123456789-:. \t\n\\\"'"], 12);
    (
        proptest::sample::select(seeds),
        proptest::collection::vec((0..9usize, text), 0..3),
    )
        .prop_map(|(mut fields, changes)| {
            for (i, value) in changes {
                fields[i] = value;
            }
            fields
        })
        .boxed()
}

/// How someone with the database but not the key might change the trail.
#[derive(Clone, Debug)]
enum Tamper {
    /// One hashed field of an entry given another value.
    Field {
        at: usize,
        field: usize,
        value: String,
    },
    /// An entry's sequence number changed.
    Seq { at: usize, seq: i64 },
    /// An entry's stored hash or previous hash replaced.
    Hash {
        at: usize,
        prev: bool,
        value: String,
    },
    /// An entry deleted, the later ones left as they are.
    Delete { at: usize },
    /// An entry deleted and the later ones renumbered and relinked by hand (without the key,
    /// the links are copied from where they were).
    DeleteAndRenumber { at: usize },
    /// A made-up entry put in, its hash computed with another key.
    Insert { at: usize, fields: Vec<String> },
    /// Two entries swapped.
    Swap { a: usize, b: usize },
    /// An entry rewritten with the same sequence number, its hash from another key.
    Forge { at: usize, fields: Vec<String> },
    /// The last entries removed, the head left as it was.
    CutTail { keep: usize },
}

fn tamper() -> BoxedStrategy<Tamper> {
    let at = any::<usize>();
    let value = harness::text_from(&[CYRILLIC, LATIN, "0123456789abcdef"], 64);
    prop_oneof![
        3 => (at, 0..9usize, harness::text_from(&[CYRILLIC, LATIN, "0123456789"], 10))
            .prop_map(|(at, field, value)| Tamper::Field { at, field, value }),
        1 => (at, any::<i64>()).prop_map(|(at, seq)| Tamper::Seq { at, seq }),
        1 => (at, any::<bool>(), value).prop_map(|(at, prev, value)| Tamper::Hash { at, prev, value }),
        1 => at.prop_map(|at| Tamper::Delete { at }),
        1 => at.prop_map(|at| Tamper::DeleteAndRenumber { at }),
        1 => (at, fields()).prop_map(|(at, fields)| Tamper::Insert { at, fields }),
        1 => (at, any::<usize>()).prop_map(|(a, b)| Tamper::Swap { a, b }),
        1 => (at, fields()).prop_map(|(at, fields)| Tamper::Forge { at, fields }),
        1 => at.prop_map(|keep| Tamper::CutTail { keep }),
    ]
    .boxed()
}

/// The chain after the tampering (the head is left as recorded).
fn tampered(chain: &[Entry], t: &Tamper) -> Vec<Entry> {
    let other_key = ChainKey::new(
        &MasterKey::from_base64("QUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUE=").expect("key"),
    );
    let mut out = chain.to_vec();
    let n = out.len();
    let forged = |seq: i64, prev_hash: String, fields: Vec<String>| {
        let mut e = Entry {
            seq,
            fields,
            prev_hash,
            hash: String::new(),
        };
        let hashed = e.hashed();
        let refs: Vec<&str> = hashed.iter().map(String::as_str).collect();
        e.hash = other_key.link(&e.prev_hash, &refs);
        e
    };
    match t.clone() {
        Tamper::Field { at, field, value } => out[at % n].fields[field] = value,
        Tamper::Seq { at, seq } => out[at % n].seq = seq,
        Tamper::Hash {
            at,
            prev: true,
            value,
        } => out[at % n].prev_hash = value,
        Tamper::Hash {
            at,
            prev: false,
            value,
        } => out[at % n].hash = value,
        Tamper::Delete { at } => {
            out.remove(at % n);
        }
        Tamper::DeleteAndRenumber { at } => {
            let at = at % n;
            out.remove(at);
            let mut prev = if at == 0 {
                String::new()
            } else {
                out[at - 1].hash.clone()
            };
            for e in &mut out[at..] {
                e.seq -= 1;
                e.prev_hash = prev.clone();
                prev = e.hash.clone();
            }
        }
        Tamper::Insert { at, fields } => {
            let at = at % (n + 1);
            let prev = if at == 0 {
                String::new()
            } else {
                out[at - 1].hash.clone()
            };
            out.insert(at, forged(at as i64 + 1, prev, fields));
        }
        Tamper::Swap { a, b } => out.swap(a % n, b % n),
        Tamper::Forge { at, fields } => {
            let at = at % n;
            out[at] = forged(out[at].seq, out[at].prev_hash.clone(), fields);
        }
        Tamper::CutTail { keep } => out.truncate(keep % n),
    }
    out
}

#[test]
fn the_corpus_chain_verifies_and_every_entry_depends_on_every_field() {
    let key = chain_key();
    let mut chain = Vec::new();
    for fields in corpus_entries() {
        append(&key, &mut chain, fields);
    }
    assert_eq!(verify(&key, &chain, &head_of(&chain)), Ok(()));
    for at in 0..chain.len() {
        for field in 0..9 {
            let mut changed = chain.clone();
            changed[at].fields[field].push('x');
            assert_eq!(
                verify(&key, &changed, &head_of(&chain)),
                Err(Break::Altered { seq: at as i64 + 1 }),
                "entry {at}, field {field}"
            );
        }
    }
}

#[test]
fn any_tampering_is_found_at_the_first_entry_that_differs() {
    let key = chain_key();
    let strategy = (proptest::collection::vec(fields(), 1..12), tamper());
    harness::check("audit-chain/tamper", 400, strategy, |(entries, t)| {
        let mut chain = Vec::new();
        for fields in entries {
            append(&key, &mut chain, fields);
        }
        let head = head_of(&chain);
        prop_assert_eq!(verify(&key, &chain, &head), Ok(()));
        let changed = tampered(&chain, &t);
        let first_difference = chain.iter().zip(&changed).position(|(a, b)| a != b);
        let expected = match first_difference {
            Some(i) => Err(Break::Altered { seq: i as i64 + 1 }),
            None if changed.len() == chain.len() => Ok(()),
            None if changed.len() < chain.len() => Err(Break::Truncated),
            None => Err(Break::Altered {
                seq: chain.len() as i64 + 1,
            }),
        };
        let found = verify(&key, &changed, &head);
        match (&expected, &found) {
            // A wrong sequence number is reported as the entry missing at that place.
            (Err(Break::Altered { seq }), Err(Break::Missing { seq: m })) => {
                prop_assert_eq!(seq, m)
            }
            _ => prop_assert_eq!(found, expected),
        }
        Ok(())
    });
}

#[test]
fn links_never_collide_when_fields_shift_split_or_merge() {
    let key = chain_key();
    let strategy = (fields(), 0..9usize, any::<usize>(), 0..3usize);
    harness::check(
        "audit-chain/boundaries",
        1000,
        strategy,
        |(fields, i, cut, how)| {
            let refs: Vec<&str> = fields.iter().map(String::as_str).collect();
            let mut moved: Vec<String> = fields.clone();
            match how {
                // Move the boundary between field i and the next one.
                0 if i + 1 < moved.len() => {
                    let joined = format!("{}{}", moved[i], moved[i + 1]);
                    let at = joined
                        .char_indices()
                        .map(|(b, _)| b)
                        .chain([joined.len()])
                        .nth(cut % (joined.chars().count() + 1))
                        .unwrap_or(0);
                    moved[i] = joined[..at].to_owned();
                    moved[i + 1] = joined[at..].to_owned();
                }
                // Merge field i into the one before.
                1 if i > 0 => {
                    let f = moved.remove(i);
                    moved[i - 1].push_str(&f);
                }
                // Put an empty field in.
                _ => moved.insert(i, String::new()),
            }
            prop_assume!(moved != fields);
            let moved_refs: Vec<&str> = moved.iter().map(String::as_str).collect();
            prop_assert_ne!(key.link("", &refs), key.link("", &moved_refs));
            // Nor can the previous hash trade characters with the first field.
            let prev = "ab";
            let mut first = fields.clone();
            first[0] = format!("b{}", first[0]);
            let first_refs: Vec<&str> = first.iter().map(String::as_str).collect();
            prop_assert_ne!(key.link(prev, &refs), key.link("a", &first_refs));
            Ok(())
        },
    );
}

/// Found while writing `audit-chain/tamper`: the head is a row anyone with the database can
/// write, so cutting the newest entries and setting the head to the last one kept passes the
/// walk. The chain proves what it holds, not that nothing came after it; only something kept
/// outside the database (the audit checkpoints) can see the cut. Kept as a specification of
/// what the chain alone does, so that nobody counts on it for more.
#[test]
fn the_chain_alone_does_not_see_a_cut_tail_with_its_head_rewritten() {
    let key = chain_key();
    let mut chain = Vec::new();
    for fields in corpus_entries() {
        append(&key, &mut chain, fields);
    }
    let recorded = head_of(&chain);
    chain.truncate(chain.len() - 2);
    assert_eq!(verify(&key, &chain, &recorded), Err(Break::Truncated));
    let rewritten = head_of(&chain);
    assert_eq!(verify(&key, &chain, &rewritten), Ok(()));
}

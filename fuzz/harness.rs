//! The harness shared by the fuzz and property targets (`crates/*/tests/fuzz/`), included in
//! each crate's `fuzz` test with `#[path]` so that no crate depends on another for it.
//!
//! A target is a proptest property run by [`check`]: in `cargo test` with a fixed seed and a
//! bounded number of cases, so a run is the same on every machine and never flakes; longer
//! with `SPONA_FUZZ_ITERATIONS` and with fresh seeds with `SPONA_FUZZ_SEED=random` (see the
//! README). Its inputs are drawn partly from scratch and partly by [`mutations`] of the seed
//! corpus committed in `fuzz/corpus/<target>/`, which [`replay`] also runs as it is. proptest
//! shrinks a failure to a small input; a failure found becomes a corpus file or a named test.
#![allow(dead_code)]

use proptest::prelude::*;
use proptest::strategy::BoxedStrategy;
use proptest::test_runner::{Config, RngAlgorithm, RngSeed, TestCaseError, TestRunner};
use std::fmt::Debug;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The seed of a bounded run, unless `SPONA_FUZZ_SEED` names another.
pub const DEFAULT_SEED: u64 = 0x5350_4f4e_4108_2026;

/// The folder of the seed corpora: `fuzz/corpus` at the workspace root.
pub fn corpus_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz/corpus")
}

/// One file of a seed corpus.
#[derive(Clone, Debug)]
pub struct Seed {
    /// The file's path from the workspace root, to name it in a failure.
    pub name: String,
    pub bytes: Vec<u8>,
}

impl Seed {
    /// The file as text; a corpus meant as text must be UTF-8.
    pub fn text(&self) -> &str {
        std::str::from_utf8(&self.bytes).unwrap_or_else(|e| panic!("{}: {e}", self.name))
    }
}

/// The files of `fuzz/corpus/<target>/`, in name order. A missing or empty folder fails the
/// test: a corpus that was moved must not leave its target running on nothing.
pub fn corpus(target: &str) -> Vec<Seed> {
    let seeds = files_in(
        &corpus_root().join(target),
        &format!("fuzz/corpus/{target}"),
    );
    assert!(
        !seeds.is_empty(),
        "the seed corpus fuzz/corpus/{target} is empty"
    );
    seeds
}

/// The files of a folder of the workspace (such as `catalogues`), in name order.
pub fn workspace_files(folder: &str) -> Vec<Seed> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(folder);
    let seeds = files_in(&dir, folder);
    assert!(!seeds.is_empty(), "{folder} has no files");
    seeds
}

fn files_in(dir: &Path, shown: &str) -> Vec<Seed> {
    let entries = std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{shown}: {e}"));
    let mut seeds: Vec<Seed> = entries
        .map(|entry| entry.unwrap_or_else(|e| panic!("{shown}: {e}")).path())
        .filter(|path| path.is_file())
        .filter(|path| {
            !path
                .file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with('.'))
        })
        .map(|path| Seed {
            name: format!(
                "{shown}/{}",
                path.file_name().unwrap_or_default().to_string_lossy()
            ),
            bytes: std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display())),
        })
        .collect();
    seeds.sort_by(|a, b| a.name.cmp(&b.name));
    seeds
}

/// How many cases a target runs: its bounded default, or `SPONA_FUZZ_ITERATIONS`.
pub fn cases(default: u32) -> u32 {
    match std::env::var("SPONA_FUZZ_ITERATIONS") {
        Ok(v) => v
            .trim()
            .parse()
            .unwrap_or_else(|_| panic!("SPONA_FUZZ_ITERATIONS={v} is not a number")),
        Err(_) => default,
    }
}

/// The seed of this run: [`DEFAULT_SEED`], the number in `SPONA_FUZZ_SEED`, or a fresh one
/// for `SPONA_FUZZ_SEED=random` (printed on failure so the run can be repeated).
pub fn seed() -> u64 {
    match std::env::var("SPONA_FUZZ_SEED") {
        Err(_) => DEFAULT_SEED,
        Ok(v) if v.trim() == "random" => {
            let nanos = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_nanos() as u64)
                .unwrap_or_default();
            nanos ^ (u64::from(std::process::id()) << 32)
        }
        Ok(v) => v
            .trim()
            .parse()
            .unwrap_or_else(|_| panic!("SPONA_FUZZ_SEED={v} is neither a number nor `random`")),
    }
}

/// Runs the property `test` on `cases(default_cases)` inputs drawn from `strategy`; a failure
/// panics with the smallest failing input proptest found and the way to repeat the run.
pub fn check<S>(
    target: &str,
    default_cases: u32,
    strategy: S,
    test: impl Fn(S::Value) -> Result<(), TestCaseError>,
) where
    S: Strategy,
    S::Value: Debug,
{
    let seed = seed();
    let cases = cases(default_cases);
    let config = Config {
        cases,
        rng_algorithm: RngAlgorithm::ChaCha,
        rng_seed: RngSeed::Fixed(seed),
        // Findings are kept as corpus files and named tests, not in proptest's own files.
        failure_persistence: None,
        max_shrink_iters: 2048,
        // Some properties skip inputs that change nothing (`prop_assume!`); a long run skips
        // in proportion.
        max_global_rejects: cases.saturating_mul(2).max(1024),
        ..Config::default()
    };
    let mut runner = TestRunner::new(config);
    if let Err(failure) = runner.run(&strategy, test) {
        panic!(
            "fuzz target `{target}` failed: {failure}\n\
             repeat with SPONA_FUZZ_SEED={seed} SPONA_FUZZ_ITERATIONS={cases}"
        );
    }
}

/// Runs `test` on every seed as it is, and fails naming every seed that fails.
pub fn replay(seeds: &[Seed], test: impl Fn(&Seed) -> Result<(), TestCaseError>) {
    let failures: Vec<String> = seeds
        .iter()
        .filter_map(|seed| test(seed).err().map(|e| format!("{}: {e}", seed.name)))
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// One change to a sequence; positions and lengths are taken modulo what is there.
#[derive(Clone, Debug)]
pub enum Edit<T> {
    Replace(usize, T),
    Insert(usize, T),
    Remove(usize, usize),
    Duplicate(usize, usize),
    /// A run of another seed put in at a position: (position, seed, start, length).
    Splice(usize, usize, usize, usize),
    Truncate(usize),
}

fn apply<T: Clone>(mut v: Vec<T>, edits: &[Edit<T>], seeds: &[Vec<T>]) -> Vec<T> {
    let at = |i: usize, len: usize| i % (len + 1);
    for edit in edits {
        let len = v.len();
        match edit {
            Edit::Replace(i, x) if len > 0 => v[i % len] = x.clone(),
            Edit::Replace(_, x) => v.push(x.clone()),
            Edit::Insert(i, x) => v.insert(at(*i, len), x.clone()),
            Edit::Remove(i, n) => {
                let start = at(*i, len);
                let end = (start + n % 8 + 1).min(len);
                v.drain(start..end);
            }
            Edit::Duplicate(i, n) => {
                let start = at(*i, len);
                let end = (start + n % 16 + 1).min(len);
                let run: Vec<T> = v[start..end].to_vec();
                v.splice(end..end, run);
            }
            Edit::Splice(i, s, start, n) => {
                let other = &seeds[s % seeds.len()];
                let from = at(*start, other.len());
                let to = (from + n % 64 + 1).min(other.len());
                let pos = at(*i, len);
                v.splice(pos..pos, other[from..to].iter().cloned());
            }
            Edit::Truncate(i) => v.truncate(at(*i, len)),
        }
    }
    v
}

fn edit<T: Clone + Debug + 'static>(unit: BoxedStrategy<T>) -> BoxedStrategy<Edit<T>> {
    let i = any::<usize>();
    prop_oneof![
        3 => (i, unit.clone()).prop_map(|(i, x)| Edit::Replace(i, x)),
        3 => (i, unit).prop_map(|(i, x)| Edit::Insert(i, x)),
        2 => (i, any::<usize>()).prop_map(|(i, n)| Edit::Remove(i, n)),
        1 => (i, any::<usize>()).prop_map(|(i, n)| Edit::Duplicate(i, n)),
        1 => (i, any::<usize>(), any::<usize>(), any::<usize>())
            .prop_map(|(i, s, a, n)| Edit::Splice(i, s, a, n)),
        1 => i.prop_map(Edit::Truncate),
    ]
    .boxed()
}

/// A seed changed by up to `max_edits` edits whose new elements come from `unit`. proptest
/// shrinks towards fewer edits, so a failure is reported as close to its seed as it goes.
pub fn mutations<T: Clone + Debug + 'static>(
    seeds: Vec<Vec<T>>,
    unit: BoxedStrategy<T>,
    max_edits: usize,
) -> BoxedStrategy<Vec<T>> {
    assert!(!seeds.is_empty(), "mutations need a seed");
    let seeds = Arc::new(seeds);
    let pick = 0..seeds.len();
    (pick, proptest::collection::vec(edit(unit), 0..=max_edits))
        .prop_map(move |(s, edits)| apply(seeds[s].clone(), &edits, &seeds))
        .boxed()
}

/// Texts made by [`mutations`] of `seeds`, character by character (so always valid UTF-8).
pub fn text_mutations(
    seeds: &[String],
    unit: BoxedStrategy<char>,
    max_edits: usize,
) -> BoxedStrategy<String> {
    let seeds: Vec<Vec<char>> = seeds.iter().map(|s| s.chars().collect()).collect();
    mutations(seeds, unit, max_edits)
        .prop_map(|chars| chars.into_iter().collect())
        .boxed()
}

/// Byte strings made by [`mutations`] of `seeds`, with bytes that matter to parsers (field
/// and line separators, `%`, `+`, `&`, `=`, the lead bytes of UTF-8) more often than others.
pub fn byte_mutations(
    seeds: &[Vec<u8>],
    specials: &'static [u8],
    max_edits: usize,
) -> BoxedStrategy<Vec<u8>> {
    let unit = prop_oneof![
        2 => proptest::sample::select(specials),
        1 => proptest::sample::select(&[0x00u8, 0x80, 0xC0, 0xD0, 0xE2, 0xEF, 0xF0, 0xFF][..]),
        2 => any::<u8>(),
    ]
    .boxed();
    mutations(seeds.to_vec(), unit, max_edits)
}

/// The Serbian Cyrillic alphabet, both cases.
pub const CYRILLIC: &str = "абвгдђежзијклљмнњопрстћуфхцчџшАБВГДЂЕЖЗИЈКЛЉМНЊОПРСТЋУФХЦЧЏШ";
/// The Serbian Latin alphabet with its diacritics, both cases (digraphs come as two letters).
pub const LATIN: &str = "abcčćdđefghijklmnoprsštuvzžABCČĆDĐEFGHIJKLMNOPRSŠTUVZŽ";
/// Characters that trouble text handling: controls, line and paragraph separators, a byte
/// order mark, combining accents, joiners, direction marks, non-characters, an astral emoji,
/// the Latin digraph letters (ǅ, ǈ, ǋ), the eth that passes for Đ and the dotted capital I.
pub const AWKWARD: &str = "\u{0}\u{1}\u{7}\t\n\u{b}\u{c}\r\u{1b}\u{7f}\u{85}\u{a0}\u{ad}\u{2028}\u{2029}\u{feff}\u{301}\u{30c}\u{200b}\u{200d}\u{200e}\u{202e}\u{fffe}\u{ffff}\u{1f600}ǄǅǆǇǈǉǊǋǌðÐİıßẞ";

/// A character drawn from `alphabets` (equally), from [`AWKWARD`], or from anywhere.
pub fn char_from(alphabets: &[&str]) -> BoxedStrategy<char> {
    let letters: Vec<char> = alphabets.iter().flat_map(|a| a.chars()).collect();
    prop_oneof![
        8 => proptest::sample::select(letters),
        1 => proptest::sample::select(AWKWARD.chars().collect::<Vec<_>>()),
        1 => any::<char>(),
    ]
    .boxed()
}

/// A character drawn from `alphabets` alone.
pub fn one_of(alphabets: &[&str]) -> BoxedStrategy<char> {
    let letters: Vec<char> = alphabets.iter().flat_map(|a| a.chars()).collect();
    proptest::sample::select(letters).boxed()
}

/// A text of up to `max` characters from [`char_from`]`(alphabets)`.
pub fn text_from(alphabets: &[&str], max: usize) -> BoxedStrategy<String> {
    proptest::collection::vec(char_from(alphabets), 0..=max)
        .prop_map(|chars| chars.into_iter().collect())
        .boxed()
}

//! Cell suppression: hide the small numbers, then hide as few others as needed so that no
//! hidden number can be worked out from what is shown now and what was shown before.

use super::atoms::AtomId;
use super::published::{ProtectedRelease, ProtectedTable, Published, PublishedNumber, Reason};
use super::rational::Overflow;
use super::span::Span;
use super::table::{CountTable, Position};
use super::threshold::Threshold;
use std::collections::{BTreeMap, BTreeSet};

/// Why a release could not be protected. Nothing may be published then.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ProtectError {
    /// Two tables of the release give one atom different counts (built from different data).
    #[error("two tables give {} / {} / {} different counts", .0.period, .0.row, .0.column)]
    InconsistentCounts(AtomId),
    /// The exact arithmetic ran out of range; the release is far larger than this is for.
    #[error("the release is too large to check exactly")]
    TooLarge,
}

impl From<Overflow> for ProtectError {
    fn from(_: Overflow) -> ProtectError {
        ProtectError::TooLarge
    }
}

/// A number of the release being protected.
struct Fresh {
    table: usize,
    position: Position,
    atoms: BTreeSet<AtomId>,
    /// The atoms that are not known to be 0, as indexes into the elimination's space.
    vector: Vec<usize>,
    value: u64,
    state: Published,
    /// Whether earlier releases already determine it (hiding it would then protect nothing).
    known_before: bool,
}

/// Protects `release` (the tables to publish now) against itself and against `earlier`
/// (what was published before, as it was published; it cannot change now).
///
/// Primary suppression hides every number that is 1..k-1. Then, as long as some number
/// that must stay unknown can be worked out (by adding and subtracting shown numbers of this
/// and earlier releases), one more number of this release is hidden: one whose hiding makes
/// that number unknown if there is such, preferring a number that shares atoms with it, a
/// cell over a total, and the smallest value; ties go to the first in table order. Zeros
/// are never hidden: they reveal nobody.
///
/// What must stay unknown: every hidden number of this and earlier releases, and every
/// small count of a period, even if no table shows it alone (the fourth quarter's cell when
/// the year is published after three quarters; a row total of one quarter). For periods
/// seen only in earlier releases the counts are not at hand, so their counts are kept
/// unknown unless they were already given away before.
///
/// What a reader is assumed to know: every shown number, and that every atom of this
/// release that is 0 is 0. The second part is more than a reader can always tell; assuming
/// it keeps the test exact where a reader could tell (a zero total means zero atoms, and
/// counts cannot be negative) at the price of an occasional extra suppression.
///
/// Tables of one period must share their classification: a sex-by-form table and an
/// age-by-form table of the same people have different atoms, so the relation between
/// their column totals is not seen. Publish such tables from atoms of the full cross
/// classification instead.
pub fn protect(
    release: &[CountTable],
    earlier: &[ProtectedRelease],
    threshold: Threshold,
) -> Result<ProtectedRelease, ProtectError> {
    let counts = atom_counts(release)?;
    let before: Vec<&PublishedNumber> = earlier
        .iter()
        .flat_map(|r| r.tables())
        .flat_map(|t| t.numbers())
        .collect();

    // Atoms known to be 0 drop out of the elimination: they carry no unknowns.
    let mut zero: BTreeSet<&AtomId> = counts
        .iter()
        .filter(|(_, n)| **n == 0)
        .map(|(a, _)| a)
        .collect();
    for n in &before {
        if n.published == Published::Shown(0) {
            zero.extend(&n.atoms);
        }
    }
    let mut index: BTreeMap<&AtomId, usize> = BTreeMap::new();
    for atom in counts
        .keys()
        .chain(before.iter().flat_map(|n| n.atoms.iter()))
    {
        if !zero.contains(atom) {
            let next = index.len();
            index.entry(atom).or_insert(next);
        }
    }
    let project = |atoms: &BTreeSet<AtomId>| -> Vec<usize> {
        let mut v: Vec<usize> = atoms.iter().filter_map(|a| index.get(a).copied()).collect();
        v.sort_unstable();
        v
    };

    let mut base = Span::new(index.len());
    for n in &before {
        if !n.published.is_suppressed() {
            base.insert(&project(&n.atoms))?;
        }
    }

    let mut fresh = Vec::new();
    for (table, t) in release.iter().enumerate() {
        for (position, stat) in t.statistics() {
            let vector = project(&stat.atoms);
            let state = if threshold.is_small(stat.value) {
                Published::Suppressed(Reason::SmallCount)
            } else {
                Published::Shown(stat.value)
            };
            fresh.push(Fresh {
                table,
                position,
                known_before: base.contains(&vector)?,
                atoms: stat.atoms,
                vector,
                value: stat.value,
                state,
            });
        }
    }

    // Numbers outside this release that must stay unknown. Those that earlier releases
    // already give away are beyond help: counted if they are known to be small.
    let mut already_exposed = 0;
    let mut outside = Vec::new();
    let hidden_before = before
        .iter()
        .filter(|n| n.published.is_suppressed())
        .map(|n| (project(&n.atoms), true));
    let implicit = implicit_counts(&counts, &zero, &before, threshold)
        .into_iter()
        .map(|(atoms, small)| (project(&atoms), small));
    for (v, small) in hidden_before.chain(implicit) {
        if !base.contains(&v)? {
            outside.push(v);
        } else if small {
            already_exposed += 1;
        }
    }
    let mut given_up: BTreeSet<usize> = BTreeSet::new();
    for (i, f) in fresh.iter().enumerate() {
        if f.state.is_suppressed() && f.known_before {
            given_up.insert(i);
        }
    }

    loop {
        let known = shown_span(&base, &fresh, None)?;
        let Some(target) = first_exposed(&known, &fresh, &outside, &given_up)? else {
            break;
        };
        let target_vector = match target {
            Target::Fresh(i) => &fresh[i].vector,
            Target::Outside(i) => &outside[i],
        };
        let mut candidates: Vec<usize> = (0..fresh.len())
            .filter(|&i| {
                matches!(fresh[i].state, Published::Shown(v) if v > 0) && !fresh[i].known_before
            })
            .collect();
        candidates.sort_by_key(|&i| {
            let f = &fresh[i];
            let shares = f
                .vector
                .iter()
                .any(|a| target_vector.binary_search(a).is_ok());
            (!shares, kind_rank(f.position), f.value, i)
        });
        let mut pick = None;
        for &c in &candidates {
            if !shown_span(&base, &fresh, Some(c))?.contains(target_vector)? {
                pick = Some(c);
                break;
            }
        }
        // No single number helps: hide the most preferred one and look again.
        match pick.or(candidates.first().copied()) {
            Some(c) => fresh[c].state = Published::Suppressed(Reason::Protects),
            // Only earlier releases determine it; nothing here can help. Not expected,
            // since such numbers were set aside above.
            None => match target {
                Target::Fresh(i) => {
                    given_up.insert(i);
                }
                Target::Outside(i) => {
                    outside.remove(i);
                    already_exposed += 1;
                }
            },
        }
    }
    already_exposed += given_up.len();

    let mut numbers: Vec<Vec<PublishedNumber>> = release.iter().map(|_| Vec::new()).collect();
    for f in fresh {
        if let Some(list) = numbers.get_mut(f.table) {
            list.push(PublishedNumber {
                position: f.position,
                atoms: f.atoms,
                published: f.state,
            });
        }
    }
    let tables = release
        .iter()
        .zip(numbers)
        .map(|(t, numbers)| {
            ProtectedTable::new(
                t.name().to_owned(),
                t.rows().to_vec(),
                t.columns().to_vec(),
                numbers,
            )
        })
        .collect();
    Ok(ProtectedRelease::new(threshold, tables, already_exposed))
}

/// The count of every atom of the release, checking that the tables agree on them.
fn atom_counts(release: &[CountTable]) -> Result<BTreeMap<AtomId, u64>, ProtectError> {
    let mut counts = BTreeMap::new();
    for t in release {
        for (atom, &n) in t.atom_counts() {
            match counts.insert(atom.clone(), n) {
                Some(m) if m != n => return Err(ProtectError::InconsistentCounts(atom.clone())),
                _ => {}
            }
        }
    }
    Ok(counts)
}

/// The counts of every period as if each period had its own table (its atoms, the totals
/// of each row and column within the period, and the period's total) that may be small:
/// those known to be 1..k-1 (marked `true`) and those with atoms of unknown count (earlier
/// releases only) that the known atoms do not already bring to k.
fn implicit_counts(
    counts: &BTreeMap<AtomId, u64>,
    zero: &BTreeSet<&AtomId>,
    before: &[&PublishedNumber],
    threshold: Threshold,
) -> Vec<(BTreeSet<AtomId>, bool)> {
    #[derive(Default)]
    struct Group {
        atoms: BTreeSet<AtomId>,
        known: u64,
        unknown: bool,
    }
    let all: BTreeSet<&AtomId> = counts
        .keys()
        .chain(before.iter().flat_map(|n| n.atoms.iter()))
        .collect();
    let mut groups: BTreeMap<(&str, Option<&str>, Option<&str>), Group> = BTreeMap::new();
    for atom in all {
        let count = counts
            .get(atom)
            .copied()
            .or(zero.contains(atom).then_some(0));
        let (p, r, c) = (
            atom.period.as_str(),
            atom.row.as_str(),
            atom.column.as_str(),
        );
        for key in [
            (p, Some(r), Some(c)),
            (p, Some(r), None),
            (p, None, Some(c)),
            (p, None, None),
        ] {
            let g = groups.entry(key).or_default();
            g.atoms.insert(atom.clone());
            match count {
                Some(n) => g.known = g.known.saturating_add(n),
                None => g.unknown = true,
            }
        }
    }
    groups
        .into_values()
        .filter_map(|g| {
            if !g.unknown && threshold.is_small(g.known) {
                Some((g.atoms, true))
            } else if g.unknown && g.known < u64::from(threshold.get()) {
                Some((g.atoms, false))
            } else {
                None
            }
        })
        .collect()
}

#[derive(Clone, Copy, Debug)]
enum Target {
    Fresh(usize),
    Outside(usize),
}

/// What the readers know if the shown numbers of this release (but `without`) are published.
fn shown_span(base: &Span, fresh: &[Fresh], without: Option<usize>) -> Result<Span, Overflow> {
    let mut span = base.clone();
    for (i, f) in fresh.iter().enumerate() {
        if Some(i) != without && !f.state.is_suppressed() {
            span.insert(&f.vector)?;
        }
    }
    Ok(span)
}

/// The first number that must stay unknown but is determined by `known`.
fn first_exposed(
    known: &Span,
    fresh: &[Fresh],
    outside: &[Vec<usize>],
    given_up: &BTreeSet<usize>,
) -> Result<Option<Target>, Overflow> {
    for (i, f) in fresh.iter().enumerate() {
        if f.state.is_suppressed() && !given_up.contains(&i) && known.contains(&f.vector)? {
            return Ok(Some(Target::Fresh(i)));
        }
    }
    for (i, v) in outside.iter().enumerate() {
        if known.contains(v)? {
            return Ok(Some(Target::Outside(i)));
        }
    }
    Ok(None)
}

/// Cells are hidden before totals, and the grand total last: a hidden total hides more.
fn kind_rank(position: Position) -> u8 {
    match position {
        Position::Cell { .. } => 0,
        Position::RowTotal { .. } | Position::ColumnTotal { .. } => 1,
        Position::GrandTotal => 2,
    }
}

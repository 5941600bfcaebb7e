//! Cell suppression: hide the small numbers, then hide as few others as needed so that no
//! hidden number can be worked out from what is shown now and what was shown before.

use super::atoms::{AtomId, Microdata};
use super::moves::can_move;
use super::published::{ProtectedRelease, ProtectedTable, Published, PublishedNumber, Reason};
use super::rational::Overflow;
use super::span::Span;
use super::table::{CountTable, Position};
use super::threshold::Threshold;
use std::collections::{BTreeMap, BTreeSet};

/// Why a release could not be protected. Nothing may be published then.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ProtectError {
    /// The data of a period are missing: a period of the release, or of an earlier release
    /// that shares atoms with it (directly or through other earlier releases).
    #[error("the data of period {0} are needed to check this release")]
    MissingPeriod(String),
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

/// A number that must stay unknown.
#[derive(Clone, Copy, Debug)]
enum Target {
    /// A hidden number of this release (by index).
    Fresh(usize),
    /// One outside it (by index into the list of those).
    Outside(usize),
}

/// Protects `release` (the tables to publish now, counted in `data`) against itself and
/// against `earlier` (what was published before, as it was published; it cannot change
/// now).
///
/// Primary suppression hides every number that is 1..k-1. Then, as long as some number
/// that must stay unknown can be worked out (by adding and subtracting shown numbers of this
/// and earlier releases), more numbers of this release are hidden: a set that makes it
/// unknown and from which none can be shown again without giving it away, chosen so that
/// cells rather than totals, small values rather than large, and numbers sharing atoms
/// with it are the ones hidden; ties go by table order, so the result is always the same.
/// Zeros are never hidden: they reveal nobody.
///
/// What must stay unknown: every hidden number of this release, every number hidden as
/// small by an earlier release, and every small count of a period even if no table shows
/// it alone (the fourth quarter's cell when the year is published after three quarters; a
/// row total of one quarter). Earlier complementary suppressions need not stay hidden:
/// they are at least k, and what they protected is itself on the list.
///
/// What a reader is assumed to know: every shown number, now and before, and every atom
/// that is 0. Zeros are always published, so an atom that is 0 becomes public with the
/// first table that shows it alone, if it is not already; and a reader who knows that
/// counts are not negative can sometimes tell zeros from the totals (a + b = 2, c + d = 2
/// and a + c = 4 give b = d = 0). Assuming every zero known covers both. A number is then
/// determined iff its atoms' indicator vector, the zero atoms left out, lies in the span of
/// the shown numbers' vectors (see the `span` module for why), computed exactly. As counts
/// are whole, a number that must stay unknown also needs a whole-number witness: see the
/// `moves` module.
///
/// `data` must cover every period of the release and of the earlier releases linked to it
/// through shared atoms, since whether their atoms are 0 or small matters here.
///
/// Tables of one period must share their classification: a sex-by-form table and an
/// age-by-form table of the same people have different atoms, so the relation between
/// their column totals is not seen. Publish such tables from atoms of the full cross
/// classification instead.
pub fn protect(
    data: &Microdata,
    release: &[CountTable],
    earlier: &[ProtectedRelease],
    threshold: Threshold,
) -> Result<ProtectedRelease, ProtectError> {
    let layout: Vec<Vec<(Position, BTreeSet<AtomId>)>> = release
        .iter()
        .map(|t| {
            t.positions()
                .into_iter()
                .filter_map(|p| Some((p, t.atoms(p)?)))
                .collect()
        })
        .collect();
    let release_atoms: BTreeSet<&AtomId> = layout.iter().flatten().flat_map(|(_, a)| a).collect();
    let before = related(
        release_atoms,
        earlier
            .iter()
            .flat_map(|r| r.tables())
            .flat_map(|t| t.numbers())
            .collect(),
    );
    let all_atoms: BTreeSet<&AtomId> = layout
        .iter()
        .flatten()
        .flat_map(|(_, a)| a)
        .chain(before.iter().flat_map(|n| n.atoms.iter()))
        .collect();
    if let Some(a) = all_atoms.iter().find(|a| !data.covers(&a.period)) {
        return Err(ProtectError::MissingPeriod(a.period.clone()));
    }

    // Atoms known to be 0 drop out of the elimination: they carry no unknowns.
    let mut zero: BTreeSet<&AtomId> = all_atoms
        .iter()
        .copied()
        .filter(|a| data.count(a) == 0)
        .collect();
    for n in &before {
        if n.published == Published::Shown(0) {
            zero.extend(&n.atoms);
        }
    }
    let mut index: BTreeMap<&AtomId, usize> = BTreeMap::new();
    for &atom in all_atoms.iter().filter(|a| !zero.contains(*a)) {
        let next = index.len();
        index.insert(atom, next);
    }
    let project = |atoms: &BTreeSet<AtomId>| -> Vec<usize> {
        let mut v: Vec<usize> = atoms.iter().filter_map(|a| index.get(a).copied()).collect();
        v.sort_unstable();
        v
    };

    let counts: Vec<u64> = {
        let mut c = vec![0; index.len()];
        for (a, &i) in &index {
            c[i] = data.count(a);
        }
        c
    };
    let shown_before: Vec<Vec<usize>> = before
        .iter()
        .filter(|n| !n.published.is_suppressed())
        .map(|n| project(&n.atoms))
        .collect();
    let mut base = Span::new(index.len());
    for v in &shown_before {
        base.insert(v)?;
    }
    let safe = |target: &[usize],
                span: &Span,
                fresh: &[Fresh],
                hidden: &[usize]|
     -> Result<bool, Overflow> {
        if span.contains(target)? {
            return Ok(false);
        }
        let shown: Vec<&[usize]> = shown_before
            .iter()
            .map(Vec::as_slice)
            .chain(
                fresh
                    .iter()
                    .enumerate()
                    .filter(|(i, f)| !f.state.is_suppressed() && !hidden.contains(i))
                    .map(|(_, f)| f.vector.as_slice()),
            )
            .collect();
        Ok(can_move(&counts, &shown, target))
    };

    let mut fresh = Vec::new();
    for (table, numbers) in layout.iter().enumerate() {
        for (position, atoms) in numbers {
            let vector = project(atoms);
            let value = data.sum(atoms);
            let state = if threshold.is_small(value) {
                Published::Suppressed(Reason::SmallCount)
            } else {
                Published::Shown(value)
            };
            fresh.push(Fresh {
                table,
                position: *position,
                known_before: base.contains(&vector)?,
                atoms: atoms.clone(),
                vector,
                value,
                state,
            });
        }
    }

    // Numbers outside this release that must stay unknown. Those that earlier releases
    // already give away are beyond help and only counted.
    let mut already_exposed = 0;
    let mut outside = Vec::new();
    let hidden_before = before
        .iter()
        .filter(|n| n.published == Published::Suppressed(Reason::SmallCount))
        .map(|n| project(&n.atoms));
    let implicit = small_period_counts(&all_atoms, data, threshold)
        .into_iter()
        .map(|atoms| project(&atoms));
    for v in hidden_before.chain(implicit) {
        if !safe(&v, &base, &[], &[])? {
            already_exposed += 1;
        } else {
            outside.push(v);
        }
    }
    let mut given_up: BTreeSet<usize> = BTreeSet::new();
    for (i, f) in fresh.iter().enumerate() {
        if f.state.is_suppressed() && f.known_before {
            given_up.insert(i);
        }
    }

    loop {
        let known = shown_span(&base, &fresh, &[])?;
        let Some(target) = first_exposed(&fresh, &outside, &given_up, |v| {
            safe(v, &known, &fresh, &[])
        })?
        else {
            break;
        };
        let target_vector = match target {
            Target::Fresh(i) => fresh[i].vector.clone(),
            Target::Outside(i) => outside[i].clone(),
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
            (kind_rank(f.position), f.value, !shares, i)
        });
        // Hide every candidate, then show them again one by one, the least preferred
        // first, as long as the target stays unknown. What is left hidden is a set from
        // which no number can be shown without giving the target away. One number at a
        // time would not do: a small cell in a table with its margins needs three more.
        let mut hidden = candidates.clone();
        let mut span = shown_span(&base, &fresh, &hidden)?;
        if !safe(&target_vector, &span, &fresh, &hidden)? {
            // Only earlier releases determine it and nothing here can help. Not expected,
            // since such numbers were set aside above.
            match target {
                Target::Fresh(i) => {
                    given_up.insert(i);
                }
                Target::Outside(i) => {
                    outside.remove(i);
                    already_exposed += 1;
                }
            }
            continue;
        }
        for &c in candidates.iter().rev() {
            let mut with_c = span.clone();
            with_c.insert(&fresh[c].vector)?;
            let without_c: Vec<usize> = hidden.iter().copied().filter(|&h| h != c).collect();
            if safe(&target_vector, &with_c, &fresh, &without_c)? {
                span = with_c;
                hidden = without_c;
            }
        }
        for c in hidden {
            fresh[c].state = Published::Suppressed(Reason::Protects);
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

/// The earlier numbers linked to `atoms` through shared atoms, directly or through other
/// earlier numbers. The rest cannot be affected by this release.
fn related<'a>(
    mut atoms: BTreeSet<&'a AtomId>,
    mut numbers: Vec<&'a PublishedNumber>,
) -> Vec<&'a PublishedNumber> {
    let mut linked = Vec::new();
    loop {
        let (near, far): (Vec<_>, Vec<_>) = numbers
            .into_iter()
            .partition(|n| n.atoms.iter().any(|a| atoms.contains(a)));
        if near.is_empty() {
            break;
        }
        for n in near {
            atoms.extend(n.atoms.iter());
            linked.push(n);
        }
        numbers = far;
    }
    linked
}

/// The counts of each period as if it had a table of its own (each atom, the total of each
/// row and of each column within the period, the period's total) that are 1..k-1.
fn small_period_counts(
    atoms: &BTreeSet<&AtomId>,
    data: &Microdata,
    threshold: Threshold,
) -> Vec<BTreeSet<AtomId>> {
    type Key<'a> = (&'a str, Option<&'a str>, Option<&'a str>);
    let mut groups: BTreeMap<Key<'_>, BTreeSet<AtomId>> = BTreeMap::new();
    for atom in atoms {
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
            groups.entry(key).or_default().insert((*atom).clone());
        }
    }
    groups
        .into_values()
        .filter(|g| threshold.is_small(data.sum(g)))
        .collect()
}

/// What the readers know if the shown numbers of this release but `hidden` are published.
fn shown_span(base: &Span, fresh: &[Fresh], hidden: &[usize]) -> Result<Span, Overflow> {
    let mut span = base.clone();
    for (i, f) in fresh.iter().enumerate() {
        if !f.state.is_suppressed() && !hidden.contains(&i) {
            span.insert(&f.vector)?;
        }
    }
    Ok(span)
}

/// The first number that must stay unknown but is not `safe`.
fn first_exposed(
    fresh: &[Fresh],
    outside: &[Vec<usize>],
    given_up: &BTreeSet<usize>,
    safe: impl Fn(&[usize]) -> Result<bool, Overflow>,
) -> Result<Option<Target>, Overflow> {
    for (i, f) in fresh.iter().enumerate() {
        if f.state.is_suppressed() && !given_up.contains(&i) && !safe(&f.vector)? {
            return Ok(Some(Target::Fresh(i)));
        }
    }
    for (i, v) in outside.iter().enumerate() {
        if !safe(v)? {
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

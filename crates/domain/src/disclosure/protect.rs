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
        release_atoms.clone(),
        earlier
            .iter()
            .flat_map(|r| r.tables())
            .flat_map(|t| t.numbers())
            .collect(),
    );
    let mut all_atoms = release_atoms;
    all_atoms.extend(before.iter().flat_map(|n| n.atoms.iter()));
    if let Some(a) = all_atoms.iter().find(|a| !data.covers(&a.period)) {
        return Err(ProtectError::MissingPeriod(a.period.clone()));
    }

    let reader = Reader::new(data, &all_atoms, &before)?;
    let mut fresh = Vec::new();
    for (table, numbers) in layout.iter().enumerate() {
        for (position, atoms) in numbers {
            let vector = reader.project(atoms);
            let value = data.sum(atoms);
            let state = if threshold.is_small(value) {
                Published::Suppressed(Reason::SmallCount)
            } else {
                Published::Shown(value)
            };
            fresh.push(Fresh {
                table,
                position: *position,
                known_before: reader.before.contains(&vector)?,
                atoms: atoms.clone(),
                vector,
                value,
                state,
            });
        }
    }

    // Numbers outside this release that must stay unknown. Those that earlier releases
    // already give away are beyond help and only counted, as are small numbers of this
    // release that earlier ones give away.
    let mut already_exposed = 0;
    let mut outside = Vec::new();
    let hidden_before = before
        .iter()
        .filter(|n| n.published == Published::Suppressed(Reason::SmallCount))
        .map(|n| reader.project(&n.atoms));
    let implicit = small_period_counts(&all_atoms, data, threshold)
        .into_iter()
        .map(|atoms| reader.project(&atoms));
    for v in hidden_before.chain(implicit) {
        if reader.safe(&v, &reader.before, &[], &[])? {
            outside.push(v);
        } else {
            already_exposed += 1;
        }
    }
    let mut given_up: BTreeSet<usize> = (0..fresh.len())
        .filter(|&i| fresh[i].state.is_suppressed() && fresh[i].known_before)
        .collect();

    already_exposed += complement(&reader, &mut fresh, &mut outside, &mut given_up)?;
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

/// What a reader knows before this release: the shown numbers of earlier releases and
/// every atom that is 0. The atoms that are not 0 are numbered for the elimination.
struct Reader<'a> {
    index: BTreeMap<&'a AtomId, usize>,
    /// The count of each numbered atom.
    counts: Vec<u64>,
    /// The earlier shown numbers, as numbered atoms.
    shown_before: Vec<Vec<usize>>,
    /// Their span.
    before: Span,
}

impl<'a> Reader<'a> {
    fn new(
        data: &Microdata,
        atoms: &BTreeSet<&'a AtomId>,
        before: &[&'a PublishedNumber],
    ) -> Result<Reader<'a>, Overflow> {
        // Atoms known to be 0 drop out: they carry no unknowns. A shown zero of an earlier
        // release counts too, even if the data have changed since.
        let mut zero: BTreeSet<&AtomId> = atoms
            .iter()
            .copied()
            .filter(|a| data.count(a) == 0)
            .collect();
        for n in before {
            if n.published == Published::Shown(0) {
                zero.extend(&n.atoms);
            }
        }
        let index: BTreeMap<&AtomId, usize> = atoms
            .iter()
            .copied()
            .filter(|a| !zero.contains(a))
            .enumerate()
            .map(|(i, a)| (a, i))
            .collect();
        let counts = index.keys().map(|a| data.count(a)).collect();
        let mut reader = Reader {
            index,
            counts,
            shown_before: Vec::new(),
            before: Span::new(0),
        };
        reader.shown_before = before
            .iter()
            .filter(|n| !n.published.is_suppressed())
            .map(|n| reader.project(&n.atoms))
            .collect();
        let mut span = Span::new(reader.index.len());
        for v in &reader.shown_before {
            span.insert(v)?;
        }
        reader.before = span;
        Ok(reader)
    }

    /// The numbered atoms of `atoms`, in order (those known to be 0 left out).
    fn project(&self, atoms: &BTreeSet<AtomId>) -> Vec<usize> {
        // `index` is ordered like `atoms`, so the result is sorted.
        atoms
            .iter()
            .filter_map(|a| self.index.get(a).copied())
            .collect()
    }

    /// Whether `target` stays unknown when the shown numbers of this release but `hidden`
    /// are published, `span` being the span of those and the earlier ones: it is not in the
    /// span, and some whole-number change moves it.
    fn safe(
        &self,
        target: &[usize],
        span: &Span,
        fresh: &[Fresh],
        hidden: &[usize],
    ) -> Result<bool, Overflow> {
        if span.contains(target)? {
            return Ok(false);
        }
        let shown: Vec<&[usize]> = self
            .shown_before
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
        Ok(can_move(&self.counts, &shown, target))
    }
}

/// Complementary suppression: while some number that must stay unknown is not safe, hides
/// more numbers of this release. Returns how many numbers outside the release turned out
/// beyond help (not expected: those are set aside before).
fn complement(
    reader: &Reader<'_>,
    fresh: &mut [Fresh],
    outside: &mut Vec<Vec<usize>>,
    given_up: &mut BTreeSet<usize>,
) -> Result<usize, Overflow> {
    let mut beyond_help = 0;
    loop {
        let known = shown_span(&reader.before, fresh, &[])?;
        let Some(target) = first_exposed(fresh, outside, given_up, |v| {
            reader.safe(v, &known, fresh, &[])
        })?
        else {
            return Ok(beyond_help);
        };
        let target_vector = match target {
            Target::Fresh(i) => fresh[i].vector.clone(),
            Target::Outside(i) => outside[i].clone(),
        };
        let hidden = hide_for(reader, fresh, &target_vector)?;
        if hidden.is_empty() {
            // Only earlier releases determine it, and nothing here can help.
            match target {
                Target::Fresh(i) => {
                    given_up.insert(i);
                }
                Target::Outside(i) => {
                    outside.remove(i);
                    beyond_help += 1;
                }
            }
        }
        for c in hidden {
            fresh[c].state = Published::Suppressed(Reason::Protects);
        }
    }
}

/// Which shown numbers to hide so that `target` is safe; none if hiding cannot help.
///
/// Hides every candidate (shown, not 0, not already known before), then shows them again
/// one by one, the least preferred first, as long as the target stays safe. What is left
/// is a set from which no number can be shown again without giving the target away.
/// Hiding one number at a time would not do: a small cell in a table with its margins
/// needs three more, at the corners of a rectangle. Preferred for hiding: cells over
/// totals, then smaller values, then numbers sharing atoms with the target (only a tie
/// breaker, since a rectangle's far corner shares none).
fn hide_for(
    reader: &Reader<'_>,
    fresh: &[Fresh],
    target: &[usize],
) -> Result<Vec<usize>, Overflow> {
    let mut candidates: Vec<usize> = (0..fresh.len())
        .filter(|&i| {
            matches!(fresh[i].state, Published::Shown(v) if v > 0) && !fresh[i].known_before
        })
        .collect();
    candidates.sort_by_key(|&i| {
        let f = &fresh[i];
        let shares = f.vector.iter().any(|a| target.binary_search(a).is_ok());
        (kind_rank(f.position), f.value, !shares, i)
    });
    let mut hidden = candidates.clone();
    let mut span = shown_span(&reader.before, fresh, &hidden)?;
    if !reader.safe(target, &span, fresh, &hidden)? {
        return Ok(Vec::new());
    }
    for &c in candidates.iter().rev() {
        let mut with_c = span.clone();
        with_c.insert(&fresh[c].vector)?;
        let without_c: Vec<usize> = hidden.iter().copied().filter(|&h| h != c).collect();
        if reader.safe(target, &with_c, fresh, &without_c)? {
            span = with_c;
            hidden = without_c;
        }
    }
    Ok(hidden)
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

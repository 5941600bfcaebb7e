//! An independent check, for the tests only: play the reader who knows every shown number
//! and that counts are whole and not negative, and look for another set of atom counts that
//! fits everything shown but changes a hidden number. If one exists, the hidden number
//! cannot be recovered. No elimination here: a depth-first search over small whole changes
//! per atom (-1, 0, +1 suffice for one table with its margins, whose matrix is totally
//! unimodular; tables of two periods and their sum need ±2 at times), exhaustive for the
//! small tables the tests use.

use super::atoms::AtomId;
use super::published::{ProtectedRelease, Published, Reason};
use super::threshold::Threshold;
use std::collections::{BTreeMap, BTreeSet};

/// The secrets (sets of atoms whose sum must stay unknown) for which no change of the atom
/// counts by at most `reach` each, keeping every shown sum and every count ≥ 0, changes
/// the secret.
pub(super) fn recoverable(
    reach: i64,
    truth: &BTreeMap<AtomId, u64>,
    shown: &[BTreeSet<AtomId>],
    secrets: &[BTreeSet<AtomId>],
) -> Vec<BTreeSet<AtomId>> {
    let atoms: Vec<&AtomId> = shown
        .iter()
        .chain(secrets)
        .flatten()
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let at: BTreeMap<&AtomId, usize> = atoms.iter().enumerate().map(|(i, a)| (*a, i)).collect();
    let as_indexes = |set: &BTreeSet<AtomId>| -> Vec<usize> { set.iter().map(|a| at[a]).collect() };
    let search = Search {
        reach,
        lowest: atoms
            .iter()
            .map(|a| -(truth.get(*a).copied().unwrap_or(0).min(reach as u64) as i64))
            .collect(),
        shown: shown.iter().map(as_indexes).collect(),
        secrets: secrets.iter().map(as_indexes).collect(),
    };
    let mut open: BTreeSet<usize> = (0..secrets.len()).collect();
    let mut change = vec![0i64; atoms.len()];
    search.walk(0, &mut change, &mut open);
    open.into_iter().map(|i| secrets[i].clone()).collect()
}

struct Search {
    /// The largest change of an atom.
    reach: i64,
    /// The lowest change of each atom: `-reach`, or less far for an atom below `reach`.
    lowest: Vec<i64>,
    shown: Vec<Vec<usize>>,
    secrets: Vec<Vec<usize>>,
}

impl Search {
    /// Assigns a change to atom `next` and on; removes from `open` every secret that some
    /// complete, valid change moves. Stops early once nothing is open.
    fn walk(&self, next: usize, change: &mut Vec<i64>, open: &mut BTreeSet<usize>) {
        if open.is_empty() {
            return;
        }
        // Prune: a shown sum whose changes so far cannot be undone by its atoms still free.
        for atoms in &self.shown {
            let fixed: i64 = atoms
                .iter()
                .filter(|&&a| a < next)
                .map(|&a| change[a])
                .sum();
            let free = self.reach * atoms.iter().filter(|&&a| a >= next).count() as i64;
            if fixed.abs() > free {
                return;
            }
        }
        if next == change.len() {
            open.retain(|&s| self.secrets[s].iter().map(|&a| change[a]).sum::<i64>() == 0);
            return;
        }
        let steps = std::iter::once(0).chain((1..=self.reach).flat_map(|s| [s, -s]));
        for d in steps.filter(|&d| d >= self.lowest[next]) {
            change[next] = d;
            self.walk(next + 1, change, open);
        }
        change[next] = 0;
    }
}

/// Every count a reader of `releases` must not learn: each number hidden as small, each
/// number hidden in the last release (later releases may give away an earlier
/// complementary suppression, which is at least k), and each small count of each period
/// (its atoms, its row and column totals, its total) whether any table shows it or not.
pub(super) fn secrets(
    truth: &BTreeMap<AtomId, u64>,
    releases: &[&ProtectedRelease],
    threshold: Threshold,
) -> Vec<BTreeSet<AtomId>> {
    let last = releases.len().saturating_sub(1);
    let mut out: BTreeSet<BTreeSet<AtomId>> = releases
        .iter()
        .enumerate()
        .flat_map(|(i, r)| r.tables().iter().map(move |t| (i, t)))
        .flat_map(|(i, t)| t.numbers().iter().map(move |n| (i, n)))
        .filter(|(i, n)| {
            n.published == Published::Suppressed(Reason::SmallCount)
                || (*i == last && n.published.is_suppressed())
        })
        .map(|(_, n)| n.atoms.clone())
        .collect();
    // (period, row or all rows, column or all columns) → its atoms and their total.
    type Group = (String, Option<String>, Option<String>);
    let mut groups: BTreeMap<Group, (BTreeSet<AtomId>, u64)> = BTreeMap::new();
    for (atom, &n) in truth {
        let p = atom.period.clone();
        let r = Some(atom.row.clone());
        let c = Some(atom.column.clone());
        for key in [
            (p.clone(), r.clone(), c.clone()),
            (p.clone(), r, None),
            (p.clone(), None, c),
            (p, None, None),
        ] {
            let g = groups.entry(key).or_default();
            g.0.insert(atom.clone());
            g.1 += n;
        }
    }
    out.extend(
        groups
            .into_values()
            .filter(|(_, n)| threshold.is_small(*n))
            .map(|(a, _)| a),
    );
    out.into_iter().collect()
}

/// The atom sets of every shown number of the releases.
pub(super) fn shown(releases: &[&ProtectedRelease]) -> Vec<BTreeSet<AtomId>> {
    releases
        .iter()
        .flat_map(|r| r.tables())
        .flat_map(|t| t.numbers())
        .filter(|n| matches!(n.published, Published::Shown(_)))
        .map(|n| n.atoms.clone())
        .collect()
}

/// The secrets of `releases` that a reader of all of them may recover: those no change of
/// at most `reach` per atom can move.
pub(super) fn leaks(
    reach: i64,
    truth: &BTreeMap<AtomId, u64>,
    releases: &[&ProtectedRelease],
    threshold: Threshold,
) -> Vec<BTreeSet<AtomId>> {
    recoverable(
        reach,
        truth,
        &shown(releases),
        &secrets(truth, releases, threshold),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(atoms: &[&str]) -> BTreeSet<AtomId> {
        atoms.iter().map(|a| AtomId::new("p", a, "")).collect()
    }

    fn truth(counts: &[(&str, u64)]) -> BTreeMap<AtomId, u64> {
        counts
            .iter()
            .map(|(a, n)| (AtomId::new("p", a, ""), *n))
            .collect()
    }

    #[test]
    fn a_difference_of_shown_numbers_is_caught() {
        let t = truth(&[("a", 3), ("b", 20)]);
        let leaked = recoverable(1, &t, &[set(&["a", "b"]), set(&["b"])], &[set(&["a"])]);
        assert_eq!(leaked, vec![set(&["a"])]);
    }

    #[test]
    fn a_sum_of_two_hidden_numbers_keeps_both() {
        let t = truth(&[("a", 3), ("b", 20)]);
        assert!(recoverable(1, &t, &[set(&["a", "b"])], &[set(&["a"]), set(&["b"])]).is_empty());
    }

    #[test]
    fn counts_cannot_go_below_zero() {
        // a + b = 3 is shown and b is 0: only a = 3, b = 0 would be ruled out if b could
        // not move up, but b can: a = 2, b = 1.
        let t = truth(&[("a", 3), ("b", 0)]);
        assert!(recoverable(1, &t, &[set(&["a", "b"])], &[set(&["a"])]).is_empty());
        // a + b shown as 0 pins both.
        let t = truth(&[("a", 0), ("b", 0)]);
        assert_eq!(
            recoverable(1, &t, &[set(&["a", "b"])], &[set(&["a"])]),
            vec![set(&["a"])]
        );
    }
}

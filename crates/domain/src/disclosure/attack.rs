//! An independent check, for the tests only: play the reader who knows every shown number
//! and that counts are whole and not negative, and look for another set of atom counts that
//! fits everything shown but changes a hidden number. If one exists, the hidden number
//! cannot be recovered. No elimination here: a depth-first search over changes of -1, 0 or
//! +1 per atom, so it is exhaustive for the small tables the tests use.

use super::atoms::AtomId;
use super::published::{ProtectedRelease, Published};
use super::threshold::Threshold;
use std::collections::{BTreeMap, BTreeSet};

/// The secrets (sets of atoms whose sum must stay unknown) for which no change of the atom
/// counts by -1/0/+1 each, keeping every shown sum and every count ≥ 0, changes the secret.
pub(super) fn recoverable(
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
        lowest: atoms
            .iter()
            .map(|a| {
                if truth.get(*a).copied().unwrap_or(0) == 0 {
                    0
                } else {
                    -1
                }
            })
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
    /// The lowest change of each atom: -1, or 0 for an atom that is 0.
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
            let free = atoms.iter().filter(|&&a| a >= next).count() as i64;
            if fixed.abs() > free {
                return;
            }
        }
        if next == change.len() {
            open.retain(|&s| self.secrets[s].iter().map(|&a| change[a]).sum::<i64>() == 0);
            return;
        }
        for d in [0, 1, -1] {
            if d >= self.lowest[next] {
                change[next] = d;
                self.walk(next + 1, change, open);
            }
        }
        change[next] = 0;
    }
}

/// Every count a reader must not learn, by the rules of the brief: each hidden number of
/// the releases, and each small count of each period (its atoms, its row and column totals,
/// its total) whether any table shows it or not.
pub(super) fn secrets(
    truth: &BTreeMap<AtomId, u64>,
    releases: &[&ProtectedRelease],
    threshold: Threshold,
) -> Vec<BTreeSet<AtomId>> {
    let mut out: BTreeSet<BTreeSet<AtomId>> = releases
        .iter()
        .flat_map(|r| r.tables())
        .flat_map(|t| t.numbers())
        .filter(|n| n.published.is_suppressed())
        .map(|n| n.atoms.clone())
        .collect();
    let mut groups: BTreeMap<(String, Option<String>, Option<String>), (BTreeSet<AtomId>, u64)> =
        BTreeMap::new();
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

/// The secrets of `releases` that a reader of all of them can recover.
pub(super) fn leaks(
    truth: &BTreeMap<AtomId, u64>,
    releases: &[&ProtectedRelease],
    threshold: Threshold,
) -> Vec<BTreeSet<AtomId>> {
    recoverable(
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
        let leaked = recoverable(&t, &[set(&["a", "b"]), set(&["b"])], &[set(&["a"])]);
        assert_eq!(leaked, vec![set(&["a"])]);
    }

    #[test]
    fn a_sum_of_two_hidden_numbers_keeps_both() {
        let t = truth(&[("a", 3), ("b", 20)]);
        assert!(recoverable(&t, &[set(&["a", "b"])], &[set(&["a"]), set(&["b"])]).is_empty());
    }

    #[test]
    fn counts_cannot_go_below_zero() {
        // a + b = 3 is shown and b is 0: only a = 3, b = 0 would be ruled out if b could
        // not move up, but b can: a = 2, b = 1.
        let t = truth(&[("a", 3), ("b", 0)]);
        assert!(recoverable(&t, &[set(&["a", "b"])], &[set(&["a"])]).is_empty());
        // a + b shown as 0 pins both.
        let t = truth(&[("a", 0), ("b", 0)]);
        assert_eq!(
            recoverable(&t, &[set(&["a", "b"])], &[set(&["a"])]),
            vec![set(&["a"])]
        );
    }
}

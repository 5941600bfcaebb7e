//! The whole-number test that comes on top of elimination.
//!
//! Elimination treats counts as rational numbers. A reader also knows they are whole and
//! not negative, and with counts of 1 and 2 that can pin a number down that elimination
//! leaves open: if everything shown allows a = 1 + t, b = 1 − 2t and nothing else, then
//! over the rationals a is anything in [1/2, 3/2], but the only whole count is a = 1. So a
//! number that must stay unknown also needs a whole-number witness: a change of the
//! counts, by whole steps, that keeps every shown number, keeps every count ≥ 0 and
//! changes it. The search looks for one with steps of at most [`REACH`] per atom; not
//! finding one (or giving up after [`BUDGET`] steps) counts as "pinned", which errs on the
//! side of hiding more.

/// The largest change of one atom tried. One table with its margins never needs more than
/// 1 (its matrix is totally unimodular); tables of several periods sometimes need 2.
pub(super) const REACH: i64 = 2;

/// How many partial changes the search may try before it gives up.
pub(super) const BUDGET: usize = 50_000;

/// Whether some change of the atoms (indexes into `counts`, each atom's count), each by a
/// whole number of at most [`REACH`], keeps the sum of every set in `shown`, keeps every
/// count ≥ 0 and changes the sum of `target`.
///
/// The search starts by changing one atom of the target and then repairs: it takes the
/// shown number thrown most out of balance with the fewest atoms left to change, and
/// changes one of those, until every shown number is back in balance. A move of a table
/// with margins is a cycle, found this way in about as many steps as it has atoms.
pub(super) fn can_move(counts: &[u64], shown: &[&[usize]], target: &[usize]) -> bool {
    let n = counts.len();
    if target.is_empty()
        || target
            .iter()
            .chain(shown.iter().copied().flatten())
            .any(|&a| a >= n)
    {
        return false;
    }
    let mut member: Vec<Vec<usize>> = vec![Vec::new(); n];
    for (k, set) in shown.iter().enumerate() {
        for &a in set.iter() {
            member[a].push(k);
        }
    }
    let mut in_target = vec![false; n];
    for &a in target {
        in_target[a] = true;
    }
    let search = Search {
        sets: shown,
        member,
        lowest: counts
            .iter()
            .map(|&c| -(c.min(REACH.unsigned_abs()) as i64))
            .collect(),
        in_target,
    };
    let mut state = State {
        change: vec![0; n],
        fixed: vec![false; n],
        sums: vec![0; shown.len()],
        target_sum: 0,
        steps: 0,
    };
    for &seed in target {
        if state.fixed[seed] {
            continue;
        }
        for d in search.steps(seed, 0) {
            search.set(&mut state, seed, d);
            if search.repair(&mut state) {
                return true;
            }
            search.unset(&mut state, seed);
            if state.steps > BUDGET {
                return false;
            }
        }
        // Every move changing this atom has been tried: the rest keep it as it is.
        state.fixed[seed] = true;
    }
    false
}

struct Search<'a> {
    sets: &'a [&'a [usize]],
    /// The shown numbers each atom belongs to.
    member: Vec<Vec<usize>>,
    /// The lowest change of each atom: counts do not go below 0.
    lowest: Vec<i64>,
    in_target: Vec<bool>,
}

struct State {
    change: Vec<i64>,
    /// Atoms whose change is decided (possibly 0).
    fixed: Vec<bool>,
    /// The change of each shown number so far.
    sums: Vec<i64>,
    target_sum: i64,
    steps: usize,
}

impl Search<'_> {
    /// The changes to try for atom `a` when `sum` needs undoing: the one that undoes it
    /// first, then the others, never 0.
    fn steps(&self, a: usize, sum: i64) -> Vec<i64> {
        let mut steps: Vec<i64> = (self.lowest[a]..=REACH).filter(|&d| d != 0).collect();
        steps.sort_by_key(|&d| ((d + sum).abs(), d < 0));
        steps
    }

    fn set(&self, state: &mut State, a: usize, d: i64) {
        state.fixed[a] = true;
        state.change[a] = d;
        for &k in &self.member[a] {
            state.sums[k] += d;
        }
        if self.in_target[a] {
            state.target_sum += d;
        }
    }

    fn unset(&self, state: &mut State, a: usize) {
        let d = state.change[a];
        for &k in &self.member[a] {
            state.sums[k] -= d;
        }
        if self.in_target[a] {
            state.target_sum -= d;
        }
        state.change[a] = 0;
        state.fixed[a] = false;
    }

    fn repair(&self, state: &mut State) -> bool {
        state.steps += 1;
        if state.steps > BUDGET {
            return false;
        }
        // The unbalanced shown number with the fewest atoms still free.
        let mut worst: Option<(usize, usize)> = None;
        for (k, set) in self.sets.iter().enumerate() {
            if state.sums[k] == 0 {
                continue;
            }
            let free = set.iter().filter(|&&a| !state.fixed[a]).count();
            if state.sums[k].unsigned_abs() > REACH.unsigned_abs() * free as u64 {
                return false;
            }
            if worst.is_none_or(|(f, _)| free < f) {
                worst = Some((free, k));
            }
        }
        let Some((_, k)) = worst else {
            return state.target_sum != 0;
        };
        let sum = state.sums[k];
        let free: Vec<usize> = self.sets[k]
            .iter()
            .copied()
            .filter(|&a| !state.fixed[a])
            .collect();
        let mut kept = Vec::new();
        let mut found = false;
        'atoms: for &b in &free {
            for d in self.steps(b, sum) {
                self.set(state, b, d);
                if self.repair(state) {
                    found = true;
                    break 'atoms;
                }
                self.unset(state, b);
                if state.steps > BUDGET {
                    break 'atoms;
                }
            }
            // Moves changing b are done; the other branches keep it.
            state.fixed[b] = true;
            kept.push(b);
        }
        for b in kept {
            state.fixed[b] = false;
        }
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hidden_pair_with_its_sum_shown_can_move() {
        // a + b = 3 shown: a = 2, b = 1 moves to a = 1, b = 2.
        assert!(can_move(&[2, 1], &[&[0, 1]], &[0]));
    }

    #[test]
    fn a_difference_of_shown_numbers_cannot() {
        assert!(!can_move(&[2, 1], &[&[0, 1], &[1]], &[0]));
    }

    #[test]
    fn whole_counts_can_pin_what_elimination_leaves_open() {
        // Atoms a01 a10 b00 b02 b11 b12, all 1; shown: a01+a10, b02+b12, b00+b11,
        // a01+b00+b02, a10+b11+b12, a10+b00, a01+b11. Over the rationals a01 = u ∈ [½, 3/2];
        // over whole numbers only u = 1.
        let shown: [&[usize]; 7] = [
            &[0, 1],
            &[3, 5],
            &[2, 4],
            &[0, 2, 3],
            &[1, 4, 5],
            &[1, 2],
            &[0, 4],
        ];
        assert!(!can_move(&[1; 6], &shown, &[0]));
        // With larger counts the same pattern leaves room: u can go from 2 to 3 with b02 = 5.
        assert!(can_move(&[2, 2, 2, 5, 2, 2], &shown[..5], &[0]));
    }

    #[test]
    fn counts_cannot_go_below_zero() {
        // a + b shown, a = 0 would have to go down for b to go up... a = 1, b = 0: a can go
        // to 0 and b to 1.
        assert!(can_move(&[1, 0], &[&[0, 1]], &[1]));
    }
}

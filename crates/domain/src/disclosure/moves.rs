//! The whole-number test that comes on top of elimination.
//!
//! Elimination treats counts as rational numbers. A reader also knows they are whole and
//! not negative, and with counts of 1 and 2 that can pin a number down that elimination
//! leaves open: if everything shown allows a = 1 + t, b = 1 − 2t and nothing else, then
//! over the rationals a is anything in [1/2, 3/2], but the only whole count is a = 1. So a
//! number that must stay unknown also needs a whole-number witness: a change of the
//! counts, by whole steps, that keeps every shown number, keeps every count ≥ 0 and
//! changes it. The search looks for one with steps of at most [`REACH`] per atom, nearest
//! atoms first; not finding one (or giving up after [`BUDGET`] steps) counts as "pinned",
//! which errs on the side of hiding more.

/// The largest change of one atom tried. One table with its margins never needs more than
/// 1 (its matrix is totally unimodular); tables of several periods sometimes need 2.
pub(super) const REACH: i64 = 2;

/// How many partial changes the search may try before it gives up.
pub(super) const BUDGET: usize = 50_000;

/// Whether some change of the atoms (indexes into `counts`, each atom's count), each by a
/// whole number of at most [`REACH`], keeps the sum of every set in `shown`, keeps every
/// count ≥ 0 and changes the sum of `target`.
pub(super) fn can_move(counts: &[u64], shown: &[&[usize]], target: &[usize]) -> bool {
    if target.is_empty() {
        return false;
    }
    // The atoms that matter: the target's, then those linked to them through shown
    // numbers, nearest first, so that every shown number is complete soon after it is
    // begun and wrong choices are noticed early.
    let mut order: Vec<usize> = target.to_vec();
    let mut placed: Vec<Option<usize>> = vec![None; counts.len()];
    for (i, &a) in order.iter().enumerate() {
        if let Some(p) = placed.get_mut(a) {
            *p = Some(i);
        } else {
            return false;
        }
    }
    let mut next = 0;
    while next < order.len() {
        let a = order[next];
        for set in shown.iter().filter(|s| s.contains(&a)) {
            for &b in set.iter() {
                if let Some(p) = placed.get_mut(b) {
                    if p.is_none() {
                        *p = Some(order.len());
                        order.push(b);
                    }
                }
            }
        }
        next += 1;
    }
    // Shown numbers as positions in that order; only those that touch it.
    let sets: Vec<Vec<usize>> = shown
        .iter()
        .filter_map(|s| {
            s.iter()
                .map(|&a| placed.get(a).copied().flatten())
                .collect::<Option<Vec<_>>>()
        })
        .filter(|s| !s.is_empty())
        .collect();
    let mut member: Vec<Vec<usize>> = vec![Vec::new(); order.len()];
    for (k, s) in sets.iter().enumerate() {
        for &p in s {
            member[p].push(k);
        }
    }
    let search = Search {
        lowest: order
            .iter()
            .map(|&a| -(counts[a].min(REACH as u64) as i64))
            .collect(),
        member,
        target_len: target.len(),
    };
    let mut state = State {
        sums: vec![0; sets.len()],
        left: sets.iter().map(Vec::len).collect(),
        target_sum: 0,
        steps: 0,
    };
    search.walk(0, &mut state)
}

struct Search {
    /// The lowest change of each atom, in search order: not below 0 in total.
    lowest: Vec<i64>,
    /// The shown numbers each atom belongs to.
    member: Vec<Vec<usize>>,
    /// The target's atoms are the first this many.
    target_len: usize,
}

struct State {
    /// The change of each shown number so far.
    sums: Vec<i64>,
    /// How many atoms of each shown number are still free.
    left: Vec<usize>,
    target_sum: i64,
    steps: usize,
}

impl Search {
    fn walk(&self, at: usize, state: &mut State) -> bool {
        if at == self.lowest.len() {
            return true;
        }
        let steps = std::iter::once(0).chain((1..=REACH).flat_map(|s| [s, -s]));
        for d in steps.filter(|&d| d >= self.lowest[at]) {
            state.steps += 1;
            if state.steps > BUDGET {
                return false;
            }
            let mut fits = true;
            for &k in &self.member[at] {
                state.sums[k] += d;
                state.left[k] -= 1;
                // The atoms still free must be able to undo the change.
                fits &= state.sums[k].abs() <= REACH * state.left[k] as i64;
            }
            if at < self.target_len {
                state.target_sum += d;
            }
            fits &= at + 1 != self.target_len || state.target_sum != 0;
            let found = fits && self.walk(at + 1, state);
            for &k in &self.member[at] {
                state.sums[k] -= d;
                state.left[k] += 1;
            }
            if at < self.target_len {
                state.target_sum -= d;
            }
            if found {
                return true;
            }
            if state.steps > BUDGET {
                return false;
            }
        }
        false
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

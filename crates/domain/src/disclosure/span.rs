//! Which numbers are determined by the published ones: exact Gaussian elimination over the
//! rationals.
//!
//! A number that adds up the atoms of a set S is written as its 0/1 indicator vector s over
//! the atoms; the published numbers are the rows of a matrix M with known right-hand side
//! b = M·x, where x are the true atom counts. The number s·x is determined by M and b
//! exactly when s lies in the row space of M:
//!
//! - if s = λ·M for some rational λ, then s·x = λ·b: anyone can compute it;
//! - if not, the row space is a proper subspace not containing s, so there is a vector d
//!   with M·d = 0 and s·d ≠ 0 (take the part of s orthogonal to the row space). Then
//!   x + ε·d fits every published number just as well as x but gives s a different value.
//!   For an ε small enough it also keeps every atom that is not 0 positive; atoms that are
//!   0 the caller treats as known (see `protect`), so d does not move them.
//!
//! So "s is in the span" is exactly "s can be recovered" by a reader who takes counts for
//! any numbers ≥ 0, and the span has to be computed over the rationals: arithmetic modulo
//! 2 would, for instance, miss that a = ((a+b) − (b+c) + (a+c)) / 2. That counts are whole
//! can pin down a little more; the `moves` module checks that.

use super::rational::{Overflow, Ratio};

/// The span of the vectors inserted so far, kept in reduced row echelon form: every basis
/// row has 1 at its pivot and 0 at the pivots of the other rows, so one pass of
/// subtractions in any order reduces a vector completely.
#[derive(Clone, Debug)]
pub(super) struct Span {
    dim: usize,
    rows: Vec<(usize, Vec<Ratio>)>,
}

impl Span {
    /// The span of nothing, in a space of `dim` atoms.
    pub(super) fn new(dim: usize) -> Span {
        Span {
            dim,
            rows: Vec::new(),
        }
    }

    /// How many independent vectors the span has.
    #[cfg(test)]
    pub(super) fn rank(&self) -> usize {
        self.rows.len()
    }

    /// What is left of the indicator vector of `atoms` (indexes below `dim`) after
    /// subtracting its part in the span.
    fn reduce(&self, atoms: &[usize]) -> Result<Vec<Ratio>, Overflow> {
        let mut v = vec![Ratio::ZERO; self.dim];
        for &a in atoms {
            *v.get_mut(a).ok_or(Overflow)? = Ratio::ONE;
        }
        for (pivot, row) in &self.rows {
            let f = v[*pivot];
            if f.is_zero() {
                continue;
            }
            for (x, r) in v.iter_mut().zip(row) {
                if !r.is_zero() {
                    *x = x.sub(f.mul(*r)?)?;
                }
            }
        }
        Ok(v)
    }

    /// Whether the number adding up `atoms` is determined by the vectors of the span.
    pub(super) fn contains(&self, atoms: &[usize]) -> Result<bool, Overflow> {
        Ok(self.reduce(atoms)?.iter().all(|x| x.is_zero()))
    }

    /// Adds the number adding up `atoms` to what is known.
    pub(super) fn insert(&mut self, atoms: &[usize]) -> Result<(), Overflow> {
        let mut v = self.reduce(atoms)?;
        let Some(pivot) = v.iter().position(|x| !x.is_zero()) else {
            return Ok(());
        };
        let p = v[pivot];
        for x in v.iter_mut() {
            *x = x.div(p)?;
        }
        // Clear the new pivot from the older rows to keep the form reduced.
        for (_, row) in self.rows.iter_mut() {
            let f = row[pivot];
            if f.is_zero() {
                continue;
            }
            for (x, n) in row.iter_mut().zip(&v) {
                if !n.is_zero() {
                    *x = x.sub(f.mul(*n)?)?;
                }
            }
        }
        self.rows.push((pivot, v));
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(dim: usize, vectors: &[&[usize]]) -> Span {
        let mut s = Span::new(dim);
        for v in vectors {
            s.insert(v).unwrap();
        }
        s
    }

    #[test]
    fn a_difference_of_two_known_numbers_is_known() {
        let s = span(3, &[&[0, 1, 2], &[0, 1]]);
        assert!(s.contains(&[2]).unwrap());
        assert!(!s.contains(&[0]).unwrap());
        assert!(!s.contains(&[1]).unwrap());
        assert!(s.contains(&[]).unwrap());
    }

    #[test]
    fn halves_are_found_where_modulo_two_would_miss_them() {
        // (a+b) + (a+c) − (b+c) = 2a.
        let s = span(3, &[&[0, 1], &[1, 2], &[0, 2]]);
        assert_eq!(s.rank(), 3);
        assert!(s.contains(&[0]).unwrap());
        assert!(s.contains(&[1]).unwrap());
    }

    #[test]
    fn dependent_vectors_do_not_raise_the_rank() {
        // A 2×2 table with all its margins: 4 atoms, rank 3, no single cell is known.
        let s = span(4, &[&[0, 1], &[2, 3], &[0, 2], &[1, 3], &[0, 1, 2, 3]]);
        assert_eq!(s.rank(), 3);
        for a in 0..4 {
            assert!(!s.contains(&[a]).unwrap());
        }
        assert!(s.contains(&[0, 1, 2, 3]).unwrap());
    }

    #[test]
    fn an_atom_outside_the_space_is_an_error_not_a_panic() {
        let s = Span::new(2);
        assert_eq!(s.contains(&[5]), Err(Overflow));
    }
}

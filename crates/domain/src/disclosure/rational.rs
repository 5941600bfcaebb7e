//! Exact fractions for the elimination. Floating point would call a nearly dependent vector
//! dependent (or the other way round); arithmetic modulo a prime can find dependencies that
//! do not exist over the rationals. Both would give wrong answers about what can be derived.

/// The arithmetic left the range of `i128`. With 0/1 vectors of the sizes published here
/// this does not happen; if it ever did, the caller must not guess.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Overflow;

/// A fraction `num / den` in lowest terms with `den > 0`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Ratio {
    num: i128,
    den: i128,
}

impl Ratio {
    pub(super) const ZERO: Ratio = Ratio { num: 0, den: 1 };
    pub(super) const ONE: Ratio = Ratio { num: 1, den: 1 };

    /// `num / den` reduced; `den` must not be 0.
    fn new(num: i128, den: i128) -> Result<Ratio, Overflow> {
        if den == 0 {
            return Err(Overflow);
        }
        let g = gcd(num.unsigned_abs(), den.unsigned_abs());
        let g = i128::try_from(g).map_err(|_| Overflow)?;
        let (mut num, mut den) = (num / g, den / g);
        if den < 0 {
            num = num.checked_neg().ok_or(Overflow)?;
            den = den.checked_neg().ok_or(Overflow)?;
        }
        Ok(Ratio { num, den })
    }

    pub(super) fn is_zero(self) -> bool {
        self.num == 0
    }

    pub(super) fn mul(self, o: Ratio) -> Result<Ratio, Overflow> {
        // Cross-reduce first so that the products stay small.
        let g1 = i128::try_from(gcd(self.num.unsigned_abs(), o.den.unsigned_abs()))
            .map_err(|_| Overflow)?;
        let g2 = i128::try_from(gcd(o.num.unsigned_abs(), self.den.unsigned_abs()))
            .map_err(|_| Overflow)?;
        let num = (self.num / g1).checked_mul(o.num / g2).ok_or(Overflow)?;
        let den = (self.den / g2).checked_mul(o.den / g1).ok_or(Overflow)?;
        Ratio::new(num, den)
    }

    pub(super) fn div(self, o: Ratio) -> Result<Ratio, Overflow> {
        if o.is_zero() {
            return Err(Overflow);
        }
        self.mul(Ratio::new(o.den, o.num)?)
    }

    pub(super) fn sub(self, o: Ratio) -> Result<Ratio, Overflow> {
        let g = i128::try_from(gcd(self.den.unsigned_abs(), o.den.unsigned_abs()))
            .map_err(|_| Overflow)?;
        let a = self.num.checked_mul(o.den / g).ok_or(Overflow)?;
        let b = o.num.checked_mul(self.den / g).ok_or(Overflow)?;
        let den = (self.den / g).checked_mul(o.den).ok_or(Overflow)?;
        Ratio::new(a.checked_sub(b).ok_or(Overflow)?, den)
    }
}

fn gcd(mut a: u128, mut b: u128) -> u128 {
    while b != 0 {
        (a, b) = (b, a % b);
    }
    // gcd(0, 0) would be 0; 1 keeps the divisions above defined and changes nothing.
    a.max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(n: i128, d: i128) -> Ratio {
        Ratio::new(n, d).unwrap()
    }

    #[test]
    fn fractions_are_kept_in_lowest_terms() {
        assert_eq!(r(2, 4), r(1, 2));
        assert_eq!(r(3, -6), r(-1, 2));
        assert_eq!(r(0, -5), Ratio::ZERO);
        assert_eq!(r(1, 2).sub(r(1, 3)).unwrap(), r(1, 6));
        assert_eq!(r(2, 3).mul(r(9, 4)).unwrap(), r(3, 2));
        assert_eq!(r(2, 3).div(r(-4, 3)).unwrap(), r(-1, 2));
        assert_eq!(Ratio::ONE.div(Ratio::ZERO), Err(Overflow));
        assert!(Ratio::new(1, 0).is_err());
    }

    #[test]
    fn overflow_is_reported_not_wrapped() {
        let big = r(i128::MAX, 1);
        assert_eq!(big.mul(r(2, 1)), Err(Overflow));
        assert_eq!(r(i128::MIN + 1, 1).sub(r(2, 1)), Err(Overflow));
    }
}

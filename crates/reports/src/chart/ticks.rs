//! Round steps for the value axis: 1, 2 or 5 times a power of ten, whole numbers only
//! (the values are counts).

/// The value axis: from `low` to `high` in steps of `step`, both multiples of the step.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Ticks {
    /// The lowest tick (0 unless a value is negative).
    pub low: i64,
    /// The highest tick, at or above the largest value (at least one step above zero).
    pub high: i64,
    /// The distance between ticks.
    pub step: i64,
}

impl Ticks {
    /// Ticks covering zero and every value, about five of them. With no values, or all
    /// zero, the axis runs from 0 to 1 so that there is still a scale to draw.
    pub fn for_values(values: impl IntoIterator<Item = i64>) -> Ticks {
        let (mut min, mut max) = (0i128, 0i128);
        for v in values {
            min = min.min(i128::from(v));
            max = max.max(i128::from(v));
        }
        if min == max {
            max = min + 1;
        }
        let step = nice_step((max - min) as f64 / 5.0);
        let low = floor_to(min, step);
        let high = ceil_to(max, step);
        // Clamped back into i64: only an axis near i64's own limits can be cut, and
        // then the extreme bar merely touches the frame.
        let clamp = |v: i128| v.clamp(i128::from(i64::MIN), i128::from(i64::MAX)) as i64;
        Ticks {
            low: clamp(low),
            high: clamp(high),
            step: clamp(step),
        }
    }

    /// The tick values from low to high.
    pub fn values(&self) -> Vec<i64> {
        let mut out = Vec::new();
        let mut v = i128::from(self.low);
        while v <= i128::from(self.high) && out.len() < 1000 {
            out.push(v as i64);
            v += i128::from(self.step.max(1));
        }
        out
    }
}

/// The smallest of 1, 2, 5 × 10ⁿ (n ≥ 0) at or above `raw`.
fn nice_step(raw: f64) -> i128 {
    let mut power: i128 = 1;
    loop {
        for m in [1, 2, 5] {
            let step = m * power;
            if step as f64 >= raw {
                return step;
            }
        }
        match power.checked_mul(10) {
            Some(p) => power = p,
            None => return power,
        }
    }
}

fn floor_to(v: i128, step: i128) -> i128 {
    v.div_euclid(step) * step
}

fn ceil_to(v: i128, step: i128) -> i128 {
    -((-v).div_euclid(step) * step)
}

#[cfg(test)]
mod tests {
    use super::Ticks;

    fn ticks(values: &[i64]) -> (i64, i64, i64) {
        let t = Ticks::for_values(values.iter().copied());
        (t.low, t.high, t.step)
    }

    #[test]
    fn steps_are_round_and_cover_the_values() {
        assert_eq!(ticks(&[3, 37, 12]), (0, 40, 10));
        assert_eq!(ticks(&[7]), (0, 8, 2));
        assert_eq!(ticks(&[1]), (0, 1, 1));
        assert_eq!(ticks(&[4]), (0, 4, 1));
        assert_eq!(ticks(&[1234]), (0, 1500, 500));
        assert_eq!(ticks(&[-3, 9]), (-5, 10, 5));
    }

    #[test]
    fn nothing_or_all_zero_still_has_a_scale() {
        assert_eq!(ticks(&[]), (0, 1, 1));
        assert_eq!(ticks(&[0, 0]), (0, 1, 1));
        assert_eq!(Ticks::for_values([0]).values(), vec![0, 1]);
    }

    #[test]
    fn huge_values_do_not_overflow() {
        let t = Ticks::for_values([i64::MAX]);
        assert!(t.high >= t.low && t.step > 0);
        assert!(t.values().len() <= 12);
    }
}

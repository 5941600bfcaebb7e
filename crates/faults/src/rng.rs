//! A small seeded random source (xorshift64*). Kill moments, the write mix and names are drawn
//! from it, so a run that failed can be repeated with the `--seed` it printed. It never makes
//! secrets: the master keys of throwaway deployments come from the operating system.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// A deterministic stream of numbers from one seed.
pub struct Rng(u64);

impl Rng {
    /// The stream of `seed` (any value, zero included).
    pub fn new(seed: u64) -> Rng {
        // xorshift never leaves zero; mix the seed so that small seeds start far apart.
        let mixed = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ 0xD1B5_4A32_D192_ED03;
        Rng(if mixed == 0 { 1 } else { mixed })
    }

    /// The next number.
    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: u64) -> u64 {
        if n == 0 {
            0
        } else {
            self.next_u64() % n
        }
    }

    /// A duration between `low` and `high`.
    pub fn between(&mut self, low: Duration, high: Duration) -> Duration {
        let span = high.saturating_sub(low).as_millis() as u64;
        low + Duration::from_millis(self.below(span + 1))
    }

    /// An independent stream for a worker.
    pub fn fork(&mut self) -> Rng {
        Rng::new(self.next_u64())
    }

    /// Six hex digits, to tell this run's records from any other's.
    pub fn tag(&mut self) -> String {
        format!("{:06x}", self.next_u64() & 0xff_ffff)
    }
}

/// A seed from the clock and the process id, for runs without `--seed`.
pub fn fresh_seed() -> u64 {
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_nanos() as u64)
        .unwrap_or(0);
    nanos ^ (u64::from(std::process::id()) << 32)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_seed_gives_one_stream_and_bounds_hold() {
        let (mut a, mut b) = (Rng::new(7), Rng::new(7));
        for _ in 0..100 {
            assert_eq!(a.next_u64(), b.next_u64());
        }
        let mut r = Rng::new(0);
        for _ in 0..1000 {
            assert!(r.below(10) < 10);
            let d = r.between(Duration::from_millis(300), Duration::from_millis(900));
            assert!(d >= Duration::from_millis(300) && d <= Duration::from_millis(900));
        }
        assert_ne!(Rng::new(1).next_u64(), Rng::new(2).next_u64());
    }
}

//! Throttling of failed sign-ins, per account and per address.
//!
//! An account is slowed, not locked: after a few failures it is blocked for a minute, then
//! longer with each further failure, never more than a quarter of an hour; attempts while
//! blocked are refused without looking at the password and do not extend the block, so an
//! attacker cannot keep a real user out for long. An address that fails many times across
//! accounts is blocked for a quarter of an hour.

use spona_store::throttle::Counter;

/// The numbers of the policy.
#[derive(Clone, Copy, Debug)]
pub struct ThrottlePolicy {
    /// Failures are counted within this many seconds.
    pub window: i64,
    /// Failures of one account before it is slowed.
    pub account_free_failures: i64,
    /// Longest block of one account, in seconds.
    pub account_max_block: i64,
    /// Failures from one address before it is blocked.
    pub address_failures: i64,
    /// Block of an address, in seconds.
    pub address_block: i64,
}

impl Default for ThrottlePolicy {
    fn default() -> Self {
        ThrottlePolicy {
            window: 15 * 60,
            account_free_failures: 5,
            account_max_block: 15 * 60,
            address_failures: 30,
            address_block: 15 * 60,
        }
    }
}

/// Which counter a failure is added to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Key {
    Account,
    Address,
}

impl ThrottlePolicy {
    /// The counter after one more failure at `now`.
    pub fn after_failure(&self, key: Key, counter: Option<Counter>, now: i64) -> Counter {
        let mut c = match counter {
            Some(c) if now - c.window_start <= self.window => c,
            _ => Counter {
                failures: 0,
                window_start: now,
                blocked_until: 0,
            },
        };
        c.failures += 1;
        match key {
            Key::Account if c.failures >= self.account_free_failures => {
                let extra = (c.failures - self.account_free_failures).min(10) as u32;
                let block = (60i64 << extra).min(self.account_max_block);
                c.blocked_until = now + block;
            }
            Key::Address if c.failures >= self.address_failures => {
                c.blocked_until = now + self.address_block;
            }
            _ => {}
        }
        c
    }

    /// Seconds the key stays blocked, if it is.
    pub fn blocked_for(counter: &Option<Counter>, now: i64) -> Option<i64> {
        counter
            .as_ref()
            .map(|c| c.blocked_until - now)
            .filter(|s| *s > 0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_account_is_slowed_after_five_failures_and_never_for_long() {
        let p = ThrottlePolicy::default();
        let mut c = None;
        for _ in 0..4 {
            c = Some(p.after_failure(Key::Account, c, 1000));
            assert_eq!(ThrottlePolicy::blocked_for(&c, 1000), None);
        }
        c = Some(p.after_failure(Key::Account, c, 1000));
        assert_eq!(ThrottlePolicy::blocked_for(&c, 1000), Some(60));
        for _ in 0..20 {
            c = Some(p.after_failure(Key::Account, c, 1000));
        }
        assert_eq!(ThrottlePolicy::blocked_for(&c, 1000), Some(15 * 60));
        assert_eq!(ThrottlePolicy::blocked_for(&c, 1000 + 15 * 60), None);
    }

    #[test]
    fn failures_outside_the_window_are_forgotten() {
        let p = ThrottlePolicy::default();
        let mut c = None;
        for _ in 0..4 {
            c = Some(p.after_failure(Key::Account, c, 1000));
        }
        let later = p.after_failure(Key::Account, c, 1000 + 16 * 60);
        assert_eq!(later.failures, 1);
        assert_eq!(later.blocked_until, 0);
    }

    #[test]
    fn an_address_is_blocked_after_many_failures() {
        let p = ThrottlePolicy::default();
        let mut c = None;
        for _ in 0..29 {
            c = Some(p.after_failure(Key::Address, c, 5));
        }
        assert_eq!(ThrottlePolicy::blocked_for(&c, 5), None);
        c = Some(p.after_failure(Key::Address, c, 5));
        assert_eq!(ThrottlePolicy::blocked_for(&c, 5), Some(15 * 60));
    }
}

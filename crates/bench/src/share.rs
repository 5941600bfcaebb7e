//! The share of the ceiling a page reaches: a page that only reads is compared with one
//! indexed read, a page that writes (an audited view, a form) with one fsync'd insert, since
//! that is what its slowest necessary step costs on this machine.

use serde::Serialize;

/// What a page costs the database at the least, and so which ceiling it is compared with.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Cost {
    /// Only reads.
    Reads,
    /// Commits at least one write (an audit entry, a new record).
    Writes,
}

/// The requests per second of the two ceilings.
#[derive(Clone, Copy, Debug, Default, Serialize)]
pub struct Ceilings {
    pub read: f64,
    pub insert: f64,
}

impl Ceilings {
    /// The ceiling a page of this cost is compared with.
    pub fn for_cost(&self, cost: Cost) -> f64 {
        match cost {
            Cost::Reads => self.read,
            Cost::Writes => self.insert,
        }
    }

    /// A page's requests per second as a percentage of its ceiling; none when the ceiling
    /// was not measured.
    pub fn share(&self, cost: Cost, requests_per_second: f64) -> Option<f64> {
        let ceiling = self.for_cost(cost);
        (ceiling > 0.0 && ceiling.is_finite()).then(|| 100.0 * requests_per_second / ceiling)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const CEILINGS: Ceilings = Ceilings {
        read: 40_000.0,
        insert: 500.0,
    };

    #[test]
    fn reads_are_compared_with_the_read_ceiling_and_writes_with_the_insert_ceiling() {
        assert_eq!(CEILINGS.share(Cost::Reads, 10_000.0), Some(25.0));
        assert_eq!(CEILINGS.share(Cost::Writes, 400.0), Some(80.0));
    }

    #[test]
    fn a_page_faster_than_its_ceiling_shows_more_than_a_hundred_percent() {
        assert_eq!(CEILINGS.share(Cost::Writes, 1_000.0), Some(200.0));
    }

    #[test]
    fn no_share_without_a_measured_ceiling() {
        let none = Ceilings::default();
        assert_eq!(none.share(Cost::Reads, 100.0), None);
        let broken = Ceilings {
            read: f64::NAN,
            insert: 0.0,
        };
        assert_eq!(broken.share(Cost::Reads, 100.0), None);
        assert_eq!(broken.share(Cost::Writes, 100.0), None);
    }
}

//! What the answers of a load came to: a latency histogram, the count of each status, and
//! the transport failures; then summed up as requests per second and percentiles.

use hdrhistogram::Histogram;
use serde::Serialize;
use std::collections::BTreeMap;
use std::time::Duration;

/// The longest latency the histogram tells apart (longer ones count as this long).
const LONGEST_MICROS: u64 = 60_000_000;

/// The answers one connection (or, merged, a whole load) received.
#[derive(Clone, Debug)]
pub struct Tally {
    latencies: Histogram<u64>,
    statuses: BTreeMap<u16, u64>,
    failures: u64,
    first_error: Option<String>,
}

/// A load summed up.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Summary {
    /// Answers received within the measured time, errors included.
    pub requests: u64,
    /// Answers that were errors (not 2xx or 3xx) and requests that got no answer.
    pub errors: u64,
    /// The measured time.
    pub seconds: f64,
    /// Answers without error per second: errors do not make a page look faster.
    pub requests_per_second: f64,
    pub p50_ms: f64,
    pub p95_ms: f64,
    pub p99_ms: f64,
    pub max_ms: f64,
    /// How many answers of each status, and `"no answer"` for transport failures.
    pub statuses: BTreeMap<String, u64>,
    /// The first error seen, to say what went wrong.
    pub first_error: Option<String>,
}

impl Tally {
    /// Nothing yet: latencies in microseconds to three significant digits, up to a minute.
    pub fn new() -> Result<Tally, hdrhistogram::CreationError> {
        Ok(Tally {
            latencies: Histogram::new_with_bounds(1, LONGEST_MICROS, 3)?,
            statuses: BTreeMap::new(),
            failures: 0,
            first_error: None,
        })
    }

    /// An answer with `status`, received `took` after the request was sent.
    pub fn answer(&mut self, status: u16, took: Duration, path: &str) {
        let micros = u64::try_from(took.as_micros()).unwrap_or(u64::MAX);
        self.latencies
            .saturating_record(micros.clamp(1, LONGEST_MICROS));
        *self.statuses.entry(status).or_default() += 1;
        if is_error(status) && self.first_error.is_none() {
            self.first_error = Some(format!("{status} from {path}"));
        }
    }

    /// A request that got no answer (the connection failed or the answer took too long).
    pub fn failure(&mut self, why: &str, path: &str) {
        self.failures += 1;
        if self.first_error.is_none() {
            self.first_error = Some(format!("no answer from {path}: {why}"));
        }
    }

    /// Adds another connection's answers.
    pub fn merge(&mut self, other: &Tally) {
        // Both histograms have the same bounds, so adding cannot fail.
        let _ = self.latencies.add(&other.latencies);
        for (status, n) in &other.statuses {
            *self.statuses.entry(*status).or_default() += n;
        }
        self.failures += other.failures;
        if self.first_error.is_none() {
            self.first_error.clone_from(&other.first_error);
        }
    }

    /// The summary over `measured` time.
    pub fn summary(&self, measured: Duration) -> Summary {
        let answered: u64 = self.statuses.values().sum();
        let refused: u64 = self
            .statuses
            .iter()
            .filter(|(status, _)| is_error(**status))
            .map(|(_, n)| n)
            .sum();
        let errors = refused + self.failures;
        let seconds = measured.as_secs_f64();
        let ok = answered - refused;
        let ms = |micros: u64| micros as f64 / 1000.0;
        let at = |q: f64| {
            if answered == 0 {
                0.0
            } else {
                ms(self.latencies.value_at_quantile(q))
            }
        };
        let mut statuses: BTreeMap<String, u64> = self
            .statuses
            .iter()
            .map(|(s, n)| (s.to_string(), *n))
            .collect();
        if self.failures > 0 {
            statuses.insert("no answer".into(), self.failures);
        }
        Summary {
            requests: answered,
            errors,
            seconds,
            requests_per_second: if seconds > 0.0 {
                ok as f64 / seconds
            } else {
                0.0
            },
            p50_ms: at(0.50),
            p95_ms: at(0.95),
            p99_ms: at(0.99),
            max_ms: if answered == 0 {
                0.0
            } else {
                ms(self.latencies.max())
            },
            statuses,
            first_error: self.first_error.clone(),
        }
    }
}

/// Whether an answer is an error: anything but success and redirection (a form's answer is
/// a redirect to what it made).
pub fn is_error(status: u16) -> bool {
    !(200..400).contains(&status)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ms(n: u64) -> Duration {
        Duration::from_millis(n)
    }

    #[test]
    fn percentiles_come_from_the_recorded_latencies() {
        let mut t = Tally::new().unwrap();
        for i in 1..=100 {
            t.answer(200, ms(i), "/p");
        }
        let s = t.summary(Duration::from_secs(2));
        assert_eq!(s.requests, 100);
        assert_eq!(s.errors, 0);
        assert!((s.requests_per_second - 50.0).abs() < 1e-9);
        // Three significant digits: within a tenth of a percent.
        assert!((s.p50_ms - 50.0).abs() < 0.1, "{}", s.p50_ms);
        assert!((s.p95_ms - 95.0).abs() < 0.1, "{}", s.p95_ms);
        assert!((s.p99_ms - 99.0).abs() < 0.1, "{}", s.p99_ms);
        assert!((s.max_ms - 100.0).abs() < 0.1, "{}", s.max_ms);
    }

    #[test]
    fn errors_are_counted_and_do_not_add_to_the_rate() {
        let mut t = Tally::new().unwrap();
        t.answer(200, ms(1), "/a");
        t.answer(303, ms(1), "/a");
        t.answer(500, ms(1), "/b");
        t.answer(404, ms(1), "/c");
        t.failure("reset", "/d");
        let s = t.summary(Duration::from_secs(1));
        assert_eq!(s.requests, 4);
        assert_eq!(s.errors, 3);
        assert!((s.requests_per_second - 2.0).abs() < 1e-9);
        assert_eq!(s.statuses.get("500"), Some(&1));
        assert_eq!(s.statuses.get("no answer"), Some(&1));
        assert_eq!(s.first_error.as_deref(), Some("500 from /b"));
    }

    #[test]
    fn merged_tallies_add_up() {
        let mut a = Tally::new().unwrap();
        let mut b = Tally::new().unwrap();
        a.answer(200, ms(1), "/");
        b.answer(200, ms(9), "/");
        b.answer(502, ms(3), "/x");
        a.merge(&b);
        let s = a.summary(Duration::from_secs(1));
        assert_eq!(s.requests, 3);
        assert_eq!(s.errors, 1);
        assert!((s.max_ms - 9.0).abs() < 0.01);
        assert_eq!(s.first_error.as_deref(), Some("502 from /x"));
    }

    #[test]
    fn an_empty_load_has_no_rate_and_no_latency() {
        let s = Tally::new().unwrap().summary(Duration::from_secs(1));
        assert_eq!((s.requests, s.errors), (0, 0));
        assert_eq!(s.requests_per_second, 0.0);
        assert_eq!(s.p99_ms, 0.0);
    }

    #[test]
    fn only_success_and_redirection_are_not_errors() {
        assert!(!is_error(200) && !is_error(204) && !is_error(303));
        assert!(is_error(101) && is_error(400) && is_error(404) && is_error(503));
    }
}

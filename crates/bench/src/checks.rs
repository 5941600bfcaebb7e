//! The targets a run is held to (two cores, 32 connections), each a PASS or a MISS line:
//! every read-only page at least a fifth of the read ceiling with p95 within 10 ms, the
//! audited case view at least 60 % of the insert ceiling, a new report's p95 within 25 ms,
//! and a small, quick server: 50 MB idle, 150 MB at the peak, started in 0.3 s.

use crate::pages::Unmeasured;
use crate::results::{PageResult, ServerFacts};
use crate::share::Cost;
use serde::Serialize;

/// Whether a run met a target.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum Verdict {
    Pass,
    Miss,
    /// The page is not in this data or build.
    Skip,
}

impl Verdict {
    fn of(met: bool) -> Verdict {
        if met {
            Verdict::Pass
        } else {
            Verdict::Miss
        }
    }
}

/// One target and whether the run met it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Check {
    pub verdict: Verdict,
    pub target: String,
    /// What was measured.
    pub found: String,
}

const READ_SHARE_MIN: f64 = 20.0;
const READ_P95_MAX_MS: f64 = 10.0;
const CASE_VIEW_SHARE_MIN: f64 = 60.0;
const NEW_REPORT_P95_MAX_MS: f64 = 25.0;
const IDLE_MB_MAX: f64 = 50.0;
const PEAK_MB_MAX: f64 = 150.0;
const START_SECONDS_MAX: f64 = 0.3;

/// The checks of a run's pages and server.
pub fn checks(pages: &[PageResult], server: &ServerFacts) -> Vec<Check> {
    let mut out = Vec::new();
    for page in pages.iter().filter(|p| p.cost == Some(Cost::Reads)) {
        out.push(check_page(
            page,
            format!(
                "{}: ≥ {READ_SHARE_MIN} % of the read ceiling, p95 ≤ {READ_P95_MAX_MS} ms",
                page.name
            ),
            |share, p95| share >= READ_SHARE_MIN && p95 <= READ_P95_MAX_MS,
        ));
    }
    if let Some(view) = pages.iter().find(|p| p.name == "case-view") {
        out.push(check_page(
            view,
            format!("case-view: ≥ {CASE_VIEW_SHARE_MIN} % of the insert ceiling"),
            |share, _| share >= CASE_VIEW_SHARE_MIN,
        ));
    }
    if let Some(new) = pages.iter().find(|p| p.name == "case-new") {
        out.push(check_page(
            new,
            format!("case-new: p95 ≤ {NEW_REPORT_P95_MAX_MS} ms"),
            |_, p95| p95 <= NEW_REPORT_P95_MAX_MS,
        ));
    }
    let mb = |kb: u64| kb as f64 / 1024.0;
    out.push(Check {
        verdict: Verdict::of(mb(server.idle_rss_kb) <= IDLE_MB_MAX),
        target: format!("idle memory ≤ {IDLE_MB_MAX} MB"),
        found: format!("{:.1} MB", mb(server.idle_rss_kb)),
    });
    out.push(Check {
        verdict: Verdict::of(mb(server.peak_rss_kb) <= PEAK_MB_MAX),
        target: format!("peak memory ≤ {PEAK_MB_MAX} MB"),
        found: format!("{:.1} MB", mb(server.peak_rss_kb)),
    });
    out.push(Check {
        verdict: Verdict::of(server.start_seconds <= START_SECONDS_MAX),
        target: format!("start ≤ {START_SECONDS_MAX} s"),
        found: format!("{:.3} s", server.start_seconds),
    });
    out
}

/// A page's check by `met(share, p95)`; a page that could not be measured, or without a
/// share, or with errors misses whatever its numbers; one this data does not have is
/// skipped.
fn check_page(page: &PageResult, target: String, met: impl Fn(f64, f64) -> bool) -> Check {
    let Some(summary) = &page.summary else {
        let (verdict, why) = match &page.skipped {
            Some(Unmeasured::Absent(why)) => (Verdict::Skip, why.as_str()),
            Some(Unmeasured::Failed(why)) => (Verdict::Miss, why.as_str()),
            None => (Verdict::Miss, "not measured"),
        };
        return Check {
            verdict,
            target,
            found: why.to_string(),
        };
    };
    let share = page.share_percent.unwrap_or(0.0);
    let mut found = format!("{share:.0} % of its ceiling, p95 {:.1} ms", summary.p95_ms);
    if summary.errors > 0 {
        found.push_str(&format!(", {} errors", summary.errors));
    }
    Check {
        verdict: Verdict::of(
            summary.errors == 0 && page.share_percent.is_some() && met(share, summary.p95_ms),
        ),
        target,
        found,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::Summary;

    fn page(name: &str, cost: Cost, share: f64, p95: f64, errors: u64) -> PageResult {
        PageResult {
            name: name.into(),
            user: "u".into(),
            what: String::new(),
            cost: Some(cost),
            summary: Some(Summary {
                p95_ms: p95,
                errors,
                ..Summary::default()
            }),
            share_percent: Some(share),
            server_cpu_seconds: None,
            other_cpu_seconds: None,
            skipped: None,
        }
    }

    fn server() -> ServerFacts {
        ServerFacts {
            start_seconds: 0.2,
            idle_rss_kb: 40 * 1024,
            peak_rss_kb: 200 * 1024,
            cpu_seconds: 1.0,
        }
    }

    fn verdict(checks: &[Check], starts: &str) -> Verdict {
        checks
            .iter()
            .find(|c| c.target.starts_with(starts))
            .unwrap_or_else(|| panic!("no check {starts}"))
            .verdict
    }

    fn passed(checks: &[Check], starts: &str) -> bool {
        verdict(checks, starts) == Verdict::Pass
    }

    #[test]
    fn a_read_page_needs_both_its_share_and_its_latency() {
        let c = checks(
            &[
                page("fast", Cost::Reads, 25.0, 4.0, 0),
                page("slow", Cost::Reads, 25.0, 11.0, 0),
                page("few", Cost::Reads, 19.0, 4.0, 0),
                page("broken", Cost::Reads, 90.0, 1.0, 3),
            ],
            &server(),
        );
        assert!(passed(&c, "fast:"));
        assert!(!passed(&c, "slow:"));
        assert!(!passed(&c, "few:"));
        assert!(!passed(&c, "broken:"));
    }

    #[test]
    fn writes_are_held_to_their_own_targets() {
        let c = checks(
            &[
                page("case-view", Cost::Writes, 61.0, 40.0, 0),
                page("case-new", Cost::Writes, 5.0, 26.0, 0),
            ],
            &server(),
        );
        assert!(passed(&c, "case-view:"));
        assert!(!passed(&c, "case-new:"));
        // Pages that write are not held to the read target.
        assert_eq!(c.len(), 2 + 3);
    }

    #[test]
    fn a_page_that_failed_misses_and_one_not_in_the_data_is_skipped() {
        let mut refused = page("case-new", Cost::Writes, 0.0, 0.0, 0);
        refused.summary = None;
        refused.skipped = Some(Unmeasured::Failed("the form was refused".into()));
        let mut absent = page("cases-deep", Cost::Reads, 0.0, 0.0, 0);
        absent.summary = None;
        absent.skipped = Some(Unmeasured::Absent("one page".into()));
        let c = checks(&[refused, absent], &server());
        assert_eq!(verdict(&c, "case-new:"), Verdict::Miss);
        assert!(c.iter().any(|c| c.found.contains("the form was refused")));
        assert_eq!(verdict(&c, "cases-deep:"), Verdict::Skip);
    }

    #[test]
    fn the_server_is_held_to_its_memory_and_start() {
        let c = checks(&[], &server());
        assert!(passed(&c, "idle memory"));
        assert!(!passed(&c, "peak memory"));
        assert!(passed(&c, "start"));
    }
}

//! What a run found, as printed and as written to the JSON summary.

use crate::checks::Check;
use crate::load::Summary;
use crate::pages::Unmeasured;
use crate::share::{Ceilings, Cost};
use serde::Serialize;

/// One page's (or the mix's, or a ceiling's) measurement, or why it was skipped.
#[derive(Clone, Debug, Serialize)]
pub struct PageResult {
    pub name: String,
    pub user: String,
    /// `GET /path` or `POST /path`.
    pub what: String,
    /// Which ceiling it is compared with; none for the mix and the ceilings themselves.
    pub cost: Option<Cost>,
    pub summary: Option<Summary>,
    /// Requests per second as a percentage of its ceiling's.
    pub share_percent: Option<f64>,
    /// Processor time the server spent during the load (warm-up included).
    pub server_cpu_seconds: Option<f64>,
    /// Processor time other processes spent meanwhile (a database server, another build):
    /// much of it means the machine was shared and the numbers are noisy.
    pub other_cpu_seconds: Option<f64>,
    /// Why it was not measured.
    pub skipped: Option<Unmeasured>,
}

/// The server's start and resources.
#[derive(Clone, Copy, Debug, Default, Serialize)]
pub struct ServerFacts {
    /// From the spawn to the first healthy answer.
    pub start_seconds: f64,
    /// Resident memory once started, before any load.
    pub idle_rss_kb: u64,
    /// The most resident memory of the whole run (the mix included).
    pub peak_rss_kb: u64,
    /// Processor time of the whole run.
    pub cpu_seconds: f64,
}

/// A whole run on one engine.
#[derive(Clone, Debug, Serialize)]
pub struct Results {
    /// `sqlite` or `postgresql`.
    pub engine: String,
    pub connections: usize,
    pub seconds: f64,
    pub warm_up_seconds: f64,
    pub ceilings: Ceilings,
    pub ceiling_runs: Vec<PageResult>,
    pub server: ServerFacts,
    pub pages: Vec<PageResult>,
    pub mix: Option<PageResult>,
    pub sign_in_failures: Vec<String>,
    pub checks: Vec<Check>,
}

impl Results {
    /// Whether anything went wrong that a reader must not miss: a sign-in that failed, a
    /// page that should have been measured and was not, or a load with errors.
    pub fn troubled(&self) -> bool {
        !self.sign_in_failures.is_empty()
            || self
                .pages
                .iter()
                .any(|p| p.skipped.as_ref().is_some_and(Unmeasured::is_failure))
            || self
                .ceiling_runs
                .iter()
                .chain(&self.pages)
                .chain(&self.mix)
                .any(|p| p.summary.as_ref().is_some_and(|s| s.errors > 0))
    }
}

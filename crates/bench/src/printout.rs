//! The run as a table for people: one line per page with its rate, latencies, errors and
//! share of its ceiling, then what was skipped and the targets met or missed.

use crate::checks::Verdict;
use crate::pages::Unmeasured;
use crate::results::{PageResult, Results};
use crate::share::Cost;
use std::fmt::Write;

/// The part of the processor other processes may take during a load before its numbers
/// are called noisy.
const SHARED: f64 = 0.10;

/// The whole printout.
pub fn table(r: &Results) -> String {
    let mut out = String::new();
    let mb = |kb: u64| kb as f64 / 1024.0;
    let _ = writeln!(
        out,
        "\n== {} · {} connections · {} s measured per target after {} s of warm-up",
        r.engine, r.connections, r.seconds, r.warm_up_seconds
    );
    let _ = writeln!(
        out,
        "spona: healthy {:.3} s after start · idle {:.1} MB · peak {:.1} MB · {:.1} s of processor time",
        r.server.start_seconds,
        mb(r.server.idle_rss_kb),
        mb(r.server.peak_rss_kb),
        r.server.cpu_seconds
    );
    let _ = writeln!(
        out,
        "ceilings: {:.0} indexed reads/s, {:.0} fsync'd inserts/s\n",
        r.ceilings.read, r.ceilings.insert
    );
    let _ = writeln!(
        out,
        "{:<18} {:<15} {:>9} {:>8} {:>8} {:>8} {:>8} {:>7} {:>13} {:>6} {:>7}",
        "page",
        "user",
        "req/s",
        "p50 ms",
        "p95 ms",
        "p99 ms",
        "max ms",
        "errors",
        "share",
        "cpu s",
        "other s"
    );
    for page in r.ceiling_runs.iter().chain(&r.pages).chain(&r.mix) {
        if page.skipped.is_none() {
            line(&mut out, page);
        }
    }
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get()) as f64;
    let spent = r.warm_up_seconds + r.seconds;
    let shared: Vec<&str> = r
        .ceiling_runs
        .iter()
        .chain(&r.pages)
        .chain(&r.mix)
        .filter(|p| p.other_cpu_seconds.unwrap_or(0.0) > SHARED * cores * spent)
        .map(|p| p.name.as_str())
        .collect();
    if !shared.is_empty() {
        let _ = writeln!(
            out,
            "\nnote: other processes took more than {:.0} % of the processor during {}: \
             those numbers are noisy (on PostgreSQL its server is one of them)",
            SHARED * 100.0,
            shared.join(", ")
        );
    }
    let unmeasured: Vec<(&str, &Unmeasured)> = r
        .pages
        .iter()
        .filter_map(|p| p.skipped.as_ref().map(|u| (p.name.as_str(), u)))
        .collect();
    if !unmeasured.is_empty() {
        let _ = writeln!(out, "\nnot measured:");
        for (name, u) in unmeasured {
            let label = if u.is_failure() { "FAILED " } else { "skipped" };
            let _ = writeln!(out, "  {label} {name:<18} {}", u.why());
        }
    }
    let errors: Vec<&PageResult> = r
        .ceiling_runs
        .iter()
        .chain(&r.pages)
        .chain(&r.mix)
        .filter(|p| p.summary.as_ref().is_some_and(|s| s.errors > 0))
        .collect();
    if !errors.is_empty() {
        let _ = writeln!(out, "\nERRORS:");
        for page in errors {
            if let Some(s) = &page.summary {
                let first = s.first_error.as_deref().unwrap_or_default();
                let _ = writeln!(
                    out,
                    "  {:<18} {} of {} ({:?}); first: {first}",
                    page.name, s.errors, s.requests, s.statuses
                );
            }
        }
    }
    for failure in &r.sign_in_failures {
        let _ = writeln!(out, "SIGN-IN FAILED: {failure}");
    }
    let _ = writeln!(
        out,
        "\ntargets (set for 2 cores and 32 connections; this run: {} cores, {} connections):",
        std::thread::available_parallelism().map_or(0, |n| n.get()),
        r.connections
    );
    for check in &r.checks {
        let verdict = match check.verdict {
            Verdict::Pass => "PASS",
            Verdict::Miss => "MISS",
            Verdict::Skip => "SKIP",
        };
        let _ = writeln!(out, "  {verdict}  {:<62} {}", check.target, check.found);
    }
    out
}

fn line(out: &mut String, page: &PageResult) {
    let Some(s) = &page.summary else {
        return;
    };
    let share = match (page.share_percent, page.cost) {
        (Some(p), Some(Cost::Reads)) => format!("{p:.0} % read"),
        (Some(p), Some(Cost::Writes)) => format!("{p:.0} % insert"),
        _ => "—".into(),
    };
    let seconds = |c: Option<f64>| c.map_or_else(|| "—".into(), |c| format!("{c:.1}"));
    let _ = writeln!(
        out,
        "{:<18} {:<15} {:>9.1} {:>8.2} {:>8.2} {:>8.2} {:>8.1} {:>7} {:>13} {:>6} {:>7}",
        page.name,
        page.user,
        s.requests_per_second,
        s.p50_ms,
        s.p95_ms,
        s.p99_ms,
        s.max_ms,
        s.errors,
        share,
        seconds(page.server_cpu_seconds),
        seconds(page.other_cpu_seconds)
    );
}

//! One fault cycle under traffic — break something, hold it, mend it, wait for writes to
//! succeed again — and the judgement of every request against it. What a fault may cause is
//! the same whatever the fault: a refusal with 503 that comes quickly, never a 500, never a
//! request left hanging, never a user signed out; afterwards writes succeed again within
//! seconds without a restart, and `/health` tells the truth throughout.

use crate::journal::{histogram, Journal, Op, Record, Seen};
use crate::outcome::Findings;
use anyhow::Result;
use std::time::Duration;

/// A request may take this long even during a fault (then it must have been answered).
pub const HANG_LIMIT: Duration = Duration::from_secs(6);
/// After a fault is mended, writes must succeed again within this.
pub const RECOVERY_LIMIT: Duration = Duration::from_secs(10);
/// How long the harness waits for the first success after mending (then it gives up).
const RECOVERY_WAIT: Duration = Duration::from_secs(15);
/// After the first success, stragglers (a connection still being replaced) may take this.
const SETTLING: Duration = Duration::from_secs(2);

/// Something a scenario breaks and mends.
pub(crate) trait Fault {
    /// Said in reports: "disk full", "EIO", "PostgreSQL stopped".
    fn name(&self) -> String;
    /// Breaks it.
    async fn inject(&mut self) -> Result<()>;
    /// Mends it.
    async fn clear(&mut self) -> Result<()>;
}

/// How long to hold a fault.
#[derive(Clone, Copy, Debug)]
pub struct Hold {
    /// At least this long.
    pub at_least: Duration,
    /// Longer if needed, until this many writes were refused, but never beyond `at_most`.
    pub refusals: usize,
    pub at_most: Duration,
}

/// The moments of one cycle, on the journal's clock.
#[derive(Clone, Debug)]
pub struct Cycle {
    pub name: String,
    pub injected: Duration,
    pub cleared: Duration,
    /// When the first write after mending was acknowledged.
    pub recovered: Option<Duration>,
}

/// A cycle and the stretch of the journal that belongs to it (from the end of the one before
/// to the start of the next), so that each cycle is judged on its own requests only.
#[derive(Clone, Debug)]
pub struct Judged {
    pub cycle: Cycle,
    pub from: Duration,
    pub to: Duration,
}

/// Judges each cycle on its own stretch of the journal.
pub fn judge_all(
    judged: &[Judged],
    records: &[Record],
    health_down: bool,
    findings: &mut Findings,
) {
    for j in judged {
        // A request belongs to a cycle when it started and ended within its stretch: one
        // that began just before the next fault was injected may be answered under it.
        let mine: Vec<Record> = records
            .iter()
            .filter(|r| r.at >= j.from && r.end() <= j.to)
            .cloned()
            .collect();
        judge(&j.cycle, &mine, health_down, findings);
    }
}

impl Cycle {
    /// From when the server must be back to normal.
    fn settled(&self) -> Duration {
        match self.recovered {
            Some(at) => at + SETTLING,
            None => self.cleared + RECOVERY_WAIT,
        }
    }
}

/// Breaks, holds, mends and waits for recovery; the traffic runs throughout. The fault is
/// mended even when holding it went wrong.
pub(crate) async fn run(fault: &mut impl Fault, journal: &Journal, hold: Hold) -> Result<Cycle> {
    let injected = journal.now();
    fault.inject().await?;
    loop {
        tokio::time::sleep(Duration::from_millis(200)).await;
        let held = journal.now() - injected;
        let refused = journal
            .snapshot()
            .iter()
            .filter(|r| r.op.is_write() && r.at >= injected && !r.acknowledged())
            .count();
        if (held >= hold.at_least && refused >= hold.refusals) || held >= hold.at_most {
            break;
        }
    }
    let cleared = journal.now();
    fault.clear().await?;
    let mut recovered = None;
    while journal.now() < cleared + RECOVERY_WAIT {
        recovered = journal.first_ack_after(cleared);
        if recovered.is_some() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    // Let the stragglers of the settling time be seen too.
    if let Some(at) = recovered {
        let until = at + SETTLING + Duration::from_millis(500);
        if let Some(wait) = until.checked_sub(journal.now()) {
            tokio::time::sleep(wait).await;
        }
    }
    Ok(Cycle {
        name: fault.name(),
        injected,
        cleared,
        recovered,
    })
}

/// Judges every request around a cycle; `health_down` expects `/health` to say 503 while
/// the fault lasts.
pub fn judge(cycle: &Cycle, records: &[Record], health_down: bool, findings: &mut Findings) {
    let name = &cycle.name;
    let settled = cycle.settled();
    let before: Vec<&Record> = records
        .iter()
        .filter(|r| r.end() <= cycle.injected)
        .collect();
    healthy(&before, findings, &format!("before {name}"));
    let during: Vec<&Record> = records
        .iter()
        .filter(|r| r.end() > cycle.injected && r.at < settled)
        .collect();
    refusals(&during, findings, &format!("during {name}"));

    let held: Vec<&Record> = during
        .iter()
        .copied()
        .filter(|r| r.op.is_write() && r.at >= cycle.injected && r.at < cycle.cleared)
        .collect();
    let refused = held.iter().filter(|r| !r.acknowledged()).count();
    findings.check(!held.is_empty(), || {
        format!("no write was attempted during {name}")
    });
    findings.check(held.is_empty() || refused > 0, || {
        format!(
            "{name} was never felt: all {} writes while it lasted were acknowledged",
            held.len()
        )
    });
    let refused_503 = held.iter().filter(|r| r.status() == Some(503)).count();
    findings.check(refused == 0 || refused_503 > 0, || {
        format!(
            "during {name} no write was refused with 503; writes got {}",
            histogram(held.iter().copied())
        )
    });
    if health_down {
        let probes: Vec<&Record> = during
            .iter()
            .copied()
            .filter(|r| r.op == Op::Health && r.at >= cycle.injected && r.at < cycle.cleared)
            .collect();
        findings.check(probes.iter().any(|r| r.status() == Some(503)), || {
            format!(
                "/health never answered 503 during {name}: {}",
                histogram(probes.iter().copied())
            )
        });
    }

    match cycle.recovered {
        None => {
            let since: Vec<&Record> = records
                .iter()
                .filter(|r| r.op.is_write() && r.at >= cycle.cleared)
                .collect();
            findings.fail(format!(
                "writes did not succeed again within {} s after {name} ended (without a restart); writes since: {}",
                RECOVERY_WAIT.as_secs(),
                histogram(since.iter().copied())
            ));
        }
        Some(at) => {
            let took = at.saturating_sub(cycle.cleared);
            findings.check(took <= RECOVERY_LIMIT, || {
                format!(
                    "writes succeeded again only {:.1} s after {name} ended (limit {} s)",
                    took.as_secs_f64(),
                    RECOVERY_LIMIT.as_secs()
                )
            });
            findings.note(format!(
                "{name}: held {:.1} s, writes refused {} ({}), writes succeeded again {:.1} s after it ended",
                (cycle.cleared - cycle.injected).as_secs_f64(),
                refused,
                histogram(held.iter().copied().filter(|r| !r.acknowledged())),
                took.as_secs_f64()
            ));
        }
    }
    let after: Vec<&Record> = records.iter().filter(|r| r.at >= settled).collect();
    healthy(&after, findings, &format!("after {name}"));
}

/// Requests to a healthy server: every one answered, as it should be.
pub fn healthy(records: &[&Record], findings: &mut Findings, when: &str) {
    let bad: Vec<&Record> = records
        .iter()
        .copied()
        .filter(|r| !fine(r) && !benign_refusal(r))
        .collect();
    findings.check(bad.is_empty(), || {
        format!(
            "{when}: {} of {} requests went wrong: {}{}",
            bad.len(),
            records.len(),
            histogram(bad.iter().copied()),
            example(&bad)
        )
    });
}

/// Requests while a fault lasts: answered quickly, with success or 503, and nobody signed out.
fn refusals(records: &[&Record], findings: &mut Findings, when: &str) {
    let bad: Vec<&Record> = records
        .iter()
        .copied()
        .filter(|r| !(fine(r) || benign_refusal(r) || r.status() == Some(503)))
        .collect();
    findings.check(bad.is_empty(), || {
        format!(
            "{when}: {} of {} requests were not refused with 503: {}{}",
            bad.len(),
            records.len(),
            histogram(bad.iter().copied()),
            example(&bad)
        )
    });
    let slow: Vec<&Record> = records
        .iter()
        .copied()
        .filter(|r| r.took > HANG_LIMIT)
        .collect();
    findings.check(slow.is_empty(), || {
        let longest = slow.iter().map(|r| r.took).max().unwrap_or_default();
        format!(
            "{when}: {} requests hung past {} s (longest {:.1} s): {}",
            slow.len(),
            HANG_LIMIT.as_secs(),
            longest.as_secs_f64(),
            histogram(slow.iter().copied())
        )
    });
}

/// Answered with success, quickly enough not to count as hanging.
fn fine(r: &Record) -> bool {
    match r.seen {
        Seen::Status { code, to_sign_in } => {
            !to_sign_in && (200..400).contains(&code) && r.took <= HANG_LIMIT
        }
        _ => false,
    }
}

/// A refusal the server is right to give in normal work: an answer to a referral that
/// someone changed in between (409, 422).
fn benign_refusal(r: &Record) -> bool {
    r.op == Op::Accept && matches!(r.status(), Some(409 | 422))
}

/// The first bad request, for the reason.
fn example(bad: &[&Record]) -> String {
    bad.first()
        .map(|r| {
            format!(
                " (first: {} by {} at {:.1} s answered {} after {:.1} s)",
                r.op.name(),
                r.user,
                r.at.as_secs_f64(),
                r.seen.label(),
                r.took.as_secs_f64()
            )
        })
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rec(op: Op, at_ms: u64, took_ms: u64, seen: Seen) -> Record {
        Record {
            op,
            user: "le-police",
            at: Duration::from_millis(at_ms),
            took: Duration::from_millis(took_ms),
            seen,
        }
    }

    fn status(code: u16) -> Seen {
        Seen::Status {
            code,
            to_sign_in: false,
        }
    }

    fn cycle() -> Cycle {
        Cycle {
            name: "disk full".into(),
            injected: Duration::from_secs(10),
            cleared: Duration::from_secs(20),
            recovered: Some(Duration::from_secs(21)),
        }
    }

    fn good_run() -> Vec<Record> {
        vec![
            rec(Op::Report, 1_000, 50, status(303)),
            rec(Op::Report, 12_000, 300, status(503)),
            rec(Op::Health, 12_500, 5, status(503)),
            rec(Op::Read, 13_000, 20, status(200)),
            rec(Op::Activity, 20_900, 50, status(303)),
            rec(Op::Report, 30_000, 50, status(303)),
        ]
    }

    #[test]
    fn quick_503s_then_recovery_pass() {
        let mut f = Findings::default();
        judge(&cycle(), &good_run(), true, &mut f);
        assert!(!f.failed(), "{}", f.report("x", 0));
    }

    #[test]
    fn a_500_a_hang_or_a_sign_out_during_the_fault_fails() {
        for seen in [
            status(500),
            Seen::NoAnswer("timed out".into()),
            Seen::Status {
                code: 303,
                to_sign_in: true,
            },
        ] {
            let mut records = good_run();
            records.push(rec(Op::Refer, 14_000, 100, seen.clone()));
            let mut f = Findings::default();
            judge(&cycle(), &records, true, &mut f);
            assert!(f.failed(), "{seen:?} passed");
        }
        let mut records = good_run();
        records.push(rec(Op::Report, 14_000, 7_000, status(503)));
        let mut f = Findings::default();
        judge(&cycle(), &records, true, &mut f);
        assert!(f.report("x", 0).contains("hung past 6 s"));
    }

    #[test]
    fn no_recovery_a_health_that_lies_or_an_unfelt_fault_fails() {
        let mut c = cycle();
        c.recovered = None;
        let mut f = Findings::default();
        judge(&c, &good_run(), true, &mut f);
        assert!(f.report("x", 0).contains("did not succeed again"));

        let records: Vec<Record> = good_run()
            .into_iter()
            .filter(|r| r.op != Op::Health)
            .collect();
        let mut f = Findings::default();
        judge(&cycle(), &records, true, &mut f);
        assert!(f.report("x", 0).contains("/health never answered 503"));

        let records: Vec<Record> = good_run()
            .into_iter()
            .filter(|r| r.status() != Some(503) || r.op == Op::Health)
            .collect();
        let mut f = Findings::default();
        judge(&cycle(), &records, true, &mut f);
        assert!(f.report("x", 0).contains("no write was attempted"));
        let mut records = good_run();
        records.retain(|r| r.status() != Some(503) || r.op == Op::Health);
        records.push(rec(Op::Report, 15_000, 50, status(303)));
        let mut f = Findings::default();
        judge(&cycle(), &records, true, &mut f);
        assert!(f.report("x", 0).contains("never felt"));
    }

    #[test]
    fn a_failure_after_recovery_fails() {
        let mut records = good_run();
        records.push(rec(Op::Report, 40_000, 50, status(500)));
        let mut f = Findings::default();
        judge(&cycle(), &records, true, &mut f);
        assert!(f.report("x", 0).contains("after disk full"));
    }
}

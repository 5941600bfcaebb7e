//! Every request the traffic made, with when it started, how long it took and what came back.
//! Scenarios judge the server afterwards from this record against the moments they broke and
//! mended things, instead of each worker deciding on its own what was acceptable.

use std::collections::BTreeMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// What a request was for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Op {
    /// A case report of an adult (police).
    Report,
    /// A case report of a child: the child protocol fires (police).
    ReportChild,
    /// A referral of a case to the health centre (police).
    Refer,
    /// Accepting a referral (Centre for Social Work).
    Accept,
    /// Recording an activity.
    Activity,
    /// A page read by a signed-in user.
    Read,
    /// `/health`.
    Health,
}

impl Op {
    /// Whether it changes data.
    pub fn is_write(self) -> bool {
        matches!(
            self,
            Op::Report | Op::ReportChild | Op::Refer | Op::Accept | Op::Activity
        )
    }

    /// Its name in reports.
    pub fn name(self) -> &'static str {
        match self {
            Op::Report => "report",
            Op::ReportChild => "child report",
            Op::Refer => "referral",
            Op::Accept => "answer",
            Op::Activity => "activity",
            Op::Read => "read",
            Op::Health => "health",
        }
    }
}

/// What came back.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Seen {
    /// An HTTP status; for redirects, whether it sent the user to sign in.
    Status { code: u16, to_sign_in: bool },
    /// No answer: refused, reset, timed out.
    NoAnswer(String),
    /// An answer the harness could not use although it said success (no id in the redirect,
    /// a child report without the protocol): wrong on its face.
    Wrong(String),
}

impl Seen {
    /// A short label: "503", "303→login", "timed out".
    pub fn label(&self) -> String {
        match self {
            Seen::Status {
                code,
                to_sign_in: true,
            } => format!("{code}→login"),
            Seen::Status { code, .. } => code.to_string(),
            Seen::NoAnswer(e) => e.clone(),
            Seen::Wrong(e) => format!("wrong: {e}"),
        }
    }
}

/// One request.
#[derive(Clone, Debug)]
pub struct Record {
    pub op: Op,
    pub user: &'static str,
    /// When it started, from the journal's start.
    pub at: Duration,
    pub took: Duration,
    pub seen: Seen,
}

impl Record {
    /// When it ended.
    pub fn end(&self) -> Duration {
        self.at + self.took
    }

    /// A write answered with success (2xx, or a redirect that is not to the sign-in page).
    pub fn acknowledged(&self) -> bool {
        self.op.is_write()
            && matches!(self.seen, Seen::Status { code, to_sign_in: false } if (200..400).contains(&code))
    }

    /// Answered at all with this status.
    pub fn status(&self) -> Option<u16> {
        match self.seen {
            Seen::Status { code, .. } => Some(code),
            _ => None,
        }
    }
}

/// The record of one scenario's requests.
pub struct Journal {
    start: Instant,
    records: Mutex<Vec<Record>>,
}

impl Journal {
    /// An empty journal whose clock starts now.
    pub fn new() -> Journal {
        Journal {
            start: Instant::now(),
            records: Mutex::new(Vec::new()),
        }
    }

    /// The journal's clock.
    pub fn now(&self) -> Duration {
        self.start.elapsed()
    }

    /// The journal time of an instant.
    pub fn at(&self, instant: Instant) -> Duration {
        instant.saturating_duration_since(self.start)
    }

    /// Adds a record.
    pub fn push(&self, record: Record) {
        self.records
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(record);
    }

    /// Every record so far.
    pub fn snapshot(&self) -> Vec<Record> {
        self.records
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    /// The first write acknowledged that started at or after `from`.
    pub fn first_ack_after(&self, from: Duration) -> Option<Duration> {
        self.snapshot()
            .iter()
            .filter(|r| r.at >= from && r.acknowledged())
            .map(Record::end)
            .min()
    }
}

/// Counts of labels, for reasons such as "writes: 500×12, 503×3".
pub fn histogram<'a>(records: impl Iterator<Item = &'a Record>) -> String {
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for r in records {
        *counts.entry(r.seen.label()).or_default() += 1;
    }
    if counts.is_empty() {
        return "none".into();
    }
    counts
        .iter()
        .map(|(label, n)| format!("{label}×{n}"))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(op: Op, code: u16, to_sign_in: bool) -> Record {
        Record {
            op,
            user: "le-police",
            at: Duration::from_secs(1),
            took: Duration::from_millis(5),
            seen: Seen::Status { code, to_sign_in },
        }
    }

    #[test]
    fn only_successful_writes_count_as_acknowledged() {
        assert!(record(Op::Report, 303, false).acknowledged());
        assert!(!record(Op::Report, 303, true).acknowledged(), "signed out");
        assert!(!record(Op::Report, 503, false).acknowledged());
        assert!(!record(Op::Read, 200, false).acknowledged(), "not a write");
        let journal = Journal::new();
        journal.push(record(Op::Report, 500, false));
        journal.push(record(Op::Activity, 303, false));
        assert_eq!(
            journal.first_ack_after(Duration::ZERO),
            Some(Duration::from_millis(1005))
        );
        assert_eq!(journal.first_ack_after(Duration::from_secs(2)), None);
        let all = journal.snapshot();
        assert_eq!(histogram(all.iter()), "303×1, 500×1");
    }
}

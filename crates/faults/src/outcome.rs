//! What a scenario found: failed checks with their reasons, notes, the logs to show when it
//! failed, and the figures the summary adds up. A scenario never stops at the first failed
//! check unless going on would be meaningless, so one run tells the whole story.

use std::fmt::Write as _;
use std::path::PathBuf;

/// The figures CI prints.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Figures {
    /// Kills (SIGKILL of the server) after which every check passed.
    pub kills_survived: u64,
    /// Writes answered 2xx/303, each of which must still be there afterwards.
    pub writes_acknowledged: u64,
    /// Acknowledged writes not found afterwards.
    pub writes_lost: u64,
}

impl Figures {
    /// The sum of two sets of figures.
    pub fn add(&mut self, other: Figures) {
        self.kills_survived += other.kills_survived;
        self.writes_acknowledged += other.writes_acknowledged;
        self.writes_lost += other.writes_lost;
    }
}

/// A scenario's findings while it runs.
#[derive(Debug, Default)]
pub struct Findings {
    failures: Vec<String>,
    headline: Option<String>,
    notes: Vec<String>,
    logs: Vec<PathBuf>,
    pub figures: Figures,
}

impl Findings {
    /// A check failed, for this reason.
    pub fn fail(&mut self, reason: impl Into<String>) {
        self.failures.push(reason.into());
    }

    /// Fails with `reason` unless `ok`.
    pub fn check(&mut self, ok: bool, reason: impl FnOnce() -> String) {
        if !ok {
            self.fail(reason());
        }
    }

    /// The figures that sum the scenario up, said first.
    pub fn headline(&mut self, text: impl Into<String>) {
        self.headline = Some(text.into());
    }

    /// Something worth printing that is not a failure.
    pub fn note(&mut self, note: impl Into<String>) {
        let note = note.into();
        if !self.notes.contains(&note) {
            self.notes.push(note);
        }
    }

    /// A log whose tail is shown if the scenario fails.
    pub fn log(&mut self, path: PathBuf) {
        if !self.logs.contains(&path) {
            self.logs.push(path);
        }
    }

    /// Whether any check failed so far.
    pub fn failed(&self) -> bool {
        !self.failures.is_empty()
    }

    /// The verdict.
    pub fn verdict(&self) -> Verdict {
        if self.failed() {
            Verdict::Fail
        } else {
            Verdict::Pass
        }
    }

    /// The lines printed for the scenario: the verdict with its reasons, notes, log tails.
    pub fn report(&self, scenario: &str, tail_lines: usize) -> String {
        let mut out = String::new();
        let verdict = self.verdict();
        let summary = match verdict {
            Verdict::Pass => self.headline.clone().unwrap_or_default(),
            Verdict::Fail if self.failures.len() == 1 => self.failures[0].clone(),
            Verdict::Fail => format!("{} checks failed:", self.failures.len()),
        };
        let _ = writeln!(out, "{} {scenario}: {summary}", verdict.word());
        if self.failures.len() > 1 {
            for reason in &self.failures {
                let _ = writeln!(out, "    - {reason}");
            }
        }
        if verdict == Verdict::Fail {
            if let Some(headline) = &self.headline {
                let _ = writeln!(out, "    note: {headline}");
            }
        }
        for note in &self.notes {
            let _ = writeln!(out, "    note: {note}");
        }
        if verdict == Verdict::Fail {
            for path in &self.logs {
                let _ = writeln!(out, "    from {}:", path.display());
                for line in crate::logs::excerpt(path, tail_lines) {
                    let _ = writeln!(out, "      | {line}");
                }
            }
        }
        out
    }
}

/// How a scenario ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    Pass,
    Fail,
}

impl Verdict {
    /// The word that starts the scenario's line.
    pub fn word(self) -> &'static str {
        match self {
            Verdict::Pass => "PASS",
            Verdict::Fail => "FAIL",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failure_wins_and_is_reported_with_its_reason() {
        let mut f = Findings::default();
        f.headline("10 kills survived");
        f.note("seed 7");
        assert_eq!(f.verdict(), Verdict::Pass);
        let text = f.report("crashes", 5);
        assert!(
            text.starts_with("PASS crashes: 10 kills survived\n    note: seed 7"),
            "{text}"
        );
        f.check(1 + 1 == 3, || "arithmetic".into());
        assert_eq!(f.verdict(), Verdict::Fail);
        let text = f.report("crashes", 5);
        assert!(text.starts_with("FAIL crashes: arithmetic"), "{text}");
        assert!(text.contains("note: 10 kills survived"), "{text}");
    }
}

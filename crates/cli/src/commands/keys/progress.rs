//! The sweep's progress on standard error: a bar on a terminal; otherwise (a log, a script)
//! a line at each tenth, so that a long rotation still shows it is moving.

use indicatif::{ProgressBar, ProgressStyle};
use std::io::IsTerminal;
use std::sync::atomic::{AtomicI64, Ordering};

/// Shows cases swept out of cases in all.
pub enum SweepProgress {
    Bar(ProgressBar),
    Lines { tenth_shown: AtomicI64 },
}

impl SweepProgress {
    /// A bar when standard error is a terminal, lines otherwise.
    pub fn new() -> SweepProgress {
        if std::io::stderr().is_terminal() {
            let bar = ProgressBar::new(0);
            if let Ok(style) =
                ProgressStyle::with_template("{msg} [{bar:40}] {pos}/{len} cases ({eta} left)")
            {
                bar.set_style(style.progress_chars("=> "));
            }
            bar.set_message("re-wrapping");
            SweepProgress::Bar(bar)
        } else {
            SweepProgress::Lines {
                tenth_shown: AtomicI64::new(-1),
            }
        }
    }

    /// The sweep has reached `swept` of `cases`.
    pub fn show(&self, swept: i64, cases: i64) {
        match self {
            SweepProgress::Bar(bar) => {
                bar.set_length(u64::try_from(cases).unwrap_or(0));
                bar.set_position(u64::try_from(swept).unwrap_or(0));
            }
            SweepProgress::Lines { tenth_shown } => {
                let tenth = if cases > 0 { swept * 10 / cases } else { 10 };
                if tenth_shown.fetch_max(tenth, Ordering::Relaxed) < tenth {
                    eprintln!("keys rotate: {swept} of {cases} cases re-wrapped");
                }
            }
        }
    }

    /// The sweep is over (done or stopped); the bar leaves its last state on screen.
    pub fn finish(&self) {
        if let SweepProgress::Bar(bar) = self {
            bar.abandon();
        }
    }
}

//! `spona demo --scale N`: the generation with its progress, then what it made.

use crate::problems;
use anyhow::{bail, Result};
use indicatif::{ProgressBar, ProgressStyle};
use spona_app::demo::scale::{Plan, Progress, Stage};
use spona_app::{App, AppError, ManualClock};
use std::io::IsTerminal;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Instant;

/// How far back the generated years begin.
const YEARS_BACK_SECONDS: i64 = 730 * 86_400;

/// Generates the scale on the app's database and makes it durable.
pub async fn run(app: &App, scale: u32) -> Result<()> {
    let plan = Plan::of_scale(scale);
    println!(
        "Generating scale {scale}: {} more teams, {} cases, {} activities, {} audit entries.",
        plan.teams, plan.cases, plan.activities, plan.audit_entries
    );
    let started = Instant::now();
    let clock = Arc::new(ManualClock::at(app.now_unix() - YEARS_BACK_SECONDS));
    let generator = app.clone().with_clock(clock.clone());
    let progress = Arc::new(Shown::new());
    let generated = generator
        .generate_scale(plan, clock, progress.clone())
        .await;
    progress.finish();
    let generated = match generated {
        Err(AppError::Conflict) => bail!(
            "this database already holds generated data; generate into a new data folder \
             (or an empty database)"
        ),
        other => other.map_err(problems::app)?,
    };
    app.db().gather_statistics().await?;
    app.db().make_durable().await?;
    let v = generated.volume;
    println!(
        "Generated in {:.0?}: {} teams, {} accounts, {} cases, {} referrals, {} activities, \
         {} audit entries (check them with `spona audit verify`).",
        started.elapsed(),
        v.teams,
        v.accounts,
        v.cases,
        v.referrals,
        v.activities,
        v.audit_entries
    );
    Ok(())
}

/// The generation's progress on standard error: a bar per stage on a terminal; otherwise a
/// line at each tenth of a stage.
struct Shown {
    bar: Mutex<Option<ProgressBar>>,
    terminal: bool,
    stage: Mutex<&'static str>,
    total: AtomicU64,
    done: AtomicU64,
    tenth_shown: AtomicU64,
}

impl Shown {
    fn new() -> Shown {
        Shown {
            bar: Mutex::new(None),
            terminal: std::io::stderr().is_terminal(),
            stage: Mutex::new(""),
            total: AtomicU64::new(0),
            done: AtomicU64::new(0),
            tenth_shown: AtomicU64::new(0),
        }
    }

    fn finish(&self) {
        if let Ok(mut bar) = self.bar.lock() {
            if let Some(bar) = bar.take() {
                bar.finish();
            }
        }
    }
}

fn name(stage: Stage) -> &'static str {
    match stage {
        Stage::Teams => "teams",
        Stage::Cases => "cases",
        Stage::Activities => "activities",
        Stage::Views => "audit entries",
        Stage::Reports => "periodic reports (teams)",
    }
}

impl Progress for Shown {
    fn stage(&self, stage: Stage, total: u64) {
        self.finish();
        self.total.store(total, Ordering::SeqCst);
        self.done.store(0, Ordering::SeqCst);
        self.tenth_shown.store(0, Ordering::SeqCst);
        if let Ok(mut shown) = self.stage.lock() {
            *shown = name(stage);
        }
        if self.terminal {
            let bar = ProgressBar::new(total);
            if let Ok(style) =
                ProgressStyle::with_template("{msg:>14} [{bar:40}] {pos}/{len} ({eta} left)")
            {
                bar.set_style(style.progress_chars("=> "));
            }
            bar.set_message(name(stage));
            if let Ok(mut slot) = self.bar.lock() {
                *slot = Some(bar);
            }
        } else {
            eprintln!("generating {} ({total})", name(stage));
        }
    }

    fn advance(&self, by: u64) {
        let done = self.done.fetch_add(by, Ordering::SeqCst) + by;
        if let Ok(bar) = self.bar.lock() {
            if let Some(bar) = bar.as_ref() {
                bar.set_position(done);
                return;
            }
        }
        let total = self.total.load(Ordering::SeqCst).max(1);
        let tenth = (done * 10 / total).min(10);
        if self.tenth_shown.fetch_max(tenth, Ordering::SeqCst) < tenth {
            let stage = self.stage.lock().map(|s| *s).unwrap_or("");
            eprintln!("  {stage}: {done} of {total}");
        }
    }
}

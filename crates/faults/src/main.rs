//! `spona-faults`: the crash-and-fault harness. It drives the real `spona` binary over
//! loopback through SIGKILLs, a full disk, I/O errors, a PostgreSQL outage and simultaneous
//! starts, and checks after each that nothing acknowledged was lost and nothing broke. Every
//! wait is bounded, and every server, mount and database it made is removed on every way out,
//! Ctrl-C included. See README, "Fault harness".
#![forbid(unsafe_code)]

mod checks;
mod client;
mod cycle;
mod deployment;
mod journal;
mod ledger;
mod logs;
mod outcome;
mod postgres;
mod rng;
mod scenarios;
mod server;
mod shim;
mod tmpfs;
mod traffic;

use anyhow::{bail, Context as _, Result};
use clap::Parser;
use outcome::{Figures, Findings, Verdict};
use scenarios::{Context, Scenario, Settings};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};
use tokio::signal::unix::{signal, SignalKind};

/// Crash-and-fault harness for the spona binary.
#[derive(Parser)]
#[command(name = "spona-faults", version)]
struct Options {
    /// The spona binary to drive (e.g. target/debug/spona)
    spona: PathBuf,
    /// The CI run (the default): ten kills and one cycle of every fault, a few minutes at most
    #[arg(long, conflicts_with = "long")]
    bounded: bool,
    /// The long run: 200 kills on SQLite, 50 on PostgreSQL, five cycles of every fault
    #[arg(long)]
    long: bool,
    /// Only these scenarios, comma-separated (default: every one; crashes-postgres only in
    /// the long run)
    #[arg(long, value_enum, value_delimiter = ',')]
    scenario: Vec<Scenario>,
    /// SIGKILLs on SQLite
    #[arg(long)]
    kills: Option<u32>,
    /// SIGKILLs on PostgreSQL
    #[arg(long)]
    postgres_kills: Option<u32>,
    /// Cycles of each fault (disk full, I/O errors, PostgreSQL outage) and rounds of
    /// simultaneous starts
    #[arg(long)]
    cycles: Option<u32>,
    /// The seed of kill moments and the write mix (printed by every run, to repeat one)
    #[arg(long)]
    seed: Option<u64>,
    /// Give up after this many minutes, whatever is still running
    #[arg(long)]
    deadline_minutes: Option<u64>,
}

#[tokio::main]
async fn main() -> ExitCode {
    let options = Options::parse();
    match run(options).await {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(e) => {
            eprintln!("spona-faults: {e:#}");
            ExitCode::from(2)
        }
    }
}

/// Runs the chosen scenarios; true when every one that ran passed and at least one ran.
async fn run(options: Options) -> Result<bool> {
    let bin = std::fs::canonicalize(&options.spona)
        .with_context(|| format!("no spona binary at {}", options.spona.display()))?;
    if !bin.is_file() {
        bail!("{} is not a file", bin.display());
    }
    let mut settings = if options.long {
        Settings::long()
    } else {
        Settings::bounded()
    };
    if let Some(k) = options.kills {
        settings.kills = k;
    }
    if let Some(k) = options.postgres_kills {
        settings.postgres_kills = k;
    }
    if let Some(c) = options.cycles {
        settings.cycles = c;
        settings.concurrent_rounds = c;
    }
    let chosen: Vec<Scenario> = if options.scenario.is_empty() {
        Scenario::ALL
            .into_iter()
            .filter(|s| options.long || *s != Scenario::CrashesPostgres)
            .collect()
    } else {
        options.scenario.clone()
    };
    let deadline = Duration::from_secs(
        60 * options
            .deadline_minutes
            .unwrap_or(if options.long { 240 } else { 10 }),
    );
    let seed = options.seed.unwrap_or_else(rng::fresh_seed);
    let mut log_dir = logs::LogDir::create()?;
    println!(
        "spona-faults: {} ({} run, seed {seed}); logs in {}",
        bin.display(),
        if options.long { "long" } else { "bounded" },
        log_dir.path().display()
    );
    let mut ctx = Context::new(
        bin,
        log_dir.path().to_path_buf(),
        settings,
        rng::Rng::new(seed),
    );

    let started = Instant::now();
    let mut results: Vec<(Scenario, Verdict)> = Vec::new();
    let mut figures = Figures::default();
    let mut interrupt = signal(SignalKind::interrupt()).context("cannot watch for Ctrl-C")?;
    let mut terminate = signal(SignalKind::terminate()).context("cannot watch for SIGTERM")?;
    let mut interrupted = None;
    for scenario in chosen {
        println!(
            "\n==> {} ({:.0} s into the run)",
            scenario.name(),
            started.elapsed().as_secs_f64()
        );
        let mut findings = Findings::default();
        let left = deadline.saturating_sub(started.elapsed());
        let scenario_started = Instant::now();
        // Dropping the scenario's future (on a signal or the deadline) drops its servers,
        // mounts and flags, which kill, unmount and lower them.
        tokio::select! {
            done = tokio::time::timeout(left, scenarios::run(scenario, &mut ctx, &mut findings)) => {
                match done {
                    Ok(Ok(())) => {}
                    Ok(Err(e)) => findings.fail(format!("the harness could not go on: {e:#}")),
                    Err(_) => findings.fail(format!(
                        "the run's deadline of {} minutes passed during this scenario",
                        deadline.as_secs() / 60
                    )),
                }
            }
            _ = interrupt.recv() => interrupted = Some("Ctrl-C"),
            _ = terminate.recv() => interrupted = Some("SIGTERM"),
        }
        if let Some(signal) = interrupted {
            findings.fail(format!("interrupted by {signal}"));
        }
        print!("{}", findings.report(scenario.name(), 12));
        println!("    ({:.0} s)", scenario_started.elapsed().as_secs_f64());
        figures.add(findings.figures);
        results.push((scenario, findings.verdict()));
        if interrupted.is_some() || started.elapsed() >= deadline {
            break;
        }
    }
    // The private PostgreSQL goes with the context.
    drop(ctx);

    let passed = results.iter().filter(|(_, v)| *v == Verdict::Pass).count();
    let failed = results.iter().filter(|(_, v)| *v == Verdict::Fail).count();
    println!("\nkills survived: {}", figures.kills_survived);
    println!("writes acknowledged: {}", figures.writes_acknowledged);
    println!("writes lost: {}", figures.writes_lost);
    println!(
        "spona-faults: {passed} passed, {failed} failed in {:.0} s",
        started.elapsed().as_secs_f64()
    );
    let ok = failed == 0 && passed > 0 && figures.writes_lost == 0;
    if ok {
        drop(log_dir);
    } else {
        log_dir.keep();
        println!("logs kept in {}", log_dir.path().display());
    }
    Ok(ok)
}

//! The scenarios, what a run of each is given, and how long and how hard each one pushes
//! (the bounded CI run and the long run differ only in these numbers).

pub mod concurrent;
pub mod crashes;
pub mod outage;
mod stage;
pub mod storage;

use crate::cycle::Hold;
use crate::outcome::Findings;
use crate::postgres::Cluster;
use crate::rng::Rng;
use anyhow::{Context as _, Result};
use clap::ValueEnum;
use std::path::PathBuf;
use std::time::Duration;

/// The scenarios, in the order a full run takes them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Scenario {
    /// SIGKILL `spona serve` on SQLite under writes, restart, check
    Crashes,
    /// The same on PostgreSQL (the server killed, not the database)
    CrashesPostgres,
    /// The data folder's disk fills up under writes, then frees up
    DiskFull,
    /// The data folder's writes fail with EROFS, then with EIO, then work again
    IoErrors,
    /// PostgreSQL stops for a while under traffic, then starts again
    PostgresOutage,
    /// Three instances start at once on one empty PostgreSQL database (and with --demo)
    ConcurrentStart,
}

impl Scenario {
    /// Every scenario.
    pub const ALL: [Scenario; 6] = [
        Scenario::Crashes,
        Scenario::CrashesPostgres,
        Scenario::DiskFull,
        Scenario::IoErrors,
        Scenario::PostgresOutage,
        Scenario::ConcurrentStart,
    ];

    /// Its name on the command line and in reports.
    pub fn name(self) -> &'static str {
        match self {
            Scenario::Crashes => "crashes",
            Scenario::CrashesPostgres => "crashes-postgres",
            Scenario::DiskFull => "disk-full",
            Scenario::IoErrors => "io-errors",
            Scenario::PostgresOutage => "postgres-outage",
            Scenario::ConcurrentStart => "concurrent-start",
        }
    }
}

/// How hard and how long the scenarios push.
#[derive(Clone, Debug)]
pub struct Settings {
    /// SIGKILLs on SQLite.
    pub kills: u32,
    /// SIGKILLs on PostgreSQL.
    pub postgres_kills: u32,
    /// A kill comes this long after the server is back (drawn at random in between).
    pub kill_after: (Duration, Duration),
    /// Disk-full cycles, I/O-error cycles (each EROFS then EIO), PostgreSQL outages.
    pub cycles: u32,
    /// How long a storage fault is held.
    pub hold: Hold,
    /// How long PostgreSQL stays down.
    pub outage: Duration,
    /// Rounds of simultaneous starts (each: plain, then with --demo).
    pub concurrent_rounds: u32,
    /// Time limit of one request.
    pub timeout: Duration,
    /// Traffic before the first fault.
    pub warm_up: Duration,
}

impl Settings {
    /// The CI run: about ten kills and one cycle of everything, well under three minutes.
    pub fn bounded() -> Settings {
        Settings {
            kills: 10,
            postgres_kills: 5,
            kill_after: (Duration::from_millis(300), Duration::from_millis(2000)),
            cycles: 1,
            hold: Hold {
                at_least: Duration::from_secs(4),
                refusals: 3,
                at_most: Duration::from_secs(12),
            },
            outage: Duration::from_secs(10),
            concurrent_rounds: 1,
            timeout: Duration::from_secs(10),
            warm_up: Duration::from_millis(1500),
        }
    }

    /// The long run: hundreds of kills and several cycles of every fault.
    pub fn long() -> Settings {
        Settings {
            kills: 200,
            postgres_kills: 50,
            kill_after: (Duration::from_millis(100), Duration::from_millis(5000)),
            cycles: 5,
            hold: Hold {
                at_least: Duration::from_secs(10),
                refusals: 10,
                at_most: Duration::from_secs(30),
            },
            outage: Duration::from_secs(15),
            concurrent_rounds: 5,
            timeout: Duration::from_secs(10),
            warm_up: Duration::from_secs(3),
        }
    }
}

/// What every scenario is given.
pub struct Context {
    /// The `spona` binary under test.
    pub bin: PathBuf,
    /// The run's log folder.
    pub logs: PathBuf,
    pub settings: Settings,
    pub rng: Rng,
    /// The private PostgreSQL, started by the first scenario that needs it.
    cluster: Option<Cluster>,
}

/// How long a server may take to start serving (a fresh demo in a debug build included).
pub const START_LIMIT: Duration = Duration::from_secs(60);

impl Context {
    /// The context of a run.
    pub fn new(bin: PathBuf, logs: PathBuf, settings: Settings, rng: Rng) -> Context {
        Context {
            bin,
            logs,
            settings,
            rng,
            cluster: None,
        }
    }

    /// The private PostgreSQL, started on first use.
    pub async fn cluster(&mut self, findings: &mut Findings) -> Result<&Cluster> {
        if self.cluster.is_none() {
            let cluster = Cluster::start_new(&self.logs.join("postgres.log"))
                .await
                .context("cannot start a private PostgreSQL")?;
            self.cluster = Some(cluster);
        }
        let cluster = self
            .cluster
            .as_ref()
            .context("the private PostgreSQL is missing")?;
        findings.log(cluster.log());
        Ok(cluster)
    }

    /// A fresh working folder for a scenario (removed when dropped).
    pub fn work_dir(&self, scenario: &str) -> Result<tempfile::TempDir> {
        tempfile::Builder::new()
            .prefix(&format!("spona-faults-{scenario}."))
            .tempdir()
            .context("cannot create a working folder")
    }

    /// A fresh database name on the private PostgreSQL.
    pub fn database_name(&mut self) -> String {
        format!("spona_faults_{}", self.rng.tag())
    }
}

/// Runs one scenario into `findings`; an error means the harness could not go on.
pub async fn run(scenario: Scenario, ctx: &mut Context, findings: &mut Findings) -> Result<()> {
    match scenario {
        Scenario::Crashes => crashes::run(ctx, findings, false).await,
        Scenario::CrashesPostgres => crashes::run(ctx, findings, true).await,
        Scenario::DiskFull => storage::run(ctx, findings, storage::Kind::DiskFull).await,
        Scenario::IoErrors => storage::run(ctx, findings, storage::Kind::IoErrors).await,
        Scenario::PostgresOutage => outage::run(ctx, findings).await,
        Scenario::ConcurrentStart => concurrent::run(ctx, findings).await,
    }
}

//! One run on one engine: the ceilings first, then Spona started, its users signed in, its
//! pages found, each page measured alone, then all of them at once as a weighted mix.

use crate::ceiling::{Ceiling, Engine, SCRATCH};
use crate::checks::checks;
use crate::load::{Generator, Plan, Request, Summary, Workload};
use crate::pages::{discover, names, users_of, People, Target};
use crate::results::{PageResult, Results, ServerFacts};
use crate::share::{Ceilings, Cost};
use crate::spona::{beside, device_of, CpuReading, CpuSpent, Spona};
use anyhow::{Context, Result};
use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;
use tokio::runtime::Handle;

/// What to run.
#[derive(Clone, Debug)]
pub struct Options {
    /// The `spona` binary.
    pub spona: PathBuf,
    /// Its data folder (the SQLite database, or with PostgreSQL only keys and settings).
    pub data_dir: PathBuf,
    /// PostgreSQL instead of the data folder's SQLite.
    pub postgres: Option<String>,
    pub connections: usize,
    pub measured: Duration,
    pub warm_up: Duration,
    /// Only these pages (and `mix`); the ceilings are always measured.
    pub only: Option<Vec<String>>,
}

impl Options {
    fn plan(&self) -> Plan {
        Plan {
            connections: self.connections,
            warm_up: self.warm_up,
            measured: self.measured,
        }
    }

    fn wanted(&self, name: &str) -> bool {
        self.only
            .as_ref()
            .is_none_or(|only| only.iter().any(|o| o == name))
    }
}

/// Runs everything; the load on `load`, the ceiling's server on `ceiling`.
pub async fn run(options: &Options, load: &Generator, ceiling: &Handle) -> Result<Results> {
    check_only(options)?;
    let (ceilings, ceiling_runs) = measure_ceilings(options, load, ceiling).await?;
    eprintln!("starting {}", options.spona.display());
    let spona = Spona::start(
        &options.spona,
        &options.data_dir,
        options.postgres.as_deref(),
    )
    .await?;
    let outcome = measure_spona(options, load, &spona, ceilings).await;
    let tail = spona.log_tail();
    spona.stop()?;
    let (server, pages, mix, sign_in_failures) =
        outcome.with_context(|| format!("the run failed; spona's last lines:\n{tail}"))?;
    let checks = checks(&pages, &server);
    Ok(Results {
        engine: if options.postgres.is_some() {
            "postgresql".into()
        } else {
            "sqlite".into()
        },
        connections: options.connections,
        seconds: options.measured.as_secs_f64(),
        warm_up_seconds: options.warm_up.as_secs_f64(),
        ceilings,
        ceiling_runs,
        server,
        pages,
        mix,
        sign_in_failures,
        checks,
    })
}

/// Refuses a name in `--only` that is no page's, before anything is started.
fn check_only(options: &Options) -> Result<()> {
    let known: Vec<&str> = names().chain(["mix"]).collect();
    let unknown: Vec<&String> = options
        .only
        .iter()
        .flatten()
        .filter(|name| !known.contains(&name.as_str()))
        .collect();
    if unknown.is_empty() {
        Ok(())
    } else {
        anyhow::bail!(
            "no page is called {unknown:?}; the pages are: {}",
            known.join(", ")
        )
    }
}

/// The read and insert ceilings on the engine Spona uses.
async fn measure_ceilings(
    options: &Options,
    load: &Generator,
    handle: &Handle,
) -> Result<(Ceilings, Vec<PageResult>)> {
    let engine = match &options.postgres {
        Some(url) => Engine::Postgres {
            url: url.clone(),
            scratch: SCRATCH.into(),
        },
        None => {
            let near = beside(&options.data_dir);
            if device_of(&near) != device_of(&options.data_dir) {
                eprintln!(
                    "  note: {} is on another file system than the data; the insert ceiling may not match",
                    near.display()
                );
            }
            Engine::Sqlite { near }
        }
    };
    eprintln!("measuring the ceiling ({engine:?})");
    let server = Ceiling::start(handle, engine).await?;
    let read = Request::get("/read", None);
    let insert = Request::post("/insert", None, crate::load::Body::Fixed("row=1".into()));
    let reads = timed(load, server.addr, None, &Workload::single(read), options).await;
    let inserts = timed(load, server.addr, None, &Workload::single(insert), options).await;
    server.stop().await?;
    let ((reads, read_cpu), (inserts, insert_cpu)) = (reads?, inserts?);
    let ceilings = Ceilings {
        read: reads.requests_per_second,
        insert: inserts.requests_per_second,
    };
    let row = |name: &str, what: &str, summary: Summary, cpu: CpuSpent| PageResult {
        name: name.into(),
        user: "-".into(),
        what: what.into(),
        cost: None,
        summary: Some(summary),
        share_percent: None,
        // The ceiling's server is this process, whose time is not told apart from the load's.
        server_cpu_seconds: None,
        other_cpu_seconds: Some(cpu.others),
        skipped: None,
    };
    Ok((
        ceilings,
        vec![
            row("ceiling-read", "GET /read", reads, read_cpu),
            row("ceiling-insert", "POST /insert", inserts, insert_cpu),
        ],
    ))
}

type SponaFindings = (
    ServerFacts,
    Vec<PageResult>,
    Option<PageResult>,
    Vec<String>,
);

/// Spona's pages alone and mixed, and its resources.
async fn measure_spona(
    options: &Options,
    load: &Generator,
    spona: &Spona,
    ceilings: Ceilings,
) -> Result<SponaFindings> {
    // A moment to settle (its first jobs run at start) before the idle memory is read.
    tokio::time::sleep(Duration::from_millis(500)).await;
    let idle = spona.usage()?;
    // The mix needs every page; otherwise only the pages asked for, and their users.
    let needed = |name: &str| options.wanted("mix") || options.wanted(name);
    let people = People::sign_in(&spona.base(), &users_of(needed)).await;
    let targets = discover(&people, needed).await;
    let mut pages = Vec::new();
    for target in targets.iter().filter(|t| options.wanted(t.name)) {
        pages.push(measure(options, load, spona, ceilings, target).await?);
    }
    let mix = if options.wanted("mix") {
        Some(measure_mix(options, load, spona, &targets).await?)
    } else {
        None
    };
    let end = spona.usage()?;
    let server = ServerFacts {
        start_seconds: spona.started_in.as_secs_f64(),
        idle_rss_kb: idle.rss_kb,
        peak_rss_kb: end.peak_rss_kb,
        cpu_seconds: end.cpu_seconds,
    };
    Ok((server, pages, mix, people.failures()))
}

/// One page alone.
async fn measure(
    options: &Options,
    load: &Generator,
    spona: &Spona,
    ceilings: Ceilings,
    target: &Target,
) -> Result<PageResult> {
    let mut result = PageResult {
        name: target.name.into(),
        user: target.user.into(),
        what: target.what(),
        cost: Some(target.cost),
        summary: None,
        share_percent: None,
        server_cpu_seconds: None,
        other_cpu_seconds: None,
        skipped: None,
    };
    let request = match &target.found {
        Ok(request) => request.clone(),
        Err(why) => {
            eprintln!("skipping {}: {}", target.name, why.why());
            result.skipped = Some(why.clone());
            return Ok(result);
        }
    };
    eprintln!(
        "measuring {} ({} as {})",
        target.name, result.what, target.user
    );
    let workload = Workload::single(request);
    let (summary, cpu) = timed(load, spona.addr, Some(spona.pid()), &workload, options).await?;
    result.share_percent = ceilings.share(target.cost, summary.requests_per_second);
    result.summary = Some(summary);
    result.server_cpu_seconds = Some(cpu.server);
    result.other_cpu_seconds = Some(cpu.others);
    Ok(result)
}

/// Every page found, at once, by their weights.
async fn measure_mix(
    options: &Options,
    load: &Generator,
    spona: &Spona,
    targets: &[Target],
) -> Result<PageResult> {
    let weighted: Vec<(Request, u32)> = targets
        .iter()
        .filter_map(|t| t.found.as_ref().ok().map(|r| (r.clone(), t.weight)))
        .collect();
    let names: Vec<&str> = targets
        .iter()
        .filter(|t| t.found.is_ok())
        .map(|t| t.name)
        .collect();
    eprintln!("measuring the mix of {} pages", names.len());
    let workload = Workload::mix(&weighted);
    let (summary, cpu) = timed(load, spona.addr, Some(spona.pid()), &workload, options).await?;
    let writes = targets
        .iter()
        .filter(|t| t.found.is_ok() && t.cost == Cost::Writes)
        .count();
    Ok(PageResult {
        name: "mix".into(),
        user: "(all)".into(),
        what: format!("{} pages, {writes} of them writing", names.len()),
        cost: None,
        summary: Some(summary),
        share_percent: None,
        server_cpu_seconds: Some(cpu.server),
        other_cpu_seconds: Some(cpu.others),
        skipped: None,
    })
}

/// A load, and the processor time the server (`server`'s process) and the machine's other
/// processes spent during it.
async fn timed(
    load: &Generator,
    addr: SocketAddr,
    server: Option<u32>,
    workload: &Workload,
    options: &Options,
) -> Result<(Summary, CpuSpent)> {
    let before = CpuReading::now(server)?;
    let summary = load.run(addr, workload, options.plan()).await?;
    let after = CpuReading::now(server)?;
    Ok((summary, after.since(&before)))
}

//! Several instances started together, as a deployment behind a load balancer comes up: three
//! `spona serve` processes on one fresh, empty PostgreSQL database, started at the same moment
//! on different ports, sharing the master key through `SPONA_MASTER_KEY`. All three must
//! serve, and exactly one first-administrator link may be printed among them; with `--demo`,
//! all three serve and the database holds the demo exactly once (the same rows as one
//! instance seeding alone) with an audit chain that verifies.

use super::{Context, START_LIMIT};
use crate::checks;
use crate::deployment::{Deployment, Engine};
use crate::outcome::Findings;
use crate::server::{self, Server};
use anyhow::{Context as _, Result};
use base64::Engine as _;
use sqlx::{AnyConnection, Connection};
use std::io::Read;
use std::time::Duration;

/// How many instances start together.
const INSTANCES: usize = 3;
/// The tables the demo fills, compared with a demo seeded by one instance alone.
const DEMO_TABLES: [&str; 11] = [
    "teams",
    "institutions",
    "users",
    "members",
    "venues",
    "cases",
    "referrals",
    "case_tasks",
    "activities",
    "trainings",
    "meetings",
];

/// Runs the rounds of simultaneous starts.
pub async fn run(ctx: &mut Context, findings: &mut Findings) -> Result<()> {
    for round in 1..=ctx.settings.concurrent_rounds {
        first_start(ctx, findings, round).await?;
        demo_start(ctx, findings, round).await?;
    }
    if !findings.failed() {
        findings.headline(format!(
            "{} rounds of {INSTANCES} simultaneous starts, plain and with --demo: all served, one administrator link, one demo",
            ctx.settings.concurrent_rounds
        ));
    }
    Ok(())
}

/// Three plain first starts: one administrator link in total.
async fn first_start(ctx: &mut Context, findings: &mut Findings, round: u32) -> Result<()> {
    let database = ctx.database_name();
    ctx.cluster(findings)
        .await?
        .create_database(&database)
        .await?;
    let work = ctx.work_dir("concurrent-start")?;
    let deployment =
        shared_deployment(ctx, findings, &work, &database, "first-start", round).await?;
    let mut servers = start_together(&deployment, false)?;
    let served = wait_all(&mut servers, findings, "first start").await;
    let links: usize = servers
        .iter()
        .map(|s| {
            std::fs::read_to_string(s.stdout_path())
                .unwrap_or_default()
                .lines()
                .filter(|l| l.contains("/password/"))
                .count()
        })
        .sum();
    findings.check(links == 1, || {
        format!(
            "round {round}, first start: {links} first-administrator links were printed by {served} of {INSTANCES} instances (expected exactly one)"
        )
    });
    stop_all(&mut servers).await?;
    ctx.cluster(findings)
        .await?
        .drop_database(&database)
        .await?;
    Ok(())
}

/// Three demo starts: the demo seeded once.
async fn demo_start(ctx: &mut Context, findings: &mut Findings, round: u32) -> Result<()> {
    let database = ctx.database_name();
    let reference = ctx.database_name();
    let cluster = ctx.cluster(findings).await?;
    cluster.create_database(&database).await?;
    cluster.create_database(&reference).await?;
    let work = ctx.work_dir("concurrent-start")?;
    let deployment =
        shared_deployment(ctx, findings, &work, &database, "demo-start", round).await?;
    let mut servers = start_together(&deployment, true)?;
    let served = wait_all(&mut servers, findings, "demo start").await;
    if served == INSTANCES {
        let mut alone = deployment.clone();
        alone.engine = Engine::Postgres {
            url: ctx.cluster(findings).await?.url(&reference),
        };
        alone.spec.database_url = Some(ctx.cluster(findings).await?.url(&reference));
        let (seeded, said) =
            server::run_command(&alone.spec, &["demo"], Duration::from_secs(120)).await?;
        anyhow::ensure!(
            seeded,
            "spona demo failed on the reference database: {said}"
        );
        compare_with_reference(&deployment, &alone, findings, round).await?;
        if let Some(broken) = checks::audit_verify(&deployment).await? {
            findings.fail(format!("round {round}, demo start: {broken}"));
        }
    }
    stop_all(&mut servers).await?;
    let cluster = ctx.cluster(findings).await?;
    cluster.drop_database(&database).await?;
    cluster.drop_database(&reference).await?;
    Ok(())
}

/// A deployment on `database` whose instances share the master key and no disk.
async fn shared_deployment(
    ctx: &mut Context,
    findings: &mut Findings,
    work: &tempfile::TempDir,
    database: &str,
    name: &str,
    round: u32,
) -> Result<Deployment> {
    let url = ctx.cluster(findings).await?.url(database);
    let mut deployment = Deployment::new(
        &ctx.bin,
        &format!("{name}-{round}"),
        work.path().to_path_buf(),
        Engine::Postgres { url },
        &ctx.logs,
    );
    deployment.spec.env = vec![("SPONA_MASTER_KEY".into(), master_key()?)];
    Ok(deployment)
}

/// Starts the instances one right after the other (microseconds apart), each with a data
/// folder of its own.
fn start_together(deployment: &Deployment, demo: bool) -> Result<Vec<Server>> {
    let mut servers = Vec::new();
    for i in 1..=INSTANCES {
        let mut spec = deployment.spec.clone();
        spec.name = format!("{}-{i}", spec.name);
        spec.data_dir = spec.data_dir.join(format!("instance-{i}"));
        spec.demo = demo;
        servers.push(Server::new(spec, server::free_port()?));
    }
    for server in &mut servers {
        server.start()?;
    }
    Ok(servers)
}

/// Waits for every instance; each one that does not serve is a failure. Returns how many do.
async fn wait_all(servers: &mut [Server], findings: &mut Findings, what: &str) -> usize {
    let mut served = 0;
    for (i, server) in servers.iter_mut().enumerate() {
        match server.wait_healthy(START_LIMIT).await {
            Ok(_) => served += 1,
            Err(e) => {
                findings.fail(format!(
                    "{what}: instance {} of {INSTANCES} did not come up: {e}",
                    i + 1
                ));
                findings.log(server.stderr_path());
            }
        }
    }
    served
}

async fn stop_all(servers: &mut [Server]) -> Result<()> {
    for server in servers.iter_mut() {
        server.kill().await?;
    }
    Ok(())
}

/// The database seeded by three instances holds what one instance alone seeds.
async fn compare_with_reference(
    together: &Deployment,
    alone: &Deployment,
    findings: &mut Findings,
    round: u32,
) -> Result<()> {
    let mut a = together.read().await?;
    let mut b = alone.read().await?;
    let teams: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM teams WHERE code = 'leskovac'")
        .fetch_one(&mut a)
        .await
        .context("cannot count the demo teams")?;
    findings.check(teams == 1, || {
        format!("round {round}, demo start: {teams} Leskovac demo teams (expected exactly one)")
    });
    let mut differ = Vec::new();
    for table in DEMO_TABLES {
        let sql = format!("SELECT COUNT(*) FROM {table}");
        let got = count(&mut a, &sql).await?;
        let want = count(&mut b, &sql).await?;
        if got != want {
            differ.push(format!("{table} {got} (alone {want})"));
        }
    }
    findings.check(differ.is_empty(), || {
        format!(
            "round {round}, demo start: the demo was not seeded exactly once: {}",
            differ.join(", ")
        )
    });
    let _ = a.close().await;
    let _ = b.close().await;
    Ok(())
}

async fn count(conn: &mut AnyConnection, sql: &str) -> Result<i64> {
    sqlx::query_scalar(sql)
        .fetch_one(conn)
        .await
        .with_context(|| format!("cannot run {sql}"))
}

/// A fresh master key from the operating system, in the form `SPONA_MASTER_KEY` takes.
fn master_key() -> Result<String> {
    let mut bytes = [0u8; 32];
    std::fs::File::open("/dev/urandom")
        .and_then(|mut f| f.read_exact(&mut bytes))
        .context("cannot read /dev/urandom")?;
    Ok(base64::engine::general_purpose::STANDARD.encode(bytes))
}

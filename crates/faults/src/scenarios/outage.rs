//! PostgreSQL stopped and started under traffic: the harness's own PostgreSQL goes down
//! (fast shutdown: every connection cut) for a while and comes back. Meanwhile requests must
//! be refused with 503, never 500 and never left hanging; afterwards writes succeed again
//! without restarting Spona, and everyone signed in before is still signed in (the same
//! cookie reaches `/dashboard`, not `/login`).

use super::stage::Stage;
use super::Context;
use crate::client::Session;
use crate::cycle::{Fault, Hold};
use crate::deployment::{Deployment, Engine};
use crate::outcome::Findings;
use crate::postgres::Cluster;
use crate::traffic::Plan;
use anyhow::Result;

/// Runs the outage scenario on a fresh database of the private PostgreSQL.
pub async fn run(ctx: &mut Context, findings: &mut Findings) -> Result<()> {
    let work = ctx.work_dir("postgres-outage")?;
    let database = ctx.database_name();
    ctx.cluster(findings)
        .await?
        .create_database(&database)
        .await?;
    let url = ctx.cluster(findings).await?.url(&database);
    let deployment = Deployment::new(
        &ctx.bin,
        "postgres-outage",
        work.path().join("data"),
        Engine::Postgres { url },
        &ctx.logs,
    );
    let outcome = outages(ctx, findings, deployment).await;
    // Up again whatever happened, to drop the database.
    let cluster = ctx.cluster(findings).await?;
    cluster.ensure_running().await?;
    cluster.drop_database(&database).await?;
    outcome
}

async fn outages(ctx: &mut Context, findings: &mut Findings, deployment: Deployment) -> Result<()> {
    let settings = ctx.settings.clone();
    let mut stage = Stage::open(
        deployment,
        Plan::standard(true),
        &mut ctx.rng,
        settings.timeout,
        findings,
    )
    .await?;
    tokio::time::sleep(settings.warm_up).await;
    let hold = Hold {
        at_least: settings.outage,
        refusals: 0,
        at_most: settings.outage,
    };
    for n in 1..=settings.cycles {
        let mut outage = Stopped {
            cluster: ctx.cluster(findings).await?,
        };
        stage.cycle(&mut outage, hold, findings).await?;
        let sessions = stage.traffic.sessions().iter().map(|s| s.as_ref());
        still_signed_in(sessions.chain([&stage.owner]), findings, n).await;
    }
    stage.close(findings, "outages").await
}

/// Every user signed in before the outage reaches the dashboard with the same cookie.
async fn still_signed_in<'a>(
    sessions: impl Iterator<Item = &'a Session>,
    findings: &mut Findings,
    n: u32,
) {
    let mut out = Vec::new();
    for session in sessions {
        match session.get("/dashboard").await {
            Ok(page) if page.status == 200 => {}
            Ok(page) => out.push(format!(
                "{} ({} {})",
                session.user,
                page.status,
                page.location.unwrap_or_default()
            )),
            Err(e) => out.push(format!("{} ({})", session.user, e.error)),
        }
    }
    findings.check(out.is_empty(), || {
        format!(
            "after outage {n}, users signed in before no longer reach /dashboard: {}",
            out.join(", ")
        )
    });
}

/// PostgreSQL is down.
struct Stopped<'a> {
    cluster: &'a Cluster,
}

impl Fault for Stopped<'_> {
    fn name(&self) -> String {
        "PostgreSQL stopped".into()
    }

    async fn inject(&mut self) -> Result<()> {
        self.cluster.stop().await
    }

    async fn clear(&mut self) -> Result<()> {
        self.cluster.start().await
    }
}

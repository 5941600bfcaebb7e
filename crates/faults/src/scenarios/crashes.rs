//! Crashes: `spona serve --demo` under a write mix from several signed-in users is killed with
//! SIGKILL at random moments and started again, again and again. After every restart, before
//! any new write: the SQLite file is intact, the audit chain verifies, the invariants hold,
//! every write acknowledged before the kill is there, and the latest cases still open with
//! their encrypted narrative. While the server is up, every request must succeed.

use super::stage::Stage;
use super::{Context, START_LIMIT};
use crate::checks;
use crate::cycle;
use crate::deployment::{Deployment, Engine};
use crate::journal::{histogram, Record, Seen};
use crate::ledger::{Created, Ledger};
use crate::outcome::Findings;
use crate::traffic::Plan;
use anyhow::Result;
use std::collections::BTreeSet;
use std::time::Duration;

/// Runs the crash scenario on SQLite, or on the private PostgreSQL.
pub async fn run(ctx: &mut Context, findings: &mut Findings, postgres: bool) -> Result<()> {
    let work = ctx.work_dir("crashes")?;
    let (engine, database, kills, name) = if postgres {
        let database = ctx.database_name();
        let cluster = ctx.cluster(findings).await?;
        cluster.create_database(&database).await?;
        let url = cluster.url(&database);
        (
            Engine::Postgres { url },
            Some(database),
            ctx.settings.postgres_kills,
            "crashes-postgres",
        )
    } else {
        (Engine::Sqlite, None, ctx.settings.kills, "crashes")
    };
    let deployment = Deployment::new(&ctx.bin, name, work.path().join("data"), engine, &ctx.logs);
    let outcome = kill_again_and_again(ctx, findings, &deployment, kills).await;
    if let Some(database) = database {
        ctx.cluster(findings)
            .await?
            .drop_database(&database)
            .await?;
    }
    outcome
}

async fn kill_again_and_again(
    ctx: &mut Context,
    findings: &mut Findings,
    deployment: &Deployment,
    kills: u32,
) -> Result<()> {
    let settings = ctx.settings.clone();
    let stage = Stage::open(
        deployment.clone(),
        Plan::standard(false),
        &mut ctx.rng,
        settings.timeout,
        findings,
    )
    .await?;
    let Stage {
        mut server,
        journal,
        ledger,
        owner,
        mut traffic,
        ..
    } = stage;

    let mut up_since = journal.now();
    let mut up: Vec<(Duration, Duration)> = Vec::new();
    let mut lost: BTreeSet<String> = BTreeSet::new();
    let mut survived = 0u64;
    let mut early_kills = 0u64;
    for kill in 1..=kills {
        let (low, high) = settings.kill_after;
        tokio::time::sleep(ctx.rng.between(low, high)).await;
        if let Some(status) = server.exit_status() {
            findings.fail(format!(
                "the server exited by itself ({status}) before kill {kill}"
            ));
            break;
        }
        let killed_at = journal.now();
        server.kill().await?;
        up.push((up_since, killed_at));
        traffic.pause().await?;
        ledger.next_life();
        server.start()?;
        // Now and then the restart itself is killed, while it recovers the database.
        let mut round = 1;
        if ctx.rng.below(4) == 0 {
            let early = ctx.rng.between(Duration::ZERO, Duration::from_millis(150));
            tokio::time::sleep(early).await;
            server.kill().await?;
            early_kills += 1;
            round += 1;
            server.start()?;
        }
        if let Err(e) = server.wait_healthy(START_LIMIT).await {
            findings.fail(format!("after kill {kill}: {e}"));
            break;
        }
        let when = format!("after kill {kill}");
        let failed_before = findings.failed();
        let missing = checks::stored_data(deployment, &ledger, findings, &when).await?;
        lost.extend(missing);
        checks::narratives(&owner, &ledger, kill, 5, findings, &when).await;
        if findings.failed() && !failed_before {
            // Later kills would only repeat the same breakage.
            break;
        }
        survived += round;
        up_since = journal.now();
        traffic.resume();
    }
    traffic.stop().await;
    up.push((up_since, journal.now()));
    server.kill().await?;

    let records = journal.snapshot();
    judge(&records, &up, findings);
    let cut = records
        .iter()
        .filter(|r| matches!(r.seen, Seen::NoAnswer(_)))
        .count();
    findings.note(format!(
        "{cut} requests were under way when a kill cut them off; {early_kills} of the kills \
         hit a restart while it was starting"
    ));
    findings.figures.kills_survived = survived;
    findings.figures.writes_acknowledged = ledger.len() as u64;
    findings.figures.writes_lost = lost.len() as u64;
    findings.headline(format!(
        "{survived} of {} kills survived, {} writes acknowledged ({}), {} lost",
        u64::from(kills) + early_kills,
        ledger.len(),
        mix(&ledger),
        lost.len()
    ));
    Ok(())
}

/// Requests while the server was up must all succeed; an answer that is an error is wrong
/// whenever it came, since a SIGKILL cuts connections and never answers anything.
fn judge(records: &[Record], up: &[(Duration, Duration)], findings: &mut Findings) {
    let inside = |r: &Record| up.iter().any(|(from, to)| r.at >= *from && r.end() <= *to);
    let (during, around): (Vec<&Record>, Vec<&Record>) = records.iter().partition(|r| inside(r));
    cycle::healthy(&during, findings, "while the server was up");
    let wrong: Vec<&Record> = around
        .into_iter()
        .filter(|r| match &r.seen {
            Seen::Status { code, to_sign_in } => *code >= 500 || *to_sign_in,
            Seen::Wrong(_) => true,
            Seen::NoAnswer(_) => false,
        })
        .collect();
    findings.check(wrong.is_empty(), || {
        format!(
            "{} requests around the kills answered with an error or a sign-out: {}",
            wrong.len(),
            histogram(wrong.iter().copied())
        )
    });
}

/// The acknowledged writes by kind: "412 cases (130 children), 40 referrals, …".
fn mix(ledger: &Ledger) -> String {
    let (mut cases, mut children, mut referrals, mut answers, mut activities) = (0, 0, 0, 0, 0);
    for a in ledger.entries() {
        match a.created {
            Created::Case { child, .. } => {
                cases += 1;
                children += usize::from(child);
            }
            Created::Referral { .. } => referrals += 1,
            Created::Answer { .. } => answers += 1,
            Created::Activity { .. } => activities += 1,
        }
    }
    format!(
        "{cases} cases of which {children} children, {referrals} referrals, {answers} acceptances, {activities} activities"
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::journal::Op;

    fn rec(at_ms: u64, took_ms: u64, seen: Seen) -> Record {
        Record {
            op: Op::Report,
            user: "le-police",
            at: Duration::from_millis(at_ms),
            took: Duration::from_millis(took_ms),
            seen,
        }
    }

    #[test]
    fn cut_connections_at_a_kill_are_expected_but_errors_never_are() {
        let up = [
            (Duration::ZERO, Duration::from_secs(2)),
            (Duration::from_secs(3), Duration::from_secs(5)),
        ];
        let ok = Seen::Status {
            code: 303,
            to_sign_in: false,
        };
        let mut records = vec![
            rec(100, 50, ok.clone()),
            rec(1_990, 50, Seen::NoAnswer("connection failed".into())),
            rec(3_100, 50, ok),
        ];
        let mut f = Findings::default();
        judge(&records, &up, &mut f);
        assert!(!f.failed(), "{}", f.report("crashes", 0));

        records.push(rec(
            4_000,
            10,
            Seen::Status {
                code: 500,
                to_sign_in: false,
            },
        ));
        records.push(rec(
            1_995,
            10,
            Seen::Status {
                code: 303,
                to_sign_in: true,
            },
        ));
        let mut f = Findings::default();
        judge(&records, &up, &mut f);
        let text = f.report("crashes", 0);
        assert!(text.contains("while the server was up: 1 of 3"), "{text}");
        assert!(text.contains("1 requests around the kills"), "{text}");
    }
}

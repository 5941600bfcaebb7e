//! What must hold after any fault: the SQLite file is intact, the audit chain verifies with
//! the real `spona audit verify`, the domain's invariants hold, every acknowledged write is
//! there, and the latest cases still open with their encrypted narrative.

mod invariants;

use crate::client::Session;
use crate::deployment::{Deployment, Engine};
use crate::ledger::{Created, Ledger};
use crate::outcome::Findings;
use crate::server;
use anyhow::{Context, Result};
use sqlx::{AnyConnection, Connection};
use std::time::Duration;

/// How long `spona audit verify` may take.
const VERIFY_LIMIT: Duration = Duration::from_secs(120);

/// `PRAGMA integrity_check` of the SQLite file: empty when it says `ok`.
pub async fn integrity(conn: &mut AnyConnection) -> Result<Vec<String>> {
    let rows: Vec<String> = sqlx::query_scalar("PRAGMA integrity_check")
        .fetch_all(&mut *conn)
        .await
        .context("cannot run PRAGMA integrity_check")?;
    Ok(if rows == ["ok"] { Vec::new() } else { rows })
}

/// Runs `spona audit verify` on the deployment: None when it exits 0, else what it said.
pub async fn audit_verify(deployment: &Deployment) -> Result<Option<String>> {
    let (ok, said) =
        server::run_command(&deployment.spec, &["audit", "verify"], VERIFY_LIMIT).await?;
    Ok((!ok).then(|| {
        let last = said.lines().last().unwrap_or("(nothing)").to_string();
        format!("spona audit verify failed: {last}")
    }))
}

/// Every check against the stored data, each failure added to `findings` prefixed with
/// `when`. Returns the acknowledged writes not found, described.
pub async fn stored_data(
    deployment: &Deployment,
    ledger: &Ledger,
    findings: &mut Findings,
    when: &str,
) -> Result<Vec<String>> {
    let mut conn = deployment.read().await?;
    if matches!(deployment.engine, Engine::Sqlite) {
        for row in integrity(&mut conn).await? {
            findings.fail(format!("{when}: PRAGMA integrity_check: {row}"));
        }
    }
    let missing = ledger.missing(&mut conn).await?;
    for broken in invariants::broken(&mut conn).await? {
        findings.fail(format!("{when}: {broken}"));
    }
    let _ = conn.close().await;
    if !missing.is_empty() {
        findings.fail(format!(
            "{when}: {} acknowledged writes lost, e.g. {}",
            missing.len(),
            missing
                .iter()
                .take(3)
                .cloned()
                .collect::<Vec<_>>()
                .join("; ")
        ));
    }
    if let Some(broken) = audit_verify(deployment).await? {
        findings.fail(format!("{when}: {broken}"));
    }
    Ok(missing)
}

/// Opens acknowledged cases as their owner and looks for each one's marker in the decrypted
/// narrative: proof that the sealed parts and their key survived, not only the row.
pub async fn narratives(
    owner: &Session,
    ledger: &Ledger,
    since_life: u32,
    at_most: usize,
    findings: &mut Findings,
    when: &str,
) {
    let cases: Vec<(i64, String)> = ledger
        .entries()
        .into_iter()
        .filter(|a| a.life >= since_life)
        .filter_map(|a| match a.created {
            Created::Case { id, marker, .. } => Some((id, marker)),
            _ => None,
        })
        .collect();
    // The latest ones: the closest to the fault.
    let mut wrong = Vec::new();
    for (id, marker) in cases.iter().rev().take(at_most) {
        match owner.get(&format!("/cases/{id}")).await {
            Ok(page) if page.status == 200 && page.body.contains(marker.as_str()) => {}
            Ok(page) if page.status == 200 => wrong.push(format!("{id} (no marker {marker})")),
            Ok(page) => wrong.push(format!("{id} ({})", page.status)),
            Err(e) => wrong.push(format!("{id} ({})", e.error)),
        }
    }
    findings.check(wrong.is_empty(), || {
        format!(
            "{when}: acknowledged cases do not open with their narrative for their owner: {}",
            wrong.join(", ")
        )
    });
}

//! The stage every fault scenario plays on: one demo deployment served by one server, users
//! writing and reading, the journal and the ledger; fault cycles one after another (a server
//! that does not recover from one is killed and restarted, as an operator would, so that the
//! next fault is judged on its own); and the closing checks: everything acknowledged is there,
//! also after a SIGKILL and restart, and every request was answered as it should have been.

use super::START_LIMIT;
use crate::checks;
use crate::client::Session;
use crate::cycle::{self, Fault, Hold, Judged};
use crate::deployment::Deployment;
use crate::journal::Journal;
use crate::ledger::Ledger;
use crate::outcome::Findings;
use crate::rng::Rng;
use crate::server::Server;
use crate::traffic::{Plan, Traffic};
use anyhow::Result;
use std::collections::BTreeSet;
use std::sync::Arc;
use std::time::Duration;

/// A server under traffic.
pub struct Stage {
    pub deployment: Deployment,
    pub server: Server,
    pub journal: Arc<Journal>,
    pub ledger: Arc<Ledger>,
    /// `le-police`, apart from the traffic: opens acknowledged cases to check them.
    pub owner: Session,
    pub traffic: Traffic,
    lost: BTreeSet<String>,
    judged: Vec<Judged>,
    /// Where the next cycle's stretch of the journal begins.
    mark: Duration,
}

impl Stage {
    /// Starts the server, signs the users in and starts the traffic.
    pub async fn open(
        deployment: Deployment,
        plan: Plan,
        rng: &mut Rng,
        timeout: Duration,
        findings: &mut Findings,
    ) -> Result<Stage> {
        let mut server = deployment.server()?;
        findings.log(server.stderr_path());
        server.start()?;
        server.wait_healthy(START_LIMIT).await?;
        let base = server.base();
        let journal = Arc::new(Journal::new());
        let ledger = Arc::new(Ledger::default());
        let owner = Session::sign_in(&base, "le-police", timeout).await?;
        let traffic =
            Traffic::start(&base, plan, journal.clone(), ledger.clone(), rng, timeout).await?;
        Ok(Stage {
            deployment,
            server,
            journal,
            ledger,
            owner,
            traffic,
            lost: BTreeSet::new(),
            judged: Vec::new(),
            mark: Duration::ZERO,
        })
    }

    /// One fault cycle under the traffic, then a second of normal work; a server that did not
    /// recover is restarted. Returns whether it recovered by itself.
    pub async fn cycle(
        &mut self,
        fault: &mut impl Fault,
        hold: Hold,
        findings: &mut Findings,
    ) -> Result<bool> {
        let c = cycle::run(fault, &self.journal, hold).await?;
        tokio::time::sleep(Duration::from_secs(1)).await;
        let recovered = c.recovered.is_some();
        let name = c.name.clone();
        let from = self.mark;
        if let Some(status) = self.server.exit_status() {
            findings.fail(format!("the server exited during {name} ({status})"));
        }
        if !recovered {
            let when = format!("after {name} and a restart (it did not recover by itself)");
            self.restart(findings, &when).await?;
        }
        self.mark = self.journal.now();
        self.judged.push(Judged {
            cycle: c,
            from,
            to: self.mark,
        });
        Ok(recovered)
    }

    /// With the traffic held back: SIGKILL, start again, check everything stored.
    pub async fn restart(&mut self, findings: &mut Findings, when: &str) -> Result<()> {
        self.traffic.pause().await?;
        self.server.kill().await?;
        self.ledger.next_life();
        self.server.start()?;
        self.server.wait_healthy(START_LIMIT).await?;
        let missing = checks::stored_data(&self.deployment, &self.ledger, findings, when).await?;
        self.lost.extend(missing);
        self.traffic.resume();
        Ok(())
    }

    /// The closing checks: what is stored now, and again after a SIGKILL and restart (an
    /// acknowledgement means durable); then every cycle judged, and the figures.
    pub async fn close(mut self, findings: &mut Findings, what: &str) -> Result<()> {
        self.traffic.pause().await?;
        let when = format!("after the {what}");
        let missing = checks::stored_data(&self.deployment, &self.ledger, findings, &when).await?;
        self.lost.extend(missing);
        checks::narratives(&self.owner, &self.ledger, 1, 5, findings, &when).await;
        let when = format!("after a SIGKILL and restart that followed the {what}");
        self.server.kill().await?;
        self.ledger.next_life();
        self.server.start()?;
        self.server.wait_healthy(START_LIMIT).await?;
        let missing = checks::stored_data(&self.deployment, &self.ledger, findings, &when).await?;
        self.lost.extend(missing);
        self.traffic.stop().await;
        self.server.kill().await?;

        cycle::judge_all(&self.judged, &self.journal.snapshot(), true, findings);
        findings.figures.writes_acknowledged = self.ledger.len() as u64;
        findings.figures.writes_lost = self.lost.len() as u64;
        findings.headline(format!(
            "{} writes acknowledged, {} lost",
            self.ledger.len(),
            self.lost.len()
        ));
        Ok(())
    }
}

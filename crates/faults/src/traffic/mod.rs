//! Concurrent signed-in users writing and reading against one server, for as long as a
//! scenario needs: started once, paused while the scenario restarts or inspects the server
//! (so that no write slips in between a restart and the search for what was acknowledged),
//! resumed, stopped. Workers survive a server's death and restart: sessions live in the
//! database, so the same cookies go on working, and a request that gets no answer is simply
//! tried again after a pause.

mod pages;
mod roles;

use crate::client::{self, NoReply, Reply, Session};
use crate::journal::{Journal, Op, Record, Seen};
use crate::ledger::Ledger;
use crate::rng::Rng;
use anyhow::{bail, Result};
use roles::{Pace, Role};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::sync::{OwnedRwLockWriteGuard, RwLock};
use tokio::task::JoinHandle;

/// How many users of each kind.
#[derive(Clone, Copy, Debug)]
pub struct Plan {
    /// `le-police`: reports (a third of them children) and referrals.
    pub police: usize,
    /// `le-social`: accepts referrals.
    pub social: usize,
    /// `le-member`: records activities.
    pub members: usize,
    /// `le-coordinator`: reads pages.
    pub readers: usize,
    /// Asks `/health` four times a second.
    pub health_probe: bool,
}

impl Plan {
    /// The mix every scenario uses.
    pub fn standard(health_probe: bool) -> Plan {
        Plan {
            police: 2,
            social: 1,
            members: 1,
            readers: 1,
            health_probe,
        }
    }
}

/// What the workers share.
pub struct Shared {
    pub journal: Arc<Journal>,
    pub ledger: Arc<Ledger>,
    /// Tells this run's records apart from any other's.
    tag: String,
    serial: AtomicU64,
    /// A date the server accepts as past: yesterday (UTC).
    pub detected_on: String,
    /// Time limit of one request.
    pub timeout: Duration,
}

impl Shared {
    /// The next number of this run.
    pub fn serial(&self) -> u64 {
        self.serial.fetch_add(1, Ordering::SeqCst)
    }

    /// A text no other write of any run contains.
    pub fn marker(&self) -> String {
        format!("ФП-{}-{}", self.tag, self.serial())
    }

    /// Journals one request.
    pub fn record(
        &self,
        op: Op,
        user: &'static str,
        started: Instant,
        got: &Result<Reply, NoReply>,
        seen: Seen,
    ) {
        let took = match got {
            Ok(r) => r.took,
            Err(e) => e.took,
        };
        self.journal.push(Record {
            op,
            user,
            at: self.journal.at(started),
            took,
            seen,
        });
    }

    /// Journals a write and says how to go on.
    pub fn finish(
        &self,
        op: Op,
        user: &'static str,
        started: Instant,
        got: &Result<Reply, NoReply>,
        seen: Seen,
    ) -> Pace {
        let pace = match &seen {
            Seen::Status { code, .. } if *code < 400 => Pace::Think,
            _ => Pace::Back,
        };
        self.record(op, user, started, got, seen);
        pace
    }
}

/// Running traffic.
pub struct Traffic {
    shared: Arc<Shared>,
    gate: Arc<RwLock<()>>,
    paused: Option<OwnedRwLockWriteGuard<()>>,
    stop: Arc<AtomicBool>,
    tasks: Vec<JoinHandle<()>>,
    sessions: Vec<Arc<Session>>,
}

impl Traffic {
    /// Signs every user in at `base` and starts them, with `timeout` on every request.
    pub async fn start(
        base: &str,
        plan: Plan,
        journal: Arc<Journal>,
        ledger: Arc<Ledger>,
        rng: &mut Rng,
        timeout: Duration,
    ) -> Result<Traffic> {
        let shared = Arc::new(Shared {
            journal,
            ledger,
            tag: rng.tag(),
            serial: AtomicU64::new(1),
            detected_on: yesterday(),
            timeout,
        });
        let mut roles = Vec::new();
        let mut sessions = Vec::new();
        let sign_in = |user: &'static str| {
            let base = base.to_string();
            async move { Session::sign_in(&base, user, timeout).await.map(Arc::new) }
        };
        for _ in 0..plan.police {
            let session = sign_in("le-police").await?;
            sessions.push(session.clone());
            roles.push(Role::Police {
                session,
                cases: Vec::new(),
                health: None,
            });
        }
        for _ in 0..plan.social {
            let session = sign_in("le-social").await?;
            sessions.push(session.clone());
            roles.push(Role::Social { session });
        }
        for _ in 0..plan.members {
            let session = sign_in("le-member").await?;
            sessions.push(session.clone());
            roles.push(Role::Member { session });
        }
        for _ in 0..plan.readers {
            let session = sign_in("le-coordinator").await?;
            sessions.push(session.clone());
            roles.push(Role::Reader { session, next: 0 });
        }
        if plan.health_probe {
            roles.push(Role::Health {
                http: client::probe(timeout)?,
                base: base.to_string(),
            });
        }
        let gate = Arc::new(RwLock::new(()));
        let stop = Arc::new(AtomicBool::new(false));
        let tasks = roles
            .into_iter()
            .map(|role| {
                let worker = Worker {
                    role,
                    rng: rng.fork(),
                    shared: shared.clone(),
                    gate: gate.clone(),
                    stop: stop.clone(),
                };
                tokio::spawn(worker.run())
            })
            .collect();
        Ok(Traffic {
            shared,
            gate,
            paused: None,
            stop,
            tasks,
            sessions,
        })
    }

    /// Waits until no request is under way and holds every worker back.
    pub async fn pause(&mut self) -> Result<()> {
        if self.paused.is_some() {
            return Ok(());
        }
        // A step is two requests at most, each bounded by the timeout.
        let within = self.shared.timeout * 2 + Duration::from_secs(5);
        match tokio::time::timeout(within, self.gate.clone().write_owned()).await {
            Ok(guard) => {
                self.paused = Some(guard);
                Ok(())
            }
            Err(_) => bail!(
                "the traffic did not come to rest within {} s",
                within.as_secs()
            ),
        }
    }

    /// Lets the workers go on.
    pub fn resume(&mut self) {
        self.paused = None;
    }

    /// The signed-in users, for checks of their own.
    pub fn sessions(&self) -> &[Arc<Session>] {
        &self.sessions
    }

    /// Stops every worker (after its request under way).
    pub async fn stop(mut self) {
        self.stop.store(true, Ordering::SeqCst);
        self.paused = None;
        for task in std::mem::take(&mut self.tasks) {
            let _ = tokio::time::timeout(self.shared.timeout * 2, task).await;
        }
    }
}

impl Drop for Traffic {
    fn drop(&mut self) {
        for task in &self.tasks {
            task.abort();
        }
    }
}

/// One user's loop.
struct Worker {
    role: Role,
    rng: Rng,
    shared: Arc<Shared>,
    gate: Arc<RwLock<()>>,
    stop: Arc<AtomicBool>,
}

impl Worker {
    async fn run(mut self) {
        while !self.stop.load(Ordering::SeqCst) {
            let pace = {
                let _turn = self.gate.read().await;
                if self.stop.load(Ordering::SeqCst) {
                    break;
                }
                self.role.step(&self.shared, &mut self.rng).await
            };
            let pause = match pace {
                Pace::Think => self
                    .rng
                    .between(Duration::from_millis(5), Duration::from_millis(40)),
                Pace::Back => Duration::from_millis(100),
                Pace::Idle => Duration::from_millis(250),
            };
            tokio::time::sleep(pause).await;
        }
    }
}

/// Yesterday's date (UTC) as the forms take it.
fn yesterday() -> String {
    let day = (time::OffsetDateTime::now_utc() - time::Duration::days(1)).date();
    format!(
        "{:04}-{:02}-{:02}",
        day.year(),
        u8::from(day.month()),
        day.day()
    )
}

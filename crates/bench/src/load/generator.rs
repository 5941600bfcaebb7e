//! A load run: the connections started together on the load's own runtime, a warm-up that
//! is not counted, then the measured time, and their tallies merged.

use super::connection::{drive, Target, Window};
use super::tally::{Summary, Tally};
use super::workload::Workload;
use anyhow::{Context, Result};
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::runtime::{Handle, Runtime};

/// How hard and how long.
#[derive(Clone, Copy, Debug)]
pub struct Plan {
    pub connections: usize,
    /// Sent but not counted: connections opened, caches and pools filled.
    pub warm_up: Duration,
    pub measured: Duration,
}

/// Runs loads on a runtime of its own.
#[derive(Clone)]
pub struct Generator {
    handle: Handle,
}

/// The worker threads of the load: as many as the cores of the machine it is tuned for, so
/// that the load takes a like share of them against every server.
pub const LOAD_THREADS: usize = 2;

impl Generator {
    /// The runtime loads run on; keep it alive as long as the generator, and drop it outside
    /// any asynchronous code.
    pub fn runtime() -> Result<Runtime> {
        tokio::runtime::Builder::new_multi_thread()
            .worker_threads(LOAD_THREADS)
            .thread_name("load")
            .enable_all()
            .build()
            .context("cannot start the load's runtime")
    }

    /// A generator on that runtime.
    pub fn new(handle: Handle) -> Generator {
        Generator { handle }
    }

    /// Loads the server at `addr` with `workload` as planned.
    pub async fn run(&self, addr: SocketAddr, workload: &Workload, plan: Plan) -> Result<Summary> {
        let target = Target {
            addr,
            workload: workload.clone(),
            sequence: Arc::default(),
        };
        let now = Instant::now();
        let window = Window {
            counted_from: now + plan.warm_up,
            until: now + plan.warm_up + plan.measured,
        };
        let connections: Vec<_> = (0..plan.connections.max(1))
            .map(|i| self.handle.spawn(drive(target.clone(), i, window)))
            .collect();
        let mut all = Tally::new()?;
        for connection in connections {
            let tally = connection
                .await
                .context("a connection of the load stopped")??;
            all.merge(&tally);
        }
        Ok(all.summary(plan.measured))
    }
}

//! The signal that stops the server: Ctrl-C (SIGINT) or SIGTERM (what systemd and
//! container runtimes send).

use anyhow::Result;
use std::future::Future;

/// Installs the handlers now, so that a signal arriving before the server first polls the
/// returned future is not lost; the future completes when one arrives.
#[cfg(unix)]
pub fn signal() -> Result<impl Future<Output = ()> + Send + 'static> {
    use anyhow::Context;
    use tokio::signal::unix::{signal, SignalKind};
    let mut terminate =
        signal(SignalKind::terminate()).context("cannot listen for the SIGTERM signal")?;
    let mut interrupt =
        signal(SignalKind::interrupt()).context("cannot listen for the SIGINT signal")?;
    Ok(async move {
        let name = tokio::select! {
            _ = terminate.recv() => "SIGTERM",
            _ = interrupt.recv() => "SIGINT",
        };
        tracing::info!(signal = name, "stopping: finishing the requests under way");
    })
}

/// Ctrl-C elsewhere.
#[cfg(not(unix))]
pub fn signal() -> Result<impl Future<Output = ()> + Send + 'static> {
    Ok(async {
        let _ = tokio::signal::ctrl_c().await;
        tracing::info!("stopping: finishing the requests under way");
    })
}

//! One `spona serve` process of the binary under test: started with exactly the settings the
//! scenario gives (nothing inherited from the harness's own `SPONA_*` environment), its
//! output appended to log files, killed with a real SIGKILL. Dropping it kills it, so no
//! server outlives the harness on any path, Ctrl-C included.

use crate::logs;
use anyhow::{bail, Context, Result};
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::{Duration, Instant};
use tokio::process::{Child, Command};

/// How a server is started.
#[derive(Clone, Debug)]
pub struct ServerSpec {
    /// The `spona` binary.
    pub bin: PathBuf,
    /// Names the log files.
    pub name: String,
    pub data_dir: PathBuf,
    /// None: the SQLite file in the data folder.
    pub database_url: Option<String>,
    pub demo: bool,
    /// Extra environment (a master key, an LD_PRELOAD shim).
    pub env: Vec<(String, String)>,
    /// Where the logs go.
    pub log_dir: PathBuf,
}

impl ServerSpec {
    /// A `spona` command with this deployment's settings and a clean environment.
    pub fn command(&self, args: &[&str]) -> Command {
        let mut cmd = Command::new(&self.bin);
        for (key, _) in std::env::vars_os() {
            if key.to_string_lossy().starts_with("SPONA_") {
                cmd.env_remove(&key);
            }
        }
        cmd.env("SPONA_DATA_DIR", &self.data_dir);
        if let Some(url) = &self.database_url {
            cmd.env("SPONA_DATABASE_URL", url);
        }
        cmd.envs(self.env.iter().map(|(k, v)| (k, v)));
        cmd.args(args).stdin(Stdio::null()).kill_on_drop(true);
        cmd
    }
}

/// A running (or killed) server.
pub struct Server {
    spec: ServerSpec,
    port: u16,
    child: Option<Child>,
    starts: u32,
}

/// How long one `/health` probe may take while waiting for a start.
const PROBE_TIMEOUT: Duration = Duration::from_secs(2);

impl Server {
    /// A server that will listen on `port`; not started yet.
    pub fn new(spec: ServerSpec, port: u16) -> Server {
        Server {
            spec,
            port,
            child: None,
            starts: 0,
        }
    }

    /// `http://127.0.0.1:PORT`.
    pub fn base(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// Its standard error (the log).
    pub fn stderr_path(&self) -> PathBuf {
        self.spec.log_dir.join(format!("{}.stderr", self.spec.name))
    }

    /// Its standard output (addresses, sign-ins, the first administrator's link).
    pub fn stdout_path(&self) -> PathBuf {
        self.spec.log_dir.join(format!("{}.stdout", self.spec.name))
    }

    /// Starts the process (does not wait for it to serve).
    pub fn start(&mut self) -> Result<()> {
        if self.child.is_some() {
            bail!("{} is already running", self.spec.name);
        }
        self.starts += 1;
        let heading = format!("start {} of {}", self.starts, self.spec.name);
        let stdout = logs::append(&self.stdout_path(), &heading)?;
        let stderr = logs::append(&self.stderr_path(), &heading)?;
        let listen = format!("127.0.0.1:{}", self.port);
        let mut args = vec!["serve", "--listen", &listen];
        if self.spec.demo {
            args.push("--demo");
        }
        let child = self
            .spec
            .command(&args)
            .stdout(Stdio::from(stdout))
            .stderr(Stdio::from(stderr))
            .spawn()
            .with_context(|| format!("cannot start {}", self.spec.bin.display()))?;
        self.child = Some(child);
        Ok(())
    }

    /// Waits until `/health` answers 200; fails when the process exits first or time runs out.
    pub async fn wait_healthy(&mut self, within: Duration) -> Result<Duration> {
        let started = Instant::now();
        let probe = reqwest::Client::builder()
            .timeout(PROBE_TIMEOUT)
            .build()
            .context("cannot build an HTTP client")?;
        let url = format!("{}/health", self.base());
        let mut last = String::from("no answer yet");
        while started.elapsed() < within {
            if let Some(status) = self.exit_status() {
                bail!(
                    "{} exited ({status}) before serving; last seen: {last}",
                    self.spec.name
                );
            }
            match probe.get(&url).send().await {
                Ok(res) if res.status().as_u16() == 200 => return Ok(started.elapsed()),
                Ok(res) => last = format!("/health answered {}", res.status().as_u16()),
                Err(e) => last = crate::client::transport(&e),
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        bail!(
            "{} did not serve /health with 200 within {} s; last seen: {last}",
            self.spec.name,
            within.as_secs()
        )
    }

    /// The exit status when the process has ended (None while it runs or was never started).
    pub fn exit_status(&mut self) -> Option<String> {
        let child = self.child.as_mut()?;
        match child.try_wait() {
            Ok(Some(status)) => Some(status.to_string()),
            Ok(None) => None,
            Err(e) => Some(format!("unknown: {e}")),
        }
    }

    /// Sends SIGKILL and waits (bounded) until the process is gone.
    pub async fn kill(&mut self) -> Result<()> {
        let Some(mut child) = self.child.take() else {
            return Ok(());
        };
        // `start_kill` is SIGKILL on Unix: no chance to flush or roll back anything.
        let _ = child.start_kill();
        match tokio::time::timeout(Duration::from_secs(10), child.wait()).await {
            Ok(Ok(_)) => Ok(()),
            Ok(Err(e)) => bail!("cannot wait for {} after SIGKILL: {e}", self.spec.name),
            Err(_) => bail!("{} still runs 10 s after SIGKILL", self.spec.name),
        }
    }
}

/// A loopback port that was free a moment ago.
pub fn free_port() -> Result<u16> {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").context("cannot find a free port")?;
    Ok(listener.local_addr().context("cannot read a port")?.port())
}

/// Runs a short `spona` command (such as `audit verify`) to its end, bounded in time; its
/// combined output comes back either way.
pub async fn run_command(
    spec: &ServerSpec,
    args: &[&str],
    within: Duration,
) -> Result<(bool, String)> {
    let child = spec
        .command(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .with_context(|| format!("cannot start {} {}", spec.bin.display(), args.join(" ")))?;
    match tokio::time::timeout(within, child.wait_with_output()).await {
        Ok(Ok(out)) => {
            let mut text = String::from_utf8_lossy(&out.stdout).into_owned();
            text.push_str(&String::from_utf8_lossy(&out.stderr));
            Ok((out.status.success(), text.trim().to_string()))
        }
        Ok(Err(e)) => bail!("cannot run spona {}: {e}", args.join(" ")),
        // The child is dropped with the future, which kills it.
        Err(_) => bail!(
            "spona {} did not finish within {} s",
            args.join(" "),
            within.as_secs()
        ),
    }
}

/// Whether a path is the SQLite file of a data folder.
pub fn sqlite_file(data_dir: &Path) -> PathBuf {
    data_dir.join("spona.db")
}

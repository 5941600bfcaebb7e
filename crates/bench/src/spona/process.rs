//! Starting `spona serve` on a free loopback port and stopping it again.

use super::usage::Usage;
use anyhow::{bail, Context, Result};
use std::fs::File;
use std::net::{SocketAddr, TcpListener};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};
use tempfile::TempDir;

/// How long the server may take to answer `/health` at all.
const START_LIMIT: Duration = Duration::from_secs(60);

/// A running Spona server.
pub struct Spona {
    child: Child,
    pub addr: SocketAddr,
    /// From the spawn to the first 200 of `/health`.
    pub started_in: Duration,
    /// Its standard output and error, shown when it fails.
    logs: TempDir,
}

impl Spona {
    /// Starts `bin --data-dir DIR --listen 127.0.0.1:PORT --log-format json serve`, with
    /// `--database-url` when given, and waits for its first healthy answer.
    pub async fn start(bin: &Path, data_dir: &Path, database_url: Option<&str>) -> Result<Spona> {
        let addr = free_port()?;
        let logs = tempfile::Builder::new()
            .prefix("spona-bench-logs-")
            .tempdir()?;
        let mut command = Command::new(bin);
        command
            .arg("--data-dir")
            .arg(data_dir)
            .arg("--listen")
            .arg(addr.to_string())
            .arg("--log-format")
            .arg("json");
        if let Some(url) = database_url {
            command.arg("--database-url").arg(url);
        }
        command
            .arg("serve")
            .stdin(Stdio::null())
            .stdout(File::create(logs.path().join("stdout"))?)
            .stderr(File::create(logs.path().join("stderr"))?);
        let spawned = Instant::now();
        let child = command
            .spawn()
            .with_context(|| format!("cannot start {}", bin.display()))?;
        let mut spona = Spona {
            child,
            addr,
            started_in: Duration::ZERO,
            logs,
        };
        spona.started_in = spona.wait_healthy(spawned).await?;
        Ok(spona)
    }

    /// `http://127.0.0.1:PORT`.
    pub fn base(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// Its process id.
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// Its memory and processor time now.
    pub fn usage(&self) -> Result<Usage> {
        Usage::of(self.child.id())
    }

    /// The last lines it wrote, to show why it failed.
    pub fn log_tail(&self) -> String {
        let mut tail = String::new();
        for name in ["stdout", "stderr"] {
            let text = std::fs::read_to_string(self.logs.path().join(name)).unwrap_or_default();
            let lines: Vec<&str> = text.lines().collect();
            for line in &lines[lines.len().saturating_sub(10)..] {
                tail.push_str(&format!("  {name}: {line}\n"));
            }
        }
        tail
    }

    /// Asks it to stop (SIGTERM, as a service manager does) and waits; kills it if it
    /// does not stop within ten seconds.
    pub fn stop(mut self) -> Result<()> {
        let _ = Command::new("kill")
            .arg("-TERM")
            .arg(self.child.id().to_string())
            .status();
        let asked = Instant::now();
        while asked.elapsed() < Duration::from_secs(10) {
            if self.child.try_wait()?.is_some() {
                return Ok(());
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        self.child.kill()?;
        self.child.wait()?;
        Ok(())
    }

    /// Polls `/health` until it answers 200; the time since the spawn.
    async fn wait_healthy(&mut self, spawned: Instant) -> Result<Duration> {
        let url = format!("{}/health", self.base());
        let http = reqwest::Client::builder()
            .timeout(Duration::from_secs(2))
            .build()?;
        loop {
            if let Ok(answer) = http.get(&url).send().await {
                if answer.status().as_u16() == 200 {
                    return Ok(spawned.elapsed());
                }
            }
            if let Some(exit) = self.child.try_wait()? {
                bail!("spona stopped at start ({exit}):\n{}", self.log_tail());
            }
            if spawned.elapsed() > START_LIMIT {
                bail!(
                    "spona did not answer /health within {START_LIMIT:?}:\n{}",
                    self.log_tail()
                );
            }
            tokio::time::sleep(Duration::from_millis(2)).await;
        }
    }
}

impl Drop for Spona {
    fn drop(&mut self) {
        // A server left running would hold the port and the data; `stop` is the clean way.
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// A loopback port free now (the server binds it a moment later).
fn free_port() -> Result<SocketAddr> {
    let listener = TcpListener::bind("127.0.0.1:0").context("no free loopback port")?;
    Ok(listener.local_addr()?)
}

/// The file system device of a path (to tell whether two folders share a disk).
pub fn device_of(path: &Path) -> Option<u64> {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata(path).ok().map(|m| m.dev())
}

/// The folder a data folder is in (the ceiling's database goes there).
pub fn beside(data_dir: &Path) -> PathBuf {
    let absolute = std::path::absolute(data_dir).unwrap_or_else(|_| data_dir.to_path_buf());
    absolute
        .parent()
        .map_or_else(|| PathBuf::from("/tmp"), Path::to_path_buf)
}

//! A PostgreSQL server of the harness's own: `initdb` into a temporary folder, `pg_ctl` on a
//! free loopback port. The outage scenario stops and starts it for real, and nobody else's
//! databases (other tests, other engineers, the machine's own cluster) go down with it.
//! Dropped, it is stopped immediately and its folder removed.

use anyhow::{bail, Context, Result};
use sqlx::{Connection, Executor, PgConnection};
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

/// A running private PostgreSQL.
pub struct Cluster {
    bin: PathBuf,
    root: tempfile::TempDir,
    log: PathBuf,
    port: u16,
    /// Run the tools as `postgres` (initdb refuses root).
    as_postgres: bool,
}

impl Cluster {
    /// Creates and starts a cluster whose server logs to `log` (in the run's log folder, so
    /// that it outlives the cluster when a failure keeps the logs).
    pub async fn start_new(log: &Path) -> Result<Cluster> {
        let bin = bin_dir()?;
        let as_postgres = crate::tmpfs::may_mount();
        let root = tempfile::Builder::new()
            .prefix("spona-faults-pg.")
            .tempdir()
            .context("cannot create the PostgreSQL folder")?;
        std::fs::write(log, "").context("cannot create the PostgreSQL log")?;
        if as_postgres {
            // The server runs as postgres: its folder and its log are its own, and the log's
            // folder lets it through.
            if let Some(folder) = log.parent() {
                std::fs::set_permissions(folder, std::fs::Permissions::from_mode(0o755))
                    .context("cannot open the log folder to PostgreSQL")?;
            }
            let out = Command::new("chown")
                .args(["-R", "postgres:"])
                .arg(root.path())
                .arg(log)
                .output()
                .context("cannot run chown")?;
            if !out.status.success() {
                bail!("cannot give the PostgreSQL folder to the user postgres");
            }
        }
        let cluster = Cluster {
            bin,
            port: crate::server::free_port()?,
            root,
            log: log.to_path_buf(),
            as_postgres,
        };
        let data = cluster.data();
        cluster
            .tool(
                "initdb",
                &[
                    "-D",
                    &data,
                    "-U",
                    "postgres",
                    "--auth=trust",
                    "-E",
                    "UTF8",
                    "--no-locale",
                    "--no-sync",
                ],
            )
            .await?;
        cluster.start().await?;
        Ok(cluster)
    }

    fn data(&self) -> String {
        self.root.path().join("data").display().to_string()
    }

    /// The server's own log.
    pub fn log(&self) -> PathBuf {
        self.log.clone()
    }

    /// Starts the server and waits until it accepts connections.
    pub async fn start(&self) -> Result<()> {
        let options = format!(
            "-p {} -c listen_addresses=127.0.0.1 -k {} -c max_connections=200",
            self.port,
            self.root.path().display()
        );
        let log = self.log().display().to_string();
        self.tool(
            "pg_ctl",
            &[
                "-D",
                &self.data(),
                "-l",
                &log,
                "-o",
                &options,
                "-w",
                "-t",
                "60",
                "start",
            ],
        )
        .await
    }

    /// Starts the server unless it runs.
    pub async fn ensure_running(&self) -> Result<()> {
        // `pg_ctl status` fails when no server runs in the folder.
        if self
            .tool("pg_ctl", &["-D", &self.data(), "status"])
            .await
            .is_ok()
        {
            return Ok(());
        }
        self.start().await
    }

    /// Stops the server (fast shutdown: sessions are cut, as in a real restart).
    pub async fn stop(&self) -> Result<()> {
        self.tool(
            "pg_ctl",
            &["-D", &self.data(), "-m", "fast", "-w", "-t", "60", "stop"],
        )
        .await
    }

    /// The URL of a database on it.
    pub fn url(&self, database: &str) -> String {
        format!("postgres://postgres@127.0.0.1:{}/{database}", self.port)
    }

    /// Creates an empty database.
    pub async fn create_database(&self, name: &str) -> Result<()> {
        let mut conn = PgConnection::connect(&self.url("postgres"))
            .await
            .context("cannot reach the private PostgreSQL")?;
        conn.execute(format!("CREATE DATABASE \"{name}\"").as_str())
            .await
            .with_context(|| format!("cannot create the database {name}"))?;
        let _ = conn.close().await;
        Ok(())
    }

    /// Drops a database, cutting its sessions.
    pub async fn drop_database(&self, name: &str) -> Result<()> {
        let mut conn = PgConnection::connect(&self.url("postgres"))
            .await
            .context("cannot reach the private PostgreSQL")?;
        conn.execute(format!("DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)").as_str())
            .await
            .with_context(|| format!("cannot drop the database {name}"))?;
        let _ = conn.close().await;
        Ok(())
    }

    /// Runs one of PostgreSQL's programs to its end (bounded; killed if dropped).
    async fn tool(&self, name: &str, args: &[&str]) -> Result<()> {
        let mut cmd = tokio::process::Command::from(self.command(name));
        cmd.args(args).kill_on_drop(true);
        let out = tokio::time::timeout(Duration::from_secs(90), cmd.output())
            .await
            .with_context(|| format!("{name} did not finish within 90 s"))?
            .with_context(|| format!("cannot run {name}"))?;
        if !out.status.success() {
            bail!(
                "{name} {} failed: {}{}",
                args.last().unwrap_or(&""),
                String::from_utf8_lossy(&out.stdout).trim(),
                String::from_utf8_lossy(&out.stderr).trim()
            );
        }
        Ok(())
    }

    /// A program of PostgreSQL's, as the user that owns the cluster.
    fn command(&self, name: &str) -> Command {
        let path = self.bin.join(name);
        let mut cmd = if self.as_postgres {
            let mut c = Command::new("runuser");
            c.args(["-u", "postgres", "--"]).arg(&path);
            c
        } else {
            Command::new(&path)
        };
        cmd.current_dir(self.root.path());
        cmd
    }
}

impl Drop for Cluster {
    fn drop(&mut self) {
        let data = self.data();
        let _ = self
            .command("pg_ctl")
            .args(["-D", &data, "-m", "immediate", "-w", "-t", "30", "stop"])
            .output();
    }
}

/// The folder of PostgreSQL's server programs (`pg_config --bindir`, else Debian's layout).
fn bin_dir() -> Result<PathBuf> {
    if let Ok(out) = Command::new("pg_config").arg("--bindir").output() {
        let dir = PathBuf::from(String::from_utf8_lossy(&out.stdout).trim());
        if dir.join("initdb").is_file() && dir.join("pg_ctl").is_file() {
            return Ok(dir);
        }
    }
    let mut found: Vec<PathBuf> = std::fs::read_dir("/usr/lib/postgresql")
        .map(|d| {
            d.filter_map(|e| e.ok().map(|e| e.path().join("bin")))
                .filter(|b| b.join("initdb").is_file())
                .collect()
        })
        .unwrap_or_default();
    found.sort();
    found
        .pop()
        .context("no PostgreSQL server programs (initdb, pg_ctl) on this machine")
}

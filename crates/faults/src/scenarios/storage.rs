//! Storage faults under traffic, with the data folder on a small tmpfs of its own: the disk
//! fills up (a filler file until ENOSPC) and frees up; or the data folder's writes fail with
//! EROFS and then with EIO (an LD_PRELOAD shim; the real `remount,ro` is tried first, and the
//! kernel refuses it while the database is open for writing). The server stays up throughout:
//! writes must be refused with 503, quickly, and succeed again within seconds once the fault
//! is gone; nothing acknowledged may be lost, even after a SIGKILL that follows.

use super::stage::Stage;
use super::Context;
use crate::cycle::Fault;
use crate::deployment::{Deployment, Engine};
use crate::outcome::Findings;
use crate::shim::{Errno, Shim};
use crate::tmpfs::{self, Tmpfs};
use crate::traffic::Plan;
use anyhow::{Context as _, Result};
use std::path::PathBuf;

/// A few MB more than the demo needs (its database and write-ahead log are about 6 MB).
const DISK_MB: u64 = 16;

/// Which storage fault.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    DiskFull,
    IoErrors,
}

/// Runs the disk-full or the I/O-error scenario.
pub async fn run(ctx: &mut Context, findings: &mut Findings, kind: Kind) -> Result<()> {
    if !tmpfs::may_mount() {
        findings.fail("needs root: the data folder goes on a tmpfs of its own");
        return Ok(());
    }
    let label = match kind {
        Kind::DiskFull => "disk-full",
        Kind::IoErrors => "io-errors",
    };
    let work = ctx.work_dir(label)?;
    let disk = Tmpfs::mount(&work.path().join("disk"), DISK_MB)?;
    let data_dir = disk.path().join("data");
    std::fs::create_dir(&data_dir).context("cannot create the data folder")?;
    let shim = match kind {
        Kind::IoErrors => Some(Shim::build(work.path()).await?),
        Kind::DiskFull => None,
    };
    let mut deployment =
        Deployment::new(&ctx.bin, label, data_dir.clone(), Engine::Sqlite, &ctx.logs);
    if let Some(shim) = &shim {
        deployment.spec.env = shim.env(&data_dir)?;
    }
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

    for _ in 0..settings.cycles {
        match &shim {
            Some(shim) => {
                let mut read_only = ReadOnly {
                    disk: &disk,
                    shim,
                    remounted: None,
                };
                stage.cycle(&mut read_only, settings.hold, findings).await?;
                if let Some(Err(refused)) = &read_only.remounted {
                    findings.note(format!(
                        "mount -o remount,ro was refused ({refused}): the kernel does not make a \
                         file system read-only while a file on it is open for writing, so EROFS \
                         came from the shim"
                    ));
                }
                let mut eio = Injected {
                    shim,
                    errno: Errno::Eio,
                };
                stage.cycle(&mut eio, settings.hold, findings).await?;
            }
            None => {
                let mut full = Full {
                    filler: disk.path().join("filler"),
                    size: 0,
                };
                stage.cycle(&mut full, settings.hold, findings).await?;
            }
        }
    }
    stage.close(findings, "faults").await?;
    // The server is gone; now the disk can go.
    drop(disk);
    Ok(())
}

/// The disk is full: a filler file takes every free block.
struct Full {
    filler: PathBuf,
    size: u64,
}

impl Fault for Full {
    fn name(&self) -> String {
        format!("disk full (filler of {} kB)", self.size / 1024)
    }

    async fn inject(&mut self) -> Result<()> {
        self.size = tmpfs::fill(&self.filler)?;
        Ok(())
    }

    async fn clear(&mut self) -> Result<()> {
        std::fs::remove_file(&self.filler).context("cannot remove the filler")
    }
}

/// The data folder is read-only: a real remount when the kernel allows it, else EROFS from
/// the shim.
struct ReadOnly<'a> {
    disk: &'a Tmpfs,
    shim: &'a Shim,
    /// Whether the remount was done, or why not.
    remounted: Option<Result<bool, String>>,
}

impl Fault for ReadOnly<'_> {
    fn name(&self) -> String {
        match self.remounted {
            Some(Ok(true)) => "read-only disk (remount,ro)".into(),
            _ => "read-only disk (EROFS)".into(),
        }
    }

    async fn inject(&mut self) -> Result<()> {
        let remounted = self.disk.remount_read_only();
        if !matches!(remounted, Ok(true)) {
            self.shim.raise(Errno::Erofs)?;
        }
        self.remounted = Some(remounted);
        Ok(())
    }

    async fn clear(&mut self) -> Result<()> {
        match self.remounted {
            Some(Ok(true)) => self.disk.remount_read_write(),
            _ => self.shim.lower(Errno::Erofs),
        }
    }
}

/// The data folder's writes and syncs fail with an errno from the shim.
struct Injected<'a> {
    shim: &'a Shim,
    errno: Errno,
}

impl Fault for Injected<'_> {
    fn name(&self) -> String {
        format!("{} on every write", self.errno.name())
    }

    async fn inject(&mut self) -> Result<()> {
        self.shim.raise(self.errno)
    }

    async fn clear(&mut self) -> Result<()> {
        self.shim.lower(self.errno)
    }
}

//! A small tmpfs of its own for a data folder, so that the disk can really fill up (a filler
//! file until the kernel says ENOSPC) and be remounted read-only, without touching the
//! machine's disks. Unmounted when dropped, on every path; the server must be gone first,
//! so a busy mount is retried for a while and then detached lazily rather than left behind.

use anyhow::{bail, Context, Result};
use std::fs::File;
use std::io::{ErrorKind, Write};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

/// A mounted tmpfs.
pub struct Tmpfs {
    path: PathBuf,
    mounted: bool,
}

impl Tmpfs {
    /// Mounts a tmpfs of `megabytes` at `path` (created if missing). Needs root.
    pub fn mount(path: &Path, megabytes: u64) -> Result<Tmpfs> {
        std::fs::create_dir_all(path)
            .with_context(|| format!("cannot create {}", path.display()))?;
        let options = format!("size={megabytes}m,mode=0700");
        run(Command::new("mount")
            .args(["-t", "tmpfs", "-o", &options, "spona-faults"])
            .arg(path))
        .context("cannot mount a tmpfs (the disk scenarios need root)")?;
        Ok(Tmpfs {
            path: path.to_path_buf(),
            mounted: true,
        })
    }

    /// Where it is mounted.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Tries `mount -o remount,ro`; false (with the kernel's reason) when it is refused,
    /// as it is while a process holds a file open for writing.
    pub fn remount_read_only(&self) -> Result<bool, String> {
        let out = Command::new("mount")
            .args(["-o", "remount,ro"])
            .arg(&self.path)
            .output()
            .map_err(|e| format!("cannot run mount: {e}"))?;
        if out.status.success() {
            Ok(true)
        } else {
            Err(String::from_utf8_lossy(&out.stderr)
                .lines()
                .next()
                .unwrap_or("refused")
                .trim()
                .to_string())
        }
    }

    /// `mount -o remount,rw`.
    pub fn remount_read_write(&self) -> Result<()> {
        run(Command::new("mount")
            .args(["-o", "remount,rw"])
            .arg(&self.path))
        .context("cannot remount the tmpfs read-write")
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        if !self.mounted {
            return;
        }
        // A server just killed may take a moment to release its files.
        for _ in 0..50 {
            if Command::new("umount")
                .arg(&self.path)
                .output()
                .is_ok_and(|o| o.status.success())
            {
                self.mounted = false;
                return;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        let lazily = Command::new("umount").arg("-l").arg(&self.path).output();
        if !lazily.is_ok_and(|o| o.status.success()) {
            eprintln!(
                "spona-faults: could not unmount {}; unmount it by hand",
                self.path.display()
            );
        }
    }
}

/// Fills the file system of `path` with a filler file until it is full; returns its size.
pub fn fill(path: &Path) -> Result<u64> {
    let mut file =
        File::create(path).with_context(|| format!("cannot create {}", path.display()))?;
    let chunk = vec![0u8; 64 * 1024];
    let mut written = 0u64;
    loop {
        match file.write(&chunk) {
            Ok(0) => break,
            Ok(n) => written += n as u64,
            Err(e) if e.kind() == ErrorKind::StorageFull || e.raw_os_error() == Some(28) => break,
            Err(e) if e.kind() == ErrorKind::Interrupted => continue,
            Err(e) => return Err(e).context("cannot write the filler"),
        }
    }
    Ok(written)
}

fn run(cmd: &mut Command) -> Result<()> {
    let out = cmd.output().context("cannot run the command")?;
    if !out.status.success() {
        bail!("{}", String::from_utf8_lossy(&out.stderr).trim());
    }
    Ok(())
}

/// Whether this process may mount file systems.
pub fn may_mount() -> bool {
    // Root, by the effective user id the kernel reports.
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("Uid:"))
                .and_then(|l| l.split_whitespace().nth(2).map(|e| e == "0"))
        })
        .unwrap_or(false)
}

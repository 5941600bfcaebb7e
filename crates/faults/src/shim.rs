//! Injected I/O errors: a tiny C shim (`shim.c`) compiled with the system's `cc` at run time
//! and preloaded into the server, which fails writes and syncs of the data folder's files
//! with EIO or EROFS while a flag file exists. Real errno values from the real libc
//! entry points SQLite calls, without a special kernel.

use anyhow::{bail, Context, Result};
use std::path::{Path, PathBuf};
use std::time::Duration;
use tokio::process::Command;

const SOURCE: &str = include_str!("shim.c");

/// The errno a flag makes the data folder's writes fail with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Errno {
    Eio,
    Erofs,
}

impl Errno {
    /// The flag file's name, as the shim knows it.
    pub fn name(self) -> &'static str {
        match self {
            Errno::Eio => "EIO",
            Errno::Erofs => "EROFS",
        }
    }
}

/// A built shim and the folder of its flags.
pub struct Shim {
    library: PathBuf,
    flags: PathBuf,
}

impl Shim {
    /// Compiles the shim into `dir`; fails when no C compiler works.
    pub async fn build(dir: &Path) -> Result<Shim> {
        let source = dir.join("shim.c");
        let library = dir.join("spona-faults-shim.so");
        let flags = dir.join("flags");
        std::fs::write(&source, SOURCE).context("cannot write the shim's source")?;
        std::fs::create_dir_all(&flags).context("cannot create the shim's flag folder")?;
        let mut cc = Command::new("cc");
        cc.args(["-shared", "-fPIC", "-O2", "-o"])
            .arg(&library)
            .arg(&source)
            .arg("-ldl")
            .kill_on_drop(true);
        let out = tokio::time::timeout(Duration::from_secs(60), cc.output())
            .await
            .context("cc did not finish within 60 s")?
            .context("cannot run cc (a C compiler is needed for the I/O-error shim)")?;
        if !out.status.success() {
            bail!(
                "cc could not build the shim: {}",
                String::from_utf8_lossy(&out.stderr).trim()
            );
        }
        Ok(Shim { library, flags })
    }

    /// The environment that preloads the shim into a server whose data folder is `data_dir`.
    pub fn env(&self, data_dir: &Path) -> Result<Vec<(String, String)>> {
        // The shim compares with the paths the kernel reports: no symbolic links.
        let data = std::fs::canonicalize(data_dir)
            .with_context(|| format!("cannot resolve {}", data_dir.display()))?;
        Ok(vec![
            ("LD_PRELOAD".into(), self.library.display().to_string()),
            ("FAULTS_SHIM_DATA".into(), data.display().to_string()),
            ("FAULTS_SHIM_FLAGS".into(), self.flags.display().to_string()),
        ])
    }

    /// From now on, the data folder's writes fail with `errno`.
    pub fn raise(&self, errno: Errno) -> Result<()> {
        std::fs::write(self.flags.join(errno.name()), b"")
            .with_context(|| format!("cannot raise the {} flag", errno.name()))
    }

    /// Writes work again.
    pub fn lower(&self, errno: Errno) -> Result<()> {
        let path = self.flags.join(errno.name());
        match std::fs::remove_file(&path) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
            Err(e) => Err(e).with_context(|| format!("cannot lower the {} flag", errno.name())),
        }
    }
}

impl Drop for Shim {
    fn drop(&mut self) {
        let _ = self.lower(Errno::Eio);
        let _ = self.lower(Errno::Erofs);
    }
}

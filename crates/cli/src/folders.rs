//! Folders that hold a deployment's records (a restored database, scheduled backups): created
//! readable by their owner only, and never where a file is in the way.

use anyhow::{bail, Context, Result};
use std::path::Path;

/// Creates the folder (and missing parents) with mode 0700 when it does not exist.
pub fn create_private(dir: &Path, setting: &str) -> Result<()> {
    if dir.is_dir() {
        return Ok(());
    }
    if dir.exists() {
        bail!("{setting}: {} exists but is not a folder", dir.display());
    }
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder
        .create(dir)
        .with_context(|| format!("{setting}: cannot create {}", dir.display()))
}

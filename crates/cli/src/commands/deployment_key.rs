//! The deployment's master key as backup and restore need it: read from the same places as
//! every command (`SPONA_MASTER_KEY`, else the key file in the data directory), but never
//! created here. A restore into a new machine may take the key from the backup instead,
//! and then writes it where the next start will look for it.

use crate::database::{KEY_FILE, MASTER_KEY_ENV};
use crate::settings::Settings;
use anyhow::{bail, Context, Result};
use spona_app::MasterKey;
use std::io::Write;
use std::path::PathBuf;

/// The key the deployment has, if any (read as every command reads it, never made here).
pub fn existing(settings: &Settings) -> Result<Option<MasterKey>> {
    if let Some(key) = crate::database::environment_key(MASTER_KEY_ENV)? {
        return Ok(Some(key));
    }
    Ok(MasterKey::load(&key_path(settings))?)
}

/// Where the key file is (or will be).
pub fn key_path(settings: &Settings) -> PathBuf {
    settings.data_dir.join(KEY_FILE)
}

/// Writes a key taken from a backup to the key file (mode 0600), never over another file.
pub fn keep(settings: &Settings, key: &MasterKey) -> Result<PathBuf> {
    let path = key_path(settings);
    if path.exists() {
        bail!(
            "{} exists; the backup's key was not written over it",
            path.display()
        );
    }
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut file = options
        .open(&path)
        .with_context(|| format!("cannot create the key file {}", path.display()))?;
    let text = key.to_base64();
    writeln!(file, "{}", text.as_str())
        .and_then(|_| file.sync_all())
        .with_context(|| format!("cannot write the key file {}", path.display()))?;
    Ok(path)
}

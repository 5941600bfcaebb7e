//! `spona backup FILE`: an encrypted backup of the whole database, taken while the server
//! keeps serving. The file appears under its name only when complete.

use super::deployment_key;
use crate::database;
use crate::settings::Settings;
use anyhow::{bail, Context, Result};
use clap::Args;
use spona_app::backup::{BackupRequest, PendingFile, Trigger};
use std::path::PathBuf;

/// Options of `spona backup`.
#[derive(Args)]
pub struct BackupArgs {
    /// The file to write (never overwritten); encrypted with --recipient, --recipients-file,
    /// --passphrase-file or SPONA_BACKUP_PASSPHRASE
    file: PathBuf,
    /// Put the master key inside the encrypted backup too (then the backup alone restores
    /// everything: keep it as safe as the key)
    #[arg(long)]
    include_key: bool,
}

/// Takes the backup and says what it holds.
pub async fn run(args: BackupArgs, settings: &Settings) -> Result<()> {
    let Some(lock) = &settings.backup.lock else {
        bail!(
            "backup: nothing to encrypt to; give --recipient age1…, --recipients-file FILE, \
             --passphrase-file FILE or SPONA_BACKUP_PASSPHRASE"
        );
    };
    let app = database::open_app(settings).await?;
    let key = if args.include_key {
        Some(
            deployment_key::existing(settings)?
                .context("backup: the deployment has no master key to include")?,
        )
    } else {
        None
    };
    let (pending, file) = PendingFile::create(&args.file)
        .with_context(|| format!("backup: cannot write {}", args.file.display()))?;
    let request = BackupRequest {
        lock,
        include_key: key.as_ref(),
        trigger: Trigger::Command,
    };
    let (summary, file) = app.take_backup(file, request).await?;
    let path = pending
        .complete(file)
        .with_context(|| format!("backup: cannot finish {}", args.file.display()))?;
    app.db().close().await;
    println!(
        "backup written to {}: {} rows in {} tables, schema version {}, audit trail to entry {}",
        path.display(),
        summary.rows,
        summary.tables,
        summary.schema_version,
        summary.audit_seq
    );
    if args.include_key {
        println!("the master key is inside this backup: keep it as safe as the key itself");
    }
    Ok(())
}

//! `spona restore FILE`: a backup into the empty database the settings name. The file, the
//! key and the audit chain are verified before anything is kept; a failure leaves the
//! database empty. Progress goes to standard error: a bar on a terminal, otherwise a line at
//! every tenth.

use super::deployment_key;
use crate::settings::Settings;
use anyhow::{bail, Context, Result};
use clap::Args;
use indicatif::{ProgressBar, ProgressStyle};
use spona_app::backup::{restore, RestoreRequest, Unlock};
use spona_app::{Db, SystemClock};
use std::io::IsTerminal;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

/// Options of `spona restore`.
#[derive(Args)]
pub struct RestoreArgs {
    /// The backup to restore
    file: PathBuf,
    /// The age identity file (AGE-SECRET-KEY-1…) of a backup encrypted to recipients; a
    /// passphrase comes from --passphrase-file or SPONA_BACKUP_PASSPHRASE
    #[arg(long, value_name = "FILE")]
    identity: Option<PathBuf>,
}

/// Restores, then says what came back.
pub async fn run(args: RestoreArgs, settings: &Settings) -> Result<()> {
    let unlock = unlock(&args, settings)?;
    let input = std::fs::File::open(&args.file)
        .with_context(|| format!("restore: cannot open {}", args.file.display()))?;
    let deployment_key = deployment_key::existing(settings)?;
    if settings.database_in_data_dir {
        crate::folders::create_private(&settings.data_dir, "data_dir")?;
    }
    let shown = settings.database.redacted();
    let db = Db::connect(&settings.database)
        .await
        .with_context(|| format!("cannot open the database {shown}"))?;
    let request = RestoreRequest {
        unlock,
        deployment_key,
        clock: Arc::new(SystemClock),
    };
    let progress = Progress::new();
    let restored = restore(&db, input, request, &|done, total| {
        progress.show(done, total)
    })
    .await;
    progress.end();
    db.close().await;
    let restored = restored.context("restore: nothing was restored")?;
    if let Some(key) = &restored.key_from_backup {
        let path = deployment_key::keep(settings, key).context(
            "restored, but the backup's master key could not be kept; without it the personal \
             data cannot be read: empty the database and restore again once this is fixed",
        )?;
        println!(
            "the master key from the backup was written to {}",
            path.display()
        );
    }
    println!(
        "restored {} rows from a {} backup taken at {} (schema version {}); {} cases open with \
         the key and the audit trail verifies ({} entries)",
        restored.rows,
        restored.engine,
        restored
            .taken_at
            .format(&time::format_description::well_known::Rfc3339)
            .unwrap_or_default(),
        restored.schema_version,
        restored.cases,
        restored.audit_entries
    );
    // The checkpoints beside the data describe the trail before the restore, which the
    // restored one no longer reaches; kept, under another name, as a record of that.
    let now = time::OffsetDateTime::now_utc().unix_timestamp();
    if let Some(aside) = crate::checkpoints::set_aside(&settings.audit_checkpoints, now)? {
        println!(
            "the audit checkpoints of the trail before the restore were moved to {}",
            aside.display()
        );
    }
    Ok(())
}

/// What opens the backup: the identity file given, else the passphrase of the settings.
fn unlock(args: &RestoreArgs, settings: &Settings) -> Result<Unlock> {
    if let Some(path) = &args.identity {
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("identity: cannot read {}", path.display()))?;
        return Unlock::identity_file(&text)
            .with_context(|| format!("identity: {}", path.display()));
    }
    match &settings.backup.passphrase {
        Some(passphrase) => Ok(Unlock::passphrase(passphrase)?),
        None => bail!(
            "restore: give --identity FILE for a backup encrypted to recipients, or the \
             passphrase in --passphrase-file FILE or SPONA_BACKUP_PASSPHRASE"
        ),
    }
}

/// Progress on standard error.
struct Progress {
    bar: Option<ProgressBar>,
    /// The last tenth reported when standard error is not a terminal.
    tenth: AtomicU64,
}

impl Progress {
    fn new() -> Progress {
        let bar = std::io::stderr().is_terminal().then(|| {
            let bar = ProgressBar::new(0);
            bar.set_style(
                ProgressStyle::with_template("restoring {bar:40} {percent:>3}% {pos}/{len} rows")
                    .unwrap_or_else(|_| ProgressStyle::default_bar()),
            );
            bar
        });
        Progress {
            bar,
            tenth: AtomicU64::new(0),
        }
    }

    fn show(&self, done: u64, total: u64) {
        match &self.bar {
            Some(bar) => {
                bar.set_length(total);
                bar.set_position(done);
            }
            None => {
                let tenth = (done * 10).checked_div(total).unwrap_or(10);
                if self.tenth.fetch_max(tenth, Ordering::Relaxed) < tenth {
                    eprintln!("restoring: {}% ({done} of {total} rows)", tenth * 10);
                }
            }
        }
    }

    fn end(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

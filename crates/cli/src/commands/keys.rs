//! `spona keys rotate`: moves the deployment to a new master key while it serves. The new key
//! is made in `spona.key.next` (or given as `SPONA_MASTER_KEY_NEXT` where keys live in the
//! environment), the rotation is recorded, the cases are swept (resumable: run it again after
//! an interruption), the database switches in one transaction, and the new key file takes
//! the place of the old one. Nothing of either key is ever printed.

mod progress;

use crate::database::{self, MASTER_KEY_ENV, MASTER_KEY_NEXT_ENV, NEXT_KEY_FILE};
use crate::key_watch::KEY_CHECK_EVERY;
use crate::settings::Settings;
use crate::shutdown;
use anyhow::{anyhow, bail, Context, Result};
use clap::{Args, Subcommand};
use progress::SweepProgress;
use spona_app::keys::{SweepControl, SweepOutcome, Switched};
use spona_app::{App, AppError, Keyring, MasterKey, SystemClock};
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

/// How many times the switch is tried while instances keep adding or editing cases.
const SWITCH_ATTEMPTS: u32 = 5;

/// What to do with the master key.
#[derive(Subcommand)]
pub enum KeysCommand {
    /// Re-wrap all personal data under a new master key while the deployment serves;
    /// resumable (run it again after an interruption)
    Rotate(RotateArgs),
}

/// Options of `spona keys rotate`.
#[derive(Args)]
pub struct RotateArgs {
    /// Cases re-wrapped per transaction
    #[arg(long, value_name = "N", default_value_t = 100,
          value_parser = clap::value_parser!(i64).range(1..=10_000))]
    batch: i64,
    /// Drop the rotation under way instead (its next key is lost, or was the wrong one);
    /// the data stays under the current key
    #[arg(long)]
    abandon: bool,
}

/// Runs the keys command.
pub async fn run(command: KeysCommand, settings: &Settings) -> Result<()> {
    match command {
        KeysCommand::Rotate(args) => rotate(args, settings).await,
    }
}

/// Where the next key comes from.
enum NextKey {
    /// `spona.key.next` in the data directory, promoted over `spona.key` at the end.
    File(std::path::PathBuf),
    /// `SPONA_MASTER_KEY_NEXT`; the operator moves it into `SPONA_MASTER_KEY` afterwards.
    Environment,
}

async fn rotate(args: RotateArgs, settings: &Settings) -> Result<()> {
    let stop = Arc::new(AtomicBool::new(false));
    let signal = shutdown::signal()?;
    let flag = stop.clone();
    tokio::spawn(async move {
        signal.await;
        flag.store(true, Ordering::Relaxed);
    });

    let opened = database::open_checked(settings, database::MakeKey::ForEmptyDatabase).await?;
    drop(opened.start);
    let Some(key) = opened.key else {
        bail!("no master key was made for the database");
    };
    if opened.finished_switch {
        println!(
            "The rotation had already switched the database to the new master key; its key \
             file is now in place. Nothing more to do."
        );
        return Ok(());
    }
    let app = App::new(
        opened.db,
        Arc::new(SystemClock),
        settings.auth(),
        Keyring::new(&key),
    );
    let in_environment = database::environment_key(MASTER_KEY_ENV)?.is_some();
    let next_file = settings.data_dir.join(NEXT_KEY_FILE);
    if args.abandon {
        return abandon(&app, in_environment, &next_file, &key).await;
    }

    let status = app.rotation_status().await.map_err(crate::problems::app)?;
    let (next, source) = if in_environment {
        let Some(next) = database::environment_key(MASTER_KEY_NEXT_ENV)? else {
            bail!(
                "the master key is in the environment, so the new one must be too: give it as \
                 {MASTER_KEY_NEXT_ENV} (32 bytes in base64, e.g. from `openssl rand -base64 \
                 32`) to this command, and restart every instance with it beside \
                 {MASTER_KEY_ENV} first"
            );
        };
        if next.check_value() == key.check_value() {
            println!(
                "The database already uses the key in {MASTER_KEY_NEXT_ENV}: set \
                 {MASTER_KEY_ENV} to it on every instance and remove {MASTER_KEY_NEXT_ENV}."
            );
            return Ok(());
        }
        (next, NextKey::Environment)
    } else {
        let next = match (&status, MasterKey::load(&next_file)?) {
            (_, Some(next)) => next,
            (None, None) => {
                let made = MasterKey::create(&next_file)?;
                println!("A new master key was made in {}.", next_file.display());
                made
            }
            (Some(_), None) => bail!(
                "a key rotation is under way, but its new key file {} is missing. Put it back \
                 and run `spona keys rotate` again, or drop the rotation with `spona keys \
                 rotate --abandon` (the data stays under the current key)",
                next_file.display()
            ),
        };
        (next, NextKey::File(next_file.clone()))
    };
    let shown_source = match &source {
        NextKey::File(path) => format!("the key file {}", path.display()),
        NextKey::Environment => MASTER_KEY_NEXT_ENV.to_string(),
    };
    if let Some(s) = &status {
        if s.next_check != next.check_value() {
            bail!(
                "a key rotation to another key than the one in {shown_source} is under way. \
                 Give its key, or drop it with `spona keys rotate --abandon` (the data stays \
                 under the current key)"
            );
        }
        println!(
            "Continuing the key rotation under way ({} of {} cases re-wrapped).",
            s.swept, s.cases
        );
    }
    let begun = app.begin_rotation(&next).await.map_err(|e| match e {
        AppError::Conflict => anyhow!(
            "the key in {shown_source} is the master key in force already; a rotation needs a \
             new key"
        ),
        other => crate::problems::app(other),
    })?;

    let mut attempts = 0;
    let switched = loop {
        sweep(&app, &next, args.batch, &stop).await?;
        settle(begun.started_at, &stop).await?;
        attempts += 1;
        match app.switch_keys(&next).await.map_err(meanwhile)? {
            Switched::Done { cases, .. } => break cases,
            Switched::Lacking { cases } if attempts < SWITCH_ATTEMPTS => {
                println!("{cases} cases were added or edited meanwhile; re-wrapping them.");
            }
            Switched::Lacking { cases } => bail!(
                "{cases} cases keep being added or edited faster than the switch can follow; \
                 the data stays under the current key. Run `spona keys rotate` again in a \
                 quieter moment"
            ),
        }
    };
    match source {
        NextKey::File(path) => {
            let current = settings.data_dir.join(database::KEY_FILE);
            MasterKey::promote_file(&path, &current).with_context(|| {
                "the database switched to the new key, but the key files could \
                                  not be swapped; run `spona keys rotate` again to finish"
            })?;
            println!(
                "The master key was rotated: {switched} cases now open only with the new key in \
                 {}; the old key file is gone. Running servers take up the new key by themselves. \
                 Backups made before now open only with the old key.",
                current.display()
            );
        }
        NextKey::Environment => println!(
            "The master key was rotated: {switched} cases now open only with the key in \
             {MASTER_KEY_NEXT_ENV}; running instances that were given it use it already. Now set \
             {MASTER_KEY_ENV} to that key on every instance and remove {MASTER_KEY_NEXT_ENV}; \
             then forget the old key. Backups made before now open only with the old key."
        ),
    }
    Ok(())
}

/// Sweeps until every case has its next values; an interruption ends the command with how
/// far it got.
async fn sweep(app: &App, next: &MasterKey, batch: i64, stop: &AtomicBool) -> Result<()> {
    let progress = SweepProgress::new();
    let control = SweepControl {
        batch,
        stop_after: None,
        stop: Some(stop),
    };
    let outcome = app
        .sweep_rotation(next, control, &|swept, cases| progress.show(swept, cases))
        .await;
    progress.finish();
    match outcome.map_err(meanwhile)? {
        SweepOutcome::Done { .. } => Ok(()),
        SweepOutcome::Stopped { cases, swept } => bail!(
            "interrupted after re-wrapping {swept} of {cases} cases; the data is readable with \
             the current key as before. Run `spona keys rotate` again to continue"
        ),
    }
}

/// The error of a sweep or switch, the rotation having ended under it explained.
fn meanwhile(error: AppError) -> anyhow::Error {
    match error {
        AppError::Conflict => anyhow!(
            "the key rotation was finished, dropped or replaced meanwhile (by another `spona \
             keys rotate`?); this one did nothing more"
        ),
        other => crate::problems::app(other),
    }
}

/// Waits until running servers have had the time to look at the key once since the rotation
/// was recorded, so that one without the new key knows, before the switch, that it will lack
/// it (and answers "temporarily unavailable" rather than failing).
async fn settle(started_at: i64, stop: &AtomicBool) -> Result<()> {
    let ready_at = started_at + KEY_CHECK_EVERY.as_secs() as i64 + 5;
    let now = time::OffsetDateTime::now_utc().unix_timestamp();
    if now >= ready_at {
        return Ok(());
    }
    println!(
        "Waiting {} seconds for running servers to notice the rotation before switching.",
        ready_at - now
    );
    for _ in now..ready_at {
        if stop.load(Ordering::Relaxed) {
            bail!(
                "interrupted before the switch; the data is readable with the current key as \
                 before. Run `spona keys rotate` again to continue"
            );
        }
        tokio::time::sleep(Duration::from_secs(1)).await;
    }
    Ok(())
}

/// Drops the rotation under way; the next key file goes too, unless it is the database's key.
async fn abandon(app: &App, in_environment: bool, next_file: &Path, key: &MasterKey) -> Result<()> {
    let Some(status) = app.rotation_status().await.map_err(crate::problems::app)? else {
        println!("No key rotation is under way.");
        return Ok(());
    };
    app.abandon_rotation().await.map_err(crate::problems::app)?;
    if !in_environment {
        if let Some(next) = MasterKey::load(next_file)? {
            if next.check_value() != key.check_value() {
                std::fs::remove_file(next_file)
                    .with_context(|| format!("cannot remove {}", next_file.display()))?;
            }
        }
    }
    println!(
        "The key rotation was dropped ({} of {} cases had been re-wrapped); the data stays under \
         the current key.",
        status.swept, status.cases
    );
    Ok(())
}

//! Opening the deployment's database for a command: connect, wait for our turn if other
//! instances are starting on it, make sure the master key is the database's own, migrate.
//!
//! During a key rotation two keys are at hand: the current one (`spona.key`, or
//! `SPONA_MASTER_KEY`) and the next (`spona.key.next`, or `SPONA_MASTER_KEY_NEXT`). The
//! database's recorded check value tells which of them is its key. A start that finds the
//! database already switched to the next key while the key files were not yet swapped (a
//! crash between the two) finishes the swap itself.

use crate::keys_at_hand::KeysAtHand;
use crate::settings::Settings;
use anyhow::{bail, Context, Result};
use spona_app::{custody, App, Db, Keyring, MasterKey, SystemClock};
use spona_store::{DatabaseUrl, StartLock};
use std::sync::Arc;

/// The environment variable that may hold the master key (base64), for deployments whose
/// instances share no disk; otherwise the key file in the data directory is used.
pub const MASTER_KEY_ENV: &str = "SPONA_MASTER_KEY";
/// The key file in the data directory, created at first start with mode 0600.
pub const KEY_FILE: &str = "spona.key";
/// The environment variable that holds the next master key during a rotation, for
/// deployments whose keys are in the environment.
pub const MASTER_KEY_NEXT_ENV: &str = "SPONA_MASTER_KEY_NEXT";
/// The key file of the next master key while a rotation is under way (mode 0600); it takes
/// the place of the key file when the rotation switches.
pub const NEXT_KEY_FILE: &str = "spona.key.next";

/// The database, opened, checked against its key and migrated, with the key, while this
/// instance holds the turn to start.
pub struct Opened {
    pub db: Db,
    /// None only when the database is empty and no key was asked for (`spona migrate`).
    pub key: Option<MasterKey>,
    /// Held until the caller has done its start-up writes (demo, first administrator).
    pub start: StartLock,
    /// The database had switched to the next key of a rotation whose key files were not yet
    /// swapped, and this opening swapped them.
    pub finished_switch: bool,
}

/// Opens the database the settings name: connects, takes the start turn, refuses a missing
/// or wrong master key before anything is written, and brings the schema up to date. The
/// data directory is created only when the key file or the default SQLite file lives in it.
pub async fn open_checked(settings: &Settings, make_key: MakeKey) -> Result<Opened> {
    open_checked_with(settings, make_key, settings.pool()).await
}

/// [`open_checked`] with pool settings of the caller's (the data generator's bulk load).
async fn open_checked_with(
    settings: &Settings,
    make_key: MakeKey,
    pool: spona_store::PoolSettings,
) -> Result<Opened> {
    if settings.database_in_data_dir {
        crate::folders::create_private(&settings.data_dir, "data_dir")?;
    }
    let shown = settings.database.redacted();
    let turn = || format!("cannot take the start turn on the database {shown}");
    // SQLite's turn is a file beside the database, taken before opening it; PostgreSQL's is
    // a lock inside the database, taken once connected.
    let early = match &settings.database {
        DatabaseUrl::Sqlite(path) => Some(
            StartLock::before_opening(path)
                .await
                .with_context(|| format!("cannot open the database {shown}"))?,
        ),
        _ => None,
    };
    let db = Db::connect_with(&settings.database, pool)
        .await
        .with_context(|| format!("cannot open the database {shown}"))?;
    let start = match early {
        Some(start) => start,
        None => db.lock_start(&settings.database).await.with_context(turn)?,
    };
    let (key, finished_switch) = match master_key(settings, &db, make_key).await {
        Ok(found) => found,
        Err(refused) => {
            // Closed cleanly, so that the refusal leaves the files as they were.
            drop(start);
            db.close().await;
            return Err(refused);
        }
    };
    db.migrate()
        .await
        .with_context(|| format!("cannot migrate the database {shown}"))?;
    if let Some(key) = &key {
        custody::record_key(&db, key, time::OffsetDateTime::now_utc().unix_timestamp())
            .await
            .with_context(|| format!("cannot record the key check in the database {shown}"))?;
    }
    Ok(Opened {
        db,
        key,
        start,
        finished_switch,
    })
}

/// Whether opening makes a key for an empty database.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MakeKey {
    /// Yes: the command seals or reads personal data.
    ForEmptyDatabase,
    /// No: the command only migrates; the first command that needs a key makes it. A
    /// database with data still needs its own key.
    Never,
}

/// The database, checked and migrated, for commands that use no keys (`spona migrate`).
pub async fn open(settings: &Settings) -> Result<Db> {
    Ok(open_checked(settings, MakeKey::Never).await?.db)
}

/// The application over the opened database, with the system clock and the deployment's keys.
pub async fn open_app(settings: &Settings) -> Result<App> {
    Ok(open_app_to_start(settings).await?.0)
}

/// The application, and the start turn still held (serve seeds and issues links under it).
pub async fn open_app_to_start(settings: &Settings) -> Result<(App, StartLock)> {
    open_app_with(settings, settings.pool()).await
}

/// The application over a database opened for a bulk load (`spona demo --scale`): commits
/// are not flushed one by one; the caller makes the data durable at the end.
pub async fn open_app_for_bulk_load(settings: &Settings) -> Result<App> {
    let pool = spona_store::PoolSettings {
        bulk_load: true,
        ..settings.pool()
    };
    Ok(open_app_with(settings, pool).await?.0)
}

async fn open_app_with(
    settings: &Settings,
    pool: spona_store::PoolSettings,
) -> Result<(App, StartLock)> {
    let Opened { db, key, start, .. } =
        open_checked_with(settings, MakeKey::ForEmptyDatabase, pool).await?;
    let Some(key) = key else {
        bail!("no master key was made for the database");
    };
    let app = App::new(
        db,
        Arc::new(SystemClock),
        settings.auth(),
        Keyring::new(&key),
    )
    .with_key_source(Arc::new(KeysAtHand::of(settings)?))
    .with_answer_deadlines(settings.answer_within)
    .with_disclosure_threshold(settings.disclosure)
    .with_passkeys(&settings.public_url)
    .with_alert_rules(settings.alerts.clone())
    .with_time_zone(settings.time_zone.clone())
    .with_retention(settings.retention);
    let app = match &settings.mail {
        Some(mail) => app.with_mail(mail.clone()),
        None => app,
    };
    // Data written by an earlier release is brought forward before anything reads it:
    // referral purposes kept in plain text are sealed (under the start turn, once).
    let sealed = app.seal_plain_purposes().await.map_err(|e| {
        anyhow::anyhow!("cannot seal the referral purposes of an earlier release: {e}")
    })?;
    if sealed > 0 {
        tracing::info!(
            sealed,
            "sealed referral purposes kept in plain text by an earlier release"
        );
    }
    Ok((app, start))
}

/// The deployment's master key: from the environment, or from the key file; during a key
/// rotation, whichever of the current and the next key is the database's (and true when
/// the next key file was found to be it, and promoted). A new key is made (in the key file)
/// only for a database that holds nothing yet; a database with data and no key, or with a
/// key that is not its own, is refused with what is missing and where.
async fn master_key(
    settings: &Settings,
    db: &Db,
    make_key: MakeKey,
) -> Result<(Option<MasterKey>, bool)> {
    let shown = settings.database.redacted();
    let refused = |source: &str| {
        anyhow::anyhow!(
            "the master key from {source} is not the key of the database {shown}: it cannot \
             open the data sealed there. Nothing was changed; start with the key that belongs \
             to this database"
        )
    };
    if let Some(current) = environment_key(MASTER_KEY_ENV)? {
        if custody::key_fits(db, &current).await? {
            return Ok((Some(current), false));
        }
        if let Some(next) = environment_key(MASTER_KEY_NEXT_ENV)? {
            if custody::key_fits(db, &next).await? {
                eprintln!(
                    "note: the database uses the key in {MASTER_KEY_NEXT_ENV} (a key rotation \
                     switched): set {MASTER_KEY_ENV} to it and remove {MASTER_KEY_NEXT_ENV}"
                );
                return Ok((Some(next), false));
            }
            return Err(refused(&format!(
                "the environment variables {MASTER_KEY_ENV} and {MASTER_KEY_NEXT_ENV}"
            )));
        }
        return Err(refused(&format!(
            "the environment variable {MASTER_KEY_ENV}"
        )));
    }
    if std::env::var_os(MASTER_KEY_NEXT_ENV).is_some() {
        bail!(
            "{MASTER_KEY_NEXT_ENV} is set but {MASTER_KEY_ENV} is not: a deployment keeps its \
             master keys either in the environment (both variables during a rotation) or in \
             key files in the data directory"
        );
    }
    let file = settings.data_dir.join(KEY_FILE);
    let next_file = settings.data_dir.join(NEXT_KEY_FILE);
    let current = MasterKey::load(&file)?;
    if let Some(key) = &current {
        if custody::key_fits(db, key).await? {
            return Ok((Some(key.clone()), false));
        }
    }
    if let Some(next) = MasterKey::load(&next_file)? {
        if custody::key_fits(db, &next).await? {
            // The rotation switched the database, then stopped before the key files were
            // swapped: the swap is finished here.
            MasterKey::promote_file(&next_file, &file)?;
            eprintln!(
                "note: the database had switched to the new master key of a rotation; {} now \
                 holds it",
                file.display()
            );
            return Ok((Some(next), true));
        }
    }
    match current {
        Some(_) => Err(refused(&format!("the key file {}", file.display()))),
        None if custody::needs_its_key(db).await? => bail!(
            "the database {shown} holds data, but its master key is missing: expected the key \
             file {} (mode 0600) or the environment variable {MASTER_KEY_ENV}. Nothing was \
             changed; put back the key that belongs to this database (a new key is made only \
             for an empty database)",
            file.display()
        ),
        None if make_key == MakeKey::Never => Ok((None, false)),
        None => {
            crate::folders::create_private(&settings.data_dir, "data_dir")?;
            Ok((Some(MasterKey::create(&file)?), false))
        }
    }
}

/// A master key from an environment variable, if it is set; a malformed one is refused.
pub fn environment_key(name: &str) -> Result<Option<MasterKey>> {
    match std::env::var(name) {
        Ok(text) => MasterKey::from_base64(&text)
            .map(Some)
            .with_context(|| format!("{name} is not a valid key (32 bytes in base64)")),
        Err(std::env::VarError::NotPresent) => Ok(None),
        Err(std::env::VarError::NotUnicode(_)) => {
            bail!("{name} is not a valid key (32 bytes in base64)")
        }
    }
}

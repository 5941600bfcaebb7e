//! Opening the deployment's database for a command: connect, wait for our turn if other
//! instances are starting on it, make sure the master key is the database's own, migrate.

use crate::settings::Settings;
use anyhow::{bail, Context, Result};
use spona_app::{custody, App, Db, Keyring, MasterKey, SystemClock};
use spona_store::StartLock;
use std::sync::Arc;

/// The environment variable that may hold the master key (base64), for deployments whose
/// instances share no disk; otherwise the key file in the data directory is used.
pub const MASTER_KEY_ENV: &str = "SPONA_MASTER_KEY";
/// The key file in the data directory, created at first start with mode 0600.
pub const KEY_FILE: &str = "spona.key";

/// The database, opened, checked against its key and migrated, with the key, while this
/// instance holds the turn to start.
pub struct Opened {
    pub db: Db,
    /// None only when the database is empty and no key was asked for (`spona migrate`).
    pub key: Option<MasterKey>,
    /// Held until the caller has done its start-up writes (demo, first administrator).
    pub start: StartLock,
}

/// Opens the database the settings name: connects, takes the start turn, refuses a missing
/// or wrong master key before anything is written, and brings the schema up to date. The
/// data directory is created only when the key file or the default SQLite file lives in it.
pub async fn open_checked(settings: &Settings, make_key: MakeKey) -> Result<Opened> {
    if settings.database_in_data_dir {
        crate::folders::create_private(&settings.data_dir, "data_dir")?;
    }
    let shown = settings.database.redacted();
    let db = Db::connect_with(&settings.database, settings.pool())
        .await
        .with_context(|| format!("cannot open the database {shown}"))?;
    let start = db
        .lock_start(&settings.database)
        .await
        .with_context(|| format!("cannot take the start turn on the database {shown}"))?;
    let key = match master_key(settings, &db, make_key).await {
        Ok(key) => key,
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
    Ok(Opened { db, key, start })
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
    let Opened { db, key, start } = open_checked(settings, MakeKey::ForEmptyDatabase).await?;
    let Some(key) = key else {
        bail!("no master key was made for the database");
    };
    let app = App::new(
        db,
        Arc::new(SystemClock),
        settings.auth(),
        Keyring::new(&key),
    )
    .with_answer_deadlines(settings.answer_within)
    .with_disclosure_threshold(settings.disclosure);
    let app = match &settings.mail {
        Some(mail) => app.with_mail(mail.clone()),
        None => app,
    };
    Ok((app, start))
}

/// The deployment's master key: from the environment, or from the key file. A new key is
/// made (in the key file) only for a database that holds nothing yet; a database with data
/// and no key, or with a key that is not its own, is refused with what is missing and where.
async fn master_key(settings: &Settings, db: &Db, make_key: MakeKey) -> Result<Option<MasterKey>> {
    let file = settings.data_dir.join(KEY_FILE);
    let given = match std::env::var(MASTER_KEY_ENV) {
        Ok(text) => Some((
            MasterKey::from_base64(&text).with_context(|| {
                format!("{MASTER_KEY_ENV} is not a valid key (32 bytes in base64)")
            })?,
            format!("the environment variable {MASTER_KEY_ENV}"),
        )),
        Err(_) => MasterKey::load(&file)?.map(|k| (k, format!("the key file {}", file.display()))),
    };
    let shown = settings.database.redacted();
    match given {
        Some((key, source)) => {
            if !custody::key_fits(db, &key).await? {
                bail!(
                    "the master key from {source} is not the key of the database {shown}: it \
                     cannot open the data sealed there. Nothing was changed; start with the key \
                     that belongs to this database"
                );
            }
            Ok(Some(key))
        }
        None if custody::needs_its_key(db).await? => bail!(
            "the database {shown} holds data, but its master key is missing: expected the key \
             file {} (mode 0600) or the environment variable {MASTER_KEY_ENV}. Nothing was \
             changed; put back the key that belongs to this database (a new key is made only \
             for an empty database)",
            file.display()
        ),
        None if make_key == MakeKey::Never => Ok(None),
        None => {
            crate::folders::create_private(&settings.data_dir, "data_dir")?;
            Ok(Some(MasterKey::create(&file)?))
        }
    }
}

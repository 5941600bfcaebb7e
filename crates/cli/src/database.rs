//! Opening the deployment's database for a command.

use crate::settings::Settings;
use anyhow::{bail, Context, Result};
use spona_app::{App, Db, Keyring, MasterKey, SystemClock};
use std::path::Path;
use std::sync::Arc;

/// Opens the database the settings name and brings its schema up to date. The data
/// directory is created only for the default SQLite file in it: a database put elsewhere
/// on purpose gets no folder the operator did not ask for.
pub async fn open(settings: &Settings) -> Result<Db> {
    if settings.database_in_data_dir {
        create_private_dir(&settings.data_dir)?;
    }
    let shown = settings.database.redacted();
    let db = Db::connect(&settings.database)
        .await
        .with_context(|| format!("cannot open the database {shown}"))?;
    db.migrate()
        .await
        .with_context(|| format!("cannot migrate the database {shown}"))?;
    Ok(db)
}

/// The environment variable that may hold the master key (base64), for deployments whose
/// instances share no disk; otherwise the key file in the data directory is used.
pub const MASTER_KEY_ENV: &str = "SPONA_MASTER_KEY";
/// The key file in the data directory, created at first start with mode 0600.
pub const KEY_FILE: &str = "spona.key";

/// The application over the opened database, with the system clock and the deployment's keys.
pub async fn open_app(settings: &Settings) -> Result<App> {
    let master = master_key(settings)?;
    let db = open(settings).await?;
    let app = App::new(
        db,
        Arc::new(SystemClock),
        settings.auth(),
        Keyring::new(&master),
    )
    .with_answer_deadlines(settings.answer_within)
    .with_disclosure_threshold(settings.disclosure);
    Ok(match &settings.mail {
        Some(mail) => app.with_mail(mail.clone()),
        None => app,
    })
}

/// The master key: from the environment, or from the key file (created when missing; a file
/// others can read is refused, since the key protects every person's data).
fn master_key(settings: &Settings) -> Result<MasterKey> {
    if let Ok(text) = std::env::var(MASTER_KEY_ENV) {
        return MasterKey::from_base64(&text)
            .with_context(|| format!("{MASTER_KEY_ENV} is not a valid key (32 bytes in base64)"));
    }
    create_private_dir(&settings.data_dir)?;
    Ok(MasterKey::load_or_create(
        &settings.data_dir.join(KEY_FILE),
    )?)
}

/// Creates the folder (and missing parents) readable only by its owner: it will hold the
/// database with every team's records.
fn create_private_dir(dir: &Path) -> Result<()> {
    if dir.is_dir() {
        return Ok(());
    }
    if dir.exists() {
        bail!("data_dir: {} exists but is not a folder", dir.display());
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
        .with_context(|| format!("cannot create the data directory {}", dir.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_data_directory_is_created_private() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("a/data");
        create_private_dir(&dir).unwrap();
        assert!(dir.is_dir());
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&dir).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o700);
        }
        create_private_dir(&dir).unwrap();
    }

    #[test]
    fn a_file_in_the_way_is_refused() {
        let tmp = tempfile::tempdir().unwrap();
        let file = tmp.path().join("data");
        std::fs::write(&file, "").unwrap();
        let err = create_private_dir(&file).err().unwrap().to_string();
        assert!(err.contains("not a folder"), "{err}");
    }
}

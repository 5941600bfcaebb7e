//! Instances that start at the same time on one database take turns: the first migrates,
//! checks the key, seeds the demo and issues the first administrator's link; the others
//! wait for it and then find everything done.

use crate::{Backend, Conn, DatabaseUrl, Db, StoreError};
use sqlx::Executor;
use std::path::PathBuf;

/// The advisory-lock number of starting up (PostgreSQL); any fixed number unused elsewhere.
const START_LOCK: i64 = 0x5350_4f4e_4101;

/// Held while an instance starts; dropping it lets the next one in.
pub struct StartLock {
    /// PostgreSQL: a session-level advisory lock, released when its connection closes.
    _connection: Option<Conn>,
    /// SQLite: an exclusive lock on a file beside the database, released when closed.
    _file: Option<std::fs::File>,
}

impl Db {
    /// Waits until no other instance is starting on this database, then holds the turn.
    pub async fn lock_start(&self, url: &DatabaseUrl) -> Result<StartLock, StoreError> {
        match (self.backend(), url) {
            (Backend::Postgres, _) => {
                let mut conn = self.conn().await?;
                // The lock dies with the connection, so it is never pooled again.
                conn.close_on_drop();
                conn.execute(format!("SELECT pg_advisory_lock({START_LOCK})").as_str())
                    .await?;
                Ok(StartLock {
                    _connection: Some(conn),
                    _file: None,
                })
            }
            (Backend::Sqlite, DatabaseUrl::Sqlite(path)) => StartLock::before_opening(path).await,
            (Backend::Sqlite, DatabaseUrl::Postgres(_)) => Err(StoreError::Url(
                "the database and its URL name different engines".into(),
            )),
        }
    }
}

impl StartLock {
    /// The start turn on an SQLite database, taken before the database is opened at all, so
    /// that creating its file and switching it to the write-ahead log are done by one
    /// instance at a time too.
    pub async fn before_opening(path: &std::path::Path) -> Result<StartLock, StoreError> {
        crate::files::check_folder(path)?;
        let mut name = path.as_os_str().to_owned();
        name.push(".lock");
        let path = PathBuf::from(name);
        let file = tokio::task::spawn_blocking(move || lock_file(path))
            .await
            .map_err(|e| StoreError::File(format!("start lock: {e}")))??;
        Ok(StartLock {
            _connection: None,
            _file: Some(file),
        })
    }
}

/// Opens (creating, private) and locks the lock file, waiting for another holder.
fn lock_file(path: PathBuf) -> Result<std::fs::File, StoreError> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true).write(true).create(true).truncate(false);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let shown = path.display().to_string();
    let file = options
        .open(&path)
        .map_err(|e| StoreError::File(format!("cannot open the lock file {shown}: {e}")))?;
    file.lock()
        .map_err(|e| StoreError::File(format!("cannot lock {shown}: {e}")))?;
    Ok(file)
}

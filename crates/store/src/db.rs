//! The connection pool over either engine, and transactions that serialise SQLite writers.

use crate::{DatabaseUrl, StoreError};
use sqlx::any::AnyPoolOptions;
use sqlx::migrate::Migrator;
use sqlx::AnyConnection;
use sqlx::{AnyPool, Executor};
use std::ops::{Deref, DerefMut};
use std::sync::Arc;
use tokio::sync::{Mutex, OwnedMutexGuard};

static SQLITE_MIGRATIONS: Migrator = sqlx::migrate!("./migrations/sqlite");
static POSTGRES_MIGRATIONS: Migrator = sqlx::migrate!("./migrations/postgres");

/// Which engine a database runs on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// A pooled connection for reads.
pub type Conn = sqlx::pool::PoolConnection<sqlx::Any>;

/// The database: a pool and, on SQLite, a gate that lets one writer in at a time, so that
/// writers queue instead of failing with "database is locked" when a read lock upgrades.
#[derive(Clone)]
pub struct Db {
    pool: AnyPool,
    backend: Backend,
    write_gate: Option<Arc<Mutex<()>>>,
}

/// A write transaction; rolls back when dropped without `commit`.
pub struct Tx {
    inner: sqlx::Transaction<'static, sqlx::Any>,
    backend: Backend,
    _gate: Option<OwnedMutexGuard<()>>,
}

impl Db {
    /// Connects to the database the URL names. An SQLite file is created when missing, but
    /// its folder must exist: nothing is created in a place the operator did not mean.
    pub async fn connect(url: &DatabaseUrl) -> Result<Db, StoreError> {
        sqlx::any::install_default_drivers();
        match url {
            DatabaseUrl::Sqlite(path) => {
                let parent = path.parent().filter(|p| !p.as_os_str().is_empty());
                if let Some(dir) = parent {
                    if !dir.is_dir() {
                        return Err(StoreError::Url(format!(
                            "the folder {} of the SQLite database does not exist",
                            dir.display()
                        )));
                    }
                }
                let pool = AnyPoolOptions::new()
                    .max_connections(8)
                    .after_connect(|conn, _meta| {
                        Box::pin(async move {
                            conn.execute("PRAGMA foreign_keys = ON").await?;
                            conn.execute("PRAGMA synchronous = FULL").await?;
                            conn.execute("PRAGMA busy_timeout = 5000").await?;
                            // Table statistics let the planner choose between indexes (a
                            // receiver's referrals about a page of cases: by case, not by
                            // receiver); bounded so that it costs milliseconds at any size.
                            conn.execute("PRAGMA analysis_limit = 400").await?;
                            conn.execute("PRAGMA optimize = 0x10002").await?;
                            Ok(())
                        })
                    })
                    .connect(&format!("sqlite://{}?mode=rwc", path.display()))
                    .await?;
                pool.execute("PRAGMA journal_mode = WAL").await?;
                Ok(Db {
                    pool,
                    backend: Backend::Sqlite,
                    write_gate: Some(Arc::new(Mutex::new(()))),
                })
            }
            DatabaseUrl::Postgres(url) => {
                let pool = AnyPoolOptions::new()
                    .max_connections(16)
                    .connect(url)
                    .await?;
                Ok(Db {
                    pool,
                    backend: Backend::Postgres,
                    write_gate: None,
                })
            }
        }
    }

    /// Brings the schema up to date with the migrations of this engine.
    pub async fn migrate(&self) -> Result<(), StoreError> {
        match self.backend {
            Backend::Sqlite => {
                SQLITE_MIGRATIONS.run(&self.pool).await?;
                // New tables and indexes get their statistics now rather than at the next
                // connection.
                self.pool.execute("PRAGMA optimize = 0x10002").await?;
            }
            Backend::Postgres => POSTGRES_MIGRATIONS.run(&self.pool).await?,
        }
        Ok(())
    }

    /// The versions of the migrations this build carries for the engine.
    pub fn migration_versions(backend: Backend) -> Vec<i64> {
        let m = match backend {
            Backend::Sqlite => &SQLITE_MIGRATIONS,
            Backend::Postgres => &POSTGRES_MIGRATIONS,
        };
        m.iter().map(|m| m.version).collect()
    }

    /// The engine.
    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// A connection for reads.
    pub async fn conn(&self) -> Result<Conn, StoreError> {
        Ok(self.pool.acquire().await?)
    }

    /// Starts a write transaction.
    pub async fn begin(&self) -> Result<Tx, StoreError> {
        let gate = match &self.write_gate {
            Some(gate) => Some(gate.clone().lock_owned().await),
            None => None,
        };
        // SQLite: take the write lock at the start. A deferred transaction that reads and
        // then writes fails at once ("locked") if anyone else wrote in between, which the
        // gate cannot prevent for writers outside this process or a new connection's
        // statistics; an immediate one makes them wait for it instead.
        let inner = match self.backend {
            Backend::Sqlite => self.pool.begin_with("BEGIN IMMEDIATE").await?,
            Backend::Postgres => self.pool.begin().await?,
        };
        Ok(Tx {
            inner,
            backend: self.backend,
            _gate: gate,
        })
    }

    /// Checks that the database answers.
    pub async fn ping(&self) -> Result<(), StoreError> {
        sqlx::query("SELECT 1").execute(&self.pool).await?;
        Ok(())
    }

    /// Reads a PRAGMA value (SQLite only), for checks of the connection settings.
    pub async fn sqlite_pragma(&self, name: &str) -> Result<String, StoreError> {
        use sqlx::Row;
        let row = sqlx::query(&format!("PRAGMA {name}"))
            .fetch_one(&self.pool)
            .await?;
        let value: Result<String, _> = row.try_get(0);
        match value {
            Ok(v) => Ok(v),
            Err(_) => Ok(row.try_get::<i64, _>(0)?.to_string()),
        }
    }

    /// The tables and their columns, sorted, for comparing the two engines' schemas.
    pub async fn schema(&self) -> Result<Vec<(String, String)>, StoreError> {
        use sqlx::Row;
        let sql = match self.backend {
            Backend::Sqlite => {
                "SELECT m.name, p.name FROM sqlite_master m, pragma_table_info(m.name) p \
                 WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name NOT LIKE '_sqlx%' \
                 ORDER BY m.name, p.name"
            }
            Backend::Postgres => {
                "SELECT table_name::text, column_name::text FROM information_schema.columns \
                 WHERE table_schema = current_schema() AND table_name NOT LIKE '_sqlx%' \
                 ORDER BY table_name, column_name"
            }
        };
        let rows = sqlx::query(sql).fetch_all(&self.pool).await?;
        rows.iter()
            .map(|r| Ok((r.try_get(0)?, r.try_get(1)?)))
            .collect::<Result<_, sqlx::Error>>()
            .map_err(StoreError::from)
    }

    /// Closes the pool, waiting for connections to be returned.
    pub async fn close(&self) {
        self.pool.close().await;
    }
}

impl Tx {
    /// The engine, for the few statements whose dialects differ.
    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// Commits the transaction.
    pub async fn commit(self) -> Result<(), StoreError> {
        self.inner.commit().await?;
        Ok(())
    }
}

impl Deref for Tx {
    type Target = AnyConnection;
    fn deref(&self) -> &AnyConnection {
        &self.inner
    }
}

impl DerefMut for Tx {
    fn deref_mut(&mut self) -> &mut AnyConnection {
        &mut self.inner
    }
}

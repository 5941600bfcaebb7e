//! The connection pool over either engine, and transactions that serialise SQLite writers.
//!
//! Transactions are begun and ended by this module itself rather than by sqlx's
//! `Transaction`: when a commit fails (disk full, I/O error, a read-only file system, the
//! server gone), sqlx returned the connection to the pool still counting an open
//! transaction, and every later write on it failed until a restart. Here a connection whose
//! transaction did not end cleanly is closed, never pooled again.

use crate::health::Health;
use crate::{DatabaseUrl, StoreError};
use sqlx::any::AnyPoolOptions;
use sqlx::migrate::Migrator;
use sqlx::AnyConnection;
use sqlx::{AnyPool, Connection, Executor};
use std::ops::{Deref, DerefMut};
use std::sync::Arc;
use std::time::Duration;
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

/// How the pool behaves; the defaults suit a small deployment.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PoolSettings {
    /// How long a request waits for a connection before it is told the database is
    /// unavailable (a PostgreSQL outage must not hold requests for long).
    pub acquire_timeout: Duration,
    /// Generating data in bulk (`spona demo --scale`): commits are not flushed to disk one
    /// by one (a crash loses the generation, which is then made again), and
    /// [`Db::make_durable`] flushes everything once at the end. Never for serving.
    pub bulk_load: bool,
}

impl Default for PoolSettings {
    fn default() -> Self {
        PoolSettings {
            acquire_timeout: Duration::from_secs(5),
            bulk_load: false,
        }
    }
}

/// The database: a pool and, on SQLite, a gate that lets one writer in at a time, so that
/// writers queue instead of failing with "database is locked" when a read lock upgrades.
#[derive(Clone)]
pub struct Db {
    pool: AnyPool,
    backend: Backend,
    write_gate: Option<Arc<Mutex<()>>>,
    health: Arc<Health>,
}

/// A write transaction; rolls back when dropped without `commit`.
pub struct Tx {
    /// `None` only after `commit` or while being dropped.
    conn: Option<Conn>,
    backend: Backend,
    gate: Option<OwnedMutexGuard<()>>,
    /// Told when the commit goes through (not for health probes).
    health: Option<Arc<Health>>,
}

impl Db {
    /// Connects to the database the URL names with the default pool settings.
    pub async fn connect(url: &DatabaseUrl) -> Result<Db, StoreError> {
        Db::connect_with(url, PoolSettings::default()).await
    }

    /// Connects to the database the URL names. An SQLite file is created when missing (and
    /// readable by its owner only), but its folder must exist: nothing is created in a place
    /// the operator did not mean.
    pub async fn connect_with(url: &DatabaseUrl, settings: PoolSettings) -> Result<Db, StoreError> {
        sqlx::any::install_default_drivers();
        match url {
            DatabaseUrl::Sqlite(path) => {
                crate::files::check_folder(path)?;
                crate::files::prepare_sqlite_file(path)?;
                let address = format!("sqlite://{}?mode=rwc", path.display());
                // One connection first, so that a file SQLite cannot open is refused at once
                // with SQLite's own reason, not after the pool's retries time out.
                let first = async {
                    let mut conn = sqlx::AnyConnection::connect(&address).await?;
                    conn.execute("PRAGMA journal_mode = WAL").await?;
                    conn.close().await
                };
                first.await.map_err(|e| {
                    StoreError::File(format!(
                        "cannot open the SQLite database {}: {e}",
                        path.display()
                    ))
                })?;
                let pool = AnyPoolOptions::new()
                    .max_connections(8)
                    .acquire_timeout(settings.acquire_timeout)
                    // A bulk load refreshes the planner's statistics as its tables grow;
                    // a connection reads them when it opens, so none lives long.
                    .max_lifetime(
                        settings
                            .bulk_load
                            .then_some(Duration::from_secs(10))
                            .or(Some(Duration::from_secs(30 * 60))),
                    )
                    .after_connect(move |conn, _meta| {
                        Box::pin(async move {
                            conn.execute("PRAGMA foreign_keys = ON").await?;
                            if settings.bulk_load {
                                conn.execute("PRAGMA synchronous = OFF").await?;
                                // The indexes being filled stay in memory.
                                conn.execute("PRAGMA cache_size = -65536").await?;
                            } else {
                                conn.execute("PRAGMA synchronous = FULL").await?;
                            }
                            conn.execute("PRAGMA busy_timeout = 5000").await?;
                            // Bounds `PRAGMA optimize` (run after migrating and hourly) to
                            // milliseconds at any size.
                            conn.execute("PRAGMA analysis_limit = 400").await?;
                            Ok(())
                        })
                    })
                    .connect(&address)
                    .await?;
                pool.execute("PRAGMA journal_mode = WAL").await?;
                // The write-ahead log and shared-memory files now exist; older releases
                // left all three readable by everyone.
                crate::files::restrict_sqlite_files(path)?;
                Ok(Db {
                    pool,
                    backend: Backend::Sqlite,
                    write_gate: Some(Arc::new(Mutex::new(()))),
                    health: Arc::default(),
                })
            }
            DatabaseUrl::Postgres(url) => {
                let pool = AnyPoolOptions::new()
                    .max_connections(16)
                    .acquire_timeout(settings.acquire_timeout)
                    .after_connect(move |conn, _meta| {
                        Box::pin(async move {
                            if settings.bulk_load {
                                conn.execute("SET synchronous_commit = off").await?;
                            }
                            Ok(())
                        })
                    })
                    .connect(url)
                    .await?;
                Ok(Db {
                    pool,
                    backend: Backend::Postgres,
                    write_gate: None,
                    health: Arc::default(),
                })
            }
        }
    }

    /// Brings the schema up to date with the migrations of this engine.
    pub async fn migrate(&self) -> Result<(), StoreError> {
        match self.backend {
            Backend::Sqlite => {
                SQLITE_MIGRATIONS.run(&self.pool).await?;
                // New tables and indexes get their statistics now.
                self.optimize().await?;
            }
            Backend::Postgres => POSTGRES_MIGRATIONS.run(&self.pool).await?,
        }
        Ok(())
    }

    /// Refreshes SQLite's planner statistics where they are missing or stale, so that the
    /// planner chooses between indexes well (a receiver's referrals about a page of cases:
    /// by case, not by receiver); new connections read them. PostgreSQL keeps its own.
    pub async fn optimize(&self) -> Result<(), StoreError> {
        if self.backend == Backend::Sqlite {
            self.pool.execute("PRAGMA optimize = 0x10002").await?;
        }
        Ok(())
    }

    /// Gathers the planner's statistics after a bulk load (a restore, generated data):
    /// PostgreSQL would gather them on its own only minutes later and plan by guesses until
    /// then; SQLite's `optimize` does it where they are missing or stale.
    pub async fn gather_statistics(&self) -> Result<(), StoreError> {
        match self.backend {
            Backend::Sqlite => self.optimize().await,
            Backend::Postgres => {
                self.pool.execute("ANALYZE").await?;
                Ok(())
            }
        }
    }

    /// Makes everything committed so far durable (after a bulk load, whose commits were
    /// not flushed one by one): SQLite copies its log into the database file and syncs it;
    /// PostgreSQL flushes its log. The connection is closed after, not pooled again.
    pub async fn make_durable(&self) -> Result<(), StoreError> {
        let mut c = self.pool.acquire().await?;
        match self.backend {
            Backend::Sqlite => {
                c.execute("PRAGMA synchronous = FULL").await?;
                c.execute("PRAGMA wal_checkpoint(TRUNCATE)").await?;
            }
            Backend::Postgres => {
                // A synchronous commit that writes a record flushes the log up to it, the
                // asynchronous commits before it included.
                c.execute("SET synchronous_commit = on").await?;
                c.execute("BEGIN").await?;
                c.execute("SELECT txid_current()").await?;
                c.execute("COMMIT").await?;
            }
        }
        c.detach().close().await?;
        Ok(())
    }

    /// The versions of the migrations this build carries for the engine.
    pub fn migration_versions(backend: Backend) -> Vec<i64> {
        Db::migrator(backend).iter().map(|m| m.version).collect()
    }

    /// The migrations this build carries for the engine (a restore applies some of them).
    pub(crate) fn migrator(backend: Backend) -> &'static Migrator {
        match backend {
            Backend::Sqlite => &SQLITE_MIGRATIONS,
            Backend::Postgres => &POSTGRES_MIGRATIONS,
        }
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
        let mut conn = self.pool.acquire().await?;
        // SQLite: take the write lock at the start. A deferred transaction that reads and
        // then writes fails at once ("locked") if anyone else wrote in between, which the
        // gate cannot prevent for writers outside this process or a new connection's
        // statistics; an immediate one makes them wait for it instead.
        let begin = match self.backend {
            Backend::Sqlite => "BEGIN IMMEDIATE",
            Backend::Postgres => "BEGIN",
        };
        if let Err(e) = conn.execute(begin).await {
            // Whatever state it is in, it is not fit to be pooled again.
            conn.close_on_drop();
            return Err(e.into());
        }
        Ok(Tx {
            conn: Some(conn),
            backend: self.backend,
            gate,
            health: Some(self.health.clone()),
        })
    }

    /// What the instance knows of the database's recent failures.
    pub fn health(&self) -> &Health {
        &self.health
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

    /// Commits the transaction. When the commit fails, the transaction is rolled back if the
    /// connection still allows it, and the connection is closed rather than pooled again.
    pub async fn commit(mut self) -> Result<(), StoreError> {
        let Some(mut conn) = self.conn.take() else {
            return Err(StoreError::Corrupt("transaction already ended".into()));
        };
        match conn.execute("COMMIT").await {
            Ok(_) => {
                if let Some(health) = &self.health {
                    health.note_served();
                }
                Ok(())
            }
            Err(e) => {
                let _ = conn.execute("ROLLBACK").await;
                conn.close_on_drop();
                Err(e.into())
            }
        }
    }

    /// Marks the transaction as a health probe, whose success says nothing of real writes.
    pub(crate) fn is_probe(&mut self) {
        self.health = None;
    }

    fn conn(&self) -> &Conn {
        // Taken only by `commit` (which consumes the transaction) and `drop`.
        self.conn
            .as_ref()
            .unwrap_or_else(|| unreachable!("a live transaction has its connection"))
    }
}

impl Drop for Tx {
    /// Rolls back a transaction that was not committed before its connection goes back to the
    /// pool; SQLite's write gate stays held until then, so the next writer never meets it.
    fn drop(&mut self) {
        let Some(mut conn) = self.conn.take() else {
            return;
        };
        let gate = self.gate.take();
        match tokio::runtime::Handle::try_current() {
            Ok(runtime) => {
                runtime.spawn(async move {
                    if conn.execute("ROLLBACK").await.is_err() {
                        conn.close_on_drop();
                    }
                    drop(conn);
                    drop(gate);
                });
            }
            Err(_) => conn.close_on_drop(),
        }
    }
}

impl Deref for Tx {
    type Target = AnyConnection;
    fn deref(&self) -> &AnyConnection {
        self.conn()
    }
}

impl DerefMut for Tx {
    fn deref_mut(&mut self) -> &mut AnyConnection {
        self.conn
            .as_mut()
            .unwrap_or_else(|| unreachable!("a live transaction has its connection"))
    }
}

//! The ceiling's database, opened the way Spona opens its own (crates/store/src/db.rs; keep
//! the two in step): through sqlx's Any driver; SQLite in WAL mode with `synchronous = FULL`
//! and a busy timeout, a pool of 8, and writers let in one at a time by a lock before
//! `BEGIN IMMEDIATE`; PostgreSQL with a pool of 16, on a scratch database made for the run
//! and dropped after it.

use anyhow::{Context, Result};
use sqlx::any::AnyPoolOptions;
use sqlx::{AnyConnection, AnyPool, Connection, Executor, Row};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{SystemTime, UNIX_EPOCH};
use tempfile::TempDir;
use tokio::sync::Mutex;

/// Rows of the table the reads choose from.
pub const ROWS: i64 = 100_000;

/// The scratch database of a PostgreSQL ceiling, unless told another.
pub const SCRATCH: &str = "spona_bench_ceiling";

/// Which engine, and where.
#[derive(Clone, Debug)]
pub enum Engine {
    /// A new SQLite file in a temporary folder inside `near`, which should be on the file
    /// system of the data measured, so that a sync costs the same.
    Sqlite { near: PathBuf },
    /// A scratch database called `scratch` on the server of this URL (made anew, and
    /// dropped after).
    Postgres { url: String, scratch: String },
}

/// The open database.
pub struct CeilingDb {
    pool: AnyPool,
    /// SQLite's single writer at a time, as Spona keeps it.
    write_gate: Option<Mutex<()>>,
    /// The SQLite file's folder, removed when dropped.
    _folder: Option<TempDir>,
    /// The URL of the PostgreSQL server's own database, to drop the scratch one from, and
    /// the scratch one's name.
    admin: Option<(String, String)>,
}

impl CeilingDb {
    /// Opens the database and fills the table of reads.
    pub async fn open(engine: &Engine) -> Result<Arc<CeilingDb>> {
        sqlx::any::install_default_drivers();
        let db = match engine {
            Engine::Sqlite { near } => open_sqlite(near).await?,
            Engine::Postgres { url, scratch } => open_postgres(url, scratch).await?,
        };
        db.fill().await?;
        Ok(Arc::new(db))
    }

    /// The row of `id`, as text.
    pub async fn read(&self, id: i64) -> Result<String> {
        let row = sqlx::query("SELECT body FROM ceiling_rows WHERE id = $1")
            .bind(id)
            .fetch_one(&self.pool)
            .await?;
        Ok(row.try_get::<String, _>(0)?)
    }

    /// One row added in a transaction of its own, committed.
    pub async fn insert(&self, body: &str) -> Result<()> {
        let _turn = match &self.write_gate {
            Some(gate) => Some(gate.lock().await),
            None => None,
        };
        let mut conn = self.pool.acquire().await?;
        let begin = if self.write_gate.is_some() {
            "BEGIN IMMEDIATE"
        } else {
            "BEGIN"
        };
        let done: Result<()> = async {
            conn.execute(begin).await?;
            sqlx::query("INSERT INTO ceiling_writes (body, at) VALUES ($1, $2)")
                .bind(body)
                .bind(unix_now())
                .execute(&mut *conn)
                .await?;
            conn.execute("COMMIT").await?;
            Ok(())
        }
        .await;
        if done.is_err() {
            // A connection whose transaction did not end cleanly is not pooled again.
            conn.close_on_drop();
        }
        done
    }

    /// How many rows the inserts added.
    pub async fn writes(&self) -> Result<i64> {
        let row = sqlx::query("SELECT COUNT(*) FROM ceiling_writes")
            .fetch_one(&self.pool)
            .await?;
        Ok(row.try_get::<i64, _>(0)?)
    }

    /// Closes the pool, and drops a PostgreSQL scratch database.
    pub async fn close(&self) -> Result<()> {
        self.pool.close().await;
        if let Some((admin, scratch)) = &self.admin {
            let mut conn = AnyConnection::connect(admin).await?;
            drop_scratch(&mut conn, scratch).await?;
            conn.close().await?;
        }
        Ok(())
    }

    /// The table of reads with its rows, and the empty table of inserts.
    async fn fill(&self) -> Result<()> {
        let writes = if self.write_gate.is_some() {
            "CREATE TABLE ceiling_writes (id INTEGER PRIMARY KEY, body TEXT NOT NULL, at BIGINT NOT NULL)"
        } else {
            "CREATE TABLE ceiling_writes (id BIGSERIAL PRIMARY KEY, body TEXT NOT NULL, at BIGINT NOT NULL)"
        };
        self.pool.execute(writes).await?;
        self.pool
            .execute("CREATE TABLE ceiling_rows (id BIGINT PRIMARY KEY, body TEXT NOT NULL)")
            .await?;
        let fill = format!(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {ROWS}) \
             INSERT INTO ceiling_rows (id, body) \
             SELECT i, 'a row of the ceiling''s table, number ' || i FROM n"
        );
        self.pool
            .execute(fill.as_str())
            .await
            .context("cannot fill the ceiling's table")?;
        Ok(())
    }
}

/// A fresh SQLite file beside the data measured, with Spona's settings.
async fn open_sqlite(near: &Path) -> Result<CeilingDb> {
    let folder = tempfile::Builder::new()
        .prefix("spona-bench-ceiling-")
        .tempdir_in(near)
        .with_context(|| format!("cannot make a folder in {}", near.display()))?;
    let address = format!(
        "sqlite://{}?mode=rwc",
        folder.path().join("ceiling.db").display()
    );
    let mut first = AnyConnection::connect(&address).await?;
    first.execute("PRAGMA journal_mode = WAL").await?;
    first.close().await?;
    let pool = AnyPoolOptions::new()
        .max_connections(8)
        .after_connect(|conn, _meta| {
            Box::pin(async move {
                conn.execute("PRAGMA foreign_keys = ON").await?;
                conn.execute("PRAGMA synchronous = FULL").await?;
                conn.execute("PRAGMA busy_timeout = 5000").await?;
                Ok(())
            })
        })
        .connect(&address)
        .await
        .context("cannot open the ceiling's SQLite database")?;
    Ok(CeilingDb {
        pool,
        write_gate: Some(Mutex::new(())),
        _folder: Some(folder),
        admin: None,
    })
}

/// A fresh scratch database on the PostgreSQL server of `url`.
async fn open_postgres(url: &str, scratch: &str) -> Result<CeilingDb> {
    if !scratch.bytes().all(|b| b.is_ascii_lowercase() || b == b'_') {
        anyhow::bail!("a scratch database's name is lower-case letters and underscores");
    }
    let mut admin = AnyConnection::connect(url)
        .await
        .context("cannot connect to PostgreSQL")?;
    drop_scratch(&mut admin, scratch).await?;
    admin
        .execute(format!("CREATE DATABASE {scratch}").as_str())
        .await
        .context("cannot create the ceiling's scratch database")?;
    admin.close().await?;
    let pool = AnyPoolOptions::new()
        .max_connections(16)
        .connect(&with_database(url, scratch)?)
        .await
        .context("cannot open the ceiling's scratch database")?;
    Ok(CeilingDb {
        pool,
        write_gate: None,
        _folder: None,
        admin: Some((url.to_string(), scratch.to_string())),
    })
}

/// Drops the scratch database. The server ends a closed connection's backend a moment
/// after, so the pool's last ones may still be there: FORCE ends them (PostgreSQL 13 on);
/// older servers are asked again until they are gone.
async fn drop_scratch(admin: &mut AnyConnection, scratch: &str) -> Result<()> {
    let forced = format!("DROP DATABASE IF EXISTS {scratch} WITH (FORCE)");
    if admin.execute(forced.as_str()).await.is_ok() {
        return Ok(());
    }
    let plain = format!("DROP DATABASE IF EXISTS {scratch}");
    for _ in 0..50 {
        if admin.execute(plain.as_str()).await.is_ok() {
            return Ok(());
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    admin.execute(plain.as_str()).await?;
    Ok(())
}

/// The URL of another database on the same server.
pub fn with_database(url: &str, database: &str) -> Result<String> {
    let mut parsed = reqwest::Url::parse(url).context("the PostgreSQL URL")?;
    parsed.set_path(&format!("/{database}"));
    Ok(parsed.to_string())
}

fn unix_now() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_scratch_database_is_on_the_same_server_with_the_same_login() {
        assert_eq!(
            with_database("postgres://u:p@db:5433/spona?sslmode=disable", "x").unwrap(),
            "postgres://u:p@db:5433/x?sslmode=disable"
        );
    }
}

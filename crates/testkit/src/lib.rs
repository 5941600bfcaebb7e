//! Test support: a fresh database of its own for every test, on SQLite always and on
//! PostgreSQL when `SPONA_TEST_POSTGRES_URL` names a server (CI sets it).
#![forbid(unsafe_code)]

use spona_store::{DatabaseUrl, Db};
use sqlx::{Connection, Executor};
use std::sync::atomic::{AtomicU64, Ordering};

mod apps;
mod logs;
mod second_factor;
mod spawn;
pub use apps::{actor, demo_app, pairs_raised_for, signed_session, TEST_ADDRESS};
pub use logs::{capture_logs, CapturedLog};
pub use second_factor::{code_after, demo_secret, last_step_of};
pub use spawn::{csrf_of, TestApp, DEMO_PASSWORD, START};

/// The environment variable that turns on the PostgreSQL runs.
pub const POSTGRES_ENV: &str = "SPONA_TEST_POSTGRES_URL";

/// A migrated database that exists only for one test.
pub struct TestDb {
    pub db: Db,
    pub url: DatabaseUrl,
    _dir: Option<tempfile::TempDir>,
    postgres: Option<(String, String)>,
}

impl TestDb {
    /// A fresh SQLite database in a temporary folder.
    pub async fn sqlite() -> TestDb {
        let dir = tempfile::tempdir().expect("temporary folder");
        let url = DatabaseUrl::Sqlite(dir.path().join("spona.db"));
        let db = Db::connect(&url).await.expect("connect to SQLite");
        db.migrate().await.expect("migrate SQLite");
        TestDb {
            db,
            url,
            _dir: Some(dir),
            postgres: None,
        }
    }

    /// A fresh PostgreSQL database on the server of `SPONA_TEST_POSTGRES_URL`, if set.
    /// When set but unreachable, the test fails: a PostgreSQL run never silently skips.
    pub async fn postgres() -> Option<TestDb> {
        let admin = std::env::var(POSTGRES_ENV).ok().filter(|u| !u.is_empty())?;
        let name = unique_name();
        let mut conn = sqlx::PgConnection::connect(&admin)
            .await
            .unwrap_or_else(|e| {
                panic!("{POSTGRES_ENV} is set but the server is not reachable: {e}")
            });
        conn.execute(format!("CREATE DATABASE {name}").as_str())
            .await
            .expect("create test database");
        conn.close().await.ok();
        let raw = with_database(&admin, &name);
        let url = DatabaseUrl::parse(&raw).expect("test database URL");
        let db = Db::connect(&url).await.expect("connect to PostgreSQL");
        db.migrate().await.expect("migrate PostgreSQL");
        Some(TestDb {
            db,
            url,
            _dir: None,
            postgres: Some((admin, name)),
        })
    }

    /// SQLite, and PostgreSQL when configured.
    pub async fn every_engine() -> Vec<TestDb> {
        let mut all = vec![TestDb::sqlite().await];
        all.extend(TestDb::postgres().await);
        all
    }

    /// Closes the pool and drops a PostgreSQL test database.
    pub async fn finish(self) {
        self.db.close().await;
        if let Some((admin, name)) = self.postgres {
            if let Ok(mut conn) = sqlx::PgConnection::connect(&admin).await {
                let _ = conn
                    .execute(format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)").as_str())
                    .await;
            }
        }
    }
}

fn unique_name() -> String {
    static NEXT: AtomicU64 = AtomicU64::new(0);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.subsec_nanos())
        .unwrap_or(0);
    format!(
        "spona_t_{}_{}_{}",
        std::process::id(),
        nanos,
        NEXT.fetch_add(1, Ordering::Relaxed)
    )
}

/// The admin URL with its database name replaced.
fn with_database(admin: &str, name: &str) -> String {
    let (base, query) = match admin.split_once('?') {
        Some((b, q)) => (b, Some(q)),
        None => (admin, None),
    };
    let (scheme, rest) = base.split_once("://").unwrap_or(("postgres", base));
    let authority = rest.split('/').next().unwrap_or(rest);
    let mut url = format!("{scheme}://{authority}/{name}");
    if let Some(q) = query {
        url.push('?');
        url.push_str(q);
    }
    url
}

#[cfg(test)]
mod tests {
    #[test]
    fn database_name_is_replaced() {
        assert_eq!(
            super::with_database("postgres://postgres@127.0.0.1:5432/postgres", "x"),
            "postgres://postgres@127.0.0.1:5432/x"
        );
        assert_eq!(
            super::with_database("postgres://u:p@h/db?sslmode=disable", "x"),
            "postgres://u:p@h/x?sslmode=disable"
        );
    }
}

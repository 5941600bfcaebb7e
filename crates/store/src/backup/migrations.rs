//! The schema version of a database, and migrating an empty one only up to the version of a
//! backup: its rows fit that schema; the later migrations then bring them forward as they
//! would any deployment's data.

use crate::{Backend, Db, StoreError};
use sqlx::migrate::{Migration, MigrationSource, Migrator};
use sqlx::AnyConnection;

/// The versions of the migrations applied to the database, in order; none on a database
/// that was never migrated.
pub async fn applied_migrations(
    c: &mut AnyConnection,
    backend: Backend,
) -> Result<Vec<i64>, StoreError> {
    let exists: i64 = sqlx::query_scalar(match backend {
        Backend::Sqlite => {
            "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = '_sqlx_migrations'"
        }
        Backend::Postgres => {
            "SELECT COUNT(*) FROM information_schema.tables \
             WHERE table_schema = current_schema() AND table_name = '_sqlx_migrations'"
        }
    })
    .fetch_one(&mut *c)
    .await?;
    if exists == 0 {
        return Ok(Vec::new());
    }
    Ok(sqlx::query_scalar(
        "SELECT version FROM _sqlx_migrations WHERE success = true ORDER BY version",
    )
    .fetch_all(&mut *c)
    .await?)
}

/// The embedded migrations with exactly these versions, as a source for a `Migrator`.
#[derive(Debug)]
struct Chosen(Vec<Migration>);

impl MigrationSource<'static> for Chosen {
    fn resolve(
        self,
    ) -> std::pin::Pin<
        Box<
            dyn std::future::Future<
                    Output = Result<Vec<Migration>, Box<dyn std::error::Error + Send + Sync>>,
                > + Send,
        >,
    > {
        Box::pin(async move { Ok(self.0) })
    }
}

/// Applies the migrations among `versions` the database lacks, and no later one.
pub async fn migrate_to(db: &Db, versions: &[i64]) -> Result<(), StoreError> {
    let all = Db::migrator(db.backend());
    let chosen: Vec<Migration> = all
        .iter()
        .filter(|m| versions.contains(&m.version))
        .cloned()
        .collect();
    let migrator = Migrator::new(Chosen(chosen)).await?;
    let mut c = db.conn().await?;
    migrator.run(&mut *c).await?;
    Ok(())
}

//! For tests: the plan SQLite makes for a query on a database just made, with no planner
//! statistics, which is where a plan that reads too much shows.

use crate::{DatabaseUrl, Db};

/// A migrated SQLite database in a temporary folder (kept while the folder lives), without
/// statistics.
pub async fn fresh_sqlite() -> (Db, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let url =
        DatabaseUrl::parse(&format!("sqlite://{}", dir.path().join("s.db").display())).unwrap();
    let db = Db::connect(&url).await.unwrap();
    db.migrate().await.unwrap();
    sqlx::query("DELETE FROM sqlite_stat1")
        .execute(&mut *db.conn().await.unwrap())
        .await
        .ok();
    (db, dir)
}

/// The plan's steps, joined with "; ", every parameter bound to 1.
pub async fn plan(db: &Db, sql: &str) -> String {
    let explain = format!("EXPLAIN QUERY PLAN {sql}");
    let mut query = sqlx::query_as(&explain);
    for _ in 0..sql.matches('$').count() {
        query = query.bind(1_i64);
    }
    let rows: Vec<(i64, i64, i64, String)> = query
        .fetch_all(&mut *db.conn().await.unwrap())
        .await
        .unwrap();
    rows.into_iter().map(|r| r.3).collect::<Vec<_>>().join("; ")
}

//! A fingerprint of the database's content, to show that a refused POST changed nothing:
//! per table the row count, the filled count of every column (a timestamp set, a field
//! cleared) and the sums of versions, activity flags and change times (an edit in place).

use spona_testkit::TestApp;
use sqlx::Row;
use std::collections::BTreeMap;

/// Tables any request may touch: sessions and their throttle, job leases, health probes.
const VOLATILE: &[&str] = &["sessions", "login_throttle", "job_leases", "health_probe"];

/// The fingerprint: one number per table and measure.
pub async fn of(t: &TestApp) -> Vec<(String, i64)> {
    let schema = t.app.db().schema().await.expect("schema");
    let mut tables: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (table, column) in schema {
        tables.entry(table).or_default().push(column);
    }
    let mut parts = Vec::new();
    let mut names = Vec::new();
    for (table, columns) in &tables {
        if VOLATILE.contains(&table.as_str()) {
            continue;
        }
        let mut measures = vec!["COUNT(*)".to_string()];
        for c in columns {
            measures.push(format!("COUNT({c})"));
            let numeric = matches!(c.as_str(), "active" | "updated_at")
                || (c == "version" && table != "indicator_catalogues");
            if numeric {
                measures.push(format!("COALESCE(SUM({c}), 0)"));
            }
        }
        for m in measures {
            names.push(format!("{table}: {m}"));
            parts.push(format!("(SELECT CAST({m} AS BIGINT) FROM {table})"));
        }
    }
    // One row of scalar subqueries: a compound SELECT this long passes SQLite's limit.
    let sql = format!("SELECT {}", parts.join(", "));
    let mut c = t.app.db().conn().await.expect("connection");
    let row = sqlx::query(&sql)
        .fetch_one(&mut *c)
        .await
        .expect("fingerprint");
    names
        .into_iter()
        .enumerate()
        .map(|(i, name)| (name, row.try_get::<i64, _>(i).expect("a number")))
        .collect()
}

/// The tables whose measures differ between two fingerprints.
pub fn changed(before: &[(String, i64)], after: &[(String, i64)]) -> Vec<String> {
    let mut tables: Vec<String> = before
        .iter()
        .zip(after)
        .filter(|(b, a)| b.1 != a.1)
        .filter_map(|(b, _)| b.0.split(':').next().map(str::to_string))
        .collect();
    tables.dedup();
    tables
}

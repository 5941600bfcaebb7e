//! Writing a backup's rows into an empty database, inside the caller's transaction, so that
//! nothing is kept unless everything was written and checked.

use super::schema::{Column, ColumnKind};
use super::{quoted, Row, Value};
use crate::{Backend, StoreError, Tx};
use sqlx::AnyConnection;

/// Rows that are not the deployment's records, with the condition that tells them from data:
/// the audit chain's head as migrations write it (sequence 0); the key check any command
/// records on an empty database (the restore checks its key against the backup's data, and
/// the backup brings its own); the health probe's one row.
const INITIAL_ROWS: [(&str, &str); 3] = [
    ("audit_head", "last_seq = 0 AND last_hash = ''"),
    ("deployment", "1 = 1"),
    ("health_probe", "1 = 1"),
];

/// Bound values per statement: well under both engines' limits (SQLite 32766,
/// PostgreSQL 65535), and few enough rows that a failing one is found quickly.
const MAX_PARAMETERS: usize = 4000;

/// The first table (in the backup's order) that holds data, if any: a restore goes only into
/// an empty database, so that it never mixes two deployments' records.
pub async fn holding_data(
    c: &mut AnyConnection,
    backend: Backend,
) -> Result<Option<String>, StoreError> {
    for table in super::tables(c, backend).await? {
        let initial = INITIAL_ROWS
            .iter()
            .find(|(name, _)| *name == table.name)
            .map(|(_, condition)| format!(" WHERE NOT ({condition})"))
            .unwrap_or_default();
        let found: Option<i64> = sqlx::query_scalar(&format!(
            "SELECT 1 FROM {}{initial} LIMIT 1",
            quoted(&table.name)
        ))
        .fetch_optional(&mut *c)
        .await?;
        if found.is_some() {
            return Ok(Some(table.name));
        }
    }
    Ok(None)
}

/// Removes the rows migrations wrote (the empty chain's head), which the backup's own replace.
pub async fn clear_initial_rows(tx: &mut Tx) -> Result<(), StoreError> {
    for (table, condition) in INITIAL_ROWS {
        sqlx::query(&format!("DELETE FROM {} WHERE {condition}", quoted(table)))
            .execute(&mut **tx)
            .await?;
    }
    Ok(())
}

/// Inserts rows whose values follow `columns`; a value of the wrong kind is refused.
pub async fn insert_rows(
    tx: &mut Tx,
    table: &str,
    columns: &[Column],
    rows: &[Row],
) -> Result<(), StoreError> {
    if columns.is_empty() {
        return Ok(());
    }
    let per_statement = (MAX_PARAMETERS / columns.len()).clamp(1, 500);
    let names: Vec<String> = columns.iter().map(|c| quoted(&c.name)).collect();
    for chunk in rows.chunks(per_statement) {
        let mut sql = format!(
            "INSERT INTO {} ({}) VALUES ",
            quoted(table),
            names.join(", ")
        );
        let mut n = 0;
        for (i, _) in chunk.iter().enumerate() {
            if i > 0 {
                sql.push_str(", ");
            }
            sql.push('(');
            for j in 0..columns.len() {
                if j > 0 {
                    sql.push_str(", ");
                }
                n += 1;
                sql.push_str(&format!("${n}"));
            }
            sql.push(')');
        }
        let mut query = sqlx::query(&sql);
        for row in chunk {
            if row.len() != columns.len() {
                return Err(StoreError::Corrupt(format!(
                    "a row of {table} has {} values for {} columns",
                    row.len(),
                    columns.len()
                )));
            }
            for (value, column) in row.iter().zip(columns) {
                query = match (value, column.kind) {
                    (Value::Null, ColumnKind::Integer) => query.bind(None::<i64>),
                    (Value::Null, ColumnKind::Text) => query.bind(None::<String>),
                    (Value::Integer(v), ColumnKind::Integer) => query.bind(*v),
                    (Value::Text(v), ColumnKind::Text) => query.bind(v.as_str()),
                    _ => {
                        return Err(StoreError::Corrupt(format!(
                            "a value of {table}.{} is not of the column's kind ({})",
                            column.name,
                            column.kind.code()
                        )))
                    }
                };
            }
        }
        query.execute(&mut **tx).await?;
    }
    Ok(())
}

/// PostgreSQL: moves every identity sequence past the largest restored id, so that the next
/// record gets a new one (SQLite takes the largest rowid plus one by itself).
pub async fn continue_sequences(tx: &mut Tx) -> Result<(), StoreError> {
    if tx.backend() != Backend::Postgres {
        return Ok(());
    }
    let generated: Vec<(String, String)> = sqlx::query_as(
        "SELECT table_name::text, column_name::text FROM information_schema.columns \
         WHERE table_schema = current_schema() \
           AND (is_identity = 'YES' OR column_default LIKE 'nextval(%') \
         ORDER BY table_name, column_name",
    )
    .fetch_all(&mut **tx)
    .await?;
    for (table, column) in generated {
        sqlx::query(&format!(
            "SELECT setval(pg_get_serial_sequence($1, $2), \
             COALESCE((SELECT MAX({c}) FROM {t}), 0) + 1, false)",
            c = quoted(&column),
            t = quoted(&table)
        ))
        .bind(quoted(&table))
        .bind(column.as_str())
        .execute(&mut **tx)
        .await?;
    }
    Ok(())
}

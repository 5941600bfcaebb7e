//! One consistent view of the whole database while the deployment keeps working: a read-only
//! transaction that every read of the backup goes through. On PostgreSQL it is REPEATABLE
//! READ, whose snapshot is taken at its first statement; on SQLite (in WAL mode) a read
//! transaction sees the database as it was at its first read, and writers carry on beside
//! it. Rows come out of it a page at a time, so memory does not grow with the database.

use super::schema::{ColumnKind, Table};
use super::{quoted, Row, Value};
use crate::audit::{self, Head};
use crate::{Backend, StoreError};
use sqlx::{Any, AnyConnection, Connection, Row as _, Transaction};

/// A read-only snapshot of the database.
pub struct Snapshot<'c> {
    tx: Transaction<'c, Any>,
    backend: Backend,
}

impl<'c> Snapshot<'c> {
    /// Begins the snapshot on a connection of its own (the caller's, held until the end).
    pub async fn begin(c: &'c mut AnyConnection, backend: Backend) -> Result<Self, StoreError> {
        let begin = match backend {
            Backend::Sqlite => "BEGIN DEFERRED",
            Backend::Postgres => "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY",
        };
        let mut tx = c.begin_with(begin).await?;
        // Both engines fix the snapshot at the transaction's first read: make it now.
        let first = match backend {
            Backend::Sqlite => "SELECT COUNT(*) FROM sqlite_master",
            Backend::Postgres => "SELECT 1",
        };
        sqlx::query(first).execute(&mut *tx).await?;
        Ok(Snapshot { tx, backend })
    }

    /// The engine.
    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// The tables, in an order that respects their foreign keys.
    pub async fn tables(&mut self) -> Result<Vec<Table>, StoreError> {
        super::tables(&mut self.tx, self.backend).await
    }

    /// The versions of the applied migrations.
    pub async fn migrations(&mut self) -> Result<Vec<i64>, StoreError> {
        super::applied_migrations(&mut self.tx, self.backend).await
    }

    /// The audit chain's head as the snapshot sees it.
    pub async fn audit_head(&mut self) -> Result<Head, StoreError> {
        audit::head(&mut self.tx).await
    }

    /// How many rows the table holds.
    pub async fn count(&mut self, table: &Table) -> Result<i64, StoreError> {
        Ok(
            sqlx::query_scalar(&format!("SELECT COUNT(*) FROM {}", quoted(&table.name)))
                .fetch_one(&mut *self.tx)
                .await?,
        )
    }

    /// The next page of a table's rows; empty once every row was read.
    pub async fn next_page(&mut self, pages: &mut Pages) -> Result<Vec<Row>, StoreError> {
        if pages.done {
            return Ok(Vec::new());
        }
        let sql = match pages.after {
            None => &pages.first,
            Some(_) => &pages.next,
        };
        let mut query = sqlx::query(sql);
        if let Some(last) = &pages.after {
            for &i in &pages.key_at {
                query = match &last[i] {
                    Value::Integer(v) => query.bind(*v),
                    Value::Text(v) => query.bind(v.as_str()),
                    Value::Null => {
                        return Err(StoreError::Corrupt(format!(
                            "a row of {} has an empty key; its rows cannot be read in order",
                            pages.table
                        )))
                    }
                };
            }
        }
        let limit = i64::try_from(pages.limit).unwrap_or(i64::MAX);
        let found = query.bind(limit).fetch_all(&mut *self.tx).await?;
        let mut rows = Vec::with_capacity(found.len());
        for row in &found {
            let values = pages
                .kinds
                .iter()
                .enumerate()
                .map(|(i, kind)| {
                    Ok(match kind {
                        ColumnKind::Integer => row
                            .try_get::<Option<i64>, _>(i)?
                            .map_or(Value::Null, Value::Integer),
                        ColumnKind::Text => row
                            .try_get::<Option<String>, _>(i)?
                            .map_or(Value::Null, Value::Text),
                    })
                })
                .collect::<Result<Row, sqlx::Error>>()?;
            rows.push(values);
        }
        pages.read(&rows);
        Ok(rows)
    }

    /// Ends the snapshot (it changed nothing).
    pub async fn finish(self) -> Result<(), StoreError> {
        self.tx.rollback().await?;
        Ok(())
    }
}

/// Rows held in memory at a time, aimed at: an attachment's row may be megabytes, a
/// membership's a few bytes, so the number of rows per page follows what the last page held.
const PAGE_BYTES: usize = 4 << 20;
const FIRST_PAGE: usize = 8;
const LARGEST_PAGE: usize = 2000;

/// Every row of one table, page by page in the order of its primary key (so that a row
/// referring to another of its own table, such as a report's correction, comes after it).
/// Each page is a short query that starts after the last key of the page before, inside the
/// same snapshot, so no statement stays open for the length of the backup.
pub struct Pages {
    table: String,
    first: String,
    next: String,
    kinds: Vec<ColumnKind>,
    /// Where the key's columns are in a row.
    key_at: Vec<usize>,
    after: Option<Row>,
    limit: usize,
    done: bool,
}

impl Pages {
    /// The pages of a table's rows, its columns in the table's order. A table without a
    /// primary key is ordered by all its columns.
    pub fn of(table: &Table) -> Pages {
        let columns: Vec<String> = table.columns.iter().map(|c| quoted(&c.name)).collect();
        let key_at: Vec<usize> = if table.key.is_empty() {
            (0..table.columns.len()).collect()
        } else {
            table
                .key
                .iter()
                .filter_map(|k| table.columns.iter().position(|c| &c.name == k))
                .collect()
        };
        let key: Vec<&str> = key_at.iter().map(|&i| columns[i].as_str()).collect();
        let select = format!("SELECT {} FROM {}", columns.join(", "), quoted(&table.name));
        let order = format!("ORDER BY {}", key.join(", "));
        let after: Vec<String> = (1..=key.len()).map(|n| format!("${n}")).collect();
        Pages {
            table: table.name.clone(),
            first: format!("{select} {order} LIMIT $1"),
            next: format!(
                "{select} WHERE ({}) > ({}) {order} LIMIT ${}",
                key.join(", "),
                after.join(", "),
                key.len() + 1
            ),
            kinds: table.columns.iter().map(|c| c.kind).collect(),
            key_at,
            after: None,
            limit: FIRST_PAGE,
            done: false,
        }
    }

    /// Moves past a page just read, and sizes the next one by it.
    fn read(&mut self, rows: &[Row]) {
        if rows.len() < self.limit {
            self.done = true;
        }
        let bytes: usize = rows.iter().flatten().map(Value::size).sum();
        let fits = (self.limit * PAGE_BYTES)
            .checked_div(bytes)
            .unwrap_or(LARGEST_PAGE);
        self.limit = fits.clamp(1, (self.limit * 4).min(LARGEST_PAGE));
        if let Some(last) = rows.last() {
            self.after = Some(last.clone());
        }
    }
}

//! One consistent view of the whole database while the deployment keeps working: a read-only
//! transaction that every read of the backup goes through. On PostgreSQL it is REPEATABLE
//! READ, whose snapshot is taken at its first statement; on SQLite (in WAL mode) a read
//! transaction sees the database as it was at its first read, and writers carry on beside
//! it. Rows stream out of it one at a time, so memory does not grow with the database.

use super::schema::{ColumnKind, Table};
use super::{quoted, Row, Value};
use crate::audit::{self, Head};
use crate::{Backend, StoreError};
use futures_util::stream::{BoxStream, StreamExt};
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

    /// The rows a selection names, one at a time.
    pub fn rows<'s>(&'s mut self, of: &'s Selection) -> BoxStream<'s, Result<Row, StoreError>> {
        sqlx::query(&of.sql)
            .fetch(&mut *self.tx)
            .map(move |row| {
                let row = row?;
                of.kinds
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
                    .collect::<Result<Row, sqlx::Error>>()
                    .map_err(StoreError::from)
            })
            .boxed()
    }

    /// Ends the snapshot (it changed nothing).
    pub async fn finish(self) -> Result<(), StoreError> {
        self.tx.rollback().await?;
        Ok(())
    }
}

/// Every row of one table, in the order of its primary key (so that a row referring to
/// another of its own table, such as a report's correction, comes after it).
pub struct Selection {
    sql: String,
    kinds: Vec<ColumnKind>,
}

impl Selection {
    /// The selection of a table's rows, its columns in the table's order.
    pub fn of(table: &Table) -> Selection {
        let columns: Vec<String> = table.columns.iter().map(|c| quoted(&c.name)).collect();
        let order: Vec<String> = if table.key.is_empty() {
            columns.clone()
        } else {
            table.key.iter().map(|k| quoted(k)).collect()
        };
        Selection {
            sql: format!(
                "SELECT {} FROM {} ORDER BY {}",
                columns.join(", "),
                quoted(&table.name),
                order.join(", ")
            ),
            kinds: table.columns.iter().map(|c| c.kind).collect(),
        }
    }
}

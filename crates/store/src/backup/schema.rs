//! The tables of a database as its own catalogue describes them: columns with their kinds,
//! the primary key, and an order in which every table comes after the tables it refers to,
//! so that rows written in that order never point at a row not yet there.

use super::NOT_CARRIED;
use crate::{Backend, StoreError};
use sqlx::{AnyConnection, Row as _};
use std::collections::{BTreeMap, BTreeSet};

/// The kind of a column: one of the two types both engines store alike.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ColumnKind {
    Integer,
    Text,
}

impl ColumnKind {
    /// The name a backup writes.
    pub fn code(self) -> &'static str {
        match self {
            ColumnKind::Integer => "integer",
            ColumnKind::Text => "text",
        }
    }

    /// The kind a backup names.
    pub fn from_code(code: &str) -> Option<ColumnKind> {
        match code {
            "integer" => Some(ColumnKind::Integer),
            "text" => Some(ColumnKind::Text),
            _ => None,
        }
    }
}

/// A column of a table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Column {
    pub name: String,
    pub kind: ColumnKind,
}

/// A table with its columns (in the catalogue's order) and its primary key's columns.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Table {
    pub name: String,
    pub columns: Vec<Column>,
    pub key: Vec<String>,
}

/// The tables a backup carries, each after the tables its foreign keys refer to (ties in
/// alphabetical order, so that two backups of one schema list tables alike).
pub async fn tables(c: &mut AnyConnection, backend: Backend) -> Result<Vec<Table>, StoreError> {
    let names: Vec<String> = sqlx::query_scalar(match backend {
        Backend::Sqlite => {
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' \
             ORDER BY name"
        }
        Backend::Postgres => {
            "SELECT table_name::text FROM information_schema.tables \
             WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' \
             ORDER BY table_name"
        }
    })
    .fetch_all(&mut *c)
    .await?;
    let names: Vec<String> = names
        .into_iter()
        .filter(|n| !NOT_CARRIED.contains(&n.as_str()))
        .collect();
    let mut refers_to: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (from, to) in foreign_keys(c, backend).await? {
        if from != to && names.contains(&to) {
            refers_to.entry(from).or_default().insert(to);
        }
    }
    let mut described = BTreeMap::new();
    for name in &names {
        described.insert(name.clone(), describe(c, backend, name).await?);
    }
    let mut ordered = Vec::with_capacity(names.len());
    let mut placed: BTreeSet<String> = BTreeSet::new();
    while placed.len() < names.len() {
        let ready: Vec<String> = names
            .iter()
            .filter(|n| !placed.contains(*n))
            .filter(|n| {
                refers_to
                    .get(*n)
                    .is_none_or(|parents| parents.iter().all(|p| placed.contains(p)))
            })
            .cloned()
            .collect();
        if ready.is_empty() {
            let rest: Vec<&str> = names
                .iter()
                .filter(|n| !placed.contains(*n))
                .map(String::as_str)
                .collect();
            return Err(StoreError::Corrupt(format!(
                "the foreign keys of the tables {} refer to each other in a cycle; \
                 no order writes them",
                rest.join(", ")
            )));
        }
        for name in ready {
            placed.insert(name.clone());
            if let Some(table) = described.remove(&name) {
                ordered.push(table);
            }
        }
    }
    Ok(ordered)
}

/// (referring table, referred table) for every foreign key.
async fn foreign_keys(
    c: &mut AnyConnection,
    backend: Backend,
) -> Result<Vec<(String, String)>, StoreError> {
    let rows = match backend {
        Backend::Sqlite => sqlx::query(
            "SELECT m.name, f.\"table\" FROM sqlite_master m, pragma_foreign_key_list(m.name) f \
                 WHERE m.type = 'table'",
        )
        .fetch_all(&mut *c)
        .await?,
        Backend::Postgres => {
            sqlx::query(
                "SELECT cl.relname::text, ref.relname::text FROM pg_constraint co \
                 JOIN pg_class cl ON cl.oid = co.conrelid \
                 JOIN pg_class ref ON ref.oid = co.confrelid \
                 JOIN pg_namespace n ON n.oid = cl.relnamespace \
                 WHERE co.contype = 'f' AND n.nspname = current_schema()",
            )
            .fetch_all(&mut *c)
            .await?
        }
    };
    rows.iter()
        .map(|r| Ok((r.try_get(0)?, r.try_get(1)?)))
        .collect::<Result<_, sqlx::Error>>()
        .map_err(StoreError::from)
}

/// A table's columns and primary key.
async fn describe(
    c: &mut AnyConnection,
    backend: Backend,
    table: &str,
) -> Result<Table, StoreError> {
    let (columns, key) = match backend {
        Backend::Sqlite => {
            let rows = sqlx::query("SELECT name, type, pk FROM pragma_table_info($1) ORDER BY cid")
                .bind(table)
                .fetch_all(&mut *c)
                .await?;
            let mut columns = Vec::new();
            let mut key: Vec<(i64, String)> = Vec::new();
            for r in &rows {
                let name: String = r.try_get(0)?;
                let declared: String = r.try_get(1)?;
                let position: i64 = r.try_get(2)?;
                columns.push(Column {
                    kind: kind_of(table, &name, &declared)?,
                    name: name.clone(),
                });
                if position > 0 {
                    key.push((position, name));
                }
            }
            key.sort();
            (columns, key.into_iter().map(|(_, n)| n).collect())
        }
        Backend::Postgres => {
            let rows = sqlx::query(
                "SELECT column_name::text, data_type::text FROM information_schema.columns \
                 WHERE table_schema = current_schema() AND table_name = $1 \
                 ORDER BY ordinal_position",
            )
            .bind(table)
            .fetch_all(&mut *c)
            .await?;
            let mut columns = Vec::new();
            for r in &rows {
                let name: String = r.try_get(0)?;
                let declared: String = r.try_get(1)?;
                columns.push(Column {
                    kind: kind_of(table, &name, &declared)?,
                    name,
                });
            }
            let key: Vec<String> = sqlx::query_scalar(
                "SELECT k.column_name::text FROM information_schema.table_constraints t \
                 JOIN information_schema.key_column_usage k \
                   ON k.constraint_name = t.constraint_name AND k.table_schema = t.table_schema \
                   AND k.table_name = t.table_name \
                 WHERE t.constraint_type = 'PRIMARY KEY' AND t.table_schema = current_schema() \
                   AND t.table_name = $1 \
                 ORDER BY k.ordinal_position",
            )
            .bind(table)
            .fetch_all(&mut *c)
            .await?;
            (columns, key)
        }
    };
    Ok(Table {
        name: table.to_string(),
        columns,
        key,
    })
}

/// The kind of a declared column type; any other type is refused by name, since a backup
/// that silently changed or dropped a value would be worse than none.
fn kind_of(table: &str, column: &str, declared: &str) -> Result<ColumnKind, StoreError> {
    match declared.to_ascii_uppercase().as_str() {
        "INTEGER" | "BIGINT" => Ok(ColumnKind::Integer),
        "TEXT" => Ok(ColumnKind::Text),
        other => Err(StoreError::Corrupt(format!(
            "column {table}.{column} has the type {other}, which backups do not carry \
             (only BIGINT and TEXT)"
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_shared_types_are_carried() {
        assert_eq!(kind_of("t", "c", "bigint").unwrap(), ColumnKind::Integer);
        assert_eq!(kind_of("t", "c", "INTEGER").unwrap(), ColumnKind::Integer);
        assert_eq!(kind_of("t", "c", "text").unwrap(), ColumnKind::Text);
        let err = kind_of("cases", "score", "REAL").unwrap_err().to_string();
        assert!(err.contains("cases.score") && err.contains("REAL"), "{err}");
        for kind in [ColumnKind::Integer, ColumnKind::Text] {
            assert_eq!(ColumnKind::from_code(kind.code()), Some(kind));
        }
    }
}

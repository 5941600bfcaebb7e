//! Errors of the persistence layer.

/// What went wrong in storage.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database URL: {0}")]
    Url(String),
    #[error("database error: {0}")]
    Sql(#[from] sqlx::Error),
    #[error("migration error: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[error("stored value is not valid: {0}")]
    Corrupt(String),
    #[error("the record was changed by someone else")]
    Conflict,
    #[error("a record with this {0} already exists")]
    Duplicate(&'static str),
    /// A file of the database could not be created or protected.
    #[error("{0}")]
    File(String),
}

impl StoreError {
    /// The database cannot serve now but may later: it is unreachable or restarting, its
    /// disk is full or read-only, an I/O error occurred, or every connection is busy. Such a
    /// request is answered "temporarily unavailable", not as a fault of the application.
    pub fn is_unavailable(&self) -> bool {
        match self {
            StoreError::Sql(e) => sql_unavailable(e),
            StoreError::Migrate(sqlx::migrate::MigrateError::Execute(e)) => sql_unavailable(e),
            _ => false,
        }
    }

    /// A versioned update touched its one row, or someone changed the row first.
    pub(crate) fn one_row(rows_affected: u64) -> Result<(), StoreError> {
        if rows_affected == 1 {
            Ok(())
        } else {
            Err(StoreError::Conflict)
        }
    }

    /// Maps a unique-constraint violation to `Duplicate(field)`, leaving other errors as they are.
    pub(crate) fn unique(err: sqlx::Error, field: &'static str) -> StoreError {
        match &err {
            sqlx::Error::Database(db) if db.is_unique_violation() => StoreError::Duplicate(field),
            _ => StoreError::Sql(err),
        }
    }
}

fn sql_unavailable(e: &sqlx::Error) -> bool {
    match e {
        sqlx::Error::Io(_)
        | sqlx::Error::Tls(_)
        | sqlx::Error::PoolTimedOut
        | sqlx::Error::PoolClosed
        | sqlx::Error::WorkerCrashed => true,
        sqlx::Error::Database(db) => {
            let postgres = db
                .try_downcast_ref::<sqlx::postgres::PgDatabaseError>()
                .is_some();
            db.code().is_some_and(|code| {
                if postgres {
                    postgres_unavailable(&code)
                } else {
                    sqlite_unavailable(&code)
                }
            })
        }
        _ => false,
    }
}

/// Whether an SQLite result code means "not now" rather than "not this": the primary code
/// (the low byte of an extended one) is busy, locked, out of memory, read-only, I/O error,
/// full or cannot open.
fn sqlite_unavailable(code: &str) -> bool {
    code.parse::<i64>()
        .is_ok_and(|n| matches!(n & 0xff, 5 | 6 | 7 | 8 | 10 | 13 | 14))
}

/// Whether a PostgreSQL SQLSTATE means "not now": connection exceptions (08), insufficient
/// resources (53, a full disk among them), operator intervention (57P: shutting down,
/// starting up), system errors (58) and a read-only server (25006).
fn postgres_unavailable(code: &str) -> bool {
    code.starts_with("08")
        || code.starts_with("53")
        || code.starts_with("57P")
        || code.starts_with("58")
        || code == "25006"
}

#[cfg(test)]
mod tests {
    use super::{postgres_unavailable, sqlite_unavailable};

    #[test]
    fn storage_conditions_are_unavailable_and_mistakes_are_not() {
        // SQLite: SQLITE_FULL, SQLITE_IOERR_WRITE (778), SQLITE_READONLY, SQLITE_BUSY.
        for code in ["13", "778", "8", "5", "14"] {
            assert!(sqlite_unavailable(code), "{code}");
        }
        // SQLite: a constraint (19) or a unique violation (2067) is the request's fault.
        for code in ["19", "2067", "1"] {
            assert!(!sqlite_unavailable(code), "{code}");
        }
        // PostgreSQL: admin shutdown, connection failure, disk full; then a unique violation
        // and a syntax error.
        for code in ["57P01", "08006", "53100", "25006"] {
            assert!(postgres_unavailable(code), "{code}");
        }
        for code in ["23505", "42601", "22P02"] {
            assert!(!postgres_unavailable(code), "{code}");
        }
    }
}

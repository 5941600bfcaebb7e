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
}

impl StoreError {
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

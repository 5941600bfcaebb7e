//! Errors of the use cases, in terms the caller can show to a person.

use spona_domain::validation::FieldErrors;
use spona_store::StoreError;

/// Why a use case did not do what was asked.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// Nothing there, or nothing the actor may know exists.
    #[error("not found")]
    NotFound,
    /// The actor may know the thing exists but may not do this.
    #[error("forbidden")]
    Forbidden,
    /// The input was refused; nothing was saved.
    #[error("invalid input")]
    Invalid(FieldErrors),
    /// A file or text could not be used; the message says where and why.
    #[error("{0}")]
    Unreadable(String),
    /// Someone else changed the record since it was read; nothing was saved.
    #[error("edit conflict")]
    Conflict,
    /// Wrong username or password (deliberately not saying which).
    #[error("sign-in failed")]
    BadCredentials,
    /// Too many failed sign-ins; try again after the given minutes.
    #[error("too many attempts")]
    Throttled { minutes: i64 },
    /// No valid session.
    #[error("not signed in")]
    Unauthenticated,
    /// The database has moved to another master key (a rotation switched) and this instance
    /// has not found it yet; nothing was read or saved. Temporary: try again shortly.
    #[error(
        "this instance's master key is not the database's now (a key rotation); try again shortly"
    )]
    KeysUnavailable,
    /// A record's sealed part cannot be opened: altered in the database, or sealed under a
    /// key that is gone. The record is damaged; the rest of the system keeps working.
    #[error("record {} of {} cannot be opened", .0.id, .0.table)]
    Unopenable(Damaged),
    /// Storage failed.
    #[error(transparent)]
    Store(StoreError),
    /// Something that should not happen did.
    #[error("internal error: {0}")]
    Internal(String),
}

/// Which record is damaged: its table and id only, never anything of its content.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Damaged {
    pub table: String,
    pub id: i64,
}

impl From<StoreError> for AppError {
    fn from(e: StoreError) -> AppError {
        match e {
            StoreError::Conflict => AppError::Conflict,
            other => AppError::Store(other),
        }
    }
}

impl From<FieldErrors> for AppError {
    fn from(e: FieldErrors) -> AppError {
        AppError::Invalid(e)
    }
}

impl From<spona_domain::access::Refusal> for AppError {
    /// The one refusal rule, said once: outside the actor's reach is "not found", a section
    /// the role lacks inside its own team is "forbidden".
    fn from(r: spona_domain::access::Refusal) -> AppError {
        match r {
            spona_domain::access::Refusal::NotFound => AppError::NotFound,
            spona_domain::access::Refusal::Forbidden => AppError::Forbidden,
        }
    }
}

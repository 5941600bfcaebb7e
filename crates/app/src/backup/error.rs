//! Why a backup could not be taken or restored, each in one line an operator can act on.

use spona_crypto::archive::ArchiveError;
use spona_store::StoreError;

/// A backup or restore that did not happen; a restore that fails leaves the target empty.
#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    /// The envelope: wrong passphrase or identity, not a backup, damaged header.
    #[error(transparent)]
    Envelope(#[from] ArchiveError),
    /// The content does not read back as it was written.
    #[error("the backup file is damaged or truncated ({0})")]
    Damaged(String),
    #[error("the backup is of format {0}, newer than this Spona reads ({max}); restore it with a newer spona", max = super::manifest::FORMAT)]
    NewerFormat(u32),
    #[error("the backup's schema version {backup} is newer than this Spona knows ({known}); restore it with a newer spona")]
    NewerSchema { backup: i64, known: i64 },
    #[error("the target database is not empty (table {0} holds data); restore only into an empty database")]
    TargetNotEmpty(String),
    #[error("the target database is migrated past the backup's schema version ({target} > {backup}); restore into a new, empty database")]
    TargetNewer { target: i64, backup: i64 },
    #[error("the backup's tables do not match schema version {version} of this Spona ({detail})")]
    SchemaMismatch { version: i64, detail: String },
    #[error("no master key: the deployment has none (neither DATA_DIR/spona.key nor SPONA_MASTER_KEY) and the backup was made without --include-key")]
    NoKey,
    #[error("the master key does not open the backup's data ({0})")]
    WrongKey(String),
    #[error("the backup's audit trail does not verify: {0}")]
    AuditBroken(String),
    /// The writer stopped before the end (the server stopping, a full disk).
    #[error("the backup was interrupted before it was complete")]
    Interrupted,
    #[error("{0}")]
    Io(#[from] std::io::Error),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    App(#[from] crate::AppError),
}

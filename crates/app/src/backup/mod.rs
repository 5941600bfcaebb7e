//! Backups of the whole deployment and their restore, on either engine and across them.
//!
//! A backup is one consistent snapshot of every table (attachments included, they live in
//! the database) written as engine-neutral JSON lines, compressed, inside an age envelope
//! (see `spona_crypto::archive`). The master key is not in it unless the operator asks; a
//! restore proves the key opens the data and that the audit chain verifies before it keeps
//! anything.

mod archive;
mod checks;
mod error;
mod files;
mod manifest;
mod restore;
mod schedule;
mod take;

pub use error::BackupError;
pub use files::{prune, scheduled_backups, scheduled_name, PendingFile};
pub use manifest::{ChainHead, Manifest, TableEntry, FORMAT};
pub use restore::{restore, Progress, RestoreRequest, Restored};
pub use schedule::{BackupSchedule, ScheduledBackup};
pub use spona_crypto::archive::{
    generate_identity, parse_recipient, parse_recipients_file, ArchiveError, ExposeSecret, Lock,
    SecretString, Unlock,
};
pub use take::{BackupRequest, BackupSummary, Trigger};

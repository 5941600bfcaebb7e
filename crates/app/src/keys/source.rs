//! Where a running instance finds its master key again when the database moves to another
//! one (a rotation switched): a port, because the key files and the environment belong to the
//! binary, not to the use cases.

use spona_crypto::keys::MasterKey;

/// The master keys an instance can lay its hands on now.
pub trait KeySource: Send + Sync {
    /// The keys at hand, read afresh on every call (a rotation replaces key files), in any
    /// order: the caller picks by check value or by what opens. Problems (an unreadable file)
    /// are the source's to log.
    fn keys_at_hand(&self) -> Vec<MasterKey>;
}

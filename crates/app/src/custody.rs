//! Whether a master key belongs to a database, decided before anything is written: a
//! restore without its key, or with another deployment's, must be refused rather than
//! answered by sealing new data under a key that cannot open the old.

use crate::audit::hashed_fields;
use crate::AppError;
use spona_crypto::chain::ChainKey;
use spona_crypto::keys::MasterKey;
use spona_store::{deployment, Db};

/// Whether the database holds anything a key must be able to open (or has recorded a key).
pub async fn needs_its_key(db: &Db) -> Result<bool, AppError> {
    Ok(db.key_check().await?.is_some() || db.holds_data().await?)
}

/// Whether `key` is the database's key: its recorded check value, or, for a database written
/// before check values were recorded, the first audit entry reproduced under the key.
pub async fn key_fits(db: &Db, key: &MasterKey) -> Result<bool, AppError> {
    if let Some(check) = db.key_check().await? {
        return Ok(check == key.check_value());
    }
    if !db.holds_data().await? {
        return Ok(true);
    }
    let mut c = db.conn().await?;
    let Some(first) = deployment::first_audit_entry(&mut c).await? else {
        return Ok(true);
    };
    let fields = hashed_fields(&first);
    let refs: Vec<&str> = fields.iter().map(String::as_str).collect();
    Ok(ChainKey::new(key).link(&first.prev_hash, &refs) == first.hash)
}

/// Records the key's check value if none is recorded yet (a new deployment, or the first
/// start of this release on an older one, after `key_fits` accepted the key).
pub async fn record_key(db: &Db, key: &MasterKey, now: i64) -> Result<(), AppError> {
    if db.key_check().await?.is_some() {
        return Ok(());
    }
    let mut tx = db.begin().await?;
    deployment::record_key_check(&mut tx, &key.check_value(), now).await?;
    tx.commit().await?;
    Ok(())
}

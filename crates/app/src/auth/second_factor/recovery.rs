//! Recovery codes: ten at a time, shown once, stored hashed, each good for one sign-in.

use crate::AppError;
use spona_crypto::recovery::{new_recovery_codes, recovery_code_hash};
use spona_domain::ids::UserId;
use spona_store::{second_factors, Tx};

/// A fresh set of codes, to be shown once and then forgotten.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecoveryCodes(pub Vec<String>);

/// Gives the account a fresh set of codes in place of its earlier ones.
pub(super) async fn renew(tx: &mut Tx, user: UserId, now: i64) -> Result<RecoveryCodes, AppError> {
    let codes = new_recovery_codes();
    let hashes: Vec<String> = codes
        .iter()
        .filter_map(|c| spona_crypto::recovery::normalise(c))
        .map(|c| recovery_code_hash(&c))
        .collect();
    second_factors::replace_recovery_codes(tx, user, &hashes, now).await?;
    Ok(RecoveryCodes(codes))
}

/// Uses up one of the account's codes (canonical form); false when it has no such unused one.
pub(super) async fn use_code(
    tx: &mut Tx,
    user: UserId,
    canonical: &str,
    now: i64,
) -> Result<bool, AppError> {
    let hash = recovery_code_hash(canonical);
    Ok(second_factors::use_recovery_code(tx, user, &hash, now).await?)
}

//! An account's authenticator secret at rest: sealed under a data key of the account's own,
//! wrapped under the master key, each bound to the account's row. A master key switch wraps
//! the data keys anew ([`rewrap_second_factors`]).

use crate::{App, AppError};
use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use spona_crypto::fields::{DataKey, KeyWrapper, Place};
use spona_crypto::keyring::Keyring;
use spona_crypto::totp::TotpSecret;
use spona_domain::ids::UserId;
use spona_store::{second_factors, Tx};

const TABLE: &str = "second_factors";

fn place(column: &'static str, user: UserId) -> Place<'static> {
    Place {
        table: TABLE,
        column,
        row: user.0,
    }
}

fn damaged(user: UserId) -> AppError {
    AppError::Internal(format!(
        "the second factor of account {} does not open (altered?)",
        user.0
    ))
}

fn unwrap_with(wrapper: &KeyWrapper, user: UserId, wrapped: &str) -> Result<DataKey, AppError> {
    let bytes = STANDARD.decode(wrapped).map_err(|_| damaged(user))?;
    wrapper
        .unwrap_key(&bytes, place("data_key", user))
        .map_err(|_| damaged(user))
}

impl App {
    /// The account's data key from its wrapped form.
    pub(super) fn factor_key(&self, user: UserId, wrapped: &str) -> Result<DataKey, AppError> {
        self.record_key(|wrapper| unwrap_with(wrapper, user, wrapped))
    }

    /// A new data key for the account, with its wrapped form.
    pub(super) fn new_factor_key(&self, user: UserId) -> (DataKey, String) {
        let (key, wrapped) = self.keys().wrapper.new_data_key(place("data_key", user));
        (key, STANDARD.encode(wrapped))
    }
}

/// Seals a secret for the account's row (the proposed one becomes the one in force as it
/// is, so both are sealed for the same place).
pub(super) fn seal(key: &DataKey, user: UserId, secret: &TotpSecret) -> String {
    STANDARD.encode(key.seal_bytes(secret.as_bytes(), place("totp_secret", user)))
}

/// Opens a sealed secret of the account.
pub(super) fn open(key: &DataKey, user: UserId, sealed: &str) -> Result<TotpSecret, AppError> {
    let bytes = STANDARD.decode(sealed).map_err(|_| damaged(user))?;
    let plain = key
        .open_bytes(&bytes, place("totp_secret", user))
        .map_err(|_| damaged(user))?;
    TotpSecret::from_bytes(plain).ok_or_else(|| damaged(user))
}

/// Wraps every account's data key anew under the next master key (in the switch's
/// transaction); a key that does not open stops the switch.
pub(crate) async fn rewrap_second_factors(
    tx: &mut Tx,
    old: &Keyring,
    next: &Keyring,
) -> Result<usize, AppError> {
    let keys = second_factors::data_keys(tx).await?;
    for (id, wrapped) in &keys {
        let user = UserId(*id);
        let key = unwrap_with(&old.wrapper, user, wrapped)?;
        let rewrapped = STANDARD.encode(next.wrapper.wrap_key(&key, place("data_key", user)));
        second_factors::rewrap(tx, *id, &rewrapped).await?;
    }
    Ok(keys.len())
}

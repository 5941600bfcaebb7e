//! Signing with one of a person's passkeys, as the second step of a sign-in and as a
//! confirmation alike: the options for the browser with the ceremony kept under its owner,
//! then the browser's answer checked against it and the passkey's counter moved on.

use super::{passkey_of, CEREMONY_SECONDS};
use crate::{App, AppError};
use spona_domain::ids::UserId;
use spona_store::{passkeys, Tx};
use webauthn_rs::prelude::{PasskeyAuthentication, PublicKeyCredential};

impl App {
    /// The options (JSON) to sign with one of `user`'s passkeys, the ceremony kept under
    /// `owner` and `kind`; "not found" when the person has none.
    pub(super) async fn begin_assertion(
        &self,
        tx: &mut Tx,
        user: UserId,
        owner: &str,
        kind: &str,
    ) -> Result<String, AppError> {
        let relying = self.relying()?;
        let keys = passkeys::of_user(tx, user)
            .await?
            .iter()
            .map(passkey_of)
            .collect::<Result<Vec<_>, _>>()?;
        if keys.is_empty() {
            return Err(AppError::NotFound);
        }
        let (options, state) = relying
            .start_passkey_authentication(&keys)
            .map_err(|e| AppError::Internal(format!("a passkey {kind}: {e}")))?;
        let state = serde_json::to_string(&state).map_err(|e| AppError::Internal(e.to_string()))?;
        let until = self.now() + CEREMONY_SECONDS;
        passkeys::begin_ceremony(tx, owner, user, kind, &state, until).await?;
        serde_json::to_string(&options).map_err(|e| AppError::Internal(e.to_string()))
    }

    /// Whether the browser's `credential` signs the ceremony under `owner` and `kind` with
    /// one of `user`'s passkeys (the ceremony is used up either way); the passkey that
    /// signed is recorded as used.
    pub(super) async fn finish_assertion(
        &self,
        tx: &mut Tx,
        user: UserId,
        owner: &str,
        kind: &str,
        credential: &str,
    ) -> Result<bool, AppError> {
        let relying = self.relying()?;
        let now = self.now();
        let state = passkeys::take_ceremony(tx, owner, kind, now)
            .await?
            .and_then(|s| serde_json::from_str::<PasskeyAuthentication>(&s).ok());
        let answer = serde_json::from_str::<PublicKeyCredential>(credential).ok();
        let result = match (state, answer) {
            (Some(state), Some(answer)) => {
                relying.finish_passkey_authentication(&answer, &state).ok()
            }
            _ => None,
        };
        let Some(result) = result else {
            return Ok(false);
        };
        for row in passkeys::of_user(tx, user).await? {
            let mut passkey = passkey_of(&row)?;
            if passkey.update_credential(&result).is_some() {
                let stored = serde_json::to_string(&passkey)
                    .map_err(|e| AppError::Internal(e.to_string()))?;
                passkeys::used(tx, row.id, &stored, now).await?;
            }
        }
        Ok(true)
    }
}

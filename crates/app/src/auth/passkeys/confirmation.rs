//! A passkey proves again who the signed-in person is before a sensitive act, in place of
//! the password and code; a wrong or forged answer counts as a failed confirmation.

use super::{passkey_of, unreadable, CEREMONY_SECONDS};
use crate::auth::session::SignedIn;
use crate::{App, AppError};
use spona_store::passkeys;
use webauthn_rs::prelude::{PasskeyAuthentication, PublicKeyCredential};

/// The ceremony's owner: the session it confirms.
fn owner(signed: &SignedIn) -> String {
    format!("confirm:{}", signed.session_id)
}

impl App {
    /// Whether the signed-in person may confirm with a passkey here.
    pub async fn confirms_with_passkey(&self, signed: &SignedIn) -> Result<bool, AppError> {
        if !self.passkeys_available() {
            return Ok(false);
        }
        let mut c = self.db.conn().await?;
        Ok(passkeys::any_of(&mut c, signed.user.id).await?)
    }

    /// The options the browser needs to sign with one of the person's passkeys (JSON);
    /// "not found" without one.
    pub async fn begin_passkey_confirmation(&self, signed: &SignedIn) -> Result<String, AppError> {
        let relying = self.relying()?;
        let mut tx = self.db.begin().await?;
        let keys = passkeys::of_user(&mut tx, signed.user.id)
            .await?
            .iter()
            .map(passkey_of)
            .collect::<Result<Vec<_>, _>>()?;
        if keys.is_empty() {
            return Err(AppError::NotFound);
        }
        let (options, state) = relying
            .start_passkey_authentication(&keys)
            .map_err(|e| AppError::Internal(format!("a passkey confirmation: {e}")))?;
        let state = serde_json::to_string(&state).map_err(|e| AppError::Internal(e.to_string()))?;
        let until = self.now() + CEREMONY_SECONDS;
        passkeys::begin_ceremony(
            &mut tx,
            &owner(signed),
            signed.user.id,
            "confirm",
            &state,
            until,
        )
        .await?;
        tx.commit().await?;
        serde_json::to_string(&options).map_err(|e| AppError::Internal(e.to_string()))
    }

    /// Confirms the session with the browser's signature. An empty answer is "invalid" and
    /// counts against nothing; a wrong one counts as a failed confirmation.
    pub async fn confirm_with_passkey(
        &self,
        signed: &SignedIn,
        credential: &str,
    ) -> Result<(), AppError> {
        if credential.trim().is_empty() {
            return Err(unreadable());
        }
        let relying = self.relying()?;
        let now = self.now();
        let user = &signed.user;
        let mut tx = self.db.begin().await?;
        self.refuse_if_throttled(&mut tx, user, &signed.actor.address)
            .await?;
        let state = passkeys::take_ceremony(&mut tx, &owner(signed), "confirm", now)
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
            return self.refuse_confirmation(tx, signed).await;
        };
        for row in passkeys::of_user(&mut tx, user.id).await? {
            let mut passkey = passkey_of(&row)?;
            if passkey.update_credential(&result).is_some() {
                let stored = serde_json::to_string(&passkey)
                    .map_err(|e| AppError::Internal(e.to_string()))?;
                passkeys::used(&mut tx, row.id, &stored, now).await?;
            }
        }
        self.confirmed(&mut tx, signed).await?;
        tx.commit().await?;
        Ok(())
    }
}

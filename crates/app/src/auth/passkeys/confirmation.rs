//! A passkey proves again who the signed-in person is before a sensitive act, in place of
//! the password and code; a wrong or forged answer counts as a failed confirmation.

use super::unreadable;
use crate::auth::session::SignedIn;
use crate::{App, AppError};
use spona_store::passkeys;

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
        let mut tx = self.db.begin().await?;
        let options = self
            .begin_assertion(&mut tx, signed.user.id, &owner(signed), "confirm")
            .await?;
        tx.commit().await?;
        Ok(options)
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
        self.relying()?;
        let user = &signed.user;
        let mut tx = self.db.begin().await?;
        self.refuse_if_throttled(&mut tx, user, &signed.actor.address)
            .await?;
        let signed_by_passkey = self
            .finish_assertion(&mut tx, user.id, &owner(signed), "confirm", credential)
            .await?;
        if !signed_by_passkey {
            return self.refuse_confirmation(tx, signed).await;
        }
        self.confirmed(&mut tx, signed).await?;
        tx.commit().await?;
        Ok(())
    }
}

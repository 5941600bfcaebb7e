//! Registering a passkey, listing and removing one's own: a signed-in person's ceremony,
//! its state kept in the database under their session until the browser answers.

use super::{id_text, passkey_of, unreadable, PasskeyView, CEREMONY_SECONDS};
use crate::audit::{AuditEvent, Author};
use crate::auth::session::SignedIn;
use crate::{App, AppError};
use spona_domain::validation::{FieldError, FieldErrors};
use spona_store::passkeys;
use webauthn_rs::prelude::{PasskeyRegistration, RegisterPublicKeyCredential, Uuid};

/// The longest name of a passkey.
const NAME_MAX: usize = 60;

/// The ceremony's owner: the session it runs in.
fn owner(signed: &SignedIn) -> String {
    format!("session:{}", signed.session_id)
}

impl App {
    /// The options the browser needs to create a passkey (JSON), its other passkeys
    /// excluded; "not found" where passkeys cannot work.
    pub async fn begin_passkey_registration(&self, signed: &SignedIn) -> Result<String, AppError> {
        let relying = self.relying()?;
        let user = &signed.user;
        let mut tx = self.db.begin().await?;
        let exclude = passkeys::of_user(&mut tx, user.id)
            .await?
            .iter()
            .map(|row| passkey_of(row).map(|p| p.cred_id().clone()))
            .collect::<Result<Vec<_>, _>>()?;
        let handle = Uuid::from_u64_pair(0, user.id.0 as u64);
        let (options, state) = relying
            .start_passkey_registration(handle, &user.username, &user.username, Some(exclude))
            .map_err(|e| AppError::Internal(format!("a passkey registration: {e}")))?;
        let state = serde_json::to_string(&state).map_err(|e| AppError::Internal(e.to_string()))?;
        let until = self.now() + CEREMONY_SECONDS;
        passkeys::begin_ceremony(&mut tx, &owner(signed), user.id, "register", &state, until)
            .await?;
        tx.commit().await?;
        serde_json::to_string(&options).map_err(|e| AppError::Internal(e.to_string()))
    }

    /// Registers the passkey the browser created, under the name its owner gave it.
    pub async fn finish_passkey_registration(
        &self,
        signed: &SignedIn,
        name: &str,
        credential: &str,
    ) -> Result<(), AppError> {
        let relying = self.relying()?;
        let name = name.trim();
        let mut errors = FieldErrors::new();
        if name.is_empty() {
            errors.add("name", FieldError::Required);
        } else if name.chars().count() > NAME_MAX {
            errors.add("name", FieldError::TooLong { max: NAME_MAX });
        }
        let answer = serde_json::from_str::<RegisterPublicKeyCredential>(credential).ok();
        if answer.is_none() {
            errors.add("credential", FieldError::Invalid);
        }
        errors.into_result().map_err(AppError::Invalid)?;
        let Some(answer) = answer else {
            return Err(unreadable());
        };
        let user = &signed.user;
        let now = self.now();
        let mut tx = self.db.begin().await?;
        let state = passkeys::take_ceremony(&mut tx, &owner(signed), "register", now)
            .await?
            .and_then(|s| serde_json::from_str::<PasskeyRegistration>(&s).ok());
        let passkey = state.and_then(|s| relying.finish_passkey_registration(&answer, &s).ok());
        let Some(passkey) = passkey else {
            tx.commit().await?;
            return Err(unreadable());
        };
        let stored =
            serde_json::to_string(&passkey).map_err(|e| AppError::Internal(e.to_string()))?;
        if !passkeys::insert(&mut tx, user.id, name, &id_text(&passkey), &stored, now).await? {
            return Err(unreadable());
        }
        let event = AuditEvent::about(user.team_id, "passkey-added", "user", user.id.0);
        self.audit(&mut tx, Author::of(&signed.actor), event)
            .await?;
        tx.commit().await?;
        Ok(())
    }

    /// The signed-in person's passkeys.
    pub async fn own_passkeys(&self, signed: &SignedIn) -> Result<Vec<PasskeyView>, AppError> {
        let mut c = self.db.conn().await?;
        Ok(passkeys::of_user(&mut c, signed.user.id)
            .await?
            .into_iter()
            .map(|row| PasskeyView {
                id: row.id,
                name: row.name,
                created_at: row.created_at,
                last_used_at: row.last_used_at,
            })
            .collect())
    }

    /// Removes one of the signed-in person's passkeys; "not found" for anyone else's.
    pub async fn remove_own_passkey(&self, signed: &SignedIn, id: i64) -> Result<(), AppError> {
        let user = &signed.user;
        let mut tx = self.db.begin().await?;
        if !passkeys::delete_of_user(&mut tx, user.id, id).await? {
            return Err(AppError::NotFound);
        }
        let event = AuditEvent::about(user.team_id, "passkey-removed", "user", user.id.0);
        self.audit(&mut tx, Author::of(&signed.actor), event)
            .await?;
        tx.commit().await?;
        Ok(())
    }
}

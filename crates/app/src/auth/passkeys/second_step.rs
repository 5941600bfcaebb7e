//! A passkey as the second step of a sign-in: the challenge a right password started asks
//! the browser to sign with one of the account's passkeys; a wrong or stale answer counts
//! against the challenge and the account like a wrong code.

use super::{passkey_of, CEREMONY_SECONDS};
use crate::auth::second_factor::{live_challenge, origin_of, ChallengeKind};
use crate::auth::session::NewSession;
use crate::{App, AppError};
use spona_store::passkeys;
use webauthn_rs::prelude::{PasskeyAuthentication, PublicKeyCredential};

/// The ceremony's owner: the challenge it runs in.
fn owner(challenge_id: i64) -> String {
    format!("challenge:{challenge_id}")
}

impl App {
    /// The options the browser needs to sign with one of the account's passkeys (JSON);
    /// "not found" when it has none or passkeys cannot work here.
    pub async fn begin_passkey_sign_in(&self, token: &str) -> Result<String, AppError> {
        let relying = self.relying()?;
        let now = self.now();
        let mut tx = self.db.begin().await?;
        let (challenge, user) = live_challenge(&mut tx, token, now).await?;
        if challenge.purpose != ChallengeKind::Verify.code() {
            return Err(AppError::Unauthenticated);
        }
        let keys = passkeys::of_user(&mut tx, user.id)
            .await?
            .iter()
            .map(passkey_of)
            .collect::<Result<Vec<_>, _>>()?;
        if keys.is_empty() {
            return Err(AppError::NotFound);
        }
        let (options, state) = relying
            .start_passkey_authentication(&keys)
            .map_err(|e| AppError::Internal(format!("a passkey sign-in: {e}")))?;
        let state = serde_json::to_string(&state).map_err(|e| AppError::Internal(e.to_string()))?;
        let until = now + CEREMONY_SECONDS;
        passkeys::begin_ceremony(
            &mut tx,
            &owner(challenge.id),
            user.id,
            "sign-in",
            &state,
            until,
        )
        .await?;
        tx.commit().await?;
        serde_json::to_string(&options).map_err(|e| AppError::Internal(e.to_string()))
    }

    /// Passes the second step with the browser's signature, and starts the session.
    pub async fn pass_with_passkey(
        &self,
        token: &str,
        credential: &str,
    ) -> Result<NewSession, AppError> {
        let relying = self.relying()?;
        let now = self.now();
        let mut tx = self.db.begin().await?;
        let (challenge, user) = live_challenge(&mut tx, token, now).await?;
        if challenge.purpose != ChallengeKind::Verify.code() {
            return Err(AppError::Unauthenticated);
        }
        self.refuse_if_throttled(&mut tx, &user, &challenge.address)
            .await?;
        let state = passkeys::take_ceremony(&mut tx, &owner(challenge.id), "sign-in", now)
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
            return self.refuse_code(tx, &challenge, &user).await;
        };
        for row in passkeys::of_user(&mut tx, user.id).await? {
            let mut passkey = passkey_of(&row)?;
            if passkey.update_credential(&result).is_some() {
                let stored = serde_json::to_string(&passkey)
                    .map_err(|e| AppError::Internal(e.to_string()))?;
                passkeys::used(&mut tx, row.id, &stored, now).await?;
            }
        }
        self.complete(&mut tx, &challenge, &user).await?;
        let session = self
            .start_session(&mut tx, &user, origin_of(&challenge))
            .await?;
        tx.commit().await?;
        Ok(session)
    }
}

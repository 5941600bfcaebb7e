//! A passkey as the second step of a sign-in: the challenge a right password started asks
//! the browser to sign with one of the account's passkeys; a wrong or stale answer counts
//! against the challenge and the account like a wrong code.

use crate::auth::second_factor::{live_challenge, origin_of, ChallengeKind};
use crate::auth::session::NewSession;
use crate::{App, AppError};

/// The ceremony's owner: the challenge it runs in.
fn owner(challenge_id: i64) -> String {
    format!("challenge:{challenge_id}")
}

impl App {
    /// The options the browser needs to sign with one of the account's passkeys (JSON);
    /// "not found" when it has none or passkeys cannot work here.
    pub async fn begin_passkey_sign_in(&self, token: &str) -> Result<String, AppError> {
        self.relying()?;
        let now = self.now();
        let mut tx = self.db.begin().await?;
        let (challenge, user) = live_challenge(&mut tx, token, now).await?;
        if challenge.purpose != ChallengeKind::Verify.code() {
            return Err(AppError::Unauthenticated);
        }
        let options = self
            .begin_assertion(&mut tx, user.id, &owner(challenge.id), "sign-in")
            .await?;
        tx.commit().await?;
        Ok(options)
    }

    /// Passes the second step with the browser's signature, and starts the session.
    pub async fn pass_with_passkey(
        &self,
        token: &str,
        credential: &str,
    ) -> Result<NewSession, AppError> {
        self.relying()?;
        let now = self.now();
        let mut tx = self.db.begin().await?;
        let (challenge, user) = live_challenge(&mut tx, token, now).await?;
        if challenge.purpose != ChallengeKind::Verify.code() {
            return Err(AppError::Unauthenticated);
        }
        self.refuse_if_throttled(&mut tx, &user, &challenge.address)
            .await?;
        let signed_by_passkey = self
            .finish_assertion(
                &mut tx,
                user.id,
                &owner(challenge.id),
                "sign-in",
                credential,
            )
            .await?;
        if !signed_by_passkey {
            return self.refuse_code(tx, &challenge, &user).await;
        }
        self.complete(&mut tx, &challenge, &user).await?;
        let session = self
            .start_session(&mut tx, &user, origin_of(&challenge))
            .await?;
        tx.commit().await?;
        Ok(session)
    }
}

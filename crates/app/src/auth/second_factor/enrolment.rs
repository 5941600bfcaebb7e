//! Enrolling an authenticator: a new secret is proposed (shown as a QR code and as text) and
//! kept, sealed, until a code from it is typed; then it is the account's, with a fresh set
//! of recovery codes. During sign-in (an account that must have a second factor and has
//! none) and from the account's own page.

use super::challenge::{author, live_challenge, origin_of};
use super::recovery::{self, RecoveryCodes};
use super::{secret, ChallengeKind, ISSUER};
use crate::audit::{AuditEvent, Author};
use crate::auth::session::{NewSession, SignedIn};
use crate::{App, AppError};
use spona_crypto::totp::TotpSecret;
use spona_store::users::User;
use spona_store::{second_factors, Tx};

/// A proposed secret as the enrolment page shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Enrolment {
    /// The secret in Base32, in groups of four, for typing into an app.
    pub secret: String,
    /// The `otpauth://` address, for the QR code.
    pub uri: String,
    pub username: String,
}

impl App {
    /// The secret proposed to the account of an enrolment challenge (the same one until it
    /// is confirmed, so that reloading the page does not undo a scan).
    pub async fn enrolment(&self, token: &str) -> Result<Enrolment, AppError> {
        let mut tx = self.db.begin().await?;
        let (challenge, user) = live_challenge(&mut tx, token, self.now()).await?;
        if challenge.purpose != ChallengeKind::Enrol.code() {
            return Err(AppError::Unauthenticated);
        }
        let enrolment = self.proposal(&mut tx, &user).await?;
        tx.commit().await?;
        Ok(enrolment)
    }

    /// Confirms the proposed secret with a code from it, ends the challenge and starts the
    /// session; the recovery codes are returned to be shown once.
    pub async fn confirm_enrolment(
        &self,
        token: &str,
        code: &str,
    ) -> Result<(NewSession, RecoveryCodes), AppError> {
        let mut tx = self.db.begin().await?;
        let (challenge, user) = live_challenge(&mut tx, token, self.now()).await?;
        if challenge.purpose != ChallengeKind::Enrol.code() {
            return Err(AppError::Unauthenticated);
        }
        self.refuse_if_throttled(&mut tx, &user, &challenge.address)
            .await?;
        let Some(codes) = self.confirm_proposal(&mut tx, &user, code).await? else {
            return self.refuse_code(tx, &challenge, &user).await;
        };
        self.complete(&mut tx, &challenge, &user).await?;
        let event = AuditEvent::about(user.team_id, "second-factor-enrolled", "user", user.id.0);
        self.audit(&mut tx, author(&challenge), event).await?;
        let session = self
            .start_session(&mut tx, &user, origin_of(&challenge))
            .await?;
        tx.commit().await?;
        Ok((session, codes))
    }

    /// A new secret proposed to the signed-in person (a first authenticator, or one in place
    /// of a lost one; the one in force stays until the new one is confirmed).
    pub async fn propose_own_authenticator(
        &self,
        signed: &SignedIn,
    ) -> Result<Enrolment, AppError> {
        let mut tx = self.db.begin().await?;
        let enrolment = self.proposal(&mut tx, &signed.user).await?;
        tx.commit().await?;
        Ok(enrolment)
    }

    /// Confirms the signed-in person's proposed secret with a code from it; a wrong code is
    /// "bad credentials" and changes nothing (the secret is the person's own new one: there
    /// is no account to guess into).
    pub async fn confirm_own_authenticator(
        &self,
        signed: &SignedIn,
        code: &str,
    ) -> Result<RecoveryCodes, AppError> {
        let mut tx = self.db.begin().await?;
        let user = &signed.user;
        let Some(codes) = self.confirm_proposal(&mut tx, user, code).await? else {
            return Err(AppError::BadCredentials);
        };
        let event = AuditEvent::about(user.team_id, "second-factor-enrolled", "user", user.id.0);
        self.audit(&mut tx, Author::of(&signed.actor), event)
            .await?;
        tx.commit().await?;
        Ok(codes)
    }

    /// The account's proposed secret, proposing one if none waits.
    async fn proposal(&self, tx: &mut Tx, user: &User) -> Result<Enrolment, AppError> {
        let row = second_factors::find(tx, user.id).await?;
        let secret = match row {
            Some(row) => {
                let key = self.factor_key(user.id, &row.data_key)?;
                match row.proposed_secret.as_deref() {
                    Some(sealed) => secret::open(&key, user.id, sealed)?,
                    None => {
                        let fresh = TotpSecret::generate();
                        let sealed = secret::seal(&key, user.id, &fresh);
                        second_factors::set_proposed(tx, user.id, &sealed).await?;
                        fresh
                    }
                }
            }
            None => {
                let (key, wrapped) = self.new_factor_key(user.id);
                let fresh = TotpSecret::generate();
                let sealed = secret::seal(&key, user.id, &fresh);
                second_factors::insert_proposed(tx, user.id, &wrapped, &sealed).await?;
                fresh
            }
        };
        Ok(Enrolment {
            secret: secret.base32_grouped(),
            uri: secret.uri(ISSUER, &user.username),
            username: user.username.clone(),
        })
    }

    /// Puts the proposed secret in force if the code is one of its; none when it is not (or
    /// nothing was proposed).
    async fn confirm_proposal(
        &self,
        tx: &mut Tx,
        user: &User,
        code: &str,
    ) -> Result<Option<RecoveryCodes>, AppError> {
        let now = self.now();
        let Some(row) = second_factors::find(tx, user.id).await? else {
            return Ok(None);
        };
        let Some(sealed) = row.proposed_secret.as_deref() else {
            return Ok(None);
        };
        let key = self.factor_key(user.id, &row.data_key)?;
        let proposed = secret::open(&key, user.id, sealed)?;
        let Some(step) = proposed.step_of(code, now) else {
            return Ok(None);
        };
        if !second_factors::confirm(tx, user.id, step, now).await? {
            return Ok(None);
        }
        Ok(Some(recovery::renew(tx, user.id, now).await?))
    }
}

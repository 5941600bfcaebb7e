//! A person's own second factor: whether it is set up, how many recovery codes are left,
//! new recovery codes, and turning it off where the role does not require it.

use super::recovery::{self, RecoveryCodes};
use super::secret;
use crate::audit::{AuditEvent, Author};
use crate::auth::session::SignedIn;
use crate::{App, AppError};
use spona_crypto::totp::TotpSecret;
use spona_domain::ids::UserId;
use spona_store::{challenges, passkeys, second_factors, Tx};

/// The signed-in person's second factor as their page shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SecondFactorStatus {
    /// When the authenticator in force was set up, if one is.
    pub enrolled_at: Option<i64>,
    pub recovery_codes_left: i64,
    /// The role requires a second factor (it cannot be turned off).
    pub required: bool,
}

impl App {
    /// The signed-in person's second factor.
    pub async fn own_second_factor(
        &self,
        signed: &SignedIn,
    ) -> Result<SecondFactorStatus, AppError> {
        let mut c = self.db.conn().await?;
        let user = signed.actor.user_id;
        let row = second_factors::find(&mut c, user).await?;
        Ok(SecondFactorStatus {
            enrolled_at: row
                .filter(|r| r.totp_secret.is_some())
                .and_then(|r| r.enrolled_at),
            recovery_codes_left: second_factors::recovery_codes_left(&mut c, user).await?,
            required: self.auth.second_factor.required_for(signed.user.role),
        })
    }

    /// A fresh set of recovery codes in place of the person's earlier ones; "not found"
    /// without an authenticator.
    pub async fn renew_own_recovery_codes(
        &self,
        signed: &SignedIn,
    ) -> Result<RecoveryCodes, AppError> {
        let user = &signed.user;
        let mut tx = self.db.begin().await?;
        let enrolled = second_factors::find(&mut tx, user.id)
            .await?
            .is_some_and(|r| r.totp_secret.is_some());
        if !enrolled {
            return Err(AppError::NotFound);
        }
        let codes = recovery::renew(&mut tx, user.id, self.now()).await?;
        let event = AuditEvent::about(user.team_id, "recovery-codes-renewed", "user", user.id.0);
        self.audit(&mut tx, Author::of(&signed.actor), event)
            .await?;
        tx.commit().await?;
        Ok(codes)
    }

    /// Turns the person's second factor off; refused where the role requires one.
    pub async fn remove_own_second_factor(&self, signed: &SignedIn) -> Result<(), AppError> {
        let user = &signed.user;
        if self.auth.second_factor.required_for(user.role) {
            return Err(AppError::Forbidden);
        }
        let mut tx = self.db.begin().await?;
        let enrolled = second_factors::find(&mut tx, user.id)
            .await?
            .is_some_and(|r| r.totp_secret.is_some())
            || passkeys::any_of(&mut tx, user.id).await?;
        if !enrolled {
            return Err(AppError::NotFound);
        }
        second_factors::remove(&mut tx, user.id).await?;
        passkeys::delete_for_user(&mut tx, user.id).await?;
        challenges::delete_for_user(&mut tx, user.id).await?;
        let event = AuditEvent::about(user.team_id, "second-factor-removed", "user", user.id.0);
        self.audit(&mut tx, Author::of(&signed.actor), event)
            .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Gives an account a known authenticator secret (the demo's accounts, whose secret is
    /// published with their password).
    pub(crate) async fn enrol_known_secret(
        &self,
        tx: &mut Tx,
        user: UserId,
        known: &TotpSecret,
    ) -> Result<(), AppError> {
        let (key, wrapped) = self.new_factor_key(user);
        let sealed = secret::seal(&key, user, known);
        second_factors::remove(tx, user).await?;
        second_factors::insert_proposed(tx, user, &wrapped, &sealed).await?;
        second_factors::confirm(tx, user, 0, self.now()).await?;
        Ok(())
    }
}

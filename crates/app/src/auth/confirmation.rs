//! Proving again who one is before a sensitive act (exporting personal data or a case file,
//! emergency access, changing accounts, publishing the team's public page): the password,
//! and a code of the second factor where the account has one. A session so confirmed, or
//! signed in, within the last few minutes may act; the web layer asks otherwise.

use super::session::SignedIn;
use super::throttle::{Key, ThrottlePolicy};
use crate::audit::{AuditEvent, Author};
use crate::{App, AppError};
use spona_crypto::{passwords, tokens};
use spona_domain::validation::{FieldError, FieldErrors};
use spona_store::{second_factors, sessions, throttle, users, Tx};

/// How long a confirmation (or a sign-in) lets sensitive acts through, in seconds.
pub const CONFIRMATION_SECONDS: i64 = 5 * 60;

impl App {
    /// Whether the session proved who its owner is within the last few minutes.
    pub fn recently_confirmed(&self, signed: &SignedIn) -> bool {
        self.now() - signed.confirmed_at <= CONFIRMATION_SECONDS
    }

    /// Whether the signed-in person's confirmation asks for a code too.
    pub async fn confirmation_asks_code(&self, signed: &SignedIn) -> Result<bool, AppError> {
        let mut c = self.db.conn().await?;
        Ok(second_factors::find(&mut c, signed.user.id)
            .await?
            .is_some_and(|r| r.totp_secret.is_some()))
    }

    /// Confirms the session with the password and, where the account has a second factor,
    /// a code (of a step not used before) or a recovery code. Failures count against the
    /// account and the address as failed sign-ins do, and are audited.
    pub async fn confirm_identity(
        &self,
        signed: &SignedIn,
        password: &str,
        code: &str,
    ) -> Result<(), AppError> {
        // A form sent empty is no guess: it says so and counts against nothing.
        if password.is_empty() {
            let mut errors = FieldErrors::new();
            errors.add("password", FieldError::Required);
            return Err(AppError::Invalid(errors));
        }
        let now = self.now();
        let user = &signed.user;
        let address = signed.actor.address.as_str();
        let mut tx = self.db.begin().await?;
        self.refuse_if_throttled(&mut tx, user, address).await?;
        let hash = users::find(&mut tx, user.id)
            .await?
            .and_then(|u| u.password_hash)
            .unwrap_or_default();
        let mut proved = !hash.is_empty() && passwords::verify(password, &hash);
        if proved {
            proved = match second_factors::find(&mut tx, user.id).await? {
                Some(row) if row.totp_secret.is_some() => self
                    .second_factor_passes(&mut tx, user.id, &row, code, now)
                    .await?
                    .is_some(),
                _ => true,
            };
        }
        if !proved {
            return self.refuse_confirmation(tx, signed).await;
        }
        self.confirmed(&mut tx, signed).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Records that the session proved again who its owner is (audited).
    pub(crate) async fn confirmed(&self, tx: &mut Tx, signed: &SignedIn) -> Result<(), AppError> {
        let user = &signed.user;
        sessions::confirm(tx, signed.session_id, self.now()).await?;
        throttle::clear(tx, &tokens::key_hash("account", &user.username)).await?;
        let event = AuditEvent::about(user.team_id, "identity-confirmed", "user", user.id.0);
        self.audit(tx, Author::of(&signed.actor), event).await
    }

    /// Counts a failed confirmation against the account and the address, as a failed
    /// sign-in; audited; commits and answers "bad credentials".
    pub(crate) async fn refuse_confirmation(
        &self,
        mut tx: Tx,
        signed: &SignedIn,
    ) -> Result<(), AppError> {
        let now = self.now();
        let user = &signed.user;
        let policy = ThrottlePolicy::default();
        for (kind, name, value) in [
            (Key::Account, "account", user.username.as_str()),
            (Key::Address, "address", signed.actor.address.as_str()),
        ] {
            let key = tokens::key_hash(name, value);
            let counter = throttle::get(&mut tx, &key).await?;
            throttle::put(&mut tx, &key, &policy.after_failure(kind, counter, now)).await?;
        }
        let event = AuditEvent::about(user.team_id, "confirmation-failed", "user", user.id.0);
        self.audit(&mut tx, Author::of(&signed.actor), event)
            .await?;
        tx.commit().await?;
        Err(AppError::BadCredentials)
    }
}

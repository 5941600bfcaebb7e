//! Signing in with a username and password.

use super::second_factor::SignInStep;
use super::throttle::{Key, ThrottlePolicy};
use crate::audit::{AuditEvent, Author};
use crate::{App, AppError};
use spona_crypto::{passwords, tokens};
use spona_store::{sessions, throttle, users};

impl App {
    /// Checks a user's password: a fresh session, or the second step that is due (see
    /// [`SignInStep`]). Wrong usernames and wrong passwords get the same answer after the
    /// same work; throttled keys are refused before any check.
    pub async fn sign_in(
        &self,
        username: &str,
        password: &str,
        address: &str,
    ) -> Result<SignInStep, AppError> {
        self.sign_in_from(username, password, address, "").await
    }

    /// [`App::sign_in`] from a browser that said what it is (its User-Agent), which the
    /// session keeps in short for its owner's list of sessions.
    pub async fn sign_in_from(
        &self,
        username: &str,
        password: &str,
        address: &str,
        user_agent: &str,
    ) -> Result<SignInStep, AppError> {
        let policy = ThrottlePolicy::default();
        let now = self.now();
        let name = username.trim().to_ascii_lowercase();
        let account_key = tokens::key_hash("account", &name);
        let address_key = tokens::key_hash("address", address);

        let mut tx = self.db.begin().await?;
        let account_counter = throttle::get(&mut tx, &account_key).await?;
        let address_counter = throttle::get(&mut tx, &address_key).await?;
        let blocked = ThrottlePolicy::blocked_for(&account_counter, now)
            .into_iter()
            .chain(ThrottlePolicy::blocked_for(&address_counter, now))
            .max();
        if let Some(seconds) = blocked {
            return Err(AppError::Throttled {
                minutes: (seconds + 59) / 60,
            });
        }

        let user = users::find_by_username(&mut tx, &name).await?;
        let valid = match user
            .as_ref()
            .and_then(|u| u.password_hash.as_deref().map(|h| (u, h)))
        {
            Some((u, hash)) => passwords::verify(password, hash) && u.active,
            None => {
                passwords::verify_dummy(password);
                false
            }
        };
        let user = match (valid, user) {
            (true, Some(user)) => user,
            (_, known) => {
                let a = policy.after_failure(Key::Account, account_counter, now);
                throttle::put(&mut tx, &account_key, &a).await?;
                let b = policy.after_failure(Key::Address, address_counter, now);
                throttle::put(&mut tx, &address_key, &b).await?;
                // Only failures against a real account are kept: a typed unknown name may
                // be a password or someone's name, and the trail must not collect those.
                if let Some(u) = known {
                    let event = AuditEvent::about(u.team_id, "sign-in-failed", "user", u.id.0);
                    self.audit(&mut tx, Author::anonymous("", address), event)
                        .await?;
                }
                tx.commit().await?;
                tracing::info!(event = "sign-in-failed");
                return Err(AppError::BadCredentials);
            }
        };

        let origin = sessions::Origin {
            device: &super::own_sessions::device_of(user_agent),
            address,
        };
        let step = self.after_password(&mut tx, &user, origin).await?;
        tx.commit().await?;
        Ok(step)
    }
}

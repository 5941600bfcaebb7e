//! Signing in with a username and password.

use super::session::NewSession;
use super::throttle::{Key, ThrottlePolicy};
use crate::audit::{AuditEvent, Author};
use crate::{App, AppError};
use spona_crypto::{passwords, tokens};
use spona_store::{sessions, throttle, users};

impl App {
    /// Signs a user in and starts a fresh session. Wrong usernames and wrong passwords get
    /// the same answer after the same work; throttled keys are refused before any check.
    pub async fn sign_in(
        &self,
        username: &str,
        password: &str,
        address: &str,
    ) -> Result<NewSession, AppError> {
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
    ) -> Result<NewSession, AppError> {
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

        throttle::clear(&mut tx, &account_key).await?;
        let session = NewSession::generate(self.auth.absolute_timeout);
        sessions::insert(
            &mut tx,
            &tokens::token_hash(&session.token),
            user.id,
            &session.csrf_token,
            sessions::Origin {
                device: &super::own_sessions::device_of(user_agent),
                address,
            },
            now,
            now + self.auth.absolute_timeout,
        )
        .await?;
        let event = AuditEvent::about(user.team_id, "sign-in", "user", user.id.0);
        let author = Author {
            actor: None,
            label: "",
            address,
        };
        self.audit(&mut tx, author, event).await?;
        tx.commit().await?;
        tracing::info!(event = "sign-in", user_id = user.id.0);
        Ok(session)
    }
}

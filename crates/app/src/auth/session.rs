//! Sessions: resolving a cookie to the signed-in actor, timeouts, signing out.

use crate::audit::{AuditEvent, Author};
use crate::{App, AppError};
use spona_crypto::tokens;
use spona_domain::access::Actor;
use spona_i18n::Locale;
use spona_store::users::User;
use spona_store::{sessions, users};

/// A session just started: the token goes into the cookie, only its hash is stored.
#[derive(Clone, Debug)]
pub struct NewSession {
    pub token: String,
    pub csrf_token: String,
    /// Seconds until the session ends at the latest (for the cookie's Max-Age).
    pub max_age: i64,
}

impl NewSession {
    pub(crate) fn generate(max_age: i64) -> NewSession {
        NewSession {
            token: tokens::new_token(),
            csrf_token: tokens::new_token(),
            max_age,
        }
    }
}

/// The user behind a valid session.
#[derive(Clone, Debug)]
pub struct SignedIn {
    pub actor: Actor,
    pub user: User,
    /// The token that every form of this session must carry.
    pub csrf_token: String,
    pub session_id: i64,
    /// When the person last proved who they are in this session (signing in, or again).
    pub confirmed_at: i64,
}

impl App {
    /// The signed-in user of a session token. Ended, idle or unknown sessions, and
    /// sessions of disabled accounts, are refused (and removed).
    pub async fn session(&self, token: &str, address: &str) -> Result<SignedIn, AppError> {
        let now = self.now();
        let mut c = self.db.conn().await?;
        // Accounts are disabled, never removed (sessions reference them), so the join
        // always finds the session's account.
        let Some((s, user)) = sessions::find(&mut c, &tokens::token_hash(token)).await? else {
            return Err(AppError::Unauthenticated);
        };
        drop(c);
        let expired = s.expires_at <= now || now - s.last_seen_at > self.auth.idle_timeout;
        let user = match user {
            u if u.active && !expired => u,
            _ => {
                let mut tx = self.db.begin().await?;
                sessions::delete(&mut tx, s.id).await?;
                tx.commit().await?;
                return Err(AppError::Unauthenticated);
            }
        };
        // Writing on every request would serialise readers on SQLite; a minute is precise enough.
        // A failed touch (a full disk, say) costs at most a minute of idle time; the person
        // may still read, so it is not a reason to refuse the request.
        if now - s.last_seen_at >= 60 {
            if let Err(e) = self.touch_session(s.id, now).await {
                tracing::warn!(error = %e, "the session's last request could not be recorded");
            }
        }
        Ok(SignedIn {
            actor: Actor {
                user_id: user.id,
                role: user.role,
                team_id: user.team_id,
                institution_id: user.institution_id,
                address: address.to_string(),
            },
            user,
            csrf_token: s.csrf_token,
            session_id: s.id,
            confirmed_at: s.confirmed_at,
        })
    }

    /// Starts a session for a user who proved who they are; audited as the sign-in.
    pub(crate) async fn start_session(
        &self,
        tx: &mut spona_store::Tx,
        user: &User,
        origin: sessions::Origin<'_>,
    ) -> Result<NewSession, AppError> {
        let now = self.now();
        let session = NewSession::generate(self.auth.absolute_timeout);
        sessions::insert(
            tx,
            &tokens::token_hash(&session.token),
            user.id,
            &session.csrf_token,
            origin,
            now,
            now + self.auth.absolute_timeout,
        )
        .await?;
        let event = AuditEvent::about(user.team_id, "sign-in", "user", user.id.0);
        self.audit(tx, Author::anonymous("", origin.address), event)
            .await?;
        tracing::info!(event = "sign-in", user_id = user.id.0);
        Ok(session)
    }

    async fn touch_session(&self, id: i64, now: i64) -> Result<(), AppError> {
        let mut tx = self.db.begin().await?;
        sessions::touch(&mut tx, id, now).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Ends the session.
    pub async fn sign_out(&self, signed: &SignedIn) -> Result<(), AppError> {
        let mut tx = self.db.begin().await?;
        sessions::delete(&mut tx, signed.session_id).await?;
        self.audit(
            &mut tx,
            Author::of(&signed.actor),
            AuditEvent::about(signed.user.team_id, "sign-out", "user", signed.user.id.0),
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Removes ended sessions (run now and then; expired ones are refused anyway).
    pub async fn purge_expired_sessions(&self) -> Result<u64, AppError> {
        let now = self.now();
        let mut tx = self.db.begin().await?;
        let removed = sessions::delete_expired(&mut tx, now, now - self.auth.idle_timeout).await?;
        // Half-done sign-ins and passkey ceremonies past their time go with them.
        spona_store::challenges::delete_expired(&mut tx, now).await?;
        spona_store::passkeys::delete_expired_ceremonies(&mut tx, now).await?;
        tx.commit().await?;
        Ok(removed)
    }

    /// Remembers the user's language.
    pub async fn set_locale(&self, signed: &SignedIn, locale: Locale) -> Result<(), AppError> {
        let mut tx = self.db.begin().await?;
        users::set_locale(&mut tx, signed.user.id, locale.code()).await?;
        tx.commit().await?;
        Ok(())
    }
}

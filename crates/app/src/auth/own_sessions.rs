//! A person's control of their sessions: the sessions in force (device, address, last
//! used), ending any of them, and their recent sign-ins; and the administrator ending all of
//! an account's sessions.

use super::session::SignedIn;
use crate::audit::{AuditEvent, Author};
use crate::{App, AppError};
use spona_domain::access::Actor;
use spona_domain::ids::UserId;
use spona_store::{audit, sessions};

/// How many of the latest sign-ins a person sees.
pub const SIGN_INS_SHOWN: i64 = 30;

/// A session in force, as its owner sees it.
#[derive(Clone, Debug)]
pub struct SessionView {
    pub id: i64,
    /// A short description of the browser and system ("Chrome · Android"); empty if unknown.
    pub device: String,
    pub address: String,
    pub created_at: i64,
    pub last_seen_at: i64,
    /// The session this request came with.
    pub current: bool,
}

/// A sign-in, or a refused try, of the person's account.
#[derive(Clone, Debug)]
pub struct SignInView {
    pub at: i64,
    pub succeeded: bool,
    pub address: String,
}

/// A short, non-identifying description of a browser from its User-Agent: the browser's and
/// the system's names, without versions ("Firefox · Linux"); empty when nothing is known.
pub fn device_of(user_agent: &str) -> String {
    let Some(found) = woothee::parser::Parser::new().parse(user_agent) else {
        return String::new();
    };
    [found.name, found.os]
        .into_iter()
        .filter(|part| !part.is_empty() && *part != woothee::woothee::VALUE_UNKNOWN)
        .collect::<Vec<_>>()
        .join(" · ")
}

impl App {
    /// The signed-in person's sessions in force, the most recently used first.
    pub async fn own_sessions(&self, signed: &SignedIn) -> Result<Vec<SessionView>, AppError> {
        let now = self.now();
        let mut c = self.db.conn().await?;
        let user = signed.actor.user_id;
        let rows = sessions::of_user(&mut c, user, now, now - self.auth.idle_timeout).await?;
        Ok(rows
            .into_iter()
            .map(|s| SessionView {
                current: s.id == signed.session_id,
                id: s.id,
                device: s.device,
                address: s.address,
                created_at: s.created_at,
                last_seen_at: s.last_seen_at,
            })
            .collect())
    }

    /// Ends one of the signed-in person's own sessions (another device's, or this one);
    /// "not found" for a session that is not theirs.
    pub async fn end_own_session(&self, signed: &SignedIn, id: i64) -> Result<(), AppError> {
        let actor = &signed.actor;
        let mut tx = self.db.begin().await?;
        if !sessions::delete_of_user(&mut tx, actor.user_id, id).await? {
            return Err(AppError::NotFound);
        }
        let event = AuditEvent::about(actor.team_id, "session-ended", "user", actor.user_id.0);
        self.audit(&mut tx, Author::of(actor), event).await?;
        tx.commit().await?;
        Ok(())
    }

    /// The signed-in person's latest sign-ins (at most [`SIGN_INS_SHOWN`]), newest first.
    pub async fn own_sign_ins(&self, actor: &Actor) -> Result<Vec<SignInView>, AppError> {
        let mut c = self.db.conn().await?;
        let entries = audit::sign_ins_of(&mut c, actor.user_id, SIGN_INS_SHOWN).await?;
        Ok(entries
            .into_iter()
            .map(|e| SignInView {
                at: e.at,
                succeeded: e.action == "sign-in",
                address: e.address,
            })
            .collect())
    }

    /// Ends every session of an account, by those who manage accounts; audited.
    pub async fn end_sessions_of(&self, actor: &Actor, id: UserId) -> Result<(), AppError> {
        let user = self.user(actor, id).await?;
        let mut tx = self.db.begin().await?;
        sessions::delete_for_user(&mut tx, user.id).await?;
        let event = AuditEvent::about(user.team_id, "sessions-ended", "user", user.id.0);
        self.audit(&mut tx, Author::of(actor), event).await?;
        tx.commit().await?;
        tracing::info!(event = "sessions-ended", user_id = id.0);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::device_of;

    #[test]
    fn a_device_is_named_by_browser_and_system_only() {
        let phone = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 \
                     (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36";
        assert_eq!(device_of(phone), "Chrome · Android");
        let desktop = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0";
        assert_eq!(device_of(desktop), "Firefox · Linux");
        assert_eq!(device_of(""), "");
        assert_eq!(device_of("curl/8.5.0"), "HTTP Library");
    }
}

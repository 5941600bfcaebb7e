//! The administrator's (or the team coordinator's) reset of an account's second factor, for
//! a person who lost both their authenticator and their recovery codes: the factor and the
//! codes go, the account's sessions end, and its next sign-in enrols anew where the role
//! requires it. Audited; the person is told in their notifications.

use crate::audit::{AuditEvent, Author};
use crate::{App, AppError};
use spona_domain::access::Actor;
use spona_domain::ids::UserId;
use spona_store::alerts::Recipient;
use spona_store::{challenges, passkeys, second_factors, sessions};

impl App {
    /// Whether an account the actor manages has an authenticator set up.
    pub async fn has_second_factor(&self, actor: &Actor, id: UserId) -> Result<bool, AppError> {
        let user = self.user(actor, id).await?;
        let mut c = self.db.conn().await?;
        Ok(second_factors::find(&mut c, user.id)
            .await?
            .is_some_and(|r| r.totp_secret.is_some())
            || passkeys::any_of(&mut c, user.id).await?)
    }

    /// Resets the account's second factor (one without any is signed out all the same, so
    /// that a reset asked twice answers alike); "not found" for an account the actor does
    /// not manage.
    pub async fn reset_second_factor(&self, actor: &Actor, id: UserId) -> Result<(), AppError> {
        let user = self.user(actor, id).await?;
        let mut tx = self.db.begin().await?;
        second_factors::remove(&mut tx, user.id).await?;
        passkeys::delete_for_user(&mut tx, user.id).await?;
        sessions::delete_for_user(&mut tx, user.id).await?;
        challenges::delete_for_user(&mut tx, user.id).await?;
        let event = AuditEvent::about(user.team_id, "second-factor-reset", "user", user.id.0);
        self.audit(&mut tx, Author::of(actor), event).await?;
        if let Some(team) = user.team_id {
            let to = Recipient::User(user.id);
            self.notify(&mut tx, team, to, "second-factor-reset", None)
                .await?;
        }
        tx.commit().await?;
        tracing::info!(event = "second-factor-reset", user_id = id.0);
        Ok(())
    }
}

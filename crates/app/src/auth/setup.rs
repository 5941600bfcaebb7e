//! One-time links that let a person set a password: the first administrator of a new
//! deployment, and password resets. No default password ever exists.

use crate::audit::{AuditEvent, Author};
use crate::forms::PasswordForm;
use crate::{App, AppError};
use spona_crypto::{passwords, tokens};
use spona_domain::accounts::Role;
use spona_domain::ids::UserId;
use spona_store::users::User;
use spona_store::{sessions, tokens as one_time, users};

/// What a start on this deployment must tell about the first administrator.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FirstAdmin {
    /// A new one-time token for setting `admin`'s first password.
    Link(String),
    /// `admin` waits for its first password and a valid link exists already.
    Waiting,
    /// An administrator has a password (or the deployment is set up otherwise).
    Settled,
}

/// The purpose stored with a one-time token.
const SET_PASSWORD: &str = "set-password";

impl App {
    /// On a deployment without accounts, creates the administrator account `admin` (with no
    /// password) and a one-time token for setting its password. When `admin` still waits for
    /// its first password, a new token is made only if no valid one exists: an instance
    /// starting beside (or soon after) the one that printed the link prints no second one.
    pub async fn first_admin_link(&self) -> Result<FirstAdmin, AppError> {
        let now = self.now();
        let mut tx = self.db.begin().await?;
        if users::count(&mut tx).await? > 0 {
            let admin = users::find_by_username(&mut tx, "admin").await?;
            return match admin {
                Some(a) if a.password_hash.is_none() && a.role == Role::Admin => {
                    if one_time::live_until(&mut tx, a.id, SET_PASSWORD, now)
                        .await?
                        .is_some()
                    {
                        return Ok(FirstAdmin::Waiting);
                    }
                    let token = issue(&mut tx, a.id, now, self.auth.one_time_link_ttl).await?;
                    tx.commit().await?;
                    Ok(FirstAdmin::Link(token))
                }
                _ => Ok(FirstAdmin::Settled),
            };
        }
        let id = users::insert(
            &mut tx,
            &users::NewUser {
                username: "admin",
                display_name: "Administrator",
                role: Role::Admin,
                team_id: None,
                institution_id: None,
                password_hash: None,
                locale: "sr-Cyrl",
            },
            now,
        )
        .await?;
        let token = issue(&mut tx, id, now, self.auth.one_time_link_ttl).await?;
        tx.commit().await?;
        Ok(FirstAdmin::Link(token))
    }

    /// The account a one-time link is for, if the link is still valid.
    pub async fn password_link_user(&self, token: &str) -> Result<User, AppError> {
        let mut c = self.db.conn().await?;
        let user =
            one_time::peek(&mut c, &tokens::token_hash(token), SET_PASSWORD, self.now()).await?;
        match user {
            Some(id) => users::find(&mut c, id).await?.ok_or(AppError::NotFound),
            None => Err(AppError::NotFound),
        }
    }

    /// Sets the password through a one-time link, using the link up and ending the
    /// account's other sessions.
    pub async fn set_password_with_link(
        &self,
        token: &str,
        form: &PasswordForm,
    ) -> Result<(), AppError> {
        let password = form.parse()?;
        let hash = passwords::hash(&password).map_err(|e| AppError::Internal(e.to_string()))?;
        let now = self.now();
        let mut tx = self.db.begin().await?;
        let Some(user) =
            one_time::take(&mut tx, &tokens::token_hash(token), SET_PASSWORD, now).await?
        else {
            return Err(AppError::NotFound);
        };
        users::set_password(&mut tx, user, &hash, now).await?;
        sessions::delete_for_user(&mut tx, user).await?;
        self.audit(
            &mut tx,
            Author::anonymous("one-time link", ""),
            AuditEvent::about(None, "password-set", "user", user.0),
        )
        .await?;
        tx.commit().await?;
        tracing::info!(event = "password-set", user_id = user.0);
        Ok(())
    }

    /// Issues a one-time link token for a user (used by password resets).
    pub(crate) async fn issue_password_link(
        &self,
        tx: &mut spona_store::Tx,
        user: UserId,
    ) -> Result<String, AppError> {
        issue(tx, user, self.now(), self.auth.one_time_link_ttl).await
    }
}

/// Issues a one-time link to set `user`'s password, valid for `ttl` seconds; the token.
pub(crate) async fn issue(
    c: &mut spona_store::Connection,
    user: UserId,
    now: i64,
    ttl: i64,
) -> Result<String, AppError> {
    let token = tokens::new_token();
    one_time::insert(
        c,
        &tokens::token_hash(&token),
        user,
        SET_PASSWORD,
        now,
        now + ttl,
    )
    .await?;
    Ok(token)
}

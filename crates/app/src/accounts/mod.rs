//! User accounts: list, create, disable, reset a password by a one-time link.

use crate::audit::{AuditEvent, Author};
use crate::forms::{PasswordForm, UserForm};
use crate::registry::PAGE_SIZE;
use crate::{App, AppError, Page};
use spona_crypto::passwords;
use spona_domain::access::{decide, may_grant, Action, Actor};
use spona_domain::accounts::Role;
use spona_domain::ids::{TeamId, UserId};
use spona_domain::validation::{FieldError, FieldErrors};
use spona_store::users;
/// An account as stored (without its password hash being of any use outside this layer).
pub use spona_store::users::User;
use spona_store::{institutions, sessions, teams, StoreError};

/// What the account list asks for.
#[derive(Clone, Debug, Default, serde::Deserialize)]
pub struct UserQuery {
    #[serde(default)]
    pub q: String,
    pub page: Option<i64>,
}

/// The operator at the server's console (the command line): a deployment administrator.
pub fn operator() -> Actor {
    Actor {
        user_id: UserId(0),
        role: Role::Admin,
        team_id: None,
        institution_id: None,
        address: "console".into(),
    }
}

impl App {
    /// Whether the actor manages accounts at all (to show the Administration section).
    pub fn manages_accounts(actor: &Actor) -> bool {
        decide(actor, Action::ManageDeployment).allowed()
            || actor
                .team_id
                .is_some_and(|t| decide(actor, Action::ManageTeamAccounts(t)).allowed())
    }

    /// The accounts the actor manages: every one (none named), or its own team's.
    pub(crate) fn account_scope(actor: &Actor) -> Result<Option<TeamId>, AppError> {
        if decide(actor, Action::ManageDeployment).allowed() {
            Ok(None)
        } else if let Some(team) = actor
            .team_id
            .filter(|t| decide(actor, Action::ManageTeamAccounts(*t)).allowed())
        {
            Ok(Some(team))
        } else {
            Err(AppError::Forbidden)
        }
    }

    /// A page of the accounts the actor manages.
    pub async fn users(&self, actor: &Actor, q: &UserQuery) -> Result<Page<User>, AppError> {
        let team = Self::account_scope(actor)?;
        let page = q.page.unwrap_or(1).clamp(1, 100_000);
        let mut c = self.db.conn().await?;
        Ok(users::list(
            &mut c,
            &users::Filter {
                team,
                query: q.q.chars().take(100).collect(),
                limit: PAGE_SIZE,
                offset: (page - 1) * PAGE_SIZE,
            },
        )
        .await?)
    }

    /// One account the actor manages; others are "not found".
    pub async fn user(&self, actor: &Actor, id: UserId) -> Result<User, AppError> {
        let mut c = self.db.conn().await?;
        let found = users::find(&mut c, id).await?;
        let scope = match Self::account_scope(actor) {
            Ok(scope) => scope,
            // Outside the actor's team an account is "not found"; inside it, managing it is
            // "forbidden" to those who do not manage the team's accounts.
            Err(refused) => {
                return Err(match found {
                    Some(u) if u.team_id.is_some() && u.team_id == actor.team_id => refused,
                    _ => AppError::NotFound,
                })
            }
        };
        match found {
            Some(u) if scope.is_none() || u.team_id == scope => Ok(u),
            _ => Err(AppError::NotFound),
        }
    }

    /// Creates an account. With a password (from the command line's standard input) it can
    /// sign in at once; without, the returned one-time token lets its owner set one.
    pub async fn create_user(
        &self,
        actor: &Actor,
        form: &UserForm,
        password: Option<&PasswordForm>,
    ) -> Result<(UserId, Option<String>), AppError> {
        Self::account_scope(actor)?;
        let mut errors = FieldErrors::new();
        let draft = form.parse();
        let password = password.map(PasswordForm::parse);
        let (draft, password) = match (draft, password) {
            (Ok(d), None) => (d, None),
            (Ok(d), Some(Ok(p))) => (d, Some(p)),
            (Err(e), other) => {
                for (f, err) in e.iter() {
                    errors.add(f, *err);
                }
                if let Some(Err(pe)) = other {
                    for (f, err) in pe.iter() {
                        errors.add(f, *err);
                    }
                }
                return Err(AppError::Invalid(errors));
            }
            (Ok(_), Some(Err(pe))) => return Err(AppError::Invalid(pe)),
        };
        let hash = match password {
            Some(p) => Some(passwords::hash(&p).map_err(|e| AppError::Internal(e.to_string()))?),
            None => None,
        };
        let now = self.now();
        let mut tx = self.db.begin().await?;
        let (team_id, institution_id) = match (&draft.team, &draft.institution) {
            (Some(team_code), Some(inst_code)) => {
                let team = teams::find_by_code(&mut tx, team_code).await?;
                let Some(team) = team else {
                    errors.add("team", FieldError::Unknown);
                    return Err(AppError::Invalid(errors));
                };
                let inst = institutions::find_by_code(&mut tx, team.id, inst_code).await?;
                let Some(inst) = inst.filter(|i| i.active) else {
                    errors.add("institution", FieldError::Unknown);
                    return Err(AppError::Invalid(errors));
                };
                (Some(team.id), Some(inst.id))
            }
            _ => (None, None),
        };
        if !may_grant(actor, draft.role, team_id) {
            return Err(AppError::Forbidden);
        }
        let id = users::insert(
            &mut tx,
            &users::NewUser {
                username: draft.username.as_str(),
                display_name: &draft.display_name,
                role: draft.role,
                team_id,
                institution_id,
                password_hash: hash.as_deref(),
                locale: "sr-Cyrl",
            },
            now,
        )
        .await
        .map_err(|e| match e {
            StoreError::Duplicate(_) => {
                let mut e = FieldErrors::new();
                e.add("username", FieldError::Taken);
                AppError::Invalid(e)
            }
            other => other.into(),
        })?;
        let link = if hash.is_none() {
            Some(self.issue_password_link(&mut tx, id).await?)
        } else {
            None
        };
        self.audit(
            &mut tx,
            Author::of(actor),
            AuditEvent::about(team_id, "account-created", "user", id.0),
        )
        .await?;
        tx.commit().await?;
        tracing::info!(
            event = "account-created",
            user_id = id.0,
            role = draft.role.code()
        );
        Ok((id, link))
    }

    /// Disables or enables an account; disabling ends its sessions at once.
    pub async fn set_user_active(
        &self,
        actor: &Actor,
        id: UserId,
        active: bool,
    ) -> Result<(), AppError> {
        let user = self.user(actor, id).await?;
        if user.id == actor.user_id && !active {
            return Err(AppError::Forbidden);
        }
        let mut tx = self.db.begin().await?;
        users::set_active(&mut tx, user.id, active, self.now()).await?;
        if !active {
            sessions::delete_for_user(&mut tx, user.id).await?;
        }
        let action = if active {
            "account-enabled"
        } else {
            "account-disabled"
        };
        self.audit(
            &mut tx,
            Author::of(actor),
            AuditEvent::about(user.team_id, action, "user", user.id.0),
        )
        .await?;
        tx.commit().await?;
        tracing::info!(
            event = if active {
                "account-enabled"
            } else {
                "account-disabled"
            },
            user_id = id.0
        );
        Ok(())
    }

    /// Clears an account's password, ends its sessions, and returns a one-time token
    /// for its owner to set a new one.
    pub async fn reset_password(&self, actor: &Actor, id: UserId) -> Result<String, AppError> {
        let user = self.user(actor, id).await?;
        let mut tx = self.db.begin().await?;
        users::set_password(&mut tx, user.id, "", self.now()).await?;
        sessions::delete_for_user(&mut tx, user.id).await?;
        let token = self.issue_password_link(&mut tx, user.id).await?;
        self.audit(
            &mut tx,
            Author::of(actor),
            AuditEvent::about(user.team_id, "password-reset", "user", user.id.0),
        )
        .await?;
        tx.commit().await?;
        tracing::info!(event = "password-reset", user_id = id.0);
        Ok(token)
    }

    /// Finds an account by username for the command line (the operator manages every account).
    pub async fn user_by_username(&self, actor: &Actor, username: &str) -> Result<User, AppError> {
        Self::account_scope(actor)?;
        let mut c = self.db.conn().await?;
        let user = users::find_by_username(&mut c, &username.trim().to_ascii_lowercase())
            .await?
            .ok_or(AppError::NotFound)?;
        self.user(actor, user.id).await
    }
}

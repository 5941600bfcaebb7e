//! Accounts from a spreadsheet: each row filled into the new-account form and parsed by it,
//! its team named by code and its institution by its code or names within that team. An
//! account gets no password: each gets the one-time link to set one, as an account made by
//! hand does, shown once to the importer to hand out. An account is found by its username;
//! one taken in a team the importer does not manage is an error, not "already there".
//!
//! Who grants what follows the accounts form: the deployment's administrator any role in
//! any team; a team's coordinator its own team's roles, in its own team only.

use super::columns::{cell_of, column, institution_named, term, Column};
use super::judge::RowKind;
use super::OneTimeLink;
use crate::auth::issue_set_password_link;
use crate::forms::UserForm;
use crate::AppError;
use spona_domain::access::{may_grant, Actor};
use spona_domain::accounts::Role;
use spona_domain::ids::{InstitutionId, TeamId};
use spona_domain::registry::{Institution, Team};
use spona_domain::validation::{FieldError, FieldErrors};
use spona_i18n::Catalog;
use spona_store::{institutions, teams, users, Connection};
use std::collections::{HashMap, HashSet};

/// The columns, in the template's order.
pub const COLUMNS: &[Column] = &[
    column("username", "import-col-username", true),
    column("display_name", "import-col-display-name", true),
    column("role", "import-col-role", true),
    column("team", "import-col-team", false),
    column("institution", "import-col-institution", false),
];

/// A new account, checked, its team and institution found.
pub(super) struct AccountDraft {
    username: String,
    display_name: String,
    role: Role,
    team: Option<TeamId>,
    institution: Option<InstitutionId>,
}

/// The accounts the importer manages: of one team, or of the whole deployment.
pub(super) struct AccountRows<'a> {
    catalog: &'a Catalog,
    actor: Actor,
    /// The one team whose accounts are imported, or none for any.
    only: Option<TeamId>,
    teams: Vec<Team>,
    institutions: HashMap<TeamId, Vec<Institution>>,
    /// Usernames taken by accounts outside what the importer manages.
    taken: HashSet<String>,
    now: i64,
    ttl: i64,
    roles: Vec<&'static str>,
}

impl<'a> AccountRows<'a> {
    pub(super) async fn load(
        c: &mut Connection,
        catalog: &'a Catalog,
        only: Option<TeamId>,
        actor: &Actor,
        now: i64,
        ttl: i64,
    ) -> Result<AccountRows<'a>, AppError> {
        let teams: Vec<Team> = teams::list(c)
            .await?
            .into_iter()
            .filter(|t| only.is_none_or(|o| o == t.id))
            .collect();
        let mut by_team = HashMap::new();
        for t in &teams {
            by_team.insert(t.id, institutions::list_active(c, t.id).await?);
        }
        let taken = users::usernames(c)
            .await?
            .into_iter()
            .filter(|(_, team)| only.is_some() && *team != only.map(|t| t.0))
            .map(|(name, _)| name)
            .collect();
        Ok(AccountRows {
            catalog,
            actor: actor.clone(),
            only,
            teams,
            institutions: by_team,
            taken,
            now,
            ttl,
            roles: Role::ALL.iter().map(|r| r.code()).collect(),
        })
    }

    /// The team a cell names by its code; an empty cell is the importer's own team, if it
    /// manages only that one.
    fn team(&self, written: &str) -> Result<&Team, FieldError> {
        let code = written.trim().to_ascii_lowercase();
        if code.is_empty() {
            return match self.only {
                Some(own) => self
                    .teams
                    .iter()
                    .find(|t| t.id == own)
                    .ok_or(FieldError::Unknown),
                None => Err(FieldError::Required),
            };
        }
        self.teams
            .iter()
            .find(|t| t.code == code)
            .ok_or(FieldError::Unknown)
    }
}

impl RowKind for AccountRows<'_> {
    type Draft = AccountDraft;

    fn parse(&self, cells: &[String]) -> Result<AccountDraft, FieldErrors> {
        let cell = |field: &str| cell_of(COLUMNS, cells, field);
        let role = term(self.catalog, &cell("role"), "role-", &self.roles);
        let bound = Role::from_code(&role).is_some_and(Role::is_team_bound);
        // The form takes codes; the team and institution are found here, in the scope.
        let mut e = FieldErrors::new();
        let (mut team, mut institution) = (None, None);
        let (mut team_cell, mut institution_cell) = (cell("team"), cell("institution"));
        if bound {
            match self.team(&team_cell) {
                Ok(t) => {
                    team = Some(t.id);
                    team_cell = t.code.clone();
                    let found = self
                        .institutions
                        .get(&t.id)
                        .and_then(|list| institution_named(list, &institution_cell));
                    match found {
                        Some(i) => {
                            institution = Some(i.id);
                            institution_cell = i.code.clone();
                        }
                        None if institution_cell.is_empty() => {}
                        None => e.add("institution", FieldError::Unknown),
                    }
                }
                Err(FieldError::Required) => {}
                Err(error) => e.add("team", error),
            }
        }
        // The form checks what every account needs (and that a team's role names its team
        // and institution); they were found above, in the importer's scope.
        let form = UserForm {
            username: cell("username"),
            display_name: cell("display_name"),
            role,
            team: team_cell,
            institution: institution_cell,
        };
        let draft = match form.parse() {
            Ok(d) if e.is_empty() => d,
            Ok(_) => return Err(e),
            Err(more) => {
                for (field, error) in more.iter() {
                    if e.get(field).is_none() {
                        e.add(field, *error);
                    }
                }
                return Err(e);
            }
        };
        if self.taken.contains(draft.username.as_str()) {
            e.add("username", FieldError::Taken);
        }
        if !may_grant(&self.actor, draft.role, team) {
            e.add("role", FieldError::Unknown);
        }
        e.into_result()?;
        Ok(AccountDraft {
            username: draft.username.as_str().to_string(),
            display_name: draft.display_name,
            role: draft.role,
            team,
            institution,
        })
    }

    fn key(&self, d: &AccountDraft) -> String {
        d.username.clone()
    }

    async fn existing(&self, c: &mut Connection) -> Result<HashSet<String>, AppError> {
        Ok(users::usernames(c)
            .await?
            .into_iter()
            .map(|(name, _)| name)
            .filter(|name| !self.taken.contains(name))
            .collect())
    }

    async fn save(
        &self,
        c: &mut Connection,
        d: &AccountDraft,
    ) -> Result<Option<OneTimeLink>, AppError> {
        let user = users::insert(
            c,
            &users::NewUser {
                username: &d.username,
                display_name: &d.display_name,
                role: d.role,
                team_id: d.team,
                institution_id: d.institution,
                password_hash: None,
                locale: "sr-Cyrl",
            },
            self.now,
        )
        .await?;
        let token = issue_set_password_link(c, user, self.now, self.ttl).await?;
        Ok(Some(OneTimeLink {
            user,
            team: d.team,
            username: d.username.clone(),
            token,
        }))
    }
}

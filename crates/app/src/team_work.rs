//! The one way into a team's coordination work: the access check's scope for the actor's own
//! team, with the team's record. Another team's work, and every team's work for a role that
//! has none (the administrator, the national office), is "not found"; a part of its own
//! team's work that the role may not do (leading it, for a member) is "forbidden".

use crate::{App, AppError};
use spona_domain::access::{team_work, Actor, TeamScope, WorkNeed};
use spona_domain::registry::Team;
use spona_store::{teams, Connection};
use std::ops::Deref;

/// A team as the access check let the actor reach its work.
#[derive(Clone, Debug)]
pub struct ScopedTeam {
    pub scope: TeamScope,
    team: Team,
}

impl ScopedTeam {
    /// The team's record, for a view that outlives the use case.
    pub fn into_team(self) -> Team {
        self.team
    }
}

impl Deref for ScopedTeam {
    type Target = Team;

    fn deref(&self) -> &Team {
        &self.team
    }
}

impl App {
    /// The scope of the actor's own team's work for `need`.
    pub(crate) fn work_team(actor: &Actor, need: WorkNeed) -> Result<TeamScope, AppError> {
        Ok(team_work(actor, need)?)
    }

    /// The same, with the team's record (its code and city name the pages and codes use).
    pub(crate) async fn scoped_team(
        c: &mut Connection,
        actor: &Actor,
        need: WorkNeed,
    ) -> Result<ScopedTeam, AppError> {
        let scope = team_work(actor, need)?;
        let team = teams::find(c, scope.team())
            .await?
            .ok_or(AppError::NotFound)?;
        Ok(ScopedTeam { scope, team })
    }

    /// The refusal, if any, for a page that only shows an empty form of the own team's work.
    pub fn require_work(&self, actor: &Actor, need: WorkNeed) -> Result<(), AppError> {
        Self::work_team(actor, need).map(|_| ())
    }

    /// Whether the actor may do `need` with the own team's work (to show its buttons).
    pub fn may_work(&self, actor: &Actor, need: WorkNeed) -> bool {
        team_work(actor, need).is_ok()
    }
}

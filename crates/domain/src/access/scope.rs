//! Scopes: the values a use case needs to reach a team's work, made only by the access check.
//!
//! The store's functions for a team's coordination work take a [`TeamScope`], not a bare
//! team id, and its fields are private to this module: so the compiler, not habit, keeps
//! every read and write of team work behind [`decide`].

use super::{decide, Action, Actor};
use crate::ids::TeamId;

/// Why the access check refused: the one refusal rule, in two answers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// Outside the actor's team, or a record the actor may not know of: answered as if it
    /// did not exist, so that nobody learns that it does.
    NotFound,
    /// Inside the actor's team, in a section the actor's role may not use.
    Forbidden,
}

/// What a use case does with a team's coordination work.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WorkNeed {
    /// Read the plan, activities, trainings, meetings, guidelines, materials, reports.
    View,
    /// Record activities, trainings, meetings, materials handed out, cooperation entries.
    Record,
    /// Adopt the plan, keep the guidelines library, publish practices, submit reports.
    Lead,
}

impl WorkNeed {
    fn action(self, team: TeamId) -> Action {
        match self {
            WorkNeed::View => Action::ViewTeamWork(team),
            WorkNeed::Record => Action::RecordTeamWork(team),
            WorkNeed::Lead => Action::LeadTeamWork(team),
        }
    }
}

/// Proof that the actor may do `need` with one team's work.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TeamScope {
    team: TeamId,
    leads: bool,
}

impl TeamScope {
    /// The team whose work this reaches.
    pub fn team(&self) -> TeamId {
        self.team
    }

    /// Whether the actor also leads the team's work (to offer the lead's buttons).
    pub fn leads(&self) -> bool {
        self.leads
    }

    /// The scope the operator holds when running the binary on the data folder (demo
    /// seeding and command-line maintenance): having the folder and its key is the access.
    pub fn operator(team: TeamId) -> TeamScope {
        TeamScope { team, leads: true }
    }
}

/// The actor's own team's work, if the actor may do `need` with it.
pub fn team_work(actor: &Actor, need: WorkNeed) -> Result<TeamScope, Refusal> {
    let team = actor.team_id.ok_or(Refusal::NotFound)?;
    team_work_of(actor, team, need)
}

/// The work of the team a record belongs to, if the actor may do `need` with it: another
/// team's work, or any team's work for a role that has none, is "not found".
pub fn team_work_of(actor: &Actor, team: TeamId, need: WorkNeed) -> Result<TeamScope, Refusal> {
    if !decide(actor, Action::ViewTeamWork(team)).allowed() {
        return Err(Refusal::NotFound);
    }
    if !decide(actor, need.action(team)).allowed() {
        return Err(Refusal::Forbidden);
    }
    Ok(TeamScope {
        team,
        leads: decide(actor, Action::LeadTeamWork(team)).allowed(),
    })
}

/// A section of a team's work that is not tied to one team's records (the cases section,
/// the good practices of every team): inside a team, a role that may not use it is
/// forbidden it; for a role without a team it is not there at all ("not found").
pub fn section(actor: &Actor, action: Action) -> Result<(), Refusal> {
    if decide(actor, action).allowed() {
        Ok(())
    } else if actor.team_id.is_some() {
        Err(Refusal::Forbidden)
    } else {
        Err(Refusal::NotFound)
    }
}

/// The cases section: case workers use it.
pub fn cases_section(actor: &Actor) -> Result<(), Refusal> {
    section(actor, Action::UseCases)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::access::tests::{actor, LE, NIS};
    use crate::accounts::Role;

    #[test]
    fn outside_the_team_is_not_found_and_a_section_the_role_lacks_is_forbidden() {
        let member = actor(Role::Member, Some(LE));
        let scope = team_work(&member, WorkNeed::Record).unwrap();
        assert_eq!(scope.team(), LE);
        assert!(!scope.leads());
        assert_eq!(team_work(&member, WorkNeed::Lead), Err(Refusal::Forbidden));
        assert_eq!(
            team_work_of(&member, NIS, WorkNeed::View),
            Err(Refusal::NotFound)
        );
        let coordinator = actor(Role::Coordinator, Some(LE));
        assert!(team_work(&coordinator, WorkNeed::Lead).unwrap().leads());
        assert_eq!(
            team_work_of(&coordinator, NIS, WorkNeed::Lead),
            Err(Refusal::NotFound)
        );
    }

    #[test]
    fn the_cases_section_is_forbidden_inside_a_team_and_not_there_outside() {
        assert_eq!(cases_section(&actor(Role::CaseWorker, Some(LE))), Ok(()));
        for role in [Role::Coordinator, Role::Member] {
            assert_eq!(
                cases_section(&actor(role, Some(LE))),
                Err(Refusal::Forbidden)
            );
        }
        for role in [Role::Admin, Role::National] {
            assert_eq!(cases_section(&actor(role, None)), Err(Refusal::NotFound));
        }
    }

    #[test]
    fn the_administrator_and_the_national_office_reach_no_team_work() {
        for role in [Role::Admin, Role::National] {
            for need in [WorkNeed::View, WorkNeed::Record, WorkNeed::Lead] {
                for team in [LE, NIS] {
                    let a = actor(role, None);
                    assert_eq!(team_work_of(&a, team, need), Err(Refusal::NotFound));
                    assert_eq!(team_work(&a, need), Err(Refusal::NotFound));
                }
            }
        }
    }
}

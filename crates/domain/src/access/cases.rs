//! The scope of a team's cases: the store's case functions take a [`TeamCases`], which only
//! [`team_cases`] makes (from the actor's own team) and the operator's work, so a use case
//! reaches its own team's cases and no other's by construction. Which of those cases it may
//! then open is need-to-know, decided per case (`case_access`).

use super::{team_work, Actor, Refusal, WorkNeed};
use crate::ids::TeamId;

/// Proof that the cases reached are those of the actor's own team.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TeamCases {
    team: TeamId,
}

impl TeamCases {
    /// The team whose cases these are.
    pub fn team(&self) -> TeamId {
        self.team
    }

    /// The scope the server's own work holds (deadline escalation, key rotation, restore
    /// checks, demo seeding): having the data folder and its key is the access.
    pub fn operator(team: TeamId) -> TeamCases {
        TeamCases { team }
    }
}

/// The actor's own team's cases; for a role without a team (the administrator, the national
/// office, the auditor) there are none: "not found".
pub fn team_cases(actor: &Actor) -> Result<TeamCases, Refusal> {
    let work = team_work(actor, WorkNeed::View)?;
    Ok(TeamCases { team: work.team() })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::access::tests::{actor, LE};
    use crate::accounts::Role;

    #[test]
    fn only_a_team_role_reaches_cases_and_only_its_own_teams() {
        for role in [Role::Coordinator, Role::CaseWorker, Role::Member] {
            assert_eq!(team_cases(&actor(role, Some(LE))).map(|c| c.team()), Ok(LE));
        }
        for role in [Role::Admin, Role::National, Role::Auditor] {
            assert_eq!(team_cases(&actor(role, None)), Err(Refusal::NotFound));
        }
    }
}

//! The scope of a team's cases: the store's case functions take a [`TeamCases`], which only
//! [`team_cases`] makes (from the actor's own team) and the operator's work, so a use case
//! reaches its own team's cases and no other's by construction. Which of those cases it may
//! then open is need-to-know, decided per case (`case_access`).

use super::{cases_section, team_work, Actor, Refusal, WorkNeed};
use crate::cases::{Ownership, SharedWith};
use crate::ids::{InstitutionId, TeamId};

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

/// Proof that the actor's institution may look, in every team, for the referrals sent to it
/// (and nothing else): what the inbox of a receiver outside the case's team reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Receiving {
    institution: InstitutionId,
}

impl Receiving {
    /// The institution whose received referrals these are.
    pub fn institution(&self) -> InstitutionId {
        self.institution
    }
}

/// The referrals received by the actor's institution, for a case worker of one.
pub fn receiving(actor: &Actor) -> Result<Receiving, Refusal> {
    cases_section(actor)?;
    let institution = actor.institution_id.ok_or(Refusal::NotFound)?;
    Ok(Receiving { institution })
}

/// The cases of the team of one case, for an actor outside that team whose institution the
/// case's live referrals share something with (`live`, as read through [`Receiving`]); for
/// anyone else, "not found". Which parts the actor then sees is [`case_access`]'s to say.
///
/// [`case_access`]: crate::cases::case_access
pub fn referred_team_cases(
    actor: &Actor,
    team: TeamId,
    live: &[SharedWith],
) -> Result<TeamCases, Refusal> {
    if actor.team_id == Some(team) {
        return team_cases(actor);
    }
    let receiving = receiving(actor).map_err(|_| Refusal::NotFound)?;
    if live
        .iter()
        .any(|s| s.institution == receiving.institution && !s.parts.is_empty())
    {
        Ok(TeamCases { team })
    } else {
        Err(Refusal::NotFound)
    }
}

/// Another team's case for the institution that holds it without a referral: it owns the
/// case since a transfer (and is of the owner's team), or owned it before and keeps reading
/// it. Inside the actor's own team, the team's desk.
pub fn held_team_cases(actor: &Actor, team: TeamId, held: Ownership) -> Result<TeamCases, Refusal> {
    if actor.team_id == Some(team) {
        return team_cases(actor);
    }
    let receiving = receiving(actor).map_err(|_| Refusal::NotFound)?;
    let owns = held.owner == receiving.institution && actor.team_id == Some(held.team);
    if owns || held.former == Some(receiving.institution) {
        Ok(TeamCases { team })
    } else {
        Err(Refusal::NotFound)
    }
}

/// Another team's case for the institution it is offered to, to answer the offer of transfer
/// (the case itself stays closed to it until it accepts). Inside the actor's own team, the
/// team's desk.
pub fn offered_team_cases(
    actor: &Actor,
    team: TeamId,
    offered_to: InstitutionId,
) -> Result<TeamCases, Refusal> {
    if actor.team_id == Some(team) {
        return team_cases(actor);
    }
    let receiving = receiving(actor).map_err(|_| Refusal::NotFound)?;
    if receiving.institution == offered_to {
        Ok(TeamCases { team })
    } else {
        Err(Refusal::NotFound)
    }
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

    #[test]
    fn another_teams_cases_open_only_to_an_institution_a_referral_shares_with() {
        use crate::access::tests::NIS;
        use crate::cases::Part;
        let worker = actor(Role::CaseWorker, Some(NIS));
        let mine = worker.institution_id.unwrap();
        let shared = |institution| SharedWith {
            institution,
            parts: [Part::Identity].into(),
        };
        assert_eq!(
            referred_team_cases(&worker, LE, &[shared(mine)]).map(|c| c.team()),
            Ok(LE)
        );
        assert_eq!(
            referred_team_cases(&worker, LE, &[shared(InstitutionId(99))]),
            Err(Refusal::NotFound)
        );
        assert_eq!(
            referred_team_cases(&worker, LE, &[]),
            Err(Refusal::NotFound)
        );
        for role in [Role::Coordinator, Role::Member] {
            assert_eq!(
                referred_team_cases(&actor(role, Some(NIS)), LE, &[shared(mine)]),
                Err(Refusal::NotFound)
            );
        }
        assert_eq!(receiving(&worker).map(|r| r.institution()), Ok(mine));
        assert_eq!(
            receiving(&actor(Role::National, None)),
            Err(Refusal::NotFound)
        );
    }

    #[test]
    fn another_teams_case_opens_to_its_owner_since_a_transfer_and_its_former_owner() {
        use crate::access::tests::NIS;
        let worker = actor(Role::CaseWorker, Some(NIS));
        let mine = worker.institution_id.unwrap();
        let held = |owner, former| Ownership {
            team: NIS,
            owner,
            former,
        };
        let other = InstitutionId(99);
        assert_eq!(
            held_team_cases(&worker, LE, held(mine, None)).map(|c| c.team()),
            Ok(LE)
        );
        assert_eq!(
            held_team_cases(&worker, LE, held(other, Some(mine))).map(|c| c.team()),
            Ok(LE)
        );
        assert_eq!(
            held_team_cases(&worker, LE, held(other, None)),
            Err(Refusal::NotFound)
        );
        // An owner of the same id said to be of another team is not the actor's institution.
        let elsewhere = Ownership {
            team: LE,
            owner: mine,
            former: None,
        };
        assert_eq!(
            held_team_cases(&worker, LE, elsewhere),
            Err(Refusal::NotFound)
        );
        let coordinator = actor(Role::Coordinator, Some(NIS));
        assert_eq!(
            held_team_cases(&coordinator, LE, held(mine, None)),
            Err(Refusal::NotFound)
        );
        assert_eq!(
            offered_team_cases(&worker, LE, mine).map(|c| c.team()),
            Ok(LE)
        );
        assert_eq!(
            offered_team_cases(&worker, LE, other),
            Err(Refusal::NotFound)
        );
    }
}

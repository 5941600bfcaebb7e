//! Access policy: who may do what, decided here and nowhere else.
//!
//! The app layer asks [`decide`] before every read and write; web, API and CLI never decide.
//! A denial for another team's record is reported as "not found" by the app layer, so that
//! nobody learns that the record exists.

use crate::accounts::Role;
use crate::ids::{InstitutionId, TeamId, UserId};

/// The signed-in user on whose behalf something is done.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Actor {
    pub user_id: UserId,
    pub role: Role,
    /// The user's team; none for deployment-wide roles.
    pub team_id: Option<TeamId>,
    /// The user's institution; none for deployment-wide roles.
    pub institution_id: Option<InstitutionId>,
    /// Where the request came from (for the audit trail; never logged).
    pub address: String,
}

/// Something a user may want to do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    /// See a team's institutions, partners and founding decision.
    ViewRegistry(TeamId),
    /// See the names and contacts of a team's members.
    ViewMembers(TeamId),
    /// Create, edit, deactivate institutions, partners and members; edit the founding decision.
    EditRegistry(TeamId),
    /// See and manage the accounts of a team.
    ManageTeamAccounts(TeamId),
    /// Create teams and manage accounts of every team and deployment-wide roles.
    ManageDeployment,
    /// List every team of the deployment.
    ListTeams,
    /// Open the cases section (need-to-know applies to each case).
    UseCases,
    /// Share a case's data without the consent that would cover it, giving a written reason
    /// (an urgent legal duty); always audited.
    OverrideConsent,
    /// See statistics across teams and the teams' submitted reports (never personal data).
    ViewNationalReports,
    /// Acknowledge a team's submitted report on behalf of the National Coordinator.
    AcknowledgeReports,
    /// See a team's coordination work: plan, activities, trainings, meetings, guidelines,
    /// materials, cooperation with the National Coordinator.
    ViewTeamWork(TeamId),
    /// Record the team's work: activities, trainings, meetings, materials handed out,
    /// cooperation entries; acknowledge guidelines.
    RecordTeamWork(TeamId),
    /// Draft, adopt and revise the coordination plan; keep the guidelines library; publish
    /// good practices.
    LeadTeamWork(TeamId),
    /// Maintain the national strategy and programme documents, objectives and measures.
    EditNationalFramework,
    /// See the good practices published by every team of the deployment.
    ViewGoodPractices,
}

/// The outcome of a decision.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Decision {
    Allow,
    Deny,
}

impl Decision {
    /// True for Allow.
    pub fn allowed(self) -> bool {
        self == Decision::Allow
    }
}

/// Decides whether the actor may perform the action.
pub fn decide(actor: &Actor, action: Action) -> Decision {
    let own = |team: TeamId| actor.team_id == Some(team);
    let allowed = match (actor.role, action) {
        (
            Role::Admin,
            Action::UseCases
            | Action::ViewNationalReports
            | Action::AcknowledgeReports
            | Action::OverrideConsent,
        ) => false,
        (Role::Admin, _) => true,
        // Every team role keeps and sees its own team's coordination work.
        (
            Role::Coordinator | Role::CaseWorker | Role::Member,
            Action::ViewTeamWork(t) | Action::RecordTeamWork(t),
        ) => own(t),
        (Role::Coordinator | Role::CaseWorker | Role::Member, Action::ViewGoodPractices) => true,
        (Role::National, Action::ViewRegistry(_) | Action::ListTeams) => true,
        (Role::National, Action::ViewNationalReports | Action::AcknowledgeReports) => true,
        (Role::National, Action::EditNationalFramework | Action::ViewGoodPractices) => true,
        (Role::National, _) => false,
        (Role::Coordinator, Action::ViewRegistry(t) | Action::ViewMembers(t)) => own(t),
        (Role::Coordinator, Action::EditRegistry(t) | Action::ManageTeamAccounts(t)) => own(t),
        (Role::Coordinator, Action::LeadTeamWork(t)) => own(t),
        (Role::Coordinator, _) => false,
        (Role::CaseWorker, Action::ViewRegistry(t) | Action::ViewMembers(t)) => own(t),
        (Role::CaseWorker, Action::UseCases | Action::OverrideConsent) => true,
        (Role::CaseWorker, _) => false,
        (Role::Member, Action::ViewRegistry(t) | Action::ViewMembers(t)) => own(t),
        (Role::Member, _) => false,
    };
    if allowed {
        Decision::Allow
    } else {
        Decision::Deny
    }
}

/// Whether the actor may give an account the role (in the given team).
pub fn may_grant(actor: &Actor, role: Role, team: Option<TeamId>) -> bool {
    match actor.role {
        Role::Admin => true,
        Role::Coordinator => role.is_team_bound() && team.is_some() && team == actor.team_id,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LE: TeamId = TeamId(1);
    const NIS: TeamId = TeamId(2);

    fn actor(role: Role, team: Option<TeamId>) -> Actor {
        Actor {
            user_id: UserId(7),
            role,
            team_id: team,
            institution_id: team.map(|_| InstitutionId(3)),
            address: "127.0.0.1".into(),
        }
    }

    #[test]
    fn team_roles_see_only_their_own_team() {
        for role in [Role::Coordinator, Role::CaseWorker, Role::Member] {
            let a = actor(role, Some(LE));
            assert!(decide(&a, Action::ViewRegistry(LE)).allowed(), "{role:?}");
            assert!(decide(&a, Action::ViewMembers(LE)).allowed(), "{role:?}");
            assert!(!decide(&a, Action::ViewRegistry(NIS)).allowed(), "{role:?}");
            assert!(!decide(&a, Action::ViewMembers(NIS)).allowed(), "{role:?}");
            assert!(!decide(&a, Action::ManageDeployment).allowed(), "{role:?}");
        }
    }

    #[test]
    fn only_the_coordinator_edits_the_registry_and_accounts_of_the_team() {
        let c = actor(Role::Coordinator, Some(LE));
        assert!(decide(&c, Action::EditRegistry(LE)).allowed());
        assert!(decide(&c, Action::ManageTeamAccounts(LE)).allowed());
        assert!(!decide(&c, Action::EditRegistry(NIS)).allowed());
        for role in [Role::CaseWorker, Role::Member, Role::National] {
            let a = actor(role, Some(LE));
            assert!(!decide(&a, Action::EditRegistry(LE)).allowed(), "{role:?}");
            assert!(
                !decide(&a, Action::ManageTeamAccounts(LE)).allowed(),
                "{role:?}"
            );
        }
    }

    #[test]
    fn national_office_sees_registries_but_never_names() {
        let n = actor(Role::National, None);
        assert!(decide(&n, Action::ViewRegistry(LE)).allowed());
        assert!(decide(&n, Action::ViewRegistry(NIS)).allowed());
        assert!(!decide(&n, Action::ViewMembers(LE)).allowed());
        assert!(!decide(&n, Action::UseCases).allowed());
        assert!(decide(&n, Action::ViewNationalReports).allowed());
        assert!(decide(&n, Action::AcknowledgeReports).allowed());
    }

    #[test]
    fn only_the_national_office_acknowledges_reports() {
        for role in [
            Role::Admin,
            Role::Coordinator,
            Role::CaseWorker,
            Role::Member,
        ] {
            let a = actor(role, Some(LE));
            assert!(
                !decide(&a, Action::AcknowledgeReports).allowed(),
                "{role:?}"
            );
            assert!(
                !decide(&a, Action::ViewNationalReports).allowed(),
                "{role:?}"
            );
        }
    }

    #[test]
    fn only_case_workers_open_the_cases_section() {
        assert!(decide(&actor(Role::CaseWorker, Some(LE)), Action::UseCases).allowed());
        for role in [Role::Admin, Role::Coordinator, Role::Member, Role::National] {
            assert!(
                !decide(&actor(role, Some(LE)), Action::UseCases).allowed(),
                "{role:?}"
            );
        }
    }

    #[test]
    fn team_work_is_kept_by_the_team_and_led_by_its_coordinator() {
        for role in [Role::Coordinator, Role::CaseWorker, Role::Member] {
            let a = actor(role, Some(LE));
            assert!(decide(&a, Action::ViewTeamWork(LE)).allowed(), "{role:?}");
            assert!(decide(&a, Action::RecordTeamWork(LE)).allowed(), "{role:?}");
            assert!(!decide(&a, Action::ViewTeamWork(NIS)).allowed(), "{role:?}");
            assert!(
                !decide(&a, Action::RecordTeamWork(NIS)).allowed(),
                "{role:?}"
            );
            assert!(!decide(&a, Action::LeadTeamWork(NIS)).allowed(), "{role:?}");
            assert!(
                !decide(&a, Action::EditNationalFramework).allowed(),
                "{role:?}"
            );
            assert!(decide(&a, Action::ViewGoodPractices).allowed(), "{role:?}");
        }
        assert!(decide(
            &actor(Role::Coordinator, Some(LE)),
            Action::LeadTeamWork(LE)
        )
        .allowed());
        for role in [Role::CaseWorker, Role::Member] {
            assert!(!decide(&actor(role, Some(LE)), Action::LeadTeamWork(LE)).allowed());
        }
        let n = actor(Role::National, None);
        assert!(decide(&n, Action::EditNationalFramework).allowed());
        assert!(!decide(&n, Action::ViewTeamWork(LE)).allowed());
        assert!(!decide(&n, Action::RecordTeamWork(LE)).allowed());
    }

    #[test]
    fn coordinators_grant_only_team_roles_in_their_team() {
        let c = actor(Role::Coordinator, Some(LE));
        assert!(may_grant(&c, Role::CaseWorker, Some(LE)));
        assert!(!may_grant(&c, Role::CaseWorker, Some(NIS)));
        assert!(!may_grant(&c, Role::Admin, None));
        assert!(!may_grant(&c, Role::National, None));
        assert!(may_grant(&actor(Role::Admin, None), Role::National, None));
        assert!(!may_grant(
            &actor(Role::Member, Some(LE)),
            Role::Member,
            Some(LE)
        ));
    }
}

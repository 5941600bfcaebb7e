//! Access policy: who may do what, decided here and nowhere else.
//!
//! The app layer reaches a team's work only through a [`TeamScope`], which only
//! [`team_work`] and [`team_work_of`] make, after [`decide`]; web, API and CLI never decide,
//! they read the actor's [`Permissions`]. One refusal rule: whatever lies outside your team
//! (or a case you may not know of) is "not found"; a section your role may not use inside
//! your team is "forbidden".

mod cases;
mod permissions;
mod scope;

pub use cases::{
    held_team_cases, offered_team_cases, receiving, referred_team_cases, team_cases, Receiving,
    TeamCases,
};
pub use permissions::{permissions, Permissions};
pub use scope::{cases_section, section, team_work, team_work_of, Refusal, TeamScope, WorkNeed};

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
    /// Import and list the indicator catalogues every team screens with.
    ManageCatalogues,
    /// See the good practices published by every team of the deployment.
    ViewGoodPractices,
    /// Read the audit trail of the whole deployment and its alerts of unusual access.
    ReadAuditTrail,
    /// Set or lift a legal hold that stops the retention schedule removing a case: the
    /// auditor on any case, a case worker on a case their institution owns.
    HoldCases,
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
///
/// Every role lists every action, with no wildcard: a new action does not compile until it
/// has been granted or refused to each role on purpose.
pub fn decide(actor: &Actor, action: Action) -> Decision {
    use Action::*;
    let own = |team: TeamId| actor.team_id == Some(team);
    let allowed = match actor.role {
        // Runs the deployment (teams, accounts, catalogues, settings, each team's registry)
        // and sees no team's work: no plan, no report, no case, no practice.
        Role::Admin => match action {
            ViewRegistry(_) | ViewMembers(_) | EditRegistry(_) | ManageTeamAccounts(_) => true,
            ManageDeployment | ListTeams | ManageCatalogues => true,
            ViewTeamWork(_) | RecordTeamWork(_) | LeadTeamWork(_) => false,
            UseCases | OverrideConsent => false,
            ViewNationalReports | AcknowledgeReports | EditNationalFramework => false,
            ViewGoodPractices => false,
            // Separation of duties: the trail that watches the administrator is not theirs.
            ReadAuditTrail => false,
            // The administrator sets the periods; holds are for those who answer for cases.
            HoldCases => false,
        },
        // Across teams, only what is not personal: registries, submitted reports, statistics,
        // the national framework and the practices teams chose to publish.
        Role::National => match action {
            ViewRegistry(_) | ListTeams => true,
            ViewNationalReports | AcknowledgeReports | EditNationalFramework => true,
            // The national office keeps the indicator lists, as it keeps the framework.
            ManageCatalogues => true,
            ViewGoodPractices => true,
            ViewMembers(_) | EditRegistry(_) | ManageTeamAccounts(_) | ManageDeployment => false,
            ViewTeamWork(_) | RecordTeamWork(_) | LeadTeamWork(_) => false,
            UseCases | OverrideConsent | ReadAuditTrail | HoldCases => false,
        },
        // The data-protection officer: the trail and its alerts, nothing else.
        Role::Auditor => match action {
            ReadAuditTrail | HoldCases => true,
            ViewRegistry(_) | ViewMembers(_) | EditRegistry(_) | ManageTeamAccounts(_) => false,
            ManageDeployment | ListTeams | ManageCatalogues => false,
            ViewTeamWork(_) | RecordTeamWork(_) | LeadTeamWork(_) => false,
            UseCases | OverrideConsent => false,
            ViewNationalReports | AcknowledgeReports | EditNationalFramework => false,
            ViewGoodPractices => false,
        },
        Role::Coordinator => match action {
            ViewRegistry(t) | ViewMembers(t) | EditRegistry(t) | ManageTeamAccounts(t) => own(t),
            ViewTeamWork(t) | RecordTeamWork(t) | LeadTeamWork(t) => own(t),
            ViewGoodPractices => true,
            ManageDeployment | ListTeams | ReadAuditTrail | ManageCatalogues => false,
            UseCases | OverrideConsent | HoldCases => false,
            ViewNationalReports | AcknowledgeReports | EditNationalFramework => false,
        },
        Role::CaseWorker => match action {
            ViewRegistry(t) | ViewMembers(t) => own(t),
            ViewTeamWork(t) | RecordTeamWork(t) => own(t),
            UseCases | OverrideConsent | ViewGoodPractices | HoldCases => true,
            EditRegistry(_) | ManageTeamAccounts(_) | LeadTeamWork(_) => false,
            ManageDeployment | ListTeams | ReadAuditTrail | ManageCatalogues => false,
            ViewNationalReports | AcknowledgeReports | EditNationalFramework => false,
        },
        Role::Member => match action {
            ViewRegistry(t) | ViewMembers(t) => own(t),
            ViewTeamWork(t) | RecordTeamWork(t) => own(t),
            ViewGoodPractices => true,
            EditRegistry(_) | ManageTeamAccounts(_) | LeadTeamWork(_) => false,
            ManageDeployment | ListTeams | ReadAuditTrail | ManageCatalogues => false,
            UseCases | OverrideConsent | HoldCases => false,
            ViewNationalReports | AcknowledgeReports | EditNationalFramework => false,
        },
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

    pub(super) const LE: TeamId = TeamId(1);
    pub(super) const NIS: TeamId = TeamId(2);

    /// An actor of the role in the team (with an institution when in a team).
    pub(super) fn actor(role: Role, team: Option<TeamId>) -> Actor {
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
    fn the_administrator_runs_the_deployment_and_sees_no_team_work() {
        let admin = actor(Role::Admin, None);
        for allowed in [
            Action::ManageDeployment,
            Action::ListTeams,
            Action::ViewRegistry(LE),
            Action::EditRegistry(NIS),
            Action::ManageTeamAccounts(LE),
        ] {
            assert!(decide(&admin, allowed).allowed(), "{allowed:?}");
        }
        for team in [LE, NIS] {
            for refused in [
                Action::ViewTeamWork(team),
                Action::RecordTeamWork(team),
                Action::LeadTeamWork(team),
                Action::UseCases,
                Action::OverrideConsent,
                Action::ViewNationalReports,
                Action::EditNationalFramework,
                Action::ViewGoodPractices,
            ] {
                assert!(!decide(&admin, refused).allowed(), "{refused:?}");
            }
        }
    }

    #[test]
    fn only_the_auditor_reads_the_audit_trail_and_nothing_else() {
        let auditor = actor(Role::Auditor, None);
        assert!(decide(&auditor, Action::ReadAuditTrail).allowed());
        for refused in [
            Action::ViewRegistry(LE),
            Action::ViewMembers(LE),
            Action::ListTeams,
            Action::ManageDeployment,
            Action::ViewTeamWork(LE),
            Action::UseCases,
            Action::ViewNationalReports,
            Action::ViewGoodPractices,
        ] {
            assert!(!decide(&auditor, refused).allowed(), "{refused:?}");
        }
        for role in [
            Role::Admin,
            Role::National,
            Role::Coordinator,
            Role::CaseWorker,
            Role::Member,
        ] {
            let a = actor(role, role.is_team_bound().then_some(LE));
            assert!(!decide(&a, Action::ReadAuditTrail).allowed(), "{role:?}");
        }
    }

    #[test]
    fn the_national_office_and_the_administrator_keep_the_indicator_catalogues() {
        assert!(decide(&actor(Role::National, None), Action::ManageCatalogues).allowed());
        assert!(decide(&actor(Role::Admin, None), Action::ManageCatalogues).allowed());
        assert!(!decide(&actor(Role::Auditor, None), Action::ManageCatalogues).allowed());
        for role in [Role::Coordinator, Role::CaseWorker, Role::Member] {
            let a = actor(role, Some(LE));
            assert!(!decide(&a, Action::ManageCatalogues).allowed(), "{role:?}");
        }
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

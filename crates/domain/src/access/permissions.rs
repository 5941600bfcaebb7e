//! What the pages may offer: the actor's permissions, worked out once per request, so that
//! the web layer shows or hides links and buttons without deciding anything itself.

use super::{decide, Action, Actor};

/// The sections and acts open to one actor (in the actor's own team, where team-bound).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Permissions {
    pub cases: bool,
    pub team_work: bool,
    pub lead_team_work: bool,
    pub manage_deployment: bool,
    pub national_reports: bool,
    pub national_framework: bool,
    /// Importing and listing indicator catalogues.
    pub catalogues: bool,
    pub good_practices: bool,
    pub audit_trail: bool,
    /// The teams' registry: the own team's, or the list of teams for deployment roles.
    pub registry: bool,
}

/// The actor's permissions, each from [`decide`].
pub fn permissions(actor: &Actor) -> Permissions {
    let may = |action| decide(actor, action).allowed();
    let in_team = |action: fn(_) -> Action| actor.team_id.is_some_and(|t| may(action(t)));
    Permissions {
        cases: may(Action::UseCases),
        team_work: in_team(Action::ViewTeamWork),
        lead_team_work: in_team(Action::LeadTeamWork),
        manage_deployment: may(Action::ManageDeployment),
        national_reports: may(Action::ViewNationalReports),
        national_framework: may(Action::EditNationalFramework),
        catalogues: may(Action::ManageCatalogues),
        good_practices: may(Action::ViewGoodPractices),
        audit_trail: may(Action::ReadAuditTrail),
        registry: may(Action::ListTeams) || in_team(Action::ViewRegistry),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::access::tests::{actor, LE};
    use crate::accounts::Role;

    #[test]
    fn the_pages_offer_each_role_only_its_own_sections() {
        let admin = permissions(&actor(Role::Admin, None));
        assert!(admin.manage_deployment);
        assert!(!admin.team_work && !admin.cases && !admin.good_practices);
        let national = permissions(&actor(Role::National, None));
        assert!(national.national_reports && national.national_framework);
        assert!(!national.team_work && !national.cases);
        let worker = permissions(&actor(Role::CaseWorker, Some(LE)));
        assert!(worker.cases && worker.team_work && !worker.lead_team_work);
        let coordinator = permissions(&actor(Role::Coordinator, Some(LE)));
        assert!(coordinator.lead_team_work && !coordinator.cases);
        let auditor = permissions(&actor(Role::Auditor, None));
        assert!(auditor.audit_trail);
        assert!(!auditor.team_work && !auditor.cases && !auditor.manage_deployment);
        assert!(!admin.audit_trail && !national.audit_trail && !worker.audit_trail);
        assert!(admin.registry && national.registry && worker.registry && !auditor.registry);
        assert!(admin.catalogues && national.catalogues);
        assert!(!worker.catalogues && !coordinator.catalogues && !auditor.catalogues);
    }
}

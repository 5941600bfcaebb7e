//! What the pages may offer: the actor's permissions, worked out once per request, so that
//! the web layer shows or hides links and buttons without deciding anything itself.

use super::{decide, Action, Actor};

/// The sections and acts open to one actor (in the actor's own team, where team-bound).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Permissions {
    pub cases: bool,
    pub override_consent: bool,
    pub team_work: bool,
    pub record_team_work: bool,
    pub lead_team_work: bool,
    pub view_members: bool,
    pub edit_registry: bool,
    pub manage_team_accounts: bool,
    pub manage_deployment: bool,
    pub list_teams: bool,
    pub national_reports: bool,
    pub acknowledge_reports: bool,
    pub national_framework: bool,
    pub good_practices: bool,
}

/// The actor's permissions, each from [`decide`].
pub fn permissions(actor: &Actor) -> Permissions {
    let may = |action| decide(actor, action).allowed();
    let in_team = |action: fn(_) -> Action| actor.team_id.is_some_and(|t| may(action(t)));
    Permissions {
        cases: may(Action::UseCases),
        override_consent: may(Action::OverrideConsent),
        team_work: in_team(Action::ViewTeamWork),
        record_team_work: in_team(Action::RecordTeamWork),
        lead_team_work: in_team(Action::LeadTeamWork),
        view_members: in_team(Action::ViewMembers),
        edit_registry: in_team(Action::EditRegistry),
        manage_team_accounts: in_team(Action::ManageTeamAccounts),
        manage_deployment: may(Action::ManageDeployment),
        list_teams: may(Action::ListTeams),
        national_reports: may(Action::ViewNationalReports),
        acknowledge_reports: may(Action::AcknowledgeReports),
        national_framework: may(Action::EditNationalFramework),
        good_practices: may(Action::ViewGoodPractices),
    }
}

//! Teams: the list of a deployment's teams, a team's overview, its founding decision.

use crate::audit::{AuditEvent, Author};
use crate::forms::FoundingForm;
use crate::{App, AppError};
use spona_domain::access::{decide, Action, Actor};
use spona_domain::registry::{ChangeKind, Institution, Team};
use spona_i18n::{Collator, Locale};
use spona_store::history::{self, Subject};
use spona_store::{institutions, teams};

/// What the team page shows.
#[derive(Clone, Debug)]
pub struct TeamOverview {
    pub team: Team,
    pub lead_institutions: Vec<Institution>,
    pub member_institutions: i64,
    pub partners: i64,
    /// Whether the actor may change the registry (to show the edit buttons).
    pub can_edit: bool,
    /// Whether the actor may see the members' names.
    pub can_see_members: bool,
    pub history: Vec<history::Change>,
}

impl App {
    /// The teams the actor may open: every team for deployment-wide roles, their own otherwise.
    pub async fn teams(&self, actor: &Actor) -> Result<Vec<Team>, AppError> {
        let mut c = self.db.conn().await?;
        let all = teams::list(&mut c).await?;
        Ok(all
            .into_iter()
            .filter(|t| decide(actor, Action::ViewRegistry(t.id)).allowed())
            .collect())
    }

    /// The teams the actor may open, active first, each part by name in the order of the
    /// reader's alphabet.
    pub async fn teams_in(&self, actor: &Actor, locale: Locale) -> Result<Vec<Team>, AppError> {
        let teams = self.teams(actor).await?;
        let collator = Collator::new(locale);
        Ok(collator.page(
            teams,
            |t| collator.pick(&t.name_cyrl, &t.name_latn),
            |t| !t.active,
            0,
            i64::MAX,
        ))
    }

    /// Adds a local team to the deployment (deployment administrators only).
    pub async fn create_team(
        &self,
        actor: &Actor,
        form: &crate::forms::TeamForm,
    ) -> Result<spona_domain::ids::TeamId, AppError> {
        if !decide(actor, Action::ManageDeployment).allowed() {
            return Err(AppError::Forbidden);
        }
        let d = form.parse()?;
        let now = self.now();
        let mut tx = self.db.begin().await?;
        let id = teams::insert(
            &mut tx,
            &teams::NewTeam {
                code: &d.code,
                name_cyrl: &d.name_cyrl,
                name_latn: &d.name_latn,
                city: &d.city,
                founding: &spona_domain::registry::FoundingDecision::default(),
            },
            now,
        )
        .await
        .map_err(super::duplicate_to_field)?;
        let event = AuditEvent::about(Some(id), "team-created", "team", id.0);
        self.audit(&mut tx, Author::of(actor), event).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// The overview of a team.
    pub async fn team_overview(&self, actor: &Actor, code: &str) -> Result<TeamOverview, AppError> {
        let team = self.visible_team(actor, code).await?;
        let mut c = self.db.conn().await?;
        let active = institutions::list_active(&mut c, team.id).await?;
        let can_edit = decide(actor, Action::EditRegistry(team.id)).allowed();
        let history = if can_edit {
            history::list(&mut c, team.id, Subject::Team, team.id.0).await?
        } else {
            Vec::new()
        };
        let member_institutions = active
            .iter()
            .filter(|i| i.standing == spona_domain::registry::Standing::Member)
            .count() as i64;
        Ok(TeamOverview {
            lead_institutions: active.iter().filter(|i| i.is_lead).cloned().collect(),
            partners: active.len() as i64 - member_institutions,
            member_institutions,
            can_edit,
            can_see_members: decide(actor, Action::ViewMembers(team.id)).allowed(),
            history,
            team,
        })
    }

    /// Changes the founding decision of a team.
    pub async fn update_founding(
        &self,
        actor: &Actor,
        code: &str,
        form: &FoundingForm,
    ) -> Result<(), AppError> {
        let team = self.editable_team(actor, code).await?;
        let founding = form.parse(self.today())?;
        let version = form.version.unwrap_or(team.version);
        let now = self.now();
        let mut tx = self.db.begin().await?;
        teams::update_founding(&mut tx, team.id, version, &founding).await?;
        let details = format!(
            "{} → {}; {} → {}",
            team.founding.number,
            founding.number,
            team.founding
                .date
                .map(spona_domain::text::iso_date)
                .unwrap_or_default(),
            founding
                .date
                .map(spona_domain::text::iso_date)
                .unwrap_or_default()
        );
        history::record(
            &mut tx,
            &history::Entry {
                team: team.id,
                subject: Subject::Team,
                subject_id: team.id.0,
                change: ChangeKind::Edited,
                details: &details,
                actor: Some(actor.user_id),
                at: now,
            },
        )
        .await?;
        self.audit(
            &mut tx,
            Author::of(actor),
            AuditEvent::about(Some(team.id), "founding-edited", "team", team.id.0),
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }
}

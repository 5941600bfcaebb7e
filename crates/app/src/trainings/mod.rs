//! Trainings of officials: recording them with who attended, the coverage of each
//! institution's staff, and certificates for named participants. Every team role records
//! and views its own team's trainings; only the coordinator enters staff numbers.

mod certificate;
mod coverage;
mod form;
mod record;

pub use coverage::{CoverageLine, CoverageView};
pub use form::{StaffForm, TrainingForm};
pub use record::{NamedLine, Recorded, Refusal, TrainingQuery, TrainingView};

use crate::{App, AppError};
use spona_domain::access::{decide, Action, Actor};
use spona_domain::ids::TeamId;
use spona_domain::registry::Team;
use spona_store::teams as team_store;

/// Rows on one page of the list.
pub const PAGE_SIZE: i64 = 25;

impl App {
    /// The actor's own team, if the action on its team work is allowed. A person without a
    /// team sees nothing ("not found"); one who may view but not do this is "forbidden".
    pub(crate) async fn training_team(
        &self,
        actor: &Actor,
        action: fn(TeamId) -> Action,
    ) -> Result<Team, AppError> {
        let team_id = actor.team_id.ok_or(AppError::NotFound)?;
        if !decide(actor, Action::ViewTeamWork(team_id)).allowed() {
            return Err(AppError::NotFound);
        }
        if !decide(actor, action(team_id)).allowed() {
            return Err(AppError::Forbidden);
        }
        let mut c = self.db.conn().await?;
        team_store::find(&mut c, team_id)
            .await?
            .ok_or(AppError::NotFound)
    }

    /// Whether the actor enters staff numbers (to show the form).
    pub fn can_lead_trainings(&self, actor: &Actor) -> bool {
        actor
            .team_id
            .is_some_and(|t| decide(actor, Action::LeadTeamWork(t)).allowed())
    }
}

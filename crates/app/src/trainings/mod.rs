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

use crate::team_work::ScopedTeam;
use crate::{App, AppError};
use spona_domain::access::Actor;
use spona_domain::access::WorkNeed;

/// Rows on one page of the list.
pub const PAGE_SIZE: i64 = 25;

impl App {
    /// The actor's own team, if the actor may do `need` with its work.
    pub(crate) async fn training_team(
        &self,
        actor: &Actor,
        need: WorkNeed,
    ) -> Result<ScopedTeam, AppError> {
        let mut c = self.db.conn().await?;
        Self::scoped_team(&mut c, actor, need).await
    }

    /// Whether the actor enters staff numbers (to show the form).
    pub fn can_lead_trainings(&self, actor: &Actor) -> bool {
        self.may_work(actor, WorkNeed::Lead)
    }
}

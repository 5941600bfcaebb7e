//! Good practices: the coordinator publishes an activity of the register or a training of
//! the team as a model for the other teams of the deployment; every team and the national
//! office read the live ones; the coordinator withdraws them. Publishing and withdrawing are
//! audited; a withdrawn practice is "not found" to everyone but its own team's coordinator.

mod form;
mod prefill;
mod publish;
mod read;

pub use form::PracticeForm;
pub use prefill::PracticeStart;
pub use read::{PracticeQuery, PracticeView, SourcePractice};

use crate::{App, AppError};
use spona_domain::access::{Actor, TeamScope, WorkNeed};

impl App {
    /// The scope of the actor's team's work, if the actor leads it (publishes and withdraws
    /// practices); everyone else is forbidden.
    fn practice_team(actor: &Actor) -> Result<TeamScope, AppError> {
        Self::work_team(actor, WorkNeed::Lead)
    }

    /// Whether the actor publishes good practices of the team (for showing the button).
    pub fn can_publish_practices(&self, actor: &Actor) -> bool {
        Self::practice_team(actor).is_ok()
    }
}

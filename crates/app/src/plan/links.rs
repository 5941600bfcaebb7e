//! Activities and trainings recorded against a plan activity: the link must point into the
//! recording team's own plans, checked inside the transaction that stores it.

use crate::{App, AppError};
use spona_domain::ids::TeamId;
use spona_domain::validation::{FieldError, FieldErrors};
use spona_store::{plans, Connection};

impl App {
    /// Refuses a link to a plan activity that is not in one of the team's plans.
    pub(crate) async fn check_plan_link(
        c: &mut Connection,
        team: TeamId,
        plan_activity: Option<i64>,
    ) -> Result<(), AppError> {
        match plan_activity {
            Some(id) if !plans::activity_of_team(c, team, id).await? => {
                let mut e = FieldErrors::new();
                e.add("plan_activity_id", FieldError::Unknown);
                Err(AppError::Invalid(e))
            }
            _ => Ok(()),
        }
    }
}

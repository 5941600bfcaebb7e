//! Activities and trainings recorded against a plan activity: the link must point into the
//! recording team's own plans, checked inside the transaction that stores it; the forms offer
//! the team's plan activities to choose from, and a record's page names the one it carries
//! out.

use crate::{App, AppError};
use spona_domain::access::{team_work, Actor, TeamScope, WorkNeed};
use spona_domain::validation::{FieldError, FieldErrors};
use spona_store::plans::{self, PlanActivityChoice};
use spona_store::Connection;

impl App {
    /// Refuses a link to a plan activity that is not in one of the team's plans.
    pub(crate) async fn check_plan_link(
        c: &mut Connection,
        team: &TeamScope,
        plan_activity: Option<i64>,
    ) -> Result<(), AppError> {
        match plan_activity {
            Some(id) if plans::choice(c, team, id).await?.is_none() => {
                let mut e = FieldErrors::new();
                e.add("plan_activity_id", FieldError::Unknown);
                Err(AppError::Invalid(e))
            }
            _ => Ok(()),
        }
    }

    /// The activities of the actor's team's plans, newest plan first, for the forms that
    /// record work against them; nothing for roles outside a team.
    pub async fn plan_activity_choices(
        &self,
        actor: &Actor,
    ) -> Result<Vec<PlanActivityChoice>, AppError> {
        let Ok(scope) = team_work(actor, WorkNeed::View) else {
            return Ok(Vec::new());
        };
        let mut c = self.db.conn().await?;
        Ok(plans::choices(&mut c, &scope).await?)
    }

    /// The plan activity a record of the team carries out, for its page.
    pub(crate) async fn linked_plan_activity(
        c: &mut Connection,
        team: &TeamScope,
        plan_activity: Option<i64>,
    ) -> Result<Option<PlanActivityChoice>, AppError> {
        match plan_activity {
            Some(id) => Ok(plans::choice(c, team, id).await?),
            None => Ok(None),
        }
    }
}

//! The plan at a glance for the dashboard: progress, overdue activities and those nothing
//! is recorded against yet.

use crate::{App, AppError};
use spona_domain::access::{team_work, Actor, WorkNeed};
use spona_domain::plan::mean_progress;
use spona_store::plans as store;

/// The current plan's progress and how many of its activities are overdue.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlanSummary {
    pub plan_id: i64,
    pub title: String,
    /// Mean progress of the activities (0–100).
    pub progress: i64,
    pub activities: usize,
    pub overdue: usize,
    /// Activities not done that nothing of the register is recorded against yet.
    pub unrecorded: usize,
}

impl App {
    /// The summary of the actor's team's current plan (the one whose period covers today,
    /// else the latest); none without a plan or for roles outside a team.
    pub async fn plan_summary(&self, actor: &Actor) -> Result<Option<PlanSummary>, AppError> {
        let Ok(scope) = team_work(actor, WorkNeed::View) else {
            return Ok(None);
        };
        let today = self.today();
        let mut c = self.db.conn().await?;
        let Some(plan) = store::current(&mut c, &scope, today).await? else {
            return Ok(None);
        };
        let activities = store::activities(&mut c, plan.id).await?;
        Ok(Some(PlanSummary {
            plan_id: plan.id,
            title: plan.title,
            progress: mean_progress(&activities),
            activities: activities.len(),
            overdue: activities.iter().filter(|a| a.overdue(today)).count(),
            unrecorded: activities
                .iter()
                .filter(|a| !a.done() && a.recorded == 0)
                .count(),
        }))
    }
}

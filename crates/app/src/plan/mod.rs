//! Planning: the national framework and the team's coordination plan with its objectives,
//! activities, adoption, revisions and progress.

mod activities;
mod forms;
mod framework;
mod links;
mod objectives;
mod plans;
mod summary;

pub use forms::{
    AdoptionForm, FrameworkDocumentForm, FrameworkItemForm, ObjectiveForm, PlanActivityForm,
    PlanForm,
};
pub use framework::{FrameworkEntry, FrameworkView};
pub use plans::{PlanList, PlanView, PlannedActivity};
pub use spona_store::plans::{LinkedRecord, PlanActivityChoice, PlanChange};
pub use summary::PlanSummary;

use crate::audit::{AuditEvent, Author};
use crate::{App, AppError};
use spona_domain::access::{team_work, Actor, WorkNeed};
use spona_domain::plan::CoordinationPlan;
use spona_store::{plans as store, Tx};

impl App {
    /// The plan, if the actor's team may see it; another team's plan is "not found".
    pub(crate) async fn visible_plan(
        &self,
        c: &mut spona_store::Connection,
        actor: &Actor,
        id: i64,
    ) -> Result<CoordinationPlan, AppError> {
        let scope = team_work(actor, WorkNeed::View)?;
        store::find(c, &scope, id).await?.ok_or(AppError::NotFound)
    }

    /// The plan, if the actor leads the team's work; seeing but not leading is "forbidden".
    pub(crate) async fn led_plan(
        &self,
        c: &mut spona_store::Connection,
        actor: &Actor,
        id: i64,
    ) -> Result<CoordinationPlan, AppError> {
        // Looked up in the actor's own team first: another team's plan is "not found"
        // whatever the role; then leading it is "forbidden" to those who do not lead.
        let plan = self.visible_plan(c, actor, id).await?;
        team_work(actor, WorkNeed::Lead)?;
        Ok(plan)
    }

    /// Records a change of the plan in its history and the audit trail: a change to an
    /// adopted plan opens a new version (status revised). Returns the version it went under.
    pub(crate) async fn plan_changed(
        &self,
        tx: &mut Tx,
        actor: &Actor,
        plan: &CoordinationPlan,
        change: &'static str,
        details: &str,
    ) -> Result<i64, AppError> {
        let now = self.now();
        let (status, version) = plan.status.after_change(plan.version);
        if (status, version) != (plan.status, plan.version) {
            store::set_status(tx, plan.id, status, version, now).await?;
        }
        store::record_change(
            tx,
            plan.id,
            version,
            change,
            details,
            Some(actor.user_id),
            now,
        )
        .await?;
        self.audit(
            tx,
            Author::of(actor),
            AuditEvent::about(Some(plan.team_id), change, "coordination-plan", plan.id),
        )
        .await?;
        Ok(version)
    }
}

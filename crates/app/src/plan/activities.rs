//! Activities of a coordination plan, in the national action plans' template.
//!
//! Activities and trainings of the register name the plan activity they carry out
//! (`plan_activity_id`, a foreign key to `plan_activities`). A plan activity that plans a number of
//! events takes its progress from them; one that plans none has its progress entered here
//! by hand (0–100, or "done").

use super::forms::PlanActivityForm;
use crate::{App, AppError};
use spona_domain::access::Actor;
use spona_domain::plan::{CoordinationPlan, PlanActivity, PlanActivityDraft};
use spona_domain::validation::{FieldError, FieldErrors};
use spona_store::{framework, institutions, plans as store, Connection};

impl App {
    /// Adds an activity to the plan.
    pub async fn add_plan_activity(
        &self,
        actor: &Actor,
        plan: i64,
        form: &PlanActivityForm,
    ) -> Result<i64, AppError> {
        let mut tx = self.db.begin().await?;
        let p = self.led_plan(&mut tx, actor, plan).await?;
        let draft = checked(&mut tx, &p, form).await?;
        let id = store::insert_activity(&mut tx, plan, &draft, self.now()).await?;
        self.plan_changed(&mut tx, actor, &p, "plan-activity-added", &draft.title)
            .await?;
        tx.commit().await?;
        Ok(id)
    }

    /// One activity of the plan (for the edit form).
    pub async fn plan_activity(
        &self,
        actor: &Actor,
        plan: i64,
        id: i64,
    ) -> Result<PlanActivity, AppError> {
        let mut c = self.db.conn().await?;
        self.visible_plan(&mut c, actor, plan).await?;
        store::activity(&mut c, plan, id)
            .await?
            .ok_or(AppError::NotFound)
    }

    /// Changes an activity of the plan (progress included).
    pub async fn update_plan_activity(
        &self,
        actor: &Actor,
        plan: i64,
        id: i64,
        form: &PlanActivityForm,
    ) -> Result<(), AppError> {
        let mut tx = self.db.begin().await?;
        let p = self.led_plan(&mut tx, actor, plan).await?;
        store::activity(&mut tx, plan, id)
            .await?
            .ok_or(AppError::NotFound)?;
        let draft = checked(&mut tx, &p, form).await?;
        store::update_activity(&mut tx, plan, id, &draft, self.now()).await?;
        let details = if draft.planned_events > 0 {
            format!("{} (/{})", draft.title, draft.planned_events)
        } else {
            format!("{} ({}%)", draft.title, draft.progress)
        };
        self.plan_changed(&mut tx, actor, &p, "plan-activity-edited", &details)
            .await?;
        tx.commit().await?;
        Ok(())
    }
}

/// Parses the form and checks it against the plan: its objective, the team's active
/// institutions, the national measures, and a deadline within the plan's period.
async fn checked(
    c: &mut Connection,
    plan: &CoordinationPlan,
    form: &PlanActivityForm,
) -> Result<PlanActivityDraft, AppError> {
    let draft = form.parse()?;
    let mut e = FieldErrors::new();
    let objectives = store::objectives(c, plan.id).await?;
    if !objectives.iter().any(|o| o.id == draft.objective_id) {
        e.add("objective", FieldError::Unknown);
    }
    let responsible = institutions::find(c, plan.team_id, draft.responsible).await?;
    if !responsible.is_some_and(|i| i.active) {
        e.add("responsible", FieldError::Unknown);
    }
    if let Some(m) = draft.measure_id {
        if framework::item(c, m).await?.is_none() {
            e.add("measure", FieldError::Unknown);
        }
    }
    if !plan.covers(draft.deadline) {
        e.add("deadline", FieldError::OutsidePlanPeriod);
    }
    e.into_result()?;
    Ok(draft)
}

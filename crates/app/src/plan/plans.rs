//! The team's coordination plans: list, draft, view, change the period, adopt.

use super::forms::{AdoptionForm, PlanForm};
use super::framework::{load as load_framework, FrameworkEntry};
use crate::audit::{AuditEvent, Author};
use crate::{App, AppError};
use spona_domain::access::{team_work, Actor, WorkNeed};
use spona_domain::plan::{
    mean_progress, CoordinationPlan, PlanActivity, PlanObjective, PlanStatus,
};
use spona_domain::registry::Institution;
use spona_domain::validation::{FieldError, FieldErrors};
use spona_store::institutions;
use spona_store::plans::{self as store, LinkedRecord, PlanChange};

/// The team's plans and whether the actor may draft one.
#[derive(Clone, Debug)]
pub struct PlanList {
    pub plans: Vec<CoordinationPlan>,
    pub can_lead: bool,
}

/// An activity as shown on the plan page.
#[derive(Clone, Debug)]
pub struct PlannedActivity {
    pub activity: PlanActivity,
    pub overdue: bool,
    /// The responsible institution's names (Cyrillic, Latin).
    pub responsible: (String, String),
    /// The national measure it serves, as "code title".
    pub measure: Option<String>,
    /// The activities and trainings of the register that carry it out, by date.
    pub records: Vec<LinkedRecord>,
}

/// One plan with everything its page shows.
#[derive(Clone, Debug)]
pub struct PlanView {
    pub plan: CoordinationPlan,
    pub objectives: Vec<PlanObjective>,
    pub activities: Vec<PlannedActivity>,
    /// Mean progress of the activities (0–100).
    pub progress: i64,
    pub overdue: usize,
    pub changes: Vec<PlanChange>,
    pub can_lead: bool,
    /// The team's active institutions, for choosing the responsible one.
    pub institutions: Vec<Institution>,
    /// The national framework, for choosing the measure served.
    pub framework: Vec<FrameworkEntry>,
}

impl PlanView {
    /// The activities under an objective.
    pub fn under(&self, objective: &i64) -> Vec<&PlannedActivity> {
        self.activities
            .iter()
            .filter(|a| a.activity.draft.objective_id == *objective)
            .collect()
    }
}

impl App {
    /// The plans of the actor's own team.
    pub async fn plans(&self, actor: &Actor) -> Result<PlanList, AppError> {
        let scope = team_work(actor, WorkNeed::View)?;
        let mut c = self.db.conn().await?;
        Ok(PlanList {
            plans: store::list(&mut c, &scope).await?,
            can_lead: scope.leads(),
        })
    }

    /// Whether the actor may draft plans for their team (for showing the form).
    pub fn may_lead_plans(&self, actor: &Actor) -> Result<(), AppError> {
        team_work(actor, WorkNeed::Lead)?;
        Ok(())
    }

    /// Drafts a new plan for the actor's team.
    pub async fn create_plan(&self, actor: &Actor, form: &PlanForm) -> Result<i64, AppError> {
        let scope = team_work(actor, WorkNeed::Lead)?;
        let team = scope.team();
        let draft = form.parse()?;
        let now = self.now();
        let mut tx = self.db.begin().await?;
        let id = store::insert(&mut tx, &scope, &draft, now).await?;
        store::record_change(
            &mut tx,
            id,
            1,
            "plan-created",
            &draft.title,
            Some(actor.user_id),
            now,
        )
        .await?;
        self.audit(
            &mut tx,
            Author::of(actor),
            AuditEvent::about(Some(team), "plan-created", "coordination-plan", id),
        )
        .await?;
        tx.commit().await?;
        Ok(id)
    }

    /// One plan with its objectives, activities (overdue ones flagged) and history.
    pub async fn plan(&self, actor: &Actor, id: i64) -> Result<PlanView, AppError> {
        let mut c = self.db.conn().await?;
        let plan = self.visible_plan(&mut c, actor, id).await?;
        let today = self.today();
        let objectives = store::objectives(&mut c, id).await?;
        let stored = store::activities(&mut c, id).await?;
        let institutions = institutions::list_active(&mut c, plan.team_id).await?;
        let framework = load_framework(&mut c).await?;
        let progress = mean_progress(&stored);
        let mut records = store::linked_records(&mut c, id).await?;
        let mut activities = Vec::with_capacity(stored.len());
        for a in stored {
            let responsible = match institutions.iter().find(|i| i.id == a.draft.responsible) {
                Some(i) => (i.name_cyrl.clone(), i.name_latn.clone()),
                None => institutions::find(&mut c, plan.team_id, a.draft.responsible)
                    .await?
                    .map(|i| (i.name_cyrl, i.name_latn))
                    .unwrap_or_default(),
            };
            let measure = a.draft.measure_id.and_then(|m| {
                framework
                    .iter()
                    .flat_map(|e| e.items.iter())
                    .find(|i| i.id == m)
                    .map(|i| format!("{} {}", i.code, i.title))
            });
            let (own, rest): (Vec<_>, Vec<_>) = records
                .into_iter()
                .partition(|r| r.plan_activity_id == a.id);
            records = rest;
            activities.push(PlannedActivity {
                overdue: a.overdue(today),
                activity: a,
                responsible,
                measure,
                records: own,
            });
        }
        let overdue = activities.iter().filter(|a| a.overdue).count();
        Ok(PlanView {
            can_lead: team_work(actor, WorkNeed::Lead).is_ok(),
            changes: store::changes(&mut c, id).await?,
            plan,
            objectives,
            activities,
            progress,
            overdue,
            institutions,
            framework,
        })
    }

    /// The plan, if the actor may change it (for showing an edit form).
    pub async fn plan_for_editing(
        &self,
        actor: &Actor,
        id: i64,
    ) -> Result<CoordinationPlan, AppError> {
        let mut c = self.db.conn().await?;
        self.led_plan(&mut c, actor, id).await
    }

    /// Changes the plan's title or period. Activities must stay within the new period.
    pub async fn update_plan(
        &self,
        actor: &Actor,
        id: i64,
        form: &PlanForm,
    ) -> Result<(), AppError> {
        let now = self.now();
        let mut tx = self.db.begin().await?;
        let plan = self.led_plan(&mut tx, actor, id).await?;
        let draft = form.parse()?;
        let activities = store::activities(&mut tx, id).await?;
        if activities
            .iter()
            .any(|a| a.draft.deadline < draft.starts_on)
        {
            let mut e = FieldErrors::new();
            e.add("starts_on", FieldError::OutsidePlanPeriod);
            return Err(e.into());
        }
        if activities.iter().any(|a| a.draft.deadline > draft.ends_on) {
            let mut e = FieldErrors::new();
            e.add("ends_on", FieldError::OutsidePlanPeriod);
            return Err(e.into());
        }
        let (status, version) = plan.status.after_change(plan.version);
        store::update(&mut tx, id, &draft, status, version, now).await?;
        let details = format!(
            "{} ({} – {})",
            draft.title,
            spona_domain::text::iso_date(draft.starts_on),
            spona_domain::text::iso_date(draft.ends_on)
        );
        // The status is already moved; record under the version it now has.
        let moved = spona_domain::plan::CoordinationPlan {
            status,
            version,
            ..plan
        };
        self.plan_changed(&mut tx, actor, &moved, "plan-edited", &details)
            .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Adopts the plan (or its revision) as decided at a team meeting.
    pub async fn adopt_plan(
        &self,
        actor: &Actor,
        id: i64,
        form: &AdoptionForm,
    ) -> Result<(), AppError> {
        let mut tx = self.db.begin().await?;
        let plan = self.led_plan(&mut tx, actor, id).await?;
        if plan.status == PlanStatus::Adopted {
            // Already in force as it stands: nothing to adopt until it is changed.
            return Err(AppError::Conflict);
        }
        let adoption = form.parse(self.today())?;
        let now = self.now();
        store::adopt(&mut tx, id, &adoption, now).await?;
        store::record_change(
            &mut tx,
            id,
            plan.version,
            "plan-adopted",
            &format!(
                "{}: {}",
                spona_domain::text::iso_date(adoption.meeting_on),
                adoption.decision
            ),
            Some(actor.user_id),
            now,
        )
        .await?;
        self.audit(
            &mut tx,
            Author::of(actor),
            AuditEvent::about(Some(plan.team_id), "plan-adopted", "coordination-plan", id),
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }
}

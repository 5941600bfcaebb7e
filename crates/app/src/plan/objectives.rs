//! Objectives of a plan: added by the coordinator; removed only while nothing hangs under them.

use super::forms::ObjectiveForm;
use crate::{App, AppError};
use spona_domain::access::Actor;
use spona_domain::validation::{FieldError, FieldErrors};
use spona_store::plans as store;

impl App {
    /// Adds an objective to the plan.
    pub async fn add_plan_objective(
        &self,
        actor: &Actor,
        plan: i64,
        form: &ObjectiveForm,
    ) -> Result<i64, AppError> {
        let mut tx = self.db.begin().await?;
        let p = self.led_plan(&mut tx, actor, plan).await?;
        let title = form.parse()?;
        let id = store::insert_objective(&mut tx, plan, &title, self.now()).await?;
        self.plan_changed(&mut tx, actor, &p, "plan-objective-added", &title)
            .await?;
        tx.commit().await?;
        Ok(id)
    }

    /// Removes an objective; refused while it has activities (they would lose their place).
    pub async fn delete_plan_objective(
        &self,
        actor: &Actor,
        plan: i64,
        objective: i64,
    ) -> Result<(), AppError> {
        let mut tx = self.db.begin().await?;
        let p = self.led_plan(&mut tx, actor, plan).await?;
        let title = store::objectives(&mut tx, plan)
            .await?
            .into_iter()
            .find(|o| o.id == objective)
            .map(|o| o.title)
            .ok_or(AppError::NotFound)?;
        if store::count_under_objective(&mut tx, objective).await? > 0 {
            let mut e = FieldErrors::new();
            e.add("objective", FieldError::ObjectiveHasActivities);
            return Err(e.into());
        }
        store::delete_objective(&mut tx, plan, objective).await?;
        self.plan_changed(&mut tx, actor, &p, "plan-objective-removed", &title)
            .await?;
        tx.commit().await?;
        Ok(())
    }
}

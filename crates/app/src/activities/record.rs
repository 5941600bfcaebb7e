//! Recording, editing and deleting activities; each change audited in its transaction.

use super::form::ActivityForm;
use crate::audit::{AuditEvent, Author};
use crate::{App, AppError};
use spona_domain::access::{Actor, TeamScope};
use spona_domain::activities::{ActivityDraft, ActivityId};
use spona_domain::validation::{FieldError, FieldErrors};
use spona_store::{activities, materials, practices, venues, Connection};

impl App {
    /// Records an activity of the actor's team.
    pub async fn create_activity(
        &self,
        actor: &Actor,
        form: &ActivityForm,
    ) -> Result<ActivityId, AppError> {
        let team = self.team_of_work(actor, true).await?;
        let draft = form.parse()?;
        let now = self.now();
        let mut tx = self.db.begin().await?;
        Self::check_plan_link(&mut tx, &team.scope, draft.plan_activity_id).await?;
        let place = place_of(&mut tx, &team.scope, &draft).await?;
        let id =
            activities::insert(&mut tx, &team.scope, &draft, &place, actor.user_id, now).await?;
        self.audit(
            &mut tx,
            Author::of(actor),
            AuditEvent::about(Some(team.id), "activity-recorded", "activity", id.0),
        )
        .await?;
        tx.commit().await?;
        Ok(id)
    }

    /// Changes an activity; refused as a conflict if someone changed it meanwhile.
    pub async fn update_activity(
        &self,
        actor: &Actor,
        id: ActivityId,
        form: &ActivityForm,
    ) -> Result<(), AppError> {
        let team = self.team_of_work(actor, true).await?;
        let now = self.now();
        let mut tx = self.db.begin().await?;
        let before = activities::find(&mut tx, &team.scope, id)
            .await?
            .ok_or(AppError::NotFound)?;
        let draft = form.parse()?;
        Self::check_plan_link(&mut tx, &team.scope, draft.plan_activity_id).await?;
        let place = place_of(&mut tx, &team.scope, &draft).await?;
        let version = form.version.unwrap_or(before.version);
        activities::update(&mut tx, &team.scope, id, version, &draft, &place, now).await?;
        self.audit(
            &mut tx,
            Author::of(actor),
            AuditEvent::about(Some(team.id), "activity-edited", "activity", id.0),
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Deletes an activity (after the person confirmed), if still at `version`.
    pub async fn delete_activity(
        &self,
        actor: &Actor,
        id: ActivityId,
        version: i64,
    ) -> Result<(), AppError> {
        let team = self.team_of_work(actor, true).await?;
        let mut tx = self.db.begin().await?;
        activities::find(&mut tx, &team.scope, id)
            .await?
            .ok_or(AppError::NotFound)?;
        // Hand-outs of materials or good practices (even withdrawn ones, which are kept)
        // name it; deleting would leave them pointing nowhere.
        if materials::links_to_activity(&mut tx, id.0).await? > 0
            || practices::links_to_activity(&mut tx, id.0).await? > 0
        {
            let mut e = FieldErrors::new();
            e.add("activity", FieldError::StillLinked);
            return Err(AppError::Invalid(e));
        }
        activities::delete(&mut tx, &team.scope, id, version).await?;
        self.audit(
            &mut tx,
            Author::of(actor),
            AuditEvent::about(Some(team.id), "activity-deleted", "activity", id.0),
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }
}

/// The place's name for the search: the chosen venue's (which must be the team's) or the
/// typed one.
async fn place_of(
    c: &mut Connection,
    scope: &TeamScope,
    draft: &ActivityDraft,
) -> Result<String, AppError> {
    match draft.venue_id {
        None => Ok(draft.place.clone()),
        Some(v) => match venues::find(c, scope, v).await? {
            Some(venue) => Ok(venue.name),
            None => {
                let mut e = FieldErrors::new();
                e.add("venue_id", FieldError::Unknown);
                Err(AppError::Invalid(e))
            }
        },
    }
}

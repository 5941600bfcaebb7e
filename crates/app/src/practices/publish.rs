//! Publishing a practice and withdrawing it; each audited in its transaction.

use super::PracticeForm;
use crate::audit::{AuditEvent, Author};
use crate::{App, AppError};
use spona_domain::access::{team_work_of, Actor, WorkNeed};
use spona_domain::practices::{may_see, GoodPracticeId, PracticeSource};
use spona_domain::validation::{FieldError, FieldErrors};
use spona_store::{activities, practices as store, trainings, StoreError};

/// The refusal of a second live practice of one source.
fn already_published() -> AppError {
    let mut e = FieldErrors::new();
    e.add("source", FieldError::Taken);
    AppError::Invalid(e)
}

impl App {
    /// Publishes a source of the actor's team as a good practice (the coordinator only).
    /// Another team's source is not found; a source with a live practice is refused.
    pub async fn publish_practice(
        &self,
        actor: &Actor,
        source: PracticeSource,
        form: &PracticeForm,
    ) -> Result<GoodPracticeId, AppError> {
        // The source is looked up in the own team first (another team's is "not found"),
        // then publishing is "forbidden" to those who do not lead.
        let scope = Self::work_team(actor, WorkNeed::View)?;
        let team = scope.team();
        let mut tx = self.db.begin().await?;
        let live = match source {
            PracticeSource::Activity(a) => {
                activities::find(&mut tx, &scope, a)
                    .await?
                    .ok_or(AppError::NotFound)?;
                store::live_for_activity(&mut tx, &scope, a.0).await?
            }
            PracticeSource::Training(t) => {
                trainings::find(&mut tx, &scope, t)
                    .await?
                    .ok_or(AppError::NotFound)?;
                store::live_for_training(&mut tx, &scope, t.0).await?
            }
        };
        let lead = Self::practice_team(actor)?;
        let draft = form.parse()?;
        if live.is_some() {
            return Err(already_published());
        }
        let id =
            match store::insert(&mut tx, &lead, source, &draft, actor.user_id, self.now()).await {
                Ok(id) => id,
                // Published by someone else between the check and the insert.
                Err(StoreError::Duplicate(_)) => return Err(already_published()),
                Err(other) => return Err(other.into()),
            };
        self.audit(
            &mut tx,
            Author::of(actor),
            AuditEvent::about(Some(team), "practice-published", "good-practice", id.0),
        )
        .await?;
        tx.commit().await?;
        Ok(id)
    }

    /// Withdraws a live practice (its own team's coordinator, after confirming). It stays
    /// stored, seen only by that coordinator; one already withdrawn is a conflict.
    pub async fn withdraw_practice(
        &self,
        actor: &Actor,
        id: GoodPracticeId,
    ) -> Result<(), AppError> {
        let mut tx = self.db.begin().await?;
        let found = store::find(&mut tx, id).await?.ok_or(AppError::NotFound)?;
        let p = &found.practice;
        // A withdrawn practice is seen only by its coordinator; another team's practice is
        // "not found" here, though it may be read on its page.
        if !may_see(actor, p) {
            return Err(AppError::NotFound);
        }
        let lead = team_work_of(actor, p.team_id, WorkNeed::Lead)?;
        store::withdraw(&mut tx, &lead, id, self.now()).await?;
        self.audit(
            &mut tx,
            Author::of(actor),
            AuditEvent::about(Some(p.team_id), "practice-withdrawn", "good-practice", id.0),
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }
}

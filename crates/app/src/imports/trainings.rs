//! Trainings with who attended, from a spreadsheet: one row per institution that sent
//! anyone, the training's own cells (day, topic, trainer, hours, scores) repeated on each of
//! its rows. Rows with the same day and topic are one training; each is filled into the
//! training form with its one institution and parsed by it, and must agree with the first
//! row on the rest. Named participants are one per line in their cell, as in the form
//! (`name` or `name; before %; after %`). No row links to the plan: that is chosen by hand.

use super::columns::{cell_of, column, institution_named, Column};
use super::error_at;
use super::judge::{LaterRow, RowKind};
use super::OneTimeLink;
use crate::trainings::TrainingForm;
use crate::AppError;
use spona_domain::access::{Actor, TeamScope};
use spona_domain::ids::{InstitutionId, UserId};
use spona_domain::registry::Institution;
use spona_domain::text::iso_date;
use spona_domain::trainings::TrainingDraft;
use spona_domain::validation::{FieldError, FieldErrors};
use spona_store::{institutions, trainings, Connection};
use std::collections::{HashMap, HashSet};
use time::Date;

/// The columns, in the template's order.
pub const COLUMNS: &[Column] = &[
    column("held_on", "import-col-date", true),
    column("topic", "import-col-topic", true),
    column("trainer", "import-col-trainer", true),
    column("hours", "import-col-hours", true),
    column("score_before", "import-col-score-before", false),
    column("score_after", "import-col-score-after", false),
    column("institution", "import-col-institution", true),
    column("participants", "import-col-participants", false),
    column("names", "import-col-names", false),
];

/// The trainings of one team, with its active institutions to name and their staff.
pub(super) struct TrainingRows {
    scope: TeamScope,
    institutions: Vec<Institution>,
    staff: HashMap<InstitutionId, i64>,
    by: UserId,
    today: Date,
    now: i64,
}

impl TrainingRows {
    pub(super) async fn load(
        c: &mut Connection,
        scope: TeamScope,
        actor: &Actor,
        today: Date,
        now: i64,
    ) -> Result<TrainingRows, AppError> {
        Ok(TrainingRows {
            institutions: institutions::list_active(c, scope.team()).await?,
            staff: trainings::staff(c, &scope).await?.into_iter().collect(),
            scope,
            by: actor.user_id,
            today,
            now,
        })
    }
}

impl RowKind for TrainingRows {
    type Draft = TrainingDraft;

    fn parse(&self, cells: &[String]) -> Result<TrainingDraft, FieldErrors> {
        let cell = |field: &str| cell_of(COLUMNS, cells, field);
        let written = cell("institution");
        let institution = institution_named(&self.institutions, &written);
        let form = TrainingForm {
            topic: cell("topic"),
            trainer: cell("trainer"),
            held_on: cell("held_on"),
            hours: cell("hours"),
            score_before: cell("score_before"),
            score_after: cell("score_after"),
            plan_activity_id: String::new(),
            institution: vec![institution.map_or(0, |i| i.id.0)],
            participants: vec![cell("participants")],
            names: vec![cell("names")],
        };
        let parsed = form.parse(self.today);
        let Some(institution) = institution else {
            let mut e = parsed.err().unwrap_or_default();
            let error = if written.is_empty() {
                FieldError::Required
            } else {
                FieldError::Unknown
            };
            e.add("institution", error);
            return Err(e);
        };
        let draft = parsed?;
        // As the form refuses it: more participants than the institution's known staff.
        let over = draft.attendance.iter().any(|a| {
            self.staff
                .get(&institution.id)
                .is_some_and(|staff| a.participants > *staff)
        });
        if over {
            return Err(error_at("participants", FieldError::Invalid));
        }
        Ok(draft)
    }

    fn key(&self, d: &TrainingDraft) -> String {
        key_of(&iso_date(d.held_on), &d.topic)
    }

    fn join(&self, first: &mut TrainingDraft, next: TrainingDraft) -> LaterRow {
        let mut e = FieldErrors::new();
        if next.trainer != first.trainer {
            e.add("trainer", FieldError::Mismatch);
        }
        if next.duration != first.duration {
            e.add("hours", FieldError::Mismatch);
        }
        if next.score_before != first.score_before {
            e.add("score_before", FieldError::Mismatch);
        }
        if next.score_after != first.score_after {
            e.add("score_after", FieldError::Mismatch);
        }
        if !e.is_empty() {
            return LaterRow::Refused(e);
        }
        let mut added = false;
        for a in next.attendance {
            match first
                .attendance
                .iter()
                .find(|b| b.institution == a.institution)
            {
                Some(same) if *same == a => {}
                Some(_) => return LaterRow::Refused(error_at("institution", FieldError::Taken)),
                None => {
                    first.attendance.push(a);
                    added = true;
                }
            }
        }
        if added {
            LaterRow::Joined
        } else {
            LaterRow::Repeated
        }
    }

    async fn existing(&self, c: &mut Connection) -> Result<HashSet<String>, AppError> {
        Ok(trainings::recorded_keys(c, &self.scope)
            .await?
            .iter()
            .map(|(day, topic)| key_of(day, topic))
            .collect())
    }

    async fn save(
        &self,
        c: &mut Connection,
        d: &TrainingDraft,
    ) -> Result<Option<OneTimeLink>, AppError> {
        // As a training recorded in the form, with its attendance and named participants.
        let id = trainings::insert(c, &self.scope, d, self.by, self.now).await?;
        for a in &d.attendance {
            trainings::add_attendance(c, id, a.institution, a.participants).await?;
            for p in &a.names {
                let token: String = spona_crypto::tokens::new_token().chars().take(22).collect();
                trainings::add_participant(c, id, a.institution, p, &token).await?;
            }
        }
        Ok(None)
    }
}

/// A training's key: its day and topic.
fn key_of(day: &str, topic: &str) -> String {
    format!("{day}\n{topic}")
}

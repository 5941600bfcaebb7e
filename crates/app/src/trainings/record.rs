//! Recording a training and reading trainings back.

use super::{TrainingForm, PAGE_SIZE};
use crate::audit::{AuditEvent, Author};
use crate::{App, AppError, Page};
use spona_domain::access::Actor;
use spona_domain::access::WorkNeed;
use spona_domain::ids::InstitutionId;
use spona_domain::registry::{Institution, Team};
use spona_domain::trainings::{over_staff, OverStaff, Training, TrainingId};
use spona_domain::validation::{FieldError, FieldErrors};
use spona_store::institutions;
use spona_store::plans::PlanActivityChoice;
use spona_store::trainings::{self as store, Participant};
use std::collections::HashMap;

/// What a list of trainings asks for, as typed in the URL.
#[derive(Clone, Debug, Default, serde::Deserialize)]
pub struct TrainingQuery {
    #[serde(default)]
    pub q: String,
    pub page: Option<i64>,
}

/// The outcome of recording a training.
#[derive(Clone, Debug)]
pub enum Recorded {
    /// Saved under this id.
    Saved(TrainingId),
    /// Nothing saved: these institutions would have more participants than staff.
    Refused(Vec<Refusal>),
}

/// An institution over its staff number, with its names for the message.
#[derive(Clone, Debug)]
pub struct Refusal {
    pub institution: Institution,
    pub participants: i64,
    pub staff: i64,
}

/// A named participant with their institution.
#[derive(Clone, Debug)]
pub struct NamedLine {
    pub participant: Participant,
    pub institution: Option<Institution>,
}

/// One training with who attended.
#[derive(Clone, Debug)]
pub struct TrainingView {
    pub team: Team,
    pub training: Training,
    pub attendance: Vec<(Institution, i64)>,
    pub named: Vec<NamedLine>,
    /// The plan activity it carries out.
    pub plan_activity: Option<PlanActivityChoice>,
}

impl App {
    /// A page of the actor's team's trainings, newest first.
    pub async fn trainings(
        &self,
        actor: &Actor,
        q: &TrainingQuery,
    ) -> Result<(Team, Page<Training>), AppError> {
        let team = self.training_team(actor, WorkNeed::View).await?;
        let page = q.page.unwrap_or(1).clamp(1, 100_000);
        let query: String = q.q.chars().take(100).collect();
        let mut c = self.db.conn().await?;
        let list = store::list(
            &mut c,
            &team.scope,
            &query,
            PAGE_SIZE,
            (page - 1) * PAGE_SIZE,
        )
        .await?;
        Ok((team.into_team(), list))
    }

    /// The institutions that may be named in a new training, with their staff numbers.
    pub async fn training_choices(
        &self,
        actor: &Actor,
    ) -> Result<(Team, Vec<(Institution, Option<i64>)>), AppError> {
        let team = self.training_team(actor, WorkNeed::Record).await?;
        let mut c = self.db.conn().await?;
        let staff: HashMap<InstitutionId, i64> = store::staff(&mut c, &team.scope)
            .await?
            .into_iter()
            .collect();
        let list = institutions::list_active(&mut c, team.id)
            .await?
            .into_iter()
            .map(|i| {
                let s = staff.get(&i.id).copied();
                (i, s)
            })
            .collect();
        Ok((team.into_team(), list))
    }

    /// One training of the actor's team.
    pub async fn training(&self, actor: &Actor, id: TrainingId) -> Result<TrainingView, AppError> {
        let team = self.training_team(actor, WorkNeed::View).await?;
        let mut c = self.db.conn().await?;
        let training = store::find(&mut c, &team.scope, id)
            .await?
            .ok_or(AppError::NotFound)?;
        let counts = store::attendance(&mut c, id).await?;
        let mut all: HashMap<InstitutionId, Institution> = HashMap::new();
        for (i, _) in &counts {
            if let Some(found) = institutions::find(&mut c, team.id, *i).await? {
                all.insert(*i, found);
            }
        }
        let attendance = counts
            .into_iter()
            .filter_map(|(i, n)| all.get(&i).cloned().map(|i| (i, n)))
            .collect();
        let named = store::participants(&mut c, id)
            .await?
            .into_iter()
            .map(|p| NamedLine {
                institution: all.get(&InstitutionId(p.institution_id)).cloned(),
                participant: p,
            })
            .collect();
        let plan_activity =
            Self::linked_plan_activity(&mut c, &team.scope, training.plan_activity_id).await?;
        Ok(TrainingView {
            team: team.into_team(),
            training,
            attendance,
            named,
            plan_activity,
        })
    }

    /// Records a training of the actor's team. Refused, with nothing saved, when an
    /// institution would have more participants than its known staff.
    pub async fn record_training(
        &self,
        actor: &Actor,
        form: &TrainingForm,
    ) -> Result<Recorded, AppError> {
        let team = self.training_team(actor, WorkNeed::Record).await?;
        let draft = form.parse(self.today())?;
        let now = self.now();
        let mut tx = self.db.begin().await?;
        Self::check_plan_link(&mut tx, &team.scope, draft.plan_activity_id).await?;
        let active: HashMap<InstitutionId, Institution> =
            institutions::list_active(&mut tx, team.id)
                .await?
                .into_iter()
                .map(|i| (i.id, i))
                .collect();
        if draft
            .attendance
            .iter()
            .any(|a| !active.contains_key(&a.institution))
        {
            let mut e = FieldErrors::new();
            e.add("participants", FieldError::Unknown);
            return Err(AppError::Invalid(e));
        }
        let staff: HashMap<InstitutionId, i64> = store::staff(&mut tx, &team.scope)
            .await?
            .into_iter()
            .collect();
        let over = over_staff(&draft.attendance, |i| staff.get(&i).copied());
        if !over.is_empty() {
            return Ok(Recorded::Refused(
                over.into_iter()
                    .filter_map(
                        |OverStaff {
                             institution,
                             participants,
                             staff,
                         }| {
                            Some(Refusal {
                                institution: active.get(&institution)?.clone(),
                                participants,
                                staff,
                            })
                        },
                    )
                    .collect(),
            ));
        }
        let id = store::insert(&mut tx, &team.scope, &draft, actor.user_id, now).await?;
        for a in &draft.attendance {
            store::add_attendance(&mut tx, id, a.institution, a.participants).await?;
            for p in &a.names {
                let token: String = spona_crypto::tokens::new_token().chars().take(22).collect();
                store::add_participant(&mut tx, id, a.institution, p, &token).await?;
            }
        }
        self.audit(
            &mut tx,
            Author::of(actor),
            AuditEvent::about(Some(team.id), "training-recorded", "training", id.0),
        )
        .await?;
        tx.commit().await?;
        Ok(Recorded::Saved(id))
    }
}

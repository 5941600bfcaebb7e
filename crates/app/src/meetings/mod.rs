//! Team meetings: agenda, attendance by institution, minutes, decisions, and action items
//! with an owner institution and a deadline, followed up until done. Every team role keeps
//! them; other teams see nothing. The log of cooperation with the National Coordinator is
//! in [`cooperation`].

mod cooperation;
mod upcoming;

pub use cooperation::{CooperationForm, COOPERATION_KINDS};

use crate::audit::{AuditEvent, Author};
use crate::registry::PAGE_SIZE;
use crate::{App, AppError, Page};
use spona_domain::access::Actor;
use spona_domain::access::WorkNeed;
use spona_domain::ids::InstitutionId;
use spona_domain::text;
use spona_domain::validation::{FieldError, FieldErrors};
use spona_store::institutions;
use spona_store::meetings::{self, ActionRow, MeetingRow, NewMeeting};

/// A meeting as typed.
#[derive(Clone, Debug, Default, serde::Deserialize)]
#[serde(default)]
pub struct MeetingForm {
    pub held_on: String,
    pub place: String,
    pub agenda: String,
    /// Ids of the institutions present.
    pub present: Vec<String>,
}

/// Minutes and decisions as typed.
#[derive(Clone, Debug, Default, serde::Deserialize)]
#[serde(default)]
pub struct MinutesForm {
    pub minutes: String,
    pub decisions: String,
    pub version: i64,
}

/// An action item as typed.
#[derive(Clone, Debug, Default, serde::Deserialize)]
#[serde(default)]
pub struct ActionForm {
    pub task: String,
    pub owner: String,
    pub deadline: String,
}

/// The follow-up of a finished action item.
#[derive(Clone, Debug, Default, serde::Deserialize)]
#[serde(default)]
pub struct DoneForm {
    pub follow_up: String,
}

/// One meeting with what belongs to it.
#[derive(Clone, Debug)]
pub struct MeetingView {
    pub meeting: MeetingRow,
    /// Short names of the institutions present.
    pub present: Vec<String>,
    pub actions: Vec<ActionRow>,
}

impl App {
    /// A page of the team's meetings, the latest first.
    pub async fn meetings(&self, actor: &Actor, page: i64) -> Result<Page<MeetingRow>, AppError> {
        let scope = Self::work_team(actor, WorkNeed::View)?;
        let page = page.clamp(1, 10_000);
        let mut c = self.db.conn().await?;
        Ok(meetings::list(&mut c, &scope, PAGE_SIZE, (page - 1) * PAGE_SIZE).await?)
    }

    /// One meeting of the actor's team; another team's is "not found".
    pub async fn meeting(&self, actor: &Actor, id: i64) -> Result<MeetingView, AppError> {
        let scope = Self::work_team(actor, WorkNeed::View)?;
        let team = scope.team();
        let mut c = self.db.conn().await?;
        let meeting = meetings::find(&mut c, &scope, id)
            .await?
            .ok_or(AppError::NotFound)?;
        let present_ids = meetings::attendance(&mut c, id).await?;
        let names = institutions::list_active(&mut c, team).await?;
        let present = names
            .iter()
            .filter(|i| present_ids.contains(&i.id.0))
            .map(|i| i.short_name.clone())
            .collect();
        let actions = meetings::actions_of(&mut c, &scope, id).await?;
        Ok(MeetingView {
            meeting,
            present,
            actions,
        })
    }

    /// Records a meeting with its agenda and the institutions present.
    pub async fn record_meeting(&self, actor: &Actor, form: &MeetingForm) -> Result<i64, AppError> {
        let scope = Self::work_team(actor, WorkNeed::Record)?;
        let team = scope.team();
        let mut e = FieldErrors::new();
        let held_on = e.check("held_on", text::date(&form.held_on));
        let place = e.check("place", text::optional(&form.place, 200));
        let agenda = e.check("agenda", text::required(&form.agenda, 4000));
        let mut c = self.db.conn().await?;
        let team_institutions: Vec<i64> = institutions::list_active(&mut c, team)
            .await?
            .iter()
            .map(|i| i.id.0)
            .collect();
        drop(c);
        let mut present = Vec::new();
        for raw in &form.present {
            match raw.parse::<i64>() {
                Ok(id) if team_institutions.contains(&id) => {
                    if !present.contains(&InstitutionId(id)) {
                        present.push(InstitutionId(id));
                    }
                }
                _ => e.add("present", FieldError::Unknown),
            }
        }
        let (Some(held_on), Some(place), Some(agenda), true) =
            (held_on, place, agenda, e.is_empty())
        else {
            return Err(AppError::Invalid(e));
        };
        let mut tx = self.db.begin().await?;
        let id = meetings::insert(
            &mut tx,
            &NewMeeting {
                team: &scope,
                held_on: &text::iso_date(held_on),
                place: &place,
                agenda: &agenda,
                by: actor.user_id,
                at: self.now(),
            },
            &present,
        )
        .await?;
        let event = AuditEvent::about(Some(team), "meeting-recorded", "meeting", id);
        self.audit(&mut tx, Author::of(actor), event).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// Records the minutes and decisions of a meeting (a later save than the one read is
    /// told, not overwritten).
    pub async fn record_minutes(
        &self,
        actor: &Actor,
        id: i64,
        form: &MinutesForm,
    ) -> Result<(), AppError> {
        let scope = Self::work_team(actor, WorkNeed::Record)?;
        let team = scope.team();
        let mut e = FieldErrors::new();
        let minutes = e.check("minutes", text::optional(&form.minutes, 20_000));
        let decisions = e.check("decisions", text::optional(&form.decisions, 10_000));
        let (Some(minutes), Some(decisions)) = (minutes, decisions) else {
            return Err(AppError::Invalid(e));
        };
        let mut tx = self.db.begin().await?;
        meetings::find(&mut tx, &scope, id)
            .await?
            .ok_or(AppError::NotFound)?;
        meetings::record_minutes(
            &mut tx,
            &scope,
            id,
            form.version,
            &minutes,
            &decisions,
            self.now(),
        )
        .await
        .map_err(conflict)?;
        let event = AuditEvent::about(Some(team), "meeting-minutes", "meeting", id);
        self.audit(&mut tx, Author::of(actor), event).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Adds an action item: a task for a team institution, due on or after the meeting.
    pub async fn add_meeting_action(
        &self,
        actor: &Actor,
        meeting: i64,
        form: &ActionForm,
    ) -> Result<i64, AppError> {
        let scope = Self::work_team(actor, WorkNeed::Record)?;
        let team = scope.team();
        let mut c = self.db.conn().await?;
        let row = meetings::find(&mut c, &scope, meeting)
            .await?
            .ok_or(AppError::NotFound)?;
        let mut e = FieldErrors::new();
        let task = e.check("task", text::required(&form.task, 1000));
        let owner = match form.owner.parse::<i64>() {
            Ok(id) => institutions::find(&mut c, team, InstitutionId(id))
                .await?
                .map(|i| i.id),
            Err(_) => None,
        };
        drop(c);
        if owner.is_none() {
            e.add("owner", FieldError::Unknown);
        }
        let deadline = e.check("deadline", text::date(&form.deadline));
        if let (Some(d), Ok(held)) = (deadline, text::date(&row.held_on)) {
            if d < held {
                e.add("deadline", FieldError::DateOrder);
            }
        }
        let (Some(task), Some(owner), Some(deadline), true) = (task, owner, deadline, e.is_empty())
        else {
            return Err(AppError::Invalid(e));
        };
        let mut tx = self.db.begin().await?;
        let id = meetings::add_action(
            &mut tx,
            &scope,
            meeting,
            &task,
            owner,
            &text::iso_date(deadline),
        )
        .await?;
        let event = AuditEvent::about(Some(team), "meeting-action-added", "meeting", meeting);
        self.audit(&mut tx, Author::of(actor), event).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// Marks an action item done today, with its follow-up; returns its meeting.
    pub async fn complete_meeting_action(
        &self,
        actor: &Actor,
        id: i64,
        form: &DoneForm,
    ) -> Result<i64, AppError> {
        let scope = Self::work_team(actor, WorkNeed::Record)?;
        let team = scope.team();
        let mut e = FieldErrors::new();
        let Some(follow_up) = e.check("follow_up", text::optional(&form.follow_up, 2000)) else {
            return Err(AppError::Invalid(e));
        };
        let mut tx = self.db.begin().await?;
        let today = text::iso_date(self.today());
        let meeting = match meetings::complete_action(&mut tx, &scope, id, &today, &follow_up).await
        {
            Ok(m) => m,
            Err(spona_store::StoreError::Conflict) => return Err(AppError::NotFound),
            Err(other) => return Err(other.into()),
        };
        let event = AuditEvent::about(Some(team), "meeting-action-done", "meeting", meeting);
        self.audit(&mut tx, Author::of(actor), event).await?;
        tx.commit().await?;
        Ok(meeting)
    }

    /// The team's open action items past their deadline (for the dashboard).
    pub async fn overdue_meeting_actions(&self, actor: &Actor) -> Result<Vec<ActionRow>, AppError> {
        let scope = Self::work_team(actor, WorkNeed::View)?;
        let mut c = self.db.conn().await?;
        let today = text::iso_date(self.today());
        Ok(meetings::overdue_actions(&mut c, &scope, &today, 20).await?)
    }
}

/// A stale version is a conflict the user is told about.
fn conflict(e: spona_store::StoreError) -> AppError {
    match e {
        spona_store::StoreError::Conflict => AppError::Conflict,
        other => other.into(),
    }
}

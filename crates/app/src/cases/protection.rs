//! Protection and services: services by type with provider, dates and status; the recovery
//! and reflection period (at least 30 days, by default the 90 cited for Serbian practice) with
//! a reminder before it ends; follow-ups; notes seen only by the writer's institution unless
//! shared with everyone working on the case.

use super::access_to;
use super::parts::{open_at, seal_at};
use crate::audit::{AuditEvent, Author};
use crate::{App, AppError};
use serde::{Deserialize, Serialize};
use spona_crypto::fields::Place;
use spona_domain::access::Actor;
use spona_domain::access::TeamCases;
use spona_domain::cases::{CaseAccess, CaseId, ServiceId, ServiceStatus, ServiceType};
use spona_domain::text;
use spona_domain::validation::{FieldError, FieldErrors};
use spona_store::cases::CaseRow;
use spona_store::referrals;
use spona_store::services::{self, NewNote, NewService};

/// The shortest recovery and reflection period (Council of Europe Convention, art. 13).
pub const RECOVERY_MIN_DAYS: i64 = 30;
/// The default length, as cited for Serbian practice (to be confirmed per deployment).
pub const RECOVERY_DEFAULT_DAYS: i64 = 90;
/// How many days before its end the owner is reminded.
pub const RECOVERY_REMIND_DAYS: i64 = 7;

/// A service as typed.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct ServiceForm {
    pub service_type: String,
    pub provider: String,
    pub starts_on: String,
    pub ends_on: String,
    pub status: String,
}

/// A note as typed.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct NoteForm {
    pub text: String,
    pub shared: Option<String>,
}

/// The recovery period as typed.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct RecoveryForm {
    pub starts_on: String,
    pub days: String,
}

/// A follow-up as typed.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct FollowUpForm {
    pub due_on: String,
    pub note: String,
}

/// A service on the case page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ServiceView {
    pub id: ServiceId,
    pub service_type: String,
    pub provider: String,
    pub starts_on: String,
    pub ends_on: Option<String>,
    pub status: String,
    pub version: i64,
}

/// A note on the case page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NoteView {
    pub text: String,
    pub shared: bool,
    pub created_at: i64,
}

/// A sealed free text (notes, follow-ups).
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub(crate) struct SealedText {
    pub(crate) text: String,
}

fn note_place(case_id: CaseId) -> Place<'static> {
    Place {
        table: "case_notes",
        column: "sealed",
        row: case_id.0,
    }
}

/// The place of a follow-up's sealed note.
pub(crate) fn follow_up_place(case_id: CaseId) -> Place<'static> {
    Place {
        table: "case_tasks",
        column: "sealed",
        row: case_id.0,
    }
}

fn checked(v: &Option<String>) -> bool {
    matches!(v.as_deref(), Some("on" | "true" | "1" | "yes"))
}

impl App {
    /// The case and the actor's access, for the protection operations: anyone working on the
    /// case (the owner, or an institution it was referred to) may record services and notes.
    pub(crate) async fn working_case(
        &self,
        tx: &mut spona_store::Connection,
        actor: &Actor,
        case_id: CaseId,
    ) -> Result<(TeamCases, CaseRow, CaseAccess), AppError> {
        let (desk, row) = super::case_desk(tx, actor, case_id).await?;
        // Inside the team, a role without the cases section is refused as such.
        spona_domain::access::cases_section(actor)?;
        let access = access_to(actor, &row, &referrals::for_case(tx, &desk, case_id).await?);
        match access {
            CaseAccess::Full | CaseAccess::Shared(_) => Ok((desk, row, access)),
            CaseAccess::Existence | CaseAccess::Emergency | CaseAccess::Kept => {
                Err(AppError::Forbidden)
            }
            CaseAccess::None => Err(AppError::NotFound),
        }
    }

    /// Records a service for the person.
    pub async fn add_service(
        &self,
        actor: &Actor,
        case_id: CaseId,
        form: &ServiceForm,
    ) -> Result<ServiceId, AppError> {
        // Access is decided (in the transaction) before the input is judged.
        let mut tx = self.db.begin().await?;
        let (desk, _, _) = self.working_case(&mut tx, actor, case_id).await?;
        let team_id = desk.team();
        let mut e = FieldErrors::new();
        let kind = e.check(
            "service_type",
            ServiceType::from_code(&form.service_type).ok_or(FieldError::Unknown),
        );
        let status = e.check(
            "status",
            ServiceStatus::from_code(&form.status).ok_or(FieldError::Unknown),
        );
        let provider = e.check("provider", text::required(&form.provider, 200));
        let starts = e.check("starts_on", text::date(&form.starts_on));
        let ends = e.check("ends_on", text::optional_date(&form.ends_on));
        if let (Some(s), Some(Some(end))) = (starts, ends) {
            if end < s {
                e.add("ends_on", FieldError::DateOrder);
            }
        }
        let (Some(kind), Some(status), Some(provider), Some(starts), Some(ends), true) =
            (kind, status, provider, starts, ends, e.is_empty())
        else {
            return Err(AppError::Invalid(e));
        };
        let now = self.now();
        let institution = actor.institution_id.ok_or(AppError::Forbidden)?;
        let ends = ends.map(text::iso_date);
        let id = services::insert(
            &mut tx,
            &NewService {
                team: desk,
                case_id,
                institution,
                service_type: kind.code(),
                provider: &provider,
                starts_on: &text::iso_date(starts),
                ends_on: ends.as_deref(),
                status: status.code(),
                by: actor.user_id,
                at: now,
            },
        )
        .await?;
        let event = AuditEvent::about(Some(team_id), "service-added", "case", case_id.0);
        self.audit(&mut tx, Author::of(actor), event).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// Changes a service's status; an edit conflict is refused.
    pub async fn set_service_status(
        &self,
        actor: &Actor,
        case_id: CaseId,
        service_id: ServiceId,
        status: &str,
        version: i64,
    ) -> Result<(), AppError> {
        // Access is decided (in the transaction) before the input is judged.
        let mut tx = self.db.begin().await?;
        let (desk, _, _) = self.working_case(&mut tx, actor, case_id).await?;
        let team_id = desk.team();
        let status = ServiceStatus::from_code(status).ok_or_else(|| {
            let mut e = FieldErrors::new();
            e.add("status", FieldError::Unknown);
            AppError::Invalid(e)
        })?;
        let ended = (!status.is_open()).then(|| text::iso_date(self.today()));
        services::set_status(
            &mut tx,
            &desk,
            case_id,
            service_id,
            version,
            status.code(),
            ended.as_deref(),
        )
        .await?;
        let event = AuditEvent::about(Some(team_id), "service-changed", "case", case_id.0);
        self.audit(&mut tx, Author::of(actor), event).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Sets the recovery and reflection period (the owning institution only).
    pub async fn set_recovery_period(
        &self,
        actor: &Actor,
        case_id: CaseId,
        form: &RecoveryForm,
    ) -> Result<(), AppError> {
        // Access is decided (in the transaction) before the input is judged.
        let mut tx = self.db.begin().await?;
        let (desk, _, access) = self.working_case(&mut tx, actor, case_id).await?;
        let team_id = desk.team();
        let mut e = FieldErrors::new();
        let starts = e.check("starts_on", text::date(&form.starts_on));
        let days = if form.days.trim().is_empty() {
            Some(RECOVERY_DEFAULT_DAYS)
        } else {
            e.check(
                "days",
                form.days
                    .trim()
                    .parse::<i64>()
                    .ok()
                    .filter(|d| (RECOVERY_MIN_DAYS..=365).contains(d))
                    .ok_or(FieldError::Invalid),
            )
        };
        let (Some(starts), Some(days)) = (starts, days) else {
            return Err(AppError::Invalid(e));
        };
        let ends = starts.saturating_add(time::Duration::days(days));
        if !access.works_on() {
            return Err(AppError::Forbidden);
        }
        services::set_recovery(
            &mut tx,
            &desk,
            case_id,
            &text::iso_date(starts),
            &text::iso_date(ends),
        )
        .await?;
        let event = AuditEvent::about(Some(team_id), "recovery-period-set", "case", case_id.0);
        self.audit(&mut tx, Author::of(actor), event).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Adds a note, sealed; `shared` shows it to every institution working on the case.
    pub async fn add_note(
        &self,
        actor: &Actor,
        case_id: CaseId,
        form: &NoteForm,
    ) -> Result<(), AppError> {
        // Access is decided (in the transaction) before the input is judged.
        let mut tx = self.db.begin().await?;
        let (desk, row, _) = self.working_case(&mut tx, actor, case_id).await?;
        let team_id = desk.team();
        let text = text::required(&form.text, 4000).map_err(|err| {
            let mut e = FieldErrors::new();
            e.add("text", err);
            AppError::Invalid(e)
        })?;
        let now = self.now();
        let institution = actor.institution_id.ok_or(AppError::Forbidden)?;
        let key = self.case_key(case_id, &row.data_key)?;
        let sealed = seal_at(&key, note_place(case_id), &SealedText { text })?;
        services::add_note(
            &mut tx,
            &NewNote {
                team: desk,
                case_id,
                institution,
                sealed: &sealed,
                shared: checked(&form.shared),
                by: actor.user_id,
                at: now,
            },
        )
        .await?;
        let event = AuditEvent::about(Some(team_id), "note-added", "case", case_id.0);
        self.audit(&mut tx, Author::of(actor), event).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Adds a follow-up due on a date.
    pub async fn add_follow_up(
        &self,
        actor: &Actor,
        case_id: CaseId,
        form: &FollowUpForm,
    ) -> Result<(), AppError> {
        // Access is decided (in the transaction) before the input is judged.
        let mut tx = self.db.begin().await?;
        let (desk, row, _) = self.working_case(&mut tx, actor, case_id).await?;
        let team_id = desk.team();
        let mut e = FieldErrors::new();
        let due = e.check("due_on", text::date(&form.due_on));
        let note = e.check("note", text::required(&form.note, 1000));
        let (Some(due), Some(note)) = (due, note) else {
            return Err(AppError::Invalid(e));
        };
        let now = self.now();
        let institution = actor.institution_id.ok_or(AppError::Forbidden)?;
        let key = self.case_key(case_id, &row.data_key)?;
        let sealed = seal_at(&key, follow_up_place(case_id), &SealedText { text: note })?;
        services::add_follow_up(
            &mut tx,
            &desk,
            case_id,
            institution,
            &text::iso_date(due),
            &sealed,
            now,
        )
        .await?;
        let event = AuditEvent::about(Some(team_id), "follow-up-added", "case", case_id.0);
        self.audit(&mut tx, Author::of(actor), event).await?;
        tx.commit().await?;
        Ok(())
    }

    /// The services, notes and recovery period of a case for a reader who may see them.
    pub(crate) async fn protection_of(
        &self,
        c: &mut spona_store::Connection,
        actor: &Actor,
        team: &TeamCases,
        row: &CaseRow,
    ) -> Result<(Vec<ServiceView>, Vec<NoteView>, Option<(String, String)>), AppError> {
        let services = services::for_case(c, team, row.id)
            .await?
            .into_iter()
            .map(|s| ServiceView {
                id: s.id,
                service_type: s.service_type,
                provider: s.provider,
                starts_on: s.starts_on,
                ends_on: s.ends_on,
                status: s.status,
                version: s.version,
            })
            .collect();
        let mut notes = Vec::new();
        if let Some(institution) = actor.institution_id {
            let rows = services::notes_for(c, team, row.id, institution).await?;
            if !rows.is_empty() {
                let key = self.case_key(row.id, &row.data_key)?;
                for n in rows {
                    let s: SealedText = open_at(&key, note_place(row.id), &n.sealed)?;
                    notes.push(NoteView {
                        text: s.text,
                        shared: n.shared != 0,
                        created_at: n.created_at,
                    });
                }
            }
        }
        let recovery = services::recovery(c, team, row.id).await?;
        Ok((services, notes, recovery))
    }
}

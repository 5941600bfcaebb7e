//! Protection of the person, as recorded by those working on the case: services and their
//! status, the recovery and reflection period, follow-ups, notes, and the proceedings track.

use super::panels::{ProceedingsPost, Refused};
use super::show;
use crate::shell::errors::WebError;
use crate::shell::form::{Errors, ValidForm};
use crate::shell::viewer::Signed;
use crate::WebState;
use axum::extract::{Path, State};
use axum::response::Response;
use serde::Deserialize;
use spona_app::cases::{FollowUpForm, NoteForm, RecoveryForm, ServiceForm};
use spona_app::AppError;
use spona_domain::cases::{CaseId, ServiceId, TaskId};
use spona_domain::validation::FieldError;

/// A service's new status as posted by its row's form.
#[derive(Deserialize)]
pub struct StatusPost {
    #[serde(default)]
    status: String,
    #[serde(default)]
    version: i64,
}

/// `POST /cases/{id}/services`.
pub async fn add_service(
    State(state): State<WebState>,
    s: Signed,
    Path(id): Path<CaseId>,
    ValidForm(form): ValidForm<ServiceForm>,
) -> Result<Response, WebError> {
    match state.app.add_service(s.actor(), id, &form).await {
        Ok(_) => Ok(show::saved(id, "service", "services-h")),
        Err(AppError::Invalid(e)) => {
            let errors = Errors::from_fields(&s.viewer.tr, &e);
            show::refused(&state, &s, id, Refused::Service(form, errors)).await
        }
        Err(e) => Err(e.into()),
    }
}

/// `POST /cases/{id}/services/{service}/status`.
pub async fn service_status(
    State(state): State<WebState>,
    s: Signed,
    Path((id, service)): Path<(CaseId, ServiceId)>,
    ValidForm(f): ValidForm<StatusPost>,
) -> Result<Response, WebError> {
    match state
        .app
        .set_service_status(s.actor(), id, service, &f.status, f.version)
        .await
    {
        Ok(()) => Ok(show::saved(id, "service-status", "services-h")),
        Err(AppError::Invalid(e)) => {
            let errors = Errors::from_fields(&s.viewer.tr, &e);
            show::refused(&state, &s, id, Refused::ServiceStatus(service, errors)).await
        }
        Err(AppError::Conflict) => show::conflict(&state, &s, id, "services-h").await,
        Err(e) => Err(e.into()),
    }
}

/// `POST /cases/{id}/recovery`.
pub async fn recovery(
    State(state): State<WebState>,
    s: Signed,
    Path(id): Path<CaseId>,
    ValidForm(form): ValidForm<RecoveryForm>,
) -> Result<Response, WebError> {
    match state.app.set_recovery_period(s.actor(), id, &form).await {
        Ok(()) => Ok(show::saved(id, "recovery", "recovery-h")),
        Err(AppError::Invalid(e)) => {
            let errors = Errors::explained(&s.viewer.tr, &e, |field, err| match (field, err) {
                ("days", FieldError::Invalid) => Some("recovery-days-invalid"),
                _ => None,
            });
            show::refused(&state, &s, id, Refused::Recovery(form, errors)).await
        }
        Err(e) => Err(e.into()),
    }
}

/// `POST /cases/{id}/follow-ups`.
pub async fn follow_up(
    State(state): State<WebState>,
    s: Signed,
    Path(id): Path<CaseId>,
    ValidForm(form): ValidForm<FollowUpForm>,
) -> Result<Response, WebError> {
    match state.app.add_follow_up(s.actor(), id, &form).await {
        Ok(()) => Ok(show::saved(id, "follow-up", "follow-ups-h")),
        Err(AppError::Invalid(e)) => {
            let errors = Errors::from_fields(&s.viewer.tr, &e);
            show::refused(&state, &s, id, Refused::FollowUp(form, errors)).await
        }
        Err(e) => Err(e.into()),
    }
}

/// `POST /cases/{id}/notes`.
pub async fn note(
    State(state): State<WebState>,
    s: Signed,
    Path(id): Path<CaseId>,
    ValidForm(form): ValidForm<NoteForm>,
) -> Result<Response, WebError> {
    match state.app.add_note(s.actor(), id, &form).await {
        Ok(()) => Ok(show::saved(id, "note", "notes-h")),
        Err(AppError::Invalid(e)) => {
            let errors = Errors::from_fields(&s.viewer.tr, &e);
            show::refused(&state, &s, id, Refused::Note(form, errors)).await
        }
        Err(e) => Err(e.into()),
    }
}

/// `POST /cases/{id}/proceedings`.
pub async fn proceedings(
    State(state): State<WebState>,
    s: Signed,
    Path(id): Path<CaseId>,
    ValidForm(post): ValidForm<ProceedingsPost>,
) -> Result<Response, WebError> {
    match state
        .app
        .move_proceedings(s.actor(), id, &post.stage, &post.correction, post.version)
        .await
    {
        Ok(_) => Ok(show::saved(id, "proceedings", "proceedings-h")),
        Err(AppError::Invalid(e)) => {
            let errors = Errors::explained(&s.viewer.tr, &e, |field, err| match (field, err) {
                // Not forward, or a correction that does not go back.
                ("stage", FieldError::Invalid) => Some("proceedings-stage-invalid"),
                _ => None,
            });
            show::refused(&state, &s, id, Refused::Proceedings(post, errors)).await
        }
        Err(AppError::Conflict) => show::conflict(&state, &s, id, "proceedings-h").await,
        Err(e) => Err(e.into()),
    }
}

/// `POST /cases/{id}/tasks/{task}/done`: a follow-up, or the protocol's task of the Centre,
/// marked done; back to the case at the tasks.
pub async fn task_done(
    State(state): State<WebState>,
    s: Signed,
    Path((id, task)): Path<(CaseId, TaskId)>,
    ValidForm(_): ValidForm<serde::de::IgnoredAny>,
) -> Result<Response, WebError> {
    let follow_up = state.app.complete_task(s.actor(), id, task).await?;
    let section = if follow_up { "follow-ups-h" } else { "tasks-h" };
    Ok(show::saved(id, "task", section))
}

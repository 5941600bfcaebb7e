//! The owner gives the team coordinator access to a case, or takes it away.

use crate::shell::errors::WebError;
use crate::shell::form::ValidForm;
use crate::shell::viewer::Signed;
use crate::WebState;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use spona_domain::cases::CaseId;

/// The coordinator chosen.
#[derive(Deserialize)]
pub struct AssignForm {
    #[serde(default)]
    user: i64,
}

/// `POST /cases/{id}/assignments`.
pub async fn assign(
    State(state): State<WebState>,
    s: Signed,
    Path(id): Path<CaseId>,
    ValidForm(f): ValidForm<AssignForm>,
) -> Result<Response, WebError> {
    state.app.assign_coordinator(s.actor(), id, f.user).await?;
    Ok(Redirect::to(&format!("/cases/{id}?saved=assignment")).into_response())
}

/// `POST /cases/{id}/assignments/{user}/remove`.
pub async fn unassign(
    State(state): State<WebState>,
    s: Signed,
    Path((id, user)): Path<(CaseId, i64)>,
    ValidForm(_): ValidForm<serde::de::IgnoredAny>,
) -> Result<Response, WebError> {
    state.app.unassign_coordinator(s.actor(), id, user).await?;
    Ok(Redirect::to(&format!("/cases/{id}?saved=assignment")).into_response())
}

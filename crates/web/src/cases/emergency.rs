//! Breaking the glass from the case list: a case worker who must act at once names the case by
//! its code and writes why. The case page then says until when the access lasts and that it
//! was recorded and told to the owning institution. Children's cases cannot be opened so.

use super::list::{self, EmergencyPanel};
use crate::shell::confirmed::Confirmed;
use crate::shell::errors::WebError;
use crate::shell::form::{Errors, ValidForm};
use crate::shell::tr::Tr;
use crate::WebState;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use spona_app::AppError;
use spona_domain::validation::{FieldError, FieldErrors};

/// The emergency form as posted.
#[derive(Deserialize)]
pub struct EmergencyPost {
    #[serde(default)]
    code: String,
    #[serde(default)]
    reason: String,
}

/// `POST /cases/emergency`.
pub async fn open(
    State(state): State<WebState>,
    s: Confirmed,
    ValidForm(f): ValidForm<EmergencyPost>,
) -> Result<Response, WebError> {
    let tr = &s.viewer.tr;
    let (errors, status) = match state
        .app
        .break_glass_by_code(s.actor(), &f.code, &f.reason)
        .await
    {
        Ok(case) => return Ok(Redirect::to(&format!("/cases/{case}")).into_response()),
        Err(AppError::Invalid(e)) => {
            let errors = Errors::explained(tr, &e, |field, err| match (field, err) {
                ("code", FieldError::Invalid) => Some("emergency-code-invalid"),
                ("reason", FieldError::Required) => Some("emergency-reason-required"),
                _ => None,
            });
            (errors, StatusCode::UNPROCESSABLE_ENTITY)
        }
        // Only a case worker of the team gets this far: no such case in the team.
        Err(AppError::NotFound) if list::works_on_cases(&s) => {
            (at_code(tr, "emergency-code-unknown"), StatusCode::NOT_FOUND)
        }
        // A case worker of the team is refused only a protected person's case.
        Err(AppError::Forbidden) if list::works_on_cases(&s) => {
            (at_code(tr, "emergency-protected"), StatusCode::FORBIDDEN)
        }
        Err(e) => return Err(e.into()),
    };
    let panel = EmergencyPanel {
        code: f.code,
        reason: f.reason,
        errors,
    };
    list::again(&state, &s, panel, status).await
}

/// The message `id` at the code field.
fn at_code(tr: &Tr, id: &'static str) -> Errors {
    let mut e = FieldErrors::new();
    e.add("code", FieldError::Invalid);
    Errors::explained(tr, &e, |_, _| Some(id))
}

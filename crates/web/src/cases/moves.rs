//! What the owning institution does to its case: the next step in the referral mechanism, and
//! referring the case to another institution with only the parts it needs.

use super::show::{self, Trouble};
use crate::shell::errors::WebError;
use crate::shell::form::{Errors, ValidForm};
use crate::shell::viewer::Signed;
use crate::WebState;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use spona_app::cases::ReferralForm;
use spona_app::AppError;
use spona_domain::cases::CaseId;
use spona_domain::validation::FieldError;

/// A step as posted by its button.
#[derive(Deserialize)]
pub struct StepForm {
    #[serde(default)]
    transition: String,
    #[serde(default)]
    version: i64,
    /// `yes` from the confirmation of closing, after what is still open was shown.
    #[serde(default)]
    confirm: String,
}

/// `POST /cases/{id}/transition`.
pub async fn transition(
    State(state): State<WebState>,
    s: Signed,
    Path(id): Path<CaseId>,
    ValidForm(f): ValidForm<StepForm>,
) -> Result<Response, WebError> {
    let tr = &s.viewer.tr;
    match state
        .app
        .transition_case(s.actor(), id, &f.transition, f.version, f.confirm == "yes")
        .await
    {
        // The step's form posts to the page at its section; the notice is at the top.
        Ok(_) => Ok(Redirect::to(&format!("/cases/{id}?moved=1#top")).into_response()),
        Err(AppError::Invalid(e)) if e.iter().any(|(field, _)| *field == "confirm") => {
            // A close that was not confirmed: the confirmation, with what is still open.
            let trouble = Trouble {
                closing: Some(true),
                ..Trouble::default()
            };
            show::again(&state, &s, id, trouble, StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(AppError::Invalid(_)) => {
            let trouble = Trouble {
                alert: Some(tr.t("case-transition-invalid")),
                ..Trouble::default()
            };
            show::again(&state, &s, id, trouble, StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(AppError::Conflict) => {
            let trouble = Trouble {
                alert: Some(tr.t("case-conflict")),
                ..Trouble::default()
            };
            show::again(&state, &s, id, trouble, StatusCode::CONFLICT).await
        }
        Err(e) => Err(e.into()),
    }
}

/// `POST /cases/{id}/referrals`.
pub async fn refer(
    State(state): State<WebState>,
    s: Signed,
    Path(id): Path<CaseId>,
    ValidForm(form): ValidForm<ReferralForm>,
) -> Result<Response, WebError> {
    match state.app.refer_case(s.actor(), id, &form).await {
        // The referral's number (never its purpose) names it in the address.
        Ok(referral) => {
            Ok(Redirect::to(&format!("/cases/{id}?referred={referral}#top")).into_response())
        }
        Err(AppError::Invalid(e)) => {
            let errors = Errors::explained(&s.viewer.tr, &e, |field, err| match (field, err) {
                ("parts", FieldError::Required) => Some("referral-parts-required"),
                ("override_reason", FieldError::Required) => Some("referral-override-required"),
                _ => None,
            });
            let trouble = Trouble {
                refer: Some((form, errors)),
                ..Trouble::default()
            };
            show::again(&state, &s, id, trouble, StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(e) => Err(e.into()),
    }
}

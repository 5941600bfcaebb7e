//! The guardian of a child or of a person deprived of legal capacity, and consent: who gave
//! it, what was explained, what may go to whom, and its withdrawal. Sharing follows it.

use super::panels::Refused;
use super::show;
use crate::shell::errors::WebError;
use crate::shell::form::{Errors, ValidForm};
use crate::shell::viewer::Signed;
use crate::WebState;
use axum::extract::{Path, State};
use axum::response::Response;
use spona_app::cases::{ConsentForm, GuardianForm};
use spona_app::AppError;
use spona_domain::cases::{CaseId, ConsentId};
use spona_domain::validation::FieldError;

/// `POST /cases/{id}/guardians`.
pub async fn guardian(
    State(state): State<WebState>,
    s: Signed,
    Path(id): Path<CaseId>,
    ValidForm(form): ValidForm<GuardianForm>,
) -> Result<Response, WebError> {
    match state.app.record_guardian(s.actor(), id, &form).await {
        Ok(()) => Ok(show::saved(id, "guardian", "guardians-h")),
        Err(AppError::Invalid(e)) => {
            let errors = Errors::from_fields(&s.viewer.tr, &e);
            show::refused(&state, &s, id, Refused::Guardian(form, errors)).await
        }
        Err(e) => Err(e.into()),
    }
}

/// `POST /cases/{id}/consents`.
pub async fn consent(
    State(state): State<WebState>,
    s: Signed,
    Path(id): Path<CaseId>,
    ValidForm(form): ValidForm<ConsentForm>,
) -> Result<Response, WebError> {
    match state.app.record_consent(s.actor(), id, &form).await {
        Ok(_) => Ok(show::saved(id, "consent", "consent-h")),
        Err(AppError::Invalid(e)) => {
            let errors = Errors::explained(&s.viewer.tr, &e, |field, err| match (field, err) {
                // Not the one who must give it (a child's own consent does not count).
                ("given_by", FieldError::Invalid) => Some("consent-given-by-wrong"),
                // The guardian must give it, and none is recorded yet.
                ("given_by", FieldError::Required) => Some("consent-guardian-first"),
                ("parts", FieldError::Required) => Some("consent-parts-required"),
                ("institutions", FieldError::Required) => Some("consent-institutions-required"),
                _ => None,
            });
            show::refused(&state, &s, id, Refused::Consent(form, errors)).await
        }
        Err(e) => Err(e.into()),
    }
}

/// `POST /cases/{id}/consents/{consent}/withdraw`.
pub async fn withdraw(
    State(state): State<WebState>,
    s: Signed,
    Path((id, consent)): Path<(CaseId, ConsentId)>,
    ValidForm(_): ValidForm<serde::de::IgnoredAny>,
) -> Result<Response, WebError> {
    state.app.withdraw_consent(s.actor(), id, consent).await?;
    Ok(show::saved(id, "consent-withdrawn", "consent-h"))
}

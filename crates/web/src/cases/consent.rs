//! The guardian of a child or of a person deprived of legal capacity, and consent: who gave
//! it, what was explained, what may go to whom, and its withdrawal. Sharing follows it.

use super::panels::Refused;
use super::show;
use crate::shell::errors::WebError;
use crate::shell::form::{Errors, ValidForm};
use crate::shell::viewer::Signed;
use crate::WebState;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde::Deserialize;
use spona_app::cases::{ConsentForm, GuardianForm, ReferralForm};
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

/// A consent as posted, with the referral the owner had begun when it was refused for want
/// of this consent (carried as hidden fields, so that nothing typed is lost and no personal
/// data goes into an address).
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct ConsentPost {
    pub given_by: String,
    pub explained: String,
    pub parts: Vec<String>,
    pub institutions: Vec<String>,
    pub given_on: String,
    pub referral_to: String,
    pub referral_purpose: String,
    pub referral_parts: Vec<String>,
    pub referral_urgency: String,
}

impl ConsentPost {
    fn consent(&self) -> ConsentForm {
        ConsentForm {
            given_by: self.given_by.clone(),
            explained: self.explained.clone(),
            parts: self.parts.clone(),
            institutions: self.institutions.clone(),
            given_on: self.given_on.clone(),
        }
    }

    /// The referral draft it carries, if any.
    fn draft(&self) -> Option<ReferralForm> {
        let empty = self.referral_to.trim().is_empty()
            && self.referral_purpose.trim().is_empty()
            && self.referral_parts.is_empty();
        (!empty).then(|| ReferralForm {
            to_institution: self.referral_to.clone(),
            purpose: self.referral_purpose.clone(),
            parts: self.referral_parts.clone(),
            urgency: self.referral_urgency.clone(),
            override_reason: String::new(),
        })
    }
}

/// `POST /cases/{id}/consents`. With a referral draft, the saved consent leads back to the
/// referral form filled as it was typed (the page is shown at it, since the draft cannot
/// travel in a redirect); without one, back to the consents.
pub async fn consent(
    State(state): State<WebState>,
    s: Signed,
    Path(id): Path<CaseId>,
    ValidForm(post): ValidForm<ConsentPost>,
) -> Result<Response, WebError> {
    let form = post.consent();
    let draft = post.draft();
    match state.app.record_consent(s.actor(), id, &form).await {
        Ok(_) => match draft {
            None => Ok(show::saved(id, "consent", "consent-h")),
            Some(draft) => show::with_draft(&state, &s, id, draft).await,
        },
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
            let trouble = show::Trouble {
                refused: Some(Refused::Consent(form, errors)),
                draft,
                ..show::Trouble::default()
            };
            show::again(&state, &s, id, trouble, StatusCode::UNPROCESSABLE_ENTITY).await
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

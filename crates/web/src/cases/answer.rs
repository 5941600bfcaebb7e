//! The receiver's answer to a referral: accept, decline with a reason, or complete. The
//! answer comes back to the page it was given on: the case, or the inbox.

use super::inbox;
use super::referrals::AnswerTrouble;
use super::show::{self, Trouble};
use crate::shell::errors::WebError;
use crate::shell::form::ValidForm;
use crate::shell::viewer::Signed;
use crate::WebState;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use spona_app::cases::{AnswerForm, MessageForm};
use spona_app::AppError;
use spona_domain::cases::{CaseId, ReferralId};

/// An answer as posted: the app's form, and the case page it was given on, if any.
#[derive(Deserialize)]
pub struct AnswerPost {
    #[serde(default)]
    action: String,
    #[serde(default)]
    reason: String,
    #[serde(default)]
    version: i64,
    #[serde(default)]
    decision: String,
    #[serde(default)]
    decided_on: String,
    #[serde(default)]
    case: Option<CaseId>,
}

/// `POST /referrals/{id}/answer`.
pub async fn answer(
    State(state): State<WebState>,
    s: Signed,
    Path(id): Path<ReferralId>,
    ValidForm(f): ValidForm<AnswerPost>,
) -> Result<Response, WebError> {
    let form = AnswerForm {
        action: f.action.clone(),
        reason: f.reason.clone(),
        version: f.version,
        decision: f.decision.clone(),
        decided_on: f.decided_on.clone(),
    };
    let tr = &s.viewer.tr;
    let trouble = match state.app.answer_referral(s.actor(), id, &form).await {
        Ok(()) => {
            // A declined referral no longer opens its case to the receiver: back to the inbox.
            let to = match f.case {
                Some(case) if f.action != "decline" => format!("/cases/{case}?answered=1"),
                _ => "/inbox?answered=1".to_string(),
            };
            return Ok(Redirect::to(&to).into_response());
        }
        Err(AppError::Invalid(e)) => (
            AnswerTrouble::new(tr, id, f.reason, &e).with_decision(f.decision, f.decided_on),
            None,
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
        Err(AppError::Conflict) => (
            AnswerTrouble::new(tr, id, f.reason, &Default::default()),
            Some(tr.t("case-conflict")),
            StatusCode::CONFLICT,
        ),
        Err(e) => return Err(e.into()),
    };
    let (answer, alert, status) = trouble;
    match f.case {
        Some(case) => {
            let trouble = Trouble {
                alert,
                answer: Some(answer),
                ..Trouble::default()
            };
            show::again(&state, &s, case, trouble, status).await
        }
        None => inbox::again(&state, &s, answer, alert, status).await,
    }
}

/// A message as posted: the app's form, and the case page it was written on.
#[derive(Deserialize)]
pub struct MessagePost {
    #[serde(default)]
    kind: String,
    #[serde(default)]
    text: String,
    #[serde(default)]
    case: Option<CaseId>,
}

/// `POST /referrals/{id}/messages`: a question, an answer or the Centre's plan, written on
/// the case page; it comes back to it.
pub async fn message(
    State(state): State<WebState>,
    s: Signed,
    Path(id): Path<ReferralId>,
    ValidForm(f): ValidForm<MessagePost>,
) -> Result<Response, WebError> {
    let form = MessageForm {
        kind: f.kind,
        text: f.text,
    };
    match state.app.write_on_referral(s.actor(), id, &form).await {
        Ok(case) => {
            Ok(Redirect::to(&format!("/cases/{case}?written=1#referral-{id}-h")).into_response())
        }
        Err(AppError::Invalid(e)) => {
            let tr = &s.viewer.tr;
            let alert = if e.get("text").is_some() {
                tr.t("referral-message-text-needed")
            } else {
                tr.t("referral-message-not-now")
            };
            match f.case {
                Some(case) => {
                    let trouble = Trouble {
                        alert: Some(alert),
                        alert_at: Some("referrals-h"),
                        ..Trouble::default()
                    };
                    show::again(&state, &s, case, trouble, StatusCode::UNPROCESSABLE_ENTITY).await
                }
                None => Ok((StatusCode::UNPROCESSABLE_ENTITY, alert).into_response()),
            }
        }
        Err(e) => Err(e.into()),
    }
}

//! Transfer of a case: the owner offers it and may withdraw the offer; the receiver accepts
//! or declines it from its inbox.

use super::inbox;
use super::show::{self, Trouble};
use super::transfer_panel::OfferTrouble;
use crate::shell::errors::WebError;
use crate::shell::form::{Errors, ValidForm};
use crate::shell::viewer::Signed;
use crate::WebState;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use spona_app::cases::{TransferAnswerForm, TransferForm};
use spona_app::AppError;
use spona_domain::cases::{CaseId, TransferId};
use spona_domain::validation::FieldError;

/// `POST /cases/{id}/transfers`: the owner offers the case.
pub async fn offer(
    State(state): State<WebState>,
    s: Signed,
    Path(id): Path<CaseId>,
    ValidForm(form): ValidForm<TransferForm>,
) -> Result<Response, WebError> {
    match state.app.offer_transfer(s.actor(), id, &form).await {
        Ok(_) => Ok(Redirect::to(&format!("/cases/{id}?offered=1#transfer-h")).into_response()),
        Err(AppError::Invalid(e)) => {
            let errors = Errors::explained(&s.viewer.tr, &e, |field, err| match (field, err) {
                ("to_institution", FieldError::Taken) => Some("transfer-taken"),
                _ => None,
            });
            let trouble = Trouble {
                transfer: Some((form, errors)),
                ..Trouble::default()
            };
            show::again(&state, &s, id, trouble, StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(e) => Err(e.into()),
    }
}

/// The version of the offer being withdrawn (the one the page showed).
#[derive(Default, Deserialize)]
#[serde(default)]
pub struct WithdrawForm {
    version: i64,
}

/// `POST /cases/{id}/transfers/withdraw`: the owner takes back the offer waiting.
pub async fn withdraw(
    State(state): State<WebState>,
    s: Signed,
    Path(id): Path<CaseId>,
    ValidForm(form): ValidForm<WithdrawForm>,
) -> Result<Response, WebError> {
    match state
        .app
        .withdraw_transfer(s.actor(), id, form.version)
        .await
    {
        Ok(()) => Ok(Redirect::to(&format!("/cases/{id}?withdrawn=1#transfer-h")).into_response()),
        Err(AppError::Invalid(_) | AppError::Conflict) => {
            let trouble = Trouble {
                alert: Some(s.viewer.tr.t("transfer-answered-already")),
                alert_at: Some("transfer-h"),
                ..Trouble::default()
            };
            show::again(&state, &s, id, trouble, StatusCode::CONFLICT).await
        }
        Err(e) => Err(e.into()),
    }
}

/// `POST /transfers/{id}/answer`: the receiver accepts (the case page follows, now its own)
/// or declines (back to the inbox).
pub async fn answer(
    State(state): State<WebState>,
    s: Signed,
    Path(id): Path<TransferId>,
    ValidForm(form): ValidForm<TransferAnswerForm>,
) -> Result<Response, WebError> {
    let tr = &s.viewer.tr;
    match state.app.answer_transfer(s.actor(), id, &form).await {
        Ok(case) if form.action == "accept" => {
            Ok(Redirect::to(&format!("/cases/{case}?taken_over=1#top")).into_response())
        }
        Ok(_) => Ok(Redirect::to("/inbox?answered=transfer").into_response()),
        Err(AppError::Invalid(e)) => {
            let error = match e.get("reason") {
                Some(_) => tr.t("transfer-decline-reason-needed"),
                None => tr.t("transfer-answered-already"),
            };
            let trouble = OfferTrouble {
                id,
                reason: form.reason.clone(),
                error,
            };
            inbox::again_offer(&state, &s, trouble, StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(AppError::Conflict) => {
            let trouble = OfferTrouble {
                id,
                reason: form.reason.clone(),
                error: tr.t("transfer-answered-already"),
            };
            inbox::again_offer(&state, &s, trouble, StatusCode::CONFLICT).await
        }
        Err(e) => Err(e.into()),
    }
}

//! Transfer of a case: on the case page, the owner's offer form (or the offer waiting for an
//! answer, which it may withdraw) and the earlier offers; in the inbox, the offers made to the
//! reader's institution with their answer forms; and the handlers of both.

use super::panels::receivers;
use super::show::{self, Trouble};
use super::{inbox, labels, Choice};
use crate::shell::errors::WebError;
use crate::shell::form::{Errors, ValidForm};
use crate::shell::tr::Tr;
use crate::shell::viewer::Signed;
use crate::WebState;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use spona_app::cases::{CaseView, TransferAnswerForm, TransferForm, TransferView};
use spona_app::registry::DirectoryEntry;
use spona_app::AppError;
use spona_domain::cases::{CaseId, TransferId, TransferStatus};
use spona_domain::ids::InstitutionId;
use spona_domain::validation::FieldError;

/// One offer, ready to show.
pub struct OfferLine {
    pub id: TransferId,
    pub case_code: String,
    pub child: bool,
    pub from: String,
    pub to: String,
    pub reason: String,
    pub status: String,
    pub waiting: bool,
    pub offered_at: String,
    /// The former owner keeps reading the record (an accepted offer).
    pub former_reads: bool,
    pub decline_reason: String,
    pub version: i64,
    /// What the reader typed when its answer was refused, and why.
    pub typed_reason: String,
    pub error: Option<String>,
}

/// The owner's transfer section of the case page.
pub struct TransferPanel {
    /// The offer waiting for an answer; while there is one, no other is made.
    pub waiting: Option<OfferLine>,
    pub institutions: Vec<Choice>,
    pub reason: String,
    pub errors: Errors,
    /// Earlier offers, with their answers.
    pub earlier: Vec<OfferLine>,
}

/// A refused answer in the inbox: to which offer, what was typed, and why.
pub struct OfferTrouble {
    pub id: TransferId,
    pub reason: String,
    pub error: String,
}

/// The offers as lines, with a refused answer shown at its offer.
pub fn lines(tr: &Tr, views: &[TransferView], trouble: Option<&OfferTrouble>) -> Vec<OfferLine> {
    views
        .iter()
        .map(|t| {
            let refused = trouble.filter(|x| x.id == t.id);
            OfferLine {
                id: t.id,
                case_code: labels::in_script(tr, &t.case_code),
                child: t.case_is_child,
                from: labels::in_script(tr, &t.from_short),
                to: labels::in_script(tr, &t.to_short),
                reason: t.reason.clone(),
                status: tr.t(&format!("transfer-status-{}", t.status.code())),
                waiting: t.status == TransferStatus::Offered,
                offered_at: tr.instant(&t.offered_at),
                former_reads: t.former_reads,
                decline_reason: t.decline_reason.clone(),
                version: t.version,
                typed_reason: refused.map(|x| x.reason.clone()).unwrap_or_default(),
                error: refused.map(|x| x.error.clone()),
            }
        })
        .collect()
}

/// The owner's section: none for a reader who does not work on the case.
pub fn panel(
    tr: &Tr,
    v: &CaseView,
    directory: &[DirectoryEntry],
    own: Option<InstitutionId>,
    typed: Option<(TransferForm, Errors)>,
) -> Option<TransferPanel> {
    if !v.access.works_on() {
        return None;
    }
    let mut all = lines(tr, &v.transfers, None);
    let waiting = all.iter().position(|l| l.waiting).map(|at| all.remove(at));
    let (form, errors) = typed.unwrap_or_else(|| (TransferForm::default(), Errors::none()));
    Some(TransferPanel {
        waiting,
        institutions: receivers(tr, directory, own, |value| value == form.to_institution),
        reason: form.reason,
        errors,
        earlier: all,
    })
}

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

//! A person's requests about their data in a case (rectification, restriction, erasure): the
//! owner's section of the case page (the requests with their deadlines, and the form to record
//! one), the page that records an outcome, and the confirmed page that grants an erasure and
//! destroys the case's personal data. The dashboard lists the open ones. Request ids travel in
//! the query or the form; the texts (legal basis, reason) only in forms, never in an address.

use super::{labels, show, Choice};
use crate::shell::chrome::{Chrome, Nav};
use crate::shell::confirmed::Confirmed;
use crate::shell::errors::WebError;
use crate::shell::form::{Errors, ValidForm};
use crate::shell::render::html;
use crate::shell::tr::Tr;
use crate::shell::viewer::Signed;
use crate::WebState;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use spona_app::cases::{
    CaseView, DataRequestForm, DataRequestView, ErasureBlock, OutcomeForm, LEGAL_BASIS_MAX,
};
use spona_app::AppError;
use spona_domain::cases::{CaseId, DataRequestId, RequestKind, RequestOutcome};
use spona_domain::text::iso_date;

/// One request, ready to show.
pub struct RequestLine {
    pub id: DataRequestId,
    pub case_id: CaseId,
    pub case_code: String,
    pub child: bool,
    pub kind: String,
    pub received: String,
    pub deadline: String,
    pub overdue: bool,
    pub legal_basis: String,
    /// The outcome in words, once decided.
    pub outcome: Option<String>,
    pub reason: String,
    pub decided: String,
    /// An erasure waiting for its answer: its page may grant it.
    pub erasure_open: bool,
}

/// The owner's section of the case page.
pub struct RequestsPanel {
    pub lines: Vec<RequestLine>,
    pub kinds: Vec<Choice>,
    pub today: String,
    pub basis_max: usize,
}

/// The requests as lines.
pub fn lines(tr: &Tr, views: &[DataRequestView]) -> Vec<RequestLine> {
    views
        .iter()
        .map(|r| RequestLine {
            id: r.id,
            case_id: r.case_id,
            case_code: labels::in_script(tr, &r.case_code),
            child: r.case_is_child,
            kind: kind_label(tr, r.kind),
            received: tr.date(&r.received_on),
            deadline: tr.date(&r.due_on),
            overdue: r.overdue,
            legal_basis: r.legal_basis.clone(),
            outcome: r.outcome.map(|o| outcome_label(tr, o)),
            reason: r.reason.clone(),
            decided: tr.date_opt(&r.decided_on),
            erasure_open: r.kind == RequestKind::Erasure && r.outcome.is_none(),
        })
        .collect()
}

fn kind_label(tr: &Tr, kind: RequestKind) -> String {
    tr.t(&format!("data-request-kind-{}", kind.code()))
}

fn outcome_label(tr: &Tr, outcome: RequestOutcome) -> String {
    tr.t(&format!("data-request-outcome-{}", outcome.code()))
}

/// The section for the owner while the case has personal data; none for anyone else.
pub fn panel(tr: &Tr, v: &CaseView, today: &str) -> Option<RequestsPanel> {
    if !v.access.works_on() || v.personal_data_removed_at.is_some() {
        return None;
    }
    Some(RequestsPanel {
        lines: lines(tr, &v.data_requests),
        kinds: RequestKind::ALL
            .iter()
            .map(|k| Choice {
                value: k.code().into(),
                label: kind_label(tr, *k),
                selected: false,
            })
            .collect(),
        today: today.into(),
        basis_max: LEGAL_BASIS_MAX,
    })
}

/// The refused fields, in one sentence for the case page's summary.
fn refused(tr: &Tr, errors: &spona_domain::validation::FieldErrors) -> String {
    Errors::from_fields(tr, errors)
        .iter()
        .map(|(field, message)| format!("{}: {message}", tr.t(&format!("data-request-{field}"))))
        .collect::<Vec<_>>()
        .join(" ")
}

/// `POST /cases/{id}/data-requests`: records a request.
pub async fn record(
    State(state): State<WebState>,
    s: Signed,
    Path(id): Path<CaseId>,
    ValidForm(form): ValidForm<DataRequestForm>,
) -> Result<Response, WebError> {
    match state.app.record_data_request(s.actor(), id, &form).await {
        Ok(_) => Ok(show::saved(id, "data-request", "requests-h")),
        Err(AppError::Invalid(errors)) => {
            let trouble = show::Trouble {
                alert: Some(refused(&s.viewer.tr, &errors)),
                alert_at: Some("requests-h"),
                ..show::Trouble::default()
            };
            show::again(&state, &s, id, trouble, StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(e) => Err(e.into()),
    }
}

/// Which request a page is about.
#[derive(Deserialize)]
pub struct Which {
    #[serde(default)]
    request: String,
}

impl Which {
    /// The request named; none named is none of the case's (0 is never an id).
    fn id(&self) -> DataRequestId {
        DataRequestId(self.request.trim().parse().unwrap_or(0))
    }
}

#[derive(Template)]
#[template(path = "cases/data_request_outcome.html")]
struct OutcomePage {
    chrome: Chrome,
    case_id: CaseId,
    r: RequestLine,
    version: i64,
    outcomes: Vec<Choice>,
    form: OutcomeForm,
    errors: Errors,
    today: String,
}

#[derive(Template)]
#[template(path = "cases/data_request_erase.html")]
struct ErasePage {
    chrome: Chrome,
    case_id: CaseId,
    r: RequestLine,
    version: i64,
    /// Why the erasure cannot be done now, in words.
    blocked: Option<String>,
    form: OutcomeForm,
    errors: Errors,
    today: String,
}

/// `GET /cases/{id}/data-requests/outcome?request=…`: the outcome form.
pub async fn outcome_page(
    State(state): State<WebState>,
    s: Signed,
    Path(id): Path<CaseId>,
    Query(which): Query<Which>,
) -> Result<Response, WebError> {
    let page = outcome(&state, &s, id, which.id(), None).await?;
    html(&page)
}

async fn outcome(
    state: &WebState,
    s: &Signed,
    case_id: CaseId,
    request: DataRequestId,
    typed: Option<(OutcomeForm, Errors)>,
) -> Result<OutcomePage, WebError> {
    let tr = &s.viewer.tr;
    let (view, _) = state.app.data_request(s.actor(), case_id, request).await?;
    let today = iso_date(state.app.today());
    let (form, errors) = typed.unwrap_or_else(|| {
        let fresh = OutcomeForm {
            decided_on: today.clone(),
            ..OutcomeForm::default()
        };
        (fresh, Errors::none())
    });
    // A granted erasure is recorded only where it is carried out.
    let outcomes = RequestOutcome::ALL
        .iter()
        .filter(|o| !(view.kind == RequestKind::Erasure && **o == RequestOutcome::Granted))
        .map(|o| Choice {
            value: o.code().into(),
            label: outcome_label(tr, *o),
            selected: form.outcome == o.code(),
        })
        .collect();
    let version = view.version;
    let r = lines(tr, std::slice::from_ref(&view)).remove(0);
    Ok(OutcomePage {
        chrome: s.viewer.chrome(Nav::Cases),
        case_id,
        r,
        version,
        outcomes,
        form,
        errors,
        today,
    })
}

/// `POST /cases/{id}/data-requests/outcome`: records the outcome.
pub async fn record_outcome(
    State(state): State<WebState>,
    s: Signed,
    Path(id): Path<CaseId>,
    ValidForm(form): ValidForm<OutcomeForm>,
) -> Result<Response, WebError> {
    match state.app.decide_data_request(s.actor(), id, &form).await {
        Ok(()) => Ok(show::saved(id, "data-request-decided", "requests-h")),
        // No request named, or one already decided: nothing to show the form for.
        Err(AppError::Invalid(errors)) if errors.get("request").is_some() => {
            Ok(show::saved(id, "data-request-unchanged", "requests-h"))
        }
        Err(AppError::Invalid(errors)) => {
            let request = Which {
                request: form.request.clone(),
            }
            .id();
            let typed = (form, Errors::from_fields(&s.viewer.tr, &errors));
            let page = outcome(&state, &s, id, request, Some(typed)).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, html(&page)?).into_response())
        }
        Err(e) => Err(e.into()),
    }
}

/// `GET /cases/{id}/data-requests/erase?request=…`: asks before erasing.
pub async fn erase_page(
    State(state): State<WebState>,
    s: Signed,
    Path(id): Path<CaseId>,
    Query(which): Query<Which>,
) -> Result<Response, WebError> {
    let page = erase_form(&state, &s, id, which.id(), None).await?;
    html(&page)
}

async fn erase_form(
    state: &WebState,
    s: &Signed,
    case_id: CaseId,
    request: DataRequestId,
    typed: Option<(OutcomeForm, Errors)>,
) -> Result<ErasePage, WebError> {
    let tr = &s.viewer.tr;
    let (view, block) = state.app.data_request(s.actor(), case_id, request).await?;
    // Only an erasure waiting for its answer is granted here.
    if view.kind != RequestKind::Erasure || view.outcome.is_some() {
        return Err(AppError::NotFound.into());
    }
    let today = iso_date(state.app.today());
    let (form, errors) = typed.unwrap_or_else(|| {
        let fresh = OutcomeForm {
            decided_on: today.clone(),
            ..OutcomeForm::default()
        };
        (fresh, Errors::none())
    });
    let blocked = block.map(|b| match b {
        ErasureBlock::Held => tr.t("data-request-erase-held"),
        ErasureBlock::CaseOpen => tr.t("data-request-erase-open"),
    });
    let version = view.version;
    let r = lines(tr, std::slice::from_ref(&view)).remove(0);
    Ok(ErasePage {
        chrome: s.viewer.chrome(Nav::Cases),
        case_id,
        r,
        version,
        blocked,
        form,
        errors,
        today,
    })
}

/// `POST /cases/{id}/data-requests/erase`: grants the erasure and destroys the case's
/// personal data. A sensitive act: the person proved who they are a few minutes ago.
pub async fn erase(
    State(state): State<WebState>,
    s: Confirmed,
    Path(id): Path<CaseId>,
    ValidForm(form): ValidForm<OutcomeForm>,
) -> Result<Response, WebError> {
    match state.app.grant_erasure(s.actor(), id, &form).await {
        Ok(()) => Ok(show::saved(id, "erased", "removed-note")),
        Err(AppError::Invalid(errors)) if errors.get("request").is_some() => {
            Ok(show::saved(id, "data-request-unchanged", "requests-h"))
        }
        Err(AppError::Invalid(errors)) => {
            let request = Which {
                request: form.request.clone(),
            }
            .id();
            let typed = (form, Errors::from_fields(&s.viewer.tr, &errors));
            let page = erase_form(&state, &s, id, request, Some(typed)).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, html(&page)?).into_response())
        }
        Err(e) => Err(e.into()),
    }
}

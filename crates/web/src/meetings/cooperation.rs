//! The log of cooperation with the National Coordinator, with the form for a new entry.

use super::pages::PageQuery;
use crate::cases::Choice;
use crate::shell::chrome::{Chrome, Nav};
use crate::shell::errors::WebError;
use crate::shell::form::{Errors, ValidForm};
use crate::shell::pager::Pager;
use crate::shell::render::html;
use crate::shell::viewer::Signed;
use crate::WebState;
use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use spona_app::meetings::{CooperationForm, COOPERATION_KINDS};
use spona_app::AppError;

/// An entry, ready to show.
struct Line {
    on_date: String,
    kind: String,
    subject: String,
    outcome: String,
    documents: String,
}

#[derive(Template)]
#[template(path = "meetings/cooperation.html")]
struct CooperationPage {
    chrome: Chrome,
    lines: Vec<Line>,
    pager: Pager,
    form: CooperationForm,
    kinds: Vec<Choice>,
    errors: Errors,
    notice: Option<String>,
    today: String,
}

async fn page(
    state: &WebState,
    s: &Signed,
    page: i64,
    form: CooperationForm,
    errors: Errors,
    notice: Option<String>,
) -> Result<CooperationPage, WebError> {
    let tr = &s.viewer.tr;
    let log = state.app.cooperation_log(s.actor(), page).await?;
    let lines = log
        .items
        .iter()
        .map(|e| Line {
            on_date: spona_domain::text::date(&e.on_date)
                .map(|d| tr.date(&d))
                .unwrap_or_else(|_| e.on_date.clone()),
            kind: tr.t(&format!("cooperation-kind-{}", e.kind)),
            subject: e.subject.clone(),
            outcome: e.outcome.clone(),
            documents: e.documents.clone(),
        })
        .collect();
    let kinds = COOPERATION_KINDS
        .iter()
        .map(|k| Choice {
            value: (*k).into(),
            label: tr.t(&format!("cooperation-kind-{k}")),
            selected: form.kind == *k,
        })
        .collect();
    Ok(CooperationPage {
        chrome: s.viewer.chrome(Nav::Meetings),
        pager: Pager::new(tr, page, log.total, &s.viewer.here),
        lines,
        form,
        kinds,
        errors,
        notice,
        today: spona_domain::text::iso_date(state.app.today()),
    })
}

/// `GET /cooperation`.
pub async fn list(
    State(state): State<WebState>,
    s: Signed,
    Query(q): Query<PageQuery>,
) -> Result<Response, WebError> {
    let notice = q.saved.map(|_| s.viewer.tr.t("saved"));
    let p = page(
        &state,
        &s,
        q.page.unwrap_or(1),
        CooperationForm::default(),
        Errors::none(),
        notice,
    )
    .await?;
    html(&p)
}

/// `POST /cooperation`.
pub async fn create(
    State(state): State<WebState>,
    s: Signed,
    ValidForm(form): ValidForm<CooperationForm>,
) -> Result<Response, WebError> {
    match state.app.record_cooperation(s.actor(), &form).await {
        Ok(_) => Ok(Redirect::to("/cooperation?saved=1").into_response()),
        Err(AppError::Invalid(e)) => {
            let errors = Errors::from_fields(&s.viewer.tr, &e);
            let p = page(&state, &s, 1, form, errors, None).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, html(&p)?).into_response())
        }
        Err(e) => Err(e.into()),
    }
}

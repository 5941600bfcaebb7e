//! Publishing an activity or a training as a good practice: the form filled from the
//! source, errors at the fields, then the published practice.

use crate::shell::chrome::{Chrome, Nav};
use crate::shell::errors::WebError;
use crate::shell::form::{Errors, ValidForm};
use crate::shell::render::html;
use crate::shell::viewer::Signed;
use crate::WebState;
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use spona_app::practices::{PracticeForm, PracticeStart};
use spona_app::AppError;
use spona_domain::activities::ActivityId;
use spona_domain::practices::PracticeSource;
use spona_domain::trainings::TrainingId;
use spona_domain::validation::{FieldError, FieldErrors};

#[derive(Template)]
#[template(path = "practices/form.html")]
struct FormPage {
    chrome: Chrome,
    form: PracticeForm,
    from: String,
    errors: Errors,
    action: String,
    back: String,
}

/// The source's own page and the publishing address under it.
fn paths(source: PracticeSource) -> (String, String) {
    let back = match source {
        PracticeSource::Activity(a) => format!("/activities/{a}"),
        PracticeSource::Training(t) => format!("/trainings/{t}"),
    };
    (format!("{back}/publish"), back)
}

async fn start(
    state: &WebState,
    s: &Signed,
    source: PracticeSource,
) -> Result<PracticeStart, WebError> {
    Ok(state
        .app
        .practice_start(s.actor(), source, &state.catalog, s.viewer.locale)
        .await?)
}

fn page(s: &Signed, start: &PracticeStart, form: PracticeForm, errors: Errors) -> FormPage {
    let (action, back) = paths(start.source);
    FormPage {
        chrome: s.viewer.chrome(Nav::Practices),
        from: s
            .viewer
            .tr
            .ts("practice-publish-from", "title", &start.source_title),
        form,
        errors,
        action,
        back,
    }
}

/// The form filled from the source; a source already published shows its practice.
async fn form(state: WebState, s: Signed, source: PracticeSource) -> Result<Response, WebError> {
    let start = start(&state, &s, source).await?;
    if let Some(id) = start.published {
        return Ok(Redirect::to(&format!("/practices/{id}")).into_response());
    }
    let form = start.form.clone();
    html(&page(&s, &start, form, Errors::none()))
}

/// Publishes; bad input comes back at the fields with what was typed.
async fn publish(
    state: WebState,
    s: Signed,
    source: PracticeSource,
    form: PracticeForm,
) -> Result<Response, WebError> {
    match state.app.publish_practice(s.actor(), source, &form).await {
        Ok(id) => Ok(Redirect::to(&format!("/practices/{id}")).into_response()),
        Err(AppError::Invalid(e)) => refill(&state, &s, source, form, &e).await,
        Err(e) => Err(e.into()),
    }
}

async fn refill(
    state: &WebState,
    s: &Signed,
    source: PracticeSource,
    form: PracticeForm,
    e: &FieldErrors,
) -> Result<Response, WebError> {
    let start = start(state, s, source).await?;
    let errors = if e.get("source") == Some(FieldError::Taken) {
        Errors::general(s.viewer.tr.t("practice-source-taken"))
    } else {
        Errors::from_fields(&s.viewer.tr, e)
    };
    let body = html(&page(s, &start, form, errors))?;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, body).into_response())
}

/// `GET /activities/{id}/publish`.
pub async fn activity_form(
    State(state): State<WebState>,
    s: Signed,
    Path(id): Path<i64>,
) -> Result<Response, WebError> {
    form(state, s, PracticeSource::Activity(ActivityId(id))).await
}

/// `POST /activities/{id}/publish`.
pub async fn publish_activity(
    State(state): State<WebState>,
    s: Signed,
    Path(id): Path<i64>,
    ValidForm(f): ValidForm<PracticeForm>,
) -> Result<Response, WebError> {
    publish(state, s, PracticeSource::Activity(ActivityId(id)), f).await
}

/// `GET /trainings/{id}/publish`.
pub async fn training_form(
    State(state): State<WebState>,
    s: Signed,
    Path(id): Path<i64>,
) -> Result<Response, WebError> {
    form(state, s, PracticeSource::Training(TrainingId(id))).await
}

/// `POST /trainings/{id}/publish`.
pub async fn publish_training(
    State(state): State<WebState>,
    s: Signed,
    Path(id): Path<i64>,
    ValidForm(f): ValidForm<PracticeForm>,
) -> Result<Response, WebError> {
    publish(state, s, PracticeSource::Training(TrainingId(id)), f).await
}

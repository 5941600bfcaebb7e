//! The form of a plan activity: new and edit, with the team's institutions and the national
//! measures to choose from and errors at the fields.

use crate::shell::chrome::{Chrome, Nav};
use crate::shell::errors::WebError;
use crate::shell::form::{Errors, ValidForm};
use crate::shell::render::html;
use crate::shell::viewer::Signed;
use crate::WebState;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use spona_app::plan::{PlanActivityForm, PlanView};
use spona_app::AppError;

#[derive(Template)]
#[template(path = "plan/activity_form.html")]
struct FormPage {
    chrome: Chrome,
    v: PlanView,
    form: PlanActivityForm,
    errors: Errors,
    /// Some activity id for an edit, None for a new one.
    editing: Option<i64>,
}

async fn render(
    state: &WebState,
    s: &Signed,
    plan: i64,
    form: PlanActivityForm,
    errors: Errors,
    editing: Option<i64>,
) -> Result<Response, WebError> {
    state.app.plan_for_editing(s.actor(), plan).await?;
    let v = state.app.plan(s.actor(), plan).await?;
    html(&FormPage {
        chrome: s.viewer.chrome(Nav::Plan),
        v,
        form,
        errors,
        editing,
    })
}

/// Which objective a new activity goes under.
#[derive(Deserialize, Default)]
pub struct NewQuery {
    #[serde(default)]
    objective: String,
}

/// The empty form.
pub async fn new(
    State(state): State<WebState>,
    s: Signed,
    Path(plan): Path<i64>,
    Query(q): Query<NewQuery>,
) -> Result<Response, WebError> {
    let form = PlanActivityForm {
        objective: q.objective,
        ..Default::default()
    };
    render(&state, &s, plan, form, Errors::none(), None).await
}

/// Adds the activity.
pub async fn create(
    State(state): State<WebState>,
    s: Signed,
    Path(plan): Path<i64>,
    ValidForm(form): ValidForm<PlanActivityForm>,
) -> Result<Response, WebError> {
    match state.app.add_plan_activity(s.actor(), plan, &form).await {
        Ok(id) => Ok(Redirect::to(&format!("/plan/{plan}#activity-{id}")).into_response()),
        Err(AppError::Invalid(e)) => {
            let errors = Errors::from_fields(&s.viewer.tr, &e);
            super::refused(render(&state, &s, plan, form, errors, None).await)
        }
        Err(e) => Err(e.into()),
    }
}

/// The form filled with the activity.
pub async fn edit(
    State(state): State<WebState>,
    s: Signed,
    Path((plan, id)): Path<(i64, i64)>,
) -> Result<Response, WebError> {
    let a = state.app.plan_activity(s.actor(), plan, id).await?;
    let form = PlanActivityForm::from_draft(&a.draft);
    render(&state, &s, plan, form, Errors::none(), Some(id)).await
}

/// Saves the activity.
pub async fn update(
    State(state): State<WebState>,
    s: Signed,
    Path((plan, id)): Path<(i64, i64)>,
    ValidForm(form): ValidForm<PlanActivityForm>,
) -> Result<Response, WebError> {
    match state
        .app
        .update_plan_activity(s.actor(), plan, id, &form)
        .await
    {
        Ok(()) => Ok(Redirect::to(&format!("/plan/{plan}#activity-{id}")).into_response()),
        Err(AppError::Invalid(e)) => {
            let errors = Errors::from_fields(&s.viewer.tr, &e);
            super::refused(render(&state, &s, plan, form, errors, Some(id)).await)
        }
        Err(e) => Err(e.into()),
    }
}

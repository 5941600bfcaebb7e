//! `/plan`: the team's plans, one plan with its objectives and activities (overdue flagged),
//! its period and adoption, and its history of versions.

use crate::shell::chrome::{Chrome, Nav};
use crate::shell::errors::WebError;
use crate::shell::form::{Errors, ValidForm};
use crate::shell::render::html;
use crate::shell::viewer::Signed;
use crate::WebState;
use askama::Template;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use spona_app::plan::{AdoptionForm, ObjectiveForm, PlanForm, PlanList, PlanView};
use spona_app::AppError;
use spona_domain::plan::CoordinationPlan;
use spona_domain::text::iso_date;

#[derive(Template)]
#[template(path = "plan/list.html")]
struct ListPage {
    chrome: Chrome,
    v: PlanList,
}

/// The team's plans.
pub async fn list(State(state): State<WebState>, s: Signed) -> Result<Response, WebError> {
    let v = state.app.plans(s.actor()).await?;
    html(&ListPage {
        chrome: s.viewer.chrome(Nav::Plan),
        v,
    })
}

#[derive(Template)]
#[template(path = "plan/plan_form.html")]
struct FormPage {
    chrome: Chrome,
    form: PlanForm,
    errors: Errors,
    /// Some plan id for an edit, None for a new plan.
    editing: Option<i64>,
}

/// The empty form for a new plan.
pub async fn new(State(state): State<WebState>, s: Signed) -> Result<Response, WebError> {
    state.app.may_lead_plans(s.actor())?;
    html(&FormPage {
        chrome: s.viewer.chrome(Nav::Plan),
        form: PlanForm::default(),
        errors: Errors::none(),
        editing: None,
    })
}

/// Drafts a plan.
pub async fn create(
    State(state): State<WebState>,
    s: Signed,
    ValidForm(form): ValidForm<PlanForm>,
) -> Result<Response, WebError> {
    match state.app.create_plan(s.actor(), &form).await {
        Ok(id) => Ok(Redirect::to(&format!("/plan/{id}")).into_response()),
        Err(AppError::Invalid(e)) => super::refused(html(&FormPage {
            chrome: s.viewer.chrome(Nav::Plan),
            errors: Errors::from_fields(&s.viewer.tr, &e),
            form,
            editing: None,
        })),
        Err(e) => Err(e.into()),
    }
}

fn form_of(p: &CoordinationPlan) -> PlanForm {
    PlanForm {
        title: p.title.clone(),
        starts_on: iso_date(p.starts_on),
        ends_on: iso_date(p.ends_on),
    }
}

/// The form filled with the plan's title and period.
pub async fn edit(
    State(state): State<WebState>,
    s: Signed,
    Path(id): Path<i64>,
) -> Result<Response, WebError> {
    let plan = state.app.plan_for_editing(s.actor(), id).await?;
    html(&FormPage {
        chrome: s.viewer.chrome(Nav::Plan),
        form: form_of(&plan),
        errors: Errors::none(),
        editing: Some(id),
    })
}

/// Saves the title and period.
pub async fn update(
    State(state): State<WebState>,
    s: Signed,
    Path(id): Path<i64>,
    ValidForm(form): ValidForm<PlanForm>,
) -> Result<Response, WebError> {
    match state.app.update_plan(s.actor(), id, &form).await {
        Ok(()) => Ok(Redirect::to(&format!("/plan/{id}")).into_response()),
        Err(AppError::Invalid(e)) => super::refused(html(&FormPage {
            chrome: s.viewer.chrome(Nav::Plan),
            errors: Errors::from_fields(&s.viewer.tr, &e),
            form,
            editing: Some(id),
        })),
        Err(e) => Err(e.into()),
    }
}

#[derive(Template)]
#[template(path = "plan/show.html")]
struct ShowPage {
    chrome: Chrome,
    v: PlanView,
    objective_form: ObjectiveForm,
    objective_errors: Errors,
}

async fn render(
    state: &WebState,
    s: &Signed,
    id: i64,
    objective_form: ObjectiveForm,
    objective_errors: Errors,
) -> Result<Response, WebError> {
    let v = state.app.plan(s.actor(), id).await?;
    html(&ShowPage {
        chrome: s.viewer.chrome(Nav::Plan),
        v,
        objective_form,
        objective_errors,
    })
}

/// One plan.
pub async fn show(
    State(state): State<WebState>,
    s: Signed,
    Path(id): Path<i64>,
) -> Result<Response, WebError> {
    render(&state, &s, id, ObjectiveForm::default(), Errors::none()).await
}

/// Adds an objective.
pub async fn add_objective(
    State(state): State<WebState>,
    s: Signed,
    Path(id): Path<i64>,
    ValidForm(form): ValidForm<ObjectiveForm>,
) -> Result<Response, WebError> {
    match state.app.add_plan_objective(s.actor(), id, &form).await {
        Ok(o) => Ok(Redirect::to(&format!("/plan/{id}#objective-{o}")).into_response()),
        Err(AppError::Invalid(e)) => {
            let errors = Errors::from_fields(&s.viewer.tr, &e);
            super::refused(render(&state, &s, id, form, errors).await)
        }
        Err(e) => Err(e.into()),
    }
}

/// Removes an objective; one with activities stays, and the page says why.
pub async fn delete_objective(
    State(state): State<WebState>,
    s: Signed,
    Path((id, objective)): Path<(i64, i64)>,
    ValidForm(_form): ValidForm<ObjectiveForm>,
) -> Result<Response, WebError> {
    match state
        .app
        .delete_plan_objective(s.actor(), id, objective)
        .await
    {
        Ok(()) => Ok(Redirect::to(&format!("/plan/{id}")).into_response()),
        Err(AppError::Invalid(e)) => {
            let message = e
                .iter()
                .next()
                .map(|(_, fe)| s.viewer.tr.t(fe.message_id()))
                .unwrap_or_default();
            super::refused(
                render(
                    &state,
                    &s,
                    id,
                    ObjectiveForm::default(),
                    Errors::general(message),
                )
                .await,
            )
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Template)]
#[template(path = "plan/adopt.html")]
struct AdoptPage {
    chrome: Chrome,
    plan: CoordinationPlan,
    form: AdoptionForm,
    errors: Errors,
}

/// The adoption form: the meeting's date and decision.
pub async fn adoption(
    State(state): State<WebState>,
    s: Signed,
    Path(id): Path<i64>,
) -> Result<Response, WebError> {
    let plan = state.app.plan_for_editing(s.actor(), id).await?;
    html(&AdoptPage {
        chrome: s.viewer.chrome(Nav::Plan),
        plan,
        form: AdoptionForm::default(),
        errors: Errors::none(),
    })
}

/// Adopts the plan.
pub async fn adopt(
    State(state): State<WebState>,
    s: Signed,
    Path(id): Path<i64>,
    ValidForm(form): ValidForm<AdoptionForm>,
) -> Result<Response, WebError> {
    match state.app.adopt_plan(s.actor(), id, &form).await {
        Ok(()) => Ok(Redirect::to(&format!("/plan/{id}")).into_response()),
        Err(AppError::Invalid(e)) => {
            let plan = state.app.plan_for_editing(s.actor(), id).await?;
            super::refused(html(&AdoptPage {
                chrome: s.viewer.chrome(Nav::Plan),
                plan,
                errors: Errors::from_fields(&s.viewer.tr, &e),
                form,
            }))
        }
        Err(e) => Err(e.into()),
    }
}

//! Recording a training: the form with a row per institution, errors at the fields, and a
//! clear refusal when an institution would send more people than its staff.

use crate::plan::{plan_groups, PlanGroup};
use crate::shell::chrome::{Chrome, Nav};
use crate::shell::errors::WebError;
use crate::shell::form::{Errors, ValidForm};
use crate::shell::render::html;
use crate::shell::viewer::Signed;
use crate::WebState;
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use spona_app::trainings::{Recorded, Refusal, TrainingForm};
use spona_app::AppError;
use spona_domain::registry::Standing;
use spona_i18n::Arg;

/// One institution's row of the form.
pub struct Row {
    pub id: i64,
    pub name: String,
    pub staff: Option<i64>,
    pub participants: String,
    pub names: String,
}

#[derive(Template)]
#[template(path = "trainings/form.html")]
struct FormPage {
    chrome: Chrome,
    form: TrainingForm,
    rows: Vec<Row>,
    plan_groups: Vec<PlanGroup>,
    errors: Errors,
}

/// `GET /trainings/new`.
pub async fn new(State(state): State<WebState>, s: Signed) -> Result<Response, WebError> {
    let form = TrainingForm {
        held_on: spona_domain::text::iso_date(state.app.today()),
        ..TrainingForm::default()
    };
    page(&state, &s, form, Errors::none(), StatusCode::OK).await
}

/// `POST /trainings`.
pub async fn create(
    State(state): State<WebState>,
    s: Signed,
    ValidForm(form): ValidForm<TrainingForm>,
) -> Result<Response, WebError> {
    match state.app.record_training(s.actor(), &form).await {
        Ok(Recorded::Saved(id)) => Ok(Redirect::to(&format!("/trainings/{id}")).into_response()),
        Ok(Recorded::Refused(over)) => {
            let message = refusal_message(&s, &over);
            page(
                &state,
                &s,
                form,
                Errors::general(message),
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Err(AppError::Invalid(e)) => {
            let errors = Errors::from_fields(&s.viewer.tr, &e);
            page(&state, &s, form, errors, StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(e) => Err(e.into()),
    }
}

/// "ПУ Лесковац: 50 participants, but only 10 staff" for each institution over its staff.
fn refusal_message(s: &Signed, over: &[Refusal]) -> String {
    let tr = &s.viewer.tr;
    let lines: Vec<String> = over
        .iter()
        .map(|r| {
            tr.with(
                "training-over-staff",
                &[
                    (
                        "institution",
                        Arg::from(tr.pick(&r.institution.name_cyrl, &r.institution.name_latn)),
                    ),
                    ("participants", Arg::from(r.participants)),
                    ("staff", Arg::from(r.staff)),
                ],
            )
        })
        .collect();
    format!("{} {}", tr.t("training-refused"), lines.join(" "))
}

async fn page(
    state: &WebState,
    s: &Signed,
    form: TrainingForm,
    errors: Errors,
    status: StatusCode,
) -> Result<Response, WebError> {
    let (_, choices) = state.app.training_choices(s.actor()).await?;
    let tr = &s.viewer.tr;
    let choices = tr.in_order(
        choices,
        |(i, _)| tr.pick(&i.name_cyrl, &i.name_latn),
        |(i, _)| i.standing != Standing::Member,
    );
    let rows = choices
        .into_iter()
        .map(|(i, staff)| {
            let (participants, names) = form.row(i.id);
            Row {
                id: i.id.0,
                name: s.viewer.tr.pick(&i.name_cyrl, &i.name_latn).to_string(),
                staff,
                participants,
                names,
            }
        })
        .collect();
    let plan_groups = plan_groups(state, s, &form.plan_activity_id).await?;
    let body = html(&FormPage {
        chrome: s.viewer.chrome(Nav::Trainings),
        form,
        rows,
        plan_groups,
        errors,
    })?;
    Ok((status, body).into_response())
}

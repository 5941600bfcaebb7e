//! One activity: shown, recorded, edited with errors at the fields, deleted after a
//! confirmation.

use super::{group_label, kind_choices, kind_label, medium_choices, Choice, GroupField};
use crate::plan::{plan_groups, PlanGroup};
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
use serde::Deserialize;
use spona_app::activities::{group_field, ActivityForm, ActivityView};
use spona_app::practices::SourcePractice;
use spona_app::AppError;
use spona_domain::activities::{ActivityId, AudienceGroup, Venue};
use spona_domain::practices::PracticeSource;
use spona_domain::validation::FieldError;

#[derive(Template)]
#[template(path = "activities/show.html")]
struct ShowPage {
    chrome: Chrome,
    v: ActivityView,
    kind: String,
    medium: Option<String>,
    date: String,
    groups: Vec<(String, i64)>,
    reach: i64,
    can_record: bool,
    /// Its live good practice, or whether the viewer may publish one.
    practice: SourcePractice,
}

/// `/activities/{id}`.
pub async fn show(
    State(state): State<WebState>,
    s: Signed,
    Path(id): Path<i64>,
) -> Result<Response, WebError> {
    let mut v = state.app.activity(s.actor(), ActivityId(id)).await?;
    let practice = state
        .app
        .practice_of_source(s.actor(), PracticeSource::Activity(v.activity.id))
        .await?;
    let tr = &s.viewer.tr;
    v.handed_out = tr.in_order(v.handed_out, |h| h.name.as_str(), |_| ());
    let a = &v.activity;
    html(&ShowPage {
        practice,
        chrome: s.viewer.chrome(Nav::Activities),
        kind: kind_label(tr, a.kind),
        medium: a
            .medium
            .map(|m| tr.t(&format!("activity-medium-{}", m.code()))),
        date: tr.date(&a.held_on),
        groups: AudienceGroup::ALL
            .iter()
            .map(|g| (group_label(tr, *g), a.audience.get(*g)))
            .collect(),
        reach: a.audience.total(),
        can_record: state.app.can_record_activities(s.actor()),
        v,
    })
}

#[derive(Template)]
#[template(path = "activities/form.html")]
struct FormPage {
    chrome: Chrome,
    form: ActivityForm,
    kinds: Vec<Choice>,
    media: Vec<Choice>,
    venues: Vec<Choice>,
    groups: Vec<GroupField>,
    plan_groups: Vec<PlanGroup>,
    errors: Errors,
    action: String,
    editing: Option<i64>,
}

/// The venues to choose from; a withdrawn one stays a choice on the activity held there.
fn venue_choices(venues: &[Venue], selected: &str) -> Vec<Choice> {
    venues
        .iter()
        .filter(|v| v.active || v.id.0.to_string() == selected)
        .map(|v| Choice {
            value: v.id.0.to_string(),
            label: v.name.clone(),
            selected: v.id.0.to_string() == selected,
        })
        .collect()
}

async fn form_page(
    state: &WebState,
    s: &Signed,
    form: ActivityForm,
    errors: Errors,
    editing: Option<i64>,
) -> Result<FormPage, WebError> {
    let tr = &s.viewer.tr;
    let venues = tr.in_order(
        state.app.venues(s.actor(), true).await?,
        |v| v.name.as_str(),
        |v| (!v.active, v.kind.code()),
    );
    let plan_groups = plan_groups(state, s, &form.plan_activity_id).await?;
    Ok(FormPage {
        chrome: s.viewer.chrome(Nav::Activities),
        kinds: kind_choices(tr, &form.kind),
        media: medium_choices(tr, &form.medium),
        venues: venue_choices(&venues, &form.venue_id),
        groups: AudienceGroup::ALL
            .iter()
            .map(|g| GroupField {
                field: group_field(*g),
                label: group_label(tr, *g),
                value: form.count(*g).to_string(),
            })
            .collect(),
        plan_groups,
        errors,
        action: match editing {
            Some(id) => format!("/activities/{id}"),
            None => "/activities".into(),
        },
        editing,
        form,
    })
}

/// The form back with what was typed and the errors.
async fn refill(
    state: &WebState,
    s: &Signed,
    form: ActivityForm,
    e: &spona_domain::validation::FieldErrors,
    editing: Option<i64>,
) -> Result<Response, WebError> {
    let errors = Errors::explained(&s.viewer.tr, e, |field, error| {
        let count = AudienceGroup::ALL.iter().any(|g| group_field(*g) == field);
        match (count, error) {
            (true, FieldError::Invalid) => Some("activity-count-invalid"),
            _ => None,
        }
    });
    let page = html(&form_page(state, s, form, errors, editing).await?)?;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
}

/// `/activities/new`.
pub async fn new(State(state): State<WebState>, s: Signed) -> Result<Response, WebError> {
    state
        .app
        .require_work(s.actor(), spona_domain::access::WorkNeed::Record)?;
    let form = ActivityForm {
        held_on: spona_domain::text::iso_date(state.app.today()),
        ..Default::default()
    };
    html(&form_page(&state, &s, form, Errors::none(), None).await?)
}

/// Records; bad input comes back at the fields.
pub async fn create(
    State(state): State<WebState>,
    s: Signed,
    ValidForm(form): ValidForm<ActivityForm>,
) -> Result<Response, WebError> {
    match state.app.create_activity(s.actor(), &form).await {
        Ok(id) => Ok(Redirect::to(&format!("/activities/{}", id.0)).into_response()),
        Err(AppError::Invalid(e)) => refill(&state, &s, form, &e, None).await,
        Err(e) => Err(e.into()),
    }
}

/// `/activities/{id}/edit`.
pub async fn edit(
    State(state): State<WebState>,
    s: Signed,
    Path(id): Path<i64>,
) -> Result<Response, WebError> {
    let v = state.app.activity(s.actor(), ActivityId(id)).await?;
    if !state.app.can_record_activities(s.actor()) {
        return Err(AppError::Forbidden.into());
    }
    let form = ActivityForm::from_activity(&v.activity);
    html(&form_page(&state, &s, form, Errors::none(), Some(id)).await?)
}

/// Saves an edit; a conflicting edit keeps what was typed and says so.
pub async fn update(
    State(state): State<WebState>,
    s: Signed,
    Path(id): Path<i64>,
    ValidForm(form): ValidForm<ActivityForm>,
) -> Result<Response, WebError> {
    match state
        .app
        .update_activity(s.actor(), ActivityId(id), &form)
        .await
    {
        Ok(()) => Ok(Redirect::to(&format!("/activities/{id}")).into_response()),
        Err(AppError::Invalid(e)) => refill(&state, &s, form, &e, Some(id)).await,
        Err(AppError::Conflict) => {
            let current = state.app.activity(s.actor(), ActivityId(id)).await?;
            let mut form = form;
            form.version = Some(current.activity.version);
            let errors = Errors::general(s.viewer.tr.t("edit-conflict"));
            let page = html(&form_page(&state, &s, form, errors, Some(id)).await?)?;
            Ok((StatusCode::CONFLICT, page).into_response())
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Template)]
#[template(path = "activities/delete.html")]
struct DeletePage {
    chrome: Chrome,
    question: String,
    /// Why the deletion was refused, when it was.
    refusal: Option<String>,
    id: i64,
    version: i64,
}

/// Asks before deleting.
pub async fn confirm_delete(
    State(state): State<WebState>,
    s: Signed,
    Path(id): Path<i64>,
) -> Result<Response, WebError> {
    let v = state.app.activity(s.actor(), ActivityId(id)).await?;
    if !state.app.can_record_activities(s.actor()) {
        return Err(AppError::Forbidden.into());
    }
    html(&DeletePage {
        chrome: s.viewer.chrome(Nav::Activities),
        question: s
            .viewer
            .tr
            .ts("activity-delete-question", "title", &v.activity.title),
        refusal: None,
        id,
        version: v.activity.version,
    })
}

/// The confirmation as posted.
#[derive(Deserialize)]
pub struct DeleteForm {
    #[serde(default)]
    pub version: i64,
}

/// Deletes, then back to the list.
pub async fn delete(
    State(state): State<WebState>,
    s: Signed,
    Path(id): Path<i64>,
    ValidForm(f): ValidForm<DeleteForm>,
) -> Result<Response, WebError> {
    match state
        .app
        .delete_activity(s.actor(), ActivityId(id), f.version)
        .await
    {
        Ok(()) => Ok(Redirect::to("/activities").into_response()),
        // Still linked: the confirmation page again, saying why nothing was deleted.
        Err(AppError::Invalid(e)) => {
            let v = state.app.activity(s.actor(), ActivityId(id)).await?;
            let tr = &s.viewer.tr;
            let page = html(&DeletePage {
                chrome: s.viewer.chrome(Nav::Activities),
                question: tr.ts("activity-delete-question", "title", &v.activity.title),
                refusal: e.iter().next().map(|(_, fe)| tr.t(fe.message_id())),
                id,
                version: v.activity.version,
            })?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
        Err(e) => Err(e.into()),
    }
}

//! The meetings list with the form for a new meeting, and one meeting with its minutes and
//! action items.

use crate::shell::chrome::{Chrome, Nav};
use crate::shell::errors::WebError;
use crate::shell::form::{Errors, ValidForm};
use crate::shell::pager::Pager;
use crate::shell::render::html;
use crate::shell::tr::Tr;
use crate::shell::viewer::Signed;
use crate::WebState;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use spona_app::meetings::{ActionForm, DoneForm, MeetingForm, MinutesForm};
use spona_app::AppError;
use spona_domain::registry::Institution;

/// Which page of a list.
#[derive(Debug, Default, serde::Deserialize)]
pub struct PageQuery {
    pub(super) page: Option<i64>,
    pub(super) saved: Option<String>,
}

/// A meeting as a row of the list.
struct Row {
    id: i64,
    held_on: String,
    place: String,
    agenda: String,
    present: String,
}

/// An institution to tick or choose.
pub struct Pick {
    pub id: i64,
    pub name: String,
    pub checked: bool,
}

#[derive(Template)]
#[template(path = "meetings/list.html")]
struct ListPage {
    chrome: Chrome,
    rows: Vec<Row>,
    pager: Pager,
    form: MeetingForm,
    institutions: Vec<Pick>,
    errors: Errors,
}

fn date(tr: &Tr, iso: &str) -> String {
    spona_domain::text::date(iso)
        .map(|d| tr.date(&d))
        .unwrap_or_else(|_| iso.to_string())
}

async fn institutions(state: &WebState, s: &Signed) -> Result<Vec<Institution>, WebError> {
    match &s.session.user.team_code {
        Some(team) => Ok(state
            .app
            .institution_choices_in(s.actor(), team, s.viewer.tr.locale)
            .await?),
        None => Err(WebError::App(AppError::Forbidden)),
    }
}

async fn list_page(
    state: &WebState,
    s: &Signed,
    page: i64,
    form: MeetingForm,
    errors: Errors,
) -> Result<ListPage, WebError> {
    let tr = &s.viewer.tr;
    let meetings = state.app.meetings(s.actor(), page).await?;
    let rows = meetings
        .items
        .iter()
        .map(|m| Row {
            id: m.id,
            held_on: date(tr, &m.held_on),
            place: m.place.clone(),
            agenda: m.agenda.chars().take(160).collect(),
            present: tr.tn("meeting-present-count", "count", m.present),
        })
        .collect();
    let institutions = institutions(state, s)
        .await?
        .into_iter()
        .map(|i| Pick {
            checked: form.present.contains(&i.id.0.to_string()),
            id: i.id.0,
            name: crate::cases::in_script(tr, &i.short_name),
        })
        .collect();
    Ok(ListPage {
        chrome: s.viewer.chrome(Nav::Meetings),
        pager: Pager::new(tr, page, meetings.total, &s.viewer.here),
        rows,
        form,
        institutions,
        errors,
    })
}

/// `GET /meetings`.
pub async fn list(
    State(state): State<WebState>,
    s: Signed,
    Query(q): Query<PageQuery>,
) -> Result<Response, WebError> {
    let page = list_page(
        &state,
        &s,
        q.page.unwrap_or(1),
        MeetingForm::default(),
        Errors::none(),
    )
    .await?;
    html(&page)
}

/// `POST /meetings`.
pub async fn create(
    State(state): State<WebState>,
    s: Signed,
    ValidForm(form): ValidForm<MeetingForm>,
) -> Result<Response, WebError> {
    match state.app.record_meeting(s.actor(), &form).await {
        Ok(id) => Ok(Redirect::to(&format!("/meetings/{id}?saved=meeting")).into_response()),
        Err(AppError::Invalid(e)) => {
            let errors = Errors::from_fields(&s.viewer.tr, &e);
            let page = list_page(&state, &s, 1, form, errors).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, html(&page)?).into_response())
        }
        Err(e) => Err(e.into()),
    }
}

/// An action item, ready to show.
struct ActionLine {
    id: i64,
    task: String,
    owner: String,
    deadline: String,
    overdue: bool,
    done: Option<String>,
    follow_up: String,
}

#[derive(Template)]
#[template(path = "meetings/show.html")]
struct ShowPage {
    chrome: Chrome,
    id: i64,
    title: String,
    place: String,
    agenda: String,
    present: Vec<String>,
    minutes: MinutesForm,
    actions: Vec<ActionLine>,
    owners: Vec<Pick>,
    action: ActionForm,
    errors: Errors,
    notice: Option<String>,
    alert: Option<String>,
}

/// What the meeting page shows again after a refused form.
#[derive(Default)]
struct Again {
    minutes: Option<MinutesForm>,
    action: Option<ActionForm>,
    errors: Option<Errors>,
    alert: Option<String>,
}

async fn show_page(
    state: &WebState,
    s: &Signed,
    id: i64,
    again: Again,
    notice: Option<String>,
) -> Result<ShowPage, WebError> {
    let tr = &s.viewer.tr;
    let view = state.app.meeting(s.actor(), id).await?;
    let today = spona_domain::text::iso_date(state.app.today());
    let m = &view.meeting;
    let action = again.action.unwrap_or_default();
    let owners = institutions(state, s)
        .await?
        .into_iter()
        .map(|i| Pick {
            checked: action.owner == i.id.0.to_string(),
            id: i.id.0,
            name: crate::cases::in_script(tr, &i.short_name),
        })
        .collect();
    Ok(ShowPage {
        chrome: s.viewer.chrome(Nav::Meetings),
        id,
        title: tr.ts("meeting-title", "date", &date(tr, &m.held_on)),
        place: m.place.clone(),
        agenda: m.agenda.clone(),
        present: view
            .present
            .iter()
            .map(|p| crate::cases::in_script(tr, p))
            .collect(),
        minutes: again.minutes.unwrap_or(MinutesForm {
            minutes: m.minutes.clone(),
            decisions: m.decisions.clone(),
            version: m.version,
        }),
        actions: view
            .actions
            .iter()
            .map(|a| ActionLine {
                id: a.id,
                task: a.task.clone(),
                owner: crate::cases::in_script(tr, &a.owner_short),
                deadline: date(tr, &a.deadline),
                overdue: a.done_on.is_none() && a.deadline < today,
                done: a.done_on.as_deref().map(|d| date(tr, d)),
                follow_up: a.follow_up.clone(),
            })
            .collect(),
        owners,
        action,
        errors: again.errors.unwrap_or_else(Errors::none),
        notice,
        alert: again.alert,
    })
}

/// `GET /meetings/{id}`.
pub async fn show(
    State(state): State<WebState>,
    s: Signed,
    Path(id): Path<i64>,
    Query(q): Query<PageQuery>,
) -> Result<Response, WebError> {
    let notice = q.saved.map(|_| s.viewer.tr.t("saved"));
    html(&show_page(&state, &s, id, Again::default(), notice).await?)
}

/// `POST /meetings/{id}/minutes`.
pub async fn minutes(
    State(state): State<WebState>,
    s: Signed,
    Path(id): Path<i64>,
    ValidForm(form): ValidForm<MinutesForm>,
) -> Result<Response, WebError> {
    let (status, again) = match state.app.record_minutes(s.actor(), id, &form).await {
        Ok(()) => return Ok(Redirect::to(&format!("/meetings/{id}?saved=minutes")).into_response()),
        Err(AppError::Invalid(e)) => (
            StatusCode::UNPROCESSABLE_ENTITY,
            Again {
                errors: Some(Errors::from_fields(&s.viewer.tr, &e)),
                minutes: Some(form),
                ..Again::default()
            },
        ),
        Err(AppError::Conflict) => (
            StatusCode::CONFLICT,
            Again {
                alert: Some(s.viewer.tr.t("meeting-conflict")),
                ..Again::default()
            },
        ),
        Err(e) => return Err(e.into()),
    };
    let page = show_page(&state, &s, id, again, None).await?;
    Ok((status, html(&page)?).into_response())
}

/// `POST /meetings/{id}/actions`.
pub async fn add_action(
    State(state): State<WebState>,
    s: Signed,
    Path(id): Path<i64>,
    ValidForm(form): ValidForm<ActionForm>,
) -> Result<Response, WebError> {
    match state.app.add_meeting_action(s.actor(), id, &form).await {
        Ok(_) => {
            Ok(Redirect::to(&format!("/meetings/{id}?saved=action#actions-h")).into_response())
        }
        Err(AppError::Invalid(e)) => {
            let again = Again {
                errors: Some(Errors::from_fields(&s.viewer.tr, &e)),
                action: Some(form),
                ..Again::default()
            };
            let page = show_page(&state, &s, id, again, None).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, html(&page)?).into_response())
        }
        Err(e) => Err(e.into()),
    }
}

/// `POST /meeting-actions/{id}/done`.
pub async fn done(
    State(state): State<WebState>,
    s: Signed,
    Path(id): Path<i64>,
    ValidForm(form): ValidForm<DoneForm>,
) -> Result<Response, WebError> {
    let meeting = state
        .app
        .complete_meeting_action(s.actor(), id, &form)
        .await?;
    Ok(Redirect::to(&format!("/meetings/{meeting}?saved=done#actions-h")).into_response())
}

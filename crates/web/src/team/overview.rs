//! Teams: the deployment's list of teams, one team's overview, and its founding decision.

use crate::official_files::{self, FilesPanel, UploadForm};
use crate::shell::chrome::{Chrome, Nav};
use crate::shell::errors::WebError;
use crate::shell::form::{Errors, ValidForm};
use crate::shell::render::html;
use crate::shell::viewer::Signed;
use crate::WebState;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use spona_app::forms::FoundingForm;
use spona_app::registry::{MemberQuery, TeamOverview};
use spona_app::AppError;
use spona_domain::registry::Team;
use spona_domain::text::iso_date;

#[derive(Template)]
#[template(path = "team/teams.html")]
struct TeamsPage {
    chrome: Chrome,
    teams: Vec<Team>,
}

/// The teams of the deployment; a team-bound user only ever has their own, so goes straight there.
pub async fn list(State(state): State<WebState>, s: Signed) -> Result<Response, WebError> {
    if s.actor().role.is_team_bound() {
        if let Some(code) = &s.session.user.team_code {
            return Ok(Redirect::to(&format!("/teams/{code}")).into_response());
        }
    }
    let teams = state.app.teams_in(s.actor(), s.viewer.tr.locale).await?;
    html(&TeamsPage {
        chrome: s.viewer.chrome(Nav::Team),
        teams,
    })
}

#[derive(Template)]
#[template(path = "team/overview.html")]
pub(super) struct OverviewPage {
    chrome: Chrome,
    /// Named `v` because the history partial reads `v.history`.
    v: TeamOverview,
    /// How many active members the team has, when the viewer may see members at all.
    members: Option<i64>,
    /// Deployment-wide roles get a way back to the list of teams.
    all_teams: bool,
    /// The coordinator keeps the team's public page and calendar feeds.
    outreach: bool,
    /// The files on the founding decision, and the upload form for those who edit it.
    pub(super) files: FilesPanel,
    notice: Option<String>,
}

/// What a redirect asks the page to say.
#[derive(Default, serde::Deserialize)]
#[serde(default)]
pub struct Notice {
    file: Option<String>,
}

/// One team at a glance.
pub async fn show(
    State(state): State<WebState>,
    s: Signed,
    Path(team): Path<String>,
    Query(n): Query<Notice>,
) -> Result<Response, WebError> {
    let mut page = overview_page(&state, &s, &team).await?;
    page.notice = n.file.map(|_| s.viewer.tr.t("official-file-saved"));
    html(&page)
}

/// The team's page, as `show` gives it.
pub(super) async fn overview_page(
    state: &WebState,
    s: &Signed,
    team: &str,
) -> Result<OverviewPage, WebError> {
    let v = state.app.team_overview(s.actor(), team).await?;
    let members = if v.can_see_members {
        let (_, page) = state
            .app
            .members(s.actor(), team, &MemberQuery::default())
            .await?;
        Some(page.total)
    } else {
        None
    };
    let code = &v.team.code;
    let base = format!("/teams/{code}/founding/files");
    let upload = v.can_edit.then(|| UploadForm::to(base.clone(), None));
    let files = state.app.founding_files(s.actor(), team).await?;
    let files = official_files::panel(
        &s.viewer.tr,
        "official-files-founding",
        files,
        &base,
        upload,
    );
    Ok(OverviewPage {
        chrome: s.viewer.chrome(Nav::Team),
        all_teams: !s.actor().role.is_team_bound(),
        outreach: state.app.can_lead_outreach(s.actor()) && s.actor().team_id == Some(v.team.id),
        v,
        members,
        files,
        notice: None,
    })
}

#[derive(Template)]
#[template(path = "team/founding_form.html")]
struct FoundingPage {
    chrome: Chrome,
    team: Team,
    form: FoundingForm,
    errors: Errors,
}

/// The founding decision as a form.
pub async fn edit_founding(
    State(state): State<WebState>,
    s: Signed,
    Path(team): Path<String>,
) -> Result<Response, WebError> {
    let team = state.app.team_for_editing(s.actor(), &team).await?;
    let form = FoundingForm {
        number: team.founding.number.clone(),
        date: team.founding.date.map(iso_date).unwrap_or_default(),
        body: team.founding.body.clone(),
        version: Some(team.version),
    };
    html(&FoundingPage {
        chrome: s.viewer.chrome(Nav::Team),
        team,
        form,
        errors: Errors::none(),
    })
}

/// Saves the founding decision; bad input or a conflicting edit keeps what was typed.
pub async fn save_founding(
    State(state): State<WebState>,
    s: Signed,
    Path(team): Path<String>,
    ValidForm(form): ValidForm<FoundingForm>,
) -> Result<Response, WebError> {
    match state.app.update_founding(s.actor(), &team, &form).await {
        Ok(()) => Ok(Redirect::to(&format!("/teams/{team}")).into_response()),
        Err(AppError::Invalid(e)) => {
            let team = state.app.team_for_editing(s.actor(), &team).await?;
            let errors = Errors::from_fields(&s.viewer.tr, &e);
            refill(&s, team, form, errors)
        }
        Err(AppError::Conflict) => {
            let team = state.app.team_for_editing(s.actor(), &team).await?;
            let mut form = form;
            form.version = Some(team.version);
            let errors = Errors::general(s.viewer.tr.t("edit-conflict"));
            refill(&s, team, form, errors)
        }
        Err(e) => Err(e.into()),
    }
}

fn refill(
    s: &Signed,
    team: Team,
    form: FoundingForm,
    errors: Errors,
) -> Result<Response, WebError> {
    let page = html(&FoundingPage {
        chrome: s.viewer.chrome(Nav::Team),
        team,
        form,
        errors,
    })?;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
}

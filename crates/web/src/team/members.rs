//! Team members: list with search and filters, view with history, add and edit with errors
//! at the fields, deactivate after confirmation. Names are shown only to the team itself
//! (and the administrator); the app layer decides that, the pages only follow.

use super::institutions::{ActiveForm, Choice};
use crate::shell::chrome::{Chrome, Nav};
use crate::shell::errors::WebError;
use crate::shell::form::{Errors, ValidForm};
use crate::shell::pager::Pager;
use crate::shell::render::html;
use crate::shell::viewer::Signed;
use crate::WebState;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use spona_app::forms::MemberForm;
use spona_app::registry::{MemberQuery, MemberView};
use spona_app::AppError;
use spona_domain::ids::MemberId;
use spona_domain::registry::{Institution, Member, Standing, Team, TeamRole};
use spona_domain::text::iso_date;

/// The team's active institutions as select choices, members and partners apart.
struct InstitutionChoices {
    members: Vec<Choice>,
    partners: Vec<Choice>,
}

impl InstitutionChoices {
    fn new(s: &Signed, institutions: &[Institution], selected: &str) -> InstitutionChoices {
        let choice = |i: &Institution| Choice {
            value: i.id.0.to_string(),
            label: s.viewer.tr.pick(&i.name_cyrl, &i.name_latn).to_string(),
            selected: i.id.0.to_string() == selected.trim(),
        };
        InstitutionChoices {
            members: institutions
                .iter()
                .filter(|i| i.standing == Standing::Member)
                .map(choice)
                .collect(),
            partners: institutions
                .iter()
                .filter(|i| i.standing != Standing::Member)
                .map(choice)
                .collect(),
        }
    }
}

/// The team roles as select choices.
fn role_choices(s: &Signed, selected: &str) -> Vec<Choice> {
    TeamRole::ALL
        .iter()
        .map(|r| Choice {
            value: r.code().into(),
            label: s.viewer.tr.t(&format!("team-role-{}", r.code())),
            selected: r.code() == selected,
        })
        .collect()
}

/// A line of the list.
struct Row {
    member: Member,
    institution_short: String,
    serving: bool,
}

#[derive(Template)]
#[template(path = "team/members.html")]
struct ListPage {
    chrome: Chrome,
    team: Team,
    rows: Vec<Row>,
    q: MemberQuery,
    institutions: InstitutionChoices,
    /// Whether any filter narrows the list (to offer clearing it and word the empty state).
    filtered: bool,
    pager: Pager,
    can_edit: bool,
    /// Whether the reader may import members into this team (its own) from a spreadsheet.
    can_import: bool,
}

/// The list.
pub async fn list(
    State(state): State<WebState>,
    s: Signed,
    Path(team): Path<String>,
    Query(mut q): Query<MemberQuery>,
) -> Result<Response, WebError> {
    q.locale = s.viewer.tr.locale;
    let (team, page) = state.app.members(s.actor(), &team, &q).await?;
    let choices = state
        .app
        .institution_choices_in(s.actor(), &team.code, s.viewer.tr.locale)
        .await?;
    let can_edit = state.app.can_edit_registry(s.actor(), &team);
    let can_import = s.actor().team_id == Some(team.id)
        && state
            .app
            .import_kinds(s.actor())
            .is_ok_and(|k| k.contains(&spona_app::imports::ImportKind::Members));
    let today = state.app.today();
    let pager = Pager::new(
        &s.viewer.tr,
        q.page.unwrap_or(1),
        page.total,
        &s.viewer.here,
    );
    let rows = page
        .items
        .into_iter()
        .map(|e| Row {
            serving: e.member.is_serving(today),
            member: e.member,
            institution_short: e.institution_short,
        })
        .collect();
    html(&ListPage {
        chrome: s.viewer.chrome(Nav::Team),
        institutions: InstitutionChoices::new(&s, &choices, &q.institution),
        filtered: !q.q.trim().is_empty() || !q.institution.is_empty(),
        team,
        rows,
        q,
        pager,
        can_edit,
        can_import,
    })
}

#[derive(Template)]
#[template(path = "team/member.html")]
struct ShowPage {
    chrome: Chrome,
    /// Named `v` because the history partial reads `v.history`.
    v: MemberView,
    serving: bool,
}

/// One membership.
pub async fn show(
    State(state): State<WebState>,
    s: Signed,
    Path((team, id)): Path<(String, i64)>,
) -> Result<Response, WebError> {
    let v = state.app.member(s.actor(), &team, MemberId(id)).await?;
    html(&ShowPage {
        chrome: s.viewer.chrome(Nav::Team),
        serving: v.entry.member.is_serving(state.app.today()),
        v,
    })
}

#[derive(Template)]
#[template(path = "team/member_form.html")]
struct FormPage {
    chrome: Chrome,
    team: Team,
    form: MemberForm,
    institutions: InstitutionChoices,
    roles: Vec<Choice>,
    errors: Errors,
    /// Where the form posts.
    action: String,
    /// Some for an edit, None for a new membership.
    editing: Option<i64>,
}

/// Builds the form page (status 200; callers that refill it set 422).
async fn form_page(
    state: &WebState,
    s: &Signed,
    team: Team,
    form: MemberForm,
    errors: Errors,
    editing: Option<i64>,
) -> Result<Response, WebError> {
    let choices = state
        .app
        .institution_choices_in(s.actor(), &team.code, s.viewer.tr.locale)
        .await?;
    let action = match editing {
        Some(id) => format!("/teams/{}/members/{id}", team.code),
        None => format!("/teams/{}/members", team.code),
    };
    html(&FormPage {
        chrome: s.viewer.chrome(Nav::Team),
        institutions: InstitutionChoices::new(s, &choices, &form.institution_id),
        roles: role_choices(s, &form.team_role),
        team,
        form,
        errors,
        action,
        editing,
    })
}

/// The form again with what was typed and what is wrong with it.
async fn refill(
    state: &WebState,
    s: &Signed,
    team: Team,
    form: MemberForm,
    errors: Errors,
    editing: Option<i64>,
) -> Result<Response, WebError> {
    let page = form_page(state, s, team, form, errors, editing).await?;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
}

/// The empty form; a membership usually starts today.
pub async fn new(
    State(state): State<WebState>,
    s: Signed,
    Path(team): Path<String>,
) -> Result<Response, WebError> {
    let team = state.app.team_for_editing(s.actor(), &team).await?;
    let form = MemberForm {
        team_role: TeamRole::Representative.code().into(),
        from_date: iso_date(state.app.today()),
        ..Default::default()
    };
    form_page(&state, &s, team, form, Errors::none(), None).await
}

/// Adds a member; on bad input the form comes back with what was typed and the errors.
pub async fn create(
    State(state): State<WebState>,
    s: Signed,
    Path(team): Path<String>,
    ValidForm(form): ValidForm<MemberForm>,
) -> Result<Response, WebError> {
    match state.app.create_member(s.actor(), &team, &form).await {
        Ok(id) => Ok(Redirect::to(&format!("/teams/{team}/members/{}", id.0)).into_response()),
        Err(AppError::Invalid(e)) => {
            let team = state.app.team_for_editing(s.actor(), &team).await?;
            let errors = Errors::from_fields(&s.viewer.tr, &e);
            refill(&state, &s, team, form, errors, None).await
        }
        Err(e) => Err(e.into()),
    }
}

/// The form filled with the membership.
pub async fn edit(
    State(state): State<WebState>,
    s: Signed,
    Path((team, id)): Path<(String, i64)>,
) -> Result<Response, WebError> {
    let team_rec = state.app.team_for_editing(s.actor(), &team).await?;
    let v = state.app.member(s.actor(), &team, MemberId(id)).await?;
    let form = MemberForm::from_member(&v.entry.member);
    form_page(&state, &s, team_rec, form, Errors::none(), Some(id)).await
}

/// Saves an edit; a conflicting edit keeps what was typed and says so.
pub async fn update(
    State(state): State<WebState>,
    s: Signed,
    Path((team, id)): Path<(String, i64)>,
    ValidForm(form): ValidForm<MemberForm>,
) -> Result<Response, WebError> {
    match state
        .app
        .update_member(s.actor(), &team, MemberId(id), &form)
        .await
    {
        Ok(()) => Ok(Redirect::to(&format!("/teams/{team}/members/{id}")).into_response()),
        Err(AppError::Invalid(e)) => {
            let team = state.app.team_for_editing(s.actor(), &team).await?;
            let errors = Errors::from_fields(&s.viewer.tr, &e);
            refill(&state, &s, team, form, errors, Some(id)).await
        }
        Err(AppError::Conflict) => {
            let team_rec = state.app.team_for_editing(s.actor(), &team).await?;
            let current = state.app.member(s.actor(), &team, MemberId(id)).await?;
            let mut form = form;
            form.version = Some(current.entry.member.version);
            let errors = Errors::general(s.viewer.tr.t("edit-conflict"));
            refill(&state, &s, team_rec, form, errors, Some(id)).await
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Template)]
#[template(path = "team/confirm.html")]
struct ConfirmPage {
    chrome: Chrome,
    question: String,
    action: String,
    back: String,
    version: i64,
}

/// Asks before deactivating.
pub async fn confirm_deactivate(
    State(state): State<WebState>,
    s: Signed,
    Path((team, id)): Path<(String, i64)>,
) -> Result<Response, WebError> {
    state.app.team_for_editing(s.actor(), &team).await?;
    let v = state.app.member(s.actor(), &team, MemberId(id)).await?;
    html(&ConfirmPage {
        chrome: s.viewer.chrome(Nav::Team),
        question: s
            .viewer
            .tr
            .ts("confirm-deactivate-body", "name", &v.entry.member.full_name),
        action: format!("/teams/{team}/members/{id}/active"),
        back: format!("/teams/{team}/members/{id}"),
        version: v.entry.member.version,
    })
}

/// Deactivates or reactivates.
pub async fn set_active(
    State(state): State<WebState>,
    s: Signed,
    Path((team, id)): Path<(String, i64)>,
    ValidForm(f): ValidForm<ActiveForm>,
) -> Result<Response, WebError> {
    state
        .app
        .set_member_active(s.actor(), &team, MemberId(id), f.version, f.active == "1")
        .await?;
    Ok(Redirect::to(&format!("/teams/{team}/members/{id}")).into_response())
}

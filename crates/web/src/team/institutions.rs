//! Institutions and partners of a team: list with search, sort and pages; view with history;
//! create and edit with errors at the fields; deactivate after confirmation.

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
use serde::Deserialize;
use spona_app::forms::InstitutionForm;
use spona_app::registry::{InstitutionQuery, InstitutionView};
use spona_app::AppError;
use spona_domain::ids::InstitutionId;
use spona_domain::registry::{Institution, InstitutionKind, Team};

/// A choice in a select.
pub struct Choice {
    pub value: String,
    pub label: String,
    pub selected: bool,
}

/// The kinds of institution as select choices.
pub fn kind_choices(s: &Signed, selected: &str) -> Vec<Choice> {
    InstitutionKind::ALL
        .iter()
        .map(|k| Choice {
            value: k.code().into(),
            label: s.viewer.tr.t(&format!("kind-{}", k.code())),
            selected: k.code() == selected,
        })
        .collect()
}

#[derive(Template)]
#[template(path = "team/institutions.html")]
struct ListPage {
    chrome: Chrome,
    team: Team,
    rows: Vec<Institution>,
    q: InstitutionQuery,
    kinds: Vec<Choice>,
    pager: Pager,
    can_edit: bool,
    /// Whether the reader imports the own team's institutions (to link the import page).
    can_import: bool,
    partners: bool,
}

/// The list.
pub async fn list(
    State(state): State<WebState>,
    s: Signed,
    Path(team): Path<String>,
    Query(mut q): Query<InstitutionQuery>,
) -> Result<Response, WebError> {
    q.locale = s.viewer.tr.locale;
    let (team, page) = state.app.institutions(s.actor(), &team, &q).await?;
    let can_edit = state.app.can_edit_registry(s.actor(), &team);
    let can_import = s.actor().team_id == Some(team.id)
        && state
            .app
            .import_kinds(s.actor())
            .is_ok_and(|k| k.contains(&spona_app::imports::ImportKind::Institutions));
    let pager = Pager::new(
        &s.viewer.tr,
        q.page.unwrap_or(1),
        page.total,
        &s.viewer.here,
    );
    html(&ListPage {
        chrome: s.viewer.chrome(Nav::Team),
        kinds: kind_choices(&s, &q.kind),
        partners: q.standing == "partner",
        team,
        rows: page.items,
        q,
        pager,
        can_edit,
        can_import,
    })
}

#[derive(Template)]
#[template(path = "team/institution.html")]
struct ShowPage {
    chrome: Chrome,
    v: InstitutionView,
    kind_label: String,
}

/// One institution.
pub async fn show(
    State(state): State<WebState>,
    s: Signed,
    Path((team, id)): Path<(String, i64)>,
) -> Result<Response, WebError> {
    let v = state
        .app
        .institution(s.actor(), &team, InstitutionId(id))
        .await?;
    html(&ShowPage {
        chrome: s.viewer.chrome(Nav::Team),
        kind_label: s
            .viewer
            .tr
            .t(&format!("kind-{}", v.institution.kind.code())),
        v,
    })
}

#[derive(Template)]
#[template(path = "team/institution_form.html")]
struct FormPage {
    chrome: Chrome,
    team: Team,
    form: InstitutionForm,
    kinds: Vec<Choice>,
    errors: Errors,
    /// Where the form posts.
    action: String,
    /// Some for an edit, None for a new institution.
    editing: Option<i64>,
}

/// What `new` may be told: member institution or partner.
#[derive(Deserialize, Default)]
pub struct NewQuery {
    #[serde(default)]
    standing: String,
}

/// The empty form.
pub async fn new(
    State(state): State<WebState>,
    s: Signed,
    Path(team): Path<String>,
    Query(q): Query<NewQuery>,
) -> Result<Response, WebError> {
    let team = state.app.team_for_editing(s.actor(), &team).await?;
    let form = InstitutionForm {
        standing: if q.standing == "partner" {
            "partner".into()
        } else {
            "member".into()
        },
        ..Default::default()
    };
    html(&FormPage {
        chrome: s.viewer.chrome(Nav::Team),
        action: format!("/teams/{}/institutions", team.code),
        kinds: kind_choices(&s, &form.kind),
        team,
        form,
        errors: Errors::none(),
        editing: None,
    })
}

/// Creates; on bad input the form comes back with what was typed and the errors.
pub async fn create(
    State(state): State<WebState>,
    s: Signed,
    Path(team): Path<String>,
    ValidForm(form): ValidForm<InstitutionForm>,
) -> Result<Response, WebError> {
    match state.app.create_institution(s.actor(), &team, &form).await {
        Ok(id) => Ok(Redirect::to(&format!("/teams/{team}/institutions/{}", id.0)).into_response()),
        Err(AppError::Invalid(e)) => {
            let team = state.app.team_for_editing(s.actor(), &team).await?;
            refill(&s, team, form, Errors::from_fields(&s.viewer.tr, &e), None)
        }
        Err(e) => Err(e.into()),
    }
}

/// The form filled with the institution.
pub async fn edit(
    State(state): State<WebState>,
    s: Signed,
    Path((team, id)): Path<(String, i64)>,
) -> Result<Response, WebError> {
    let team_rec = state.app.team_for_editing(s.actor(), &team).await?;
    let v = state
        .app
        .institution(s.actor(), &team, InstitutionId(id))
        .await?;
    let form = InstitutionForm::from_institution(&v.institution);
    html(&FormPage {
        chrome: s.viewer.chrome(Nav::Team),
        action: format!("/teams/{}/institutions/{id}", team_rec.code),
        kinds: kind_choices(&s, &form.kind),
        team: team_rec,
        form,
        errors: Errors::none(),
        editing: Some(id),
    })
}

/// Saves an edit; a conflicting edit keeps what was typed and says so.
pub async fn update(
    State(state): State<WebState>,
    s: Signed,
    Path((team, id)): Path<(String, i64)>,
    ValidForm(form): ValidForm<InstitutionForm>,
) -> Result<Response, WebError> {
    match state
        .app
        .update_institution(s.actor(), &team, InstitutionId(id), &form)
        .await
    {
        Ok(()) => Ok(Redirect::to(&format!("/teams/{team}/institutions/{id}")).into_response()),
        Err(AppError::Invalid(e)) => {
            let team = state.app.team_for_editing(s.actor(), &team).await?;
            refill(
                &s,
                team,
                form,
                Errors::from_fields(&s.viewer.tr, &e),
                Some(id),
            )
        }
        Err(AppError::Conflict) => {
            let team_rec = state.app.team_for_editing(s.actor(), &team).await?;
            let current = state
                .app
                .institution(s.actor(), &team, InstitutionId(id))
                .await?;
            let mut form = form;
            form.version = Some(current.institution.version);
            refill(
                &s,
                team_rec,
                form,
                Errors::general(s.viewer.tr.t("edit-conflict")),
                Some(id),
            )
        }
        Err(e) => Err(e.into()),
    }
}

fn refill(
    s: &Signed,
    team: Team,
    form: InstitutionForm,
    errors: Errors,
    editing: Option<i64>,
) -> Result<Response, WebError> {
    let action = match editing {
        Some(id) => format!("/teams/{}/institutions/{id}", team.code),
        None => format!("/teams/{}/institutions", team.code),
    };
    let page = html(&FormPage {
        chrome: s.viewer.chrome(Nav::Team),
        kinds: kind_choices(s, &form.kind),
        action,
        team,
        form,
        errors,
        editing,
    })?;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
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
    let v = state
        .app
        .institution(s.actor(), &team, InstitutionId(id))
        .await?;
    let name = s
        .viewer
        .tr
        .pick(&v.institution.name_cyrl, &v.institution.name_latn)
        .to_string();
    html(&ConfirmPage {
        chrome: s.viewer.chrome(Nav::Team),
        question: s.viewer.tr.ts("confirm-deactivate-body", "name", &name),
        action: format!("/teams/{team}/institutions/{id}/active"),
        back: format!("/teams/{team}/institutions/{id}"),
        version: v.institution.version,
    })
}

/// The deactivate/reactivate form as posted.
#[derive(Deserialize)]
pub struct ActiveForm {
    #[serde(default)]
    pub active: String,
    #[serde(default)]
    pub version: i64,
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
        .set_institution_active(
            s.actor(),
            &team,
            InstitutionId(id),
            f.version,
            f.active == "1",
        )
        .await?;
    Ok(Redirect::to(&format!("/teams/{team}/institutions/{id}")).into_response())
}

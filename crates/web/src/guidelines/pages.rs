//! The library's list (with the form for a new document, for the coordinator) and one
//! document with its versions, the reader's acknowledgement and the revision form.

use crate::cases::Choice;
use crate::official_files::{self, FilesPanel, UploadForm};
use crate::shell::chrome::{Chrome, Nav};
use crate::shell::errors::WebError;
use crate::shell::form::{Errors, ValidForm};
use crate::shell::render::html;
use crate::shell::tr::Tr;
use crate::shell::viewer::Signed;
use crate::WebState;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use spona_app::guidelines::{
    GuidelineForm, GuidelineView, RevisionForm, GUIDELINE_KINDS, GUIDELINE_LANGUAGES,
};
use spona_app::AppError;
use spona_domain::registry::InstitutionKind;

/// A document as a row of the list.
struct Row {
    id: i64,
    title: String,
    kind: String,
    version: i64,
    in_force: String,
    read: bool,
    for_me: bool,
}

#[derive(Template)]
#[template(path = "guidelines/list.html")]
struct ListPage {
    chrome: Chrome,
    rows: Vec<Row>,
    /// The new-document form, for the coordinator.
    new: Option<NewPanel>,
    card_kinds: Vec<Choice>,
}

struct NewPanel {
    form: GuidelineForm,
    kinds: Vec<Choice>,
    languages: Vec<Choice>,
    addressed: Vec<Choice>,
    errors: Errors,
}

fn in_force(tr: &Tr, v: &GuidelineView) -> String {
    let d = |iso: &str| {
        spona_domain::text::date(iso)
            .map(|d| tr.date(&d))
            .unwrap_or_else(|_| iso.to_string())
    };
    match &v.guideline.in_force_to {
        Some(to) => format!("{} – {}", d(&v.guideline.in_force_from), d(to)),
        None => format!("{} –", d(&v.guideline.in_force_from)),
    }
}

fn leads(s: &Signed) -> bool {
    s.may().lead_team_work
}

/// The institution kinds, for the card and the "addressed to" choices.
pub fn kind_choices(tr: &Tr, selected: &[String]) -> Vec<Choice> {
    InstitutionKind::ALL
        .iter()
        .map(|k| Choice {
            value: k.code().into(),
            label: tr.t(&format!("kind-{}", k.code())),
            selected: selected.iter().any(|s| s == k.code()),
        })
        .collect()
}

async fn list_page(
    state: &WebState,
    s: &Signed,
    form: GuidelineForm,
    errors: Errors,
) -> Result<ListPage, WebError> {
    let tr = &s.viewer.tr;
    let guidelines = tr.in_order(
        state.app.guidelines(s.actor()).await?,
        |g| g.guideline.title.as_str(),
        |_| (),
    );
    let rows = guidelines
        .iter()
        .map(|g| Row {
            id: g.guideline.id,
            title: g.guideline.title.clone(),
            kind: tr.t(&format!("guideline-kind-{}", g.guideline.kind)),
            version: g.guideline.current_version,
            in_force: in_force(tr, g),
            read: g.read,
            for_me: g.for_me,
        })
        .collect();
    let new = leads(s).then(|| {
        let pick = |values: &[&str], prefix: &str, current: &str| -> Vec<Choice> {
            values
                .iter()
                .map(|v| Choice {
                    value: (*v).into(),
                    label: tr.t(&format!("{prefix}{v}")),
                    selected: current == *v,
                })
                .collect()
        };
        NewPanel {
            kinds: pick(&GUIDELINE_KINDS, "guideline-kind-", &form.kind),
            languages: pick(&GUIDELINE_LANGUAGES, "guideline-language-", &form.language),
            addressed: kind_choices(tr, &form.addressed),
            form,
            errors,
        }
    });
    Ok(ListPage {
        chrome: s.viewer.chrome(Nav::Guidelines),
        rows,
        new,
        card_kinds: kind_choices(tr, &[]),
    })
}

/// `GET /guidelines`.
pub async fn list(State(state): State<WebState>, s: Signed) -> Result<Response, WebError> {
    let form = GuidelineForm {
        language: "sr-Cyrl".into(),
        in_force_from: spona_domain::text::iso_date(state.app.today()),
        ..GuidelineForm::default()
    };
    html(&list_page(&state, &s, form, Errors::none()).await?)
}

/// `POST /guidelines`.
pub async fn create(
    State(state): State<WebState>,
    s: Signed,
    ValidForm(form): ValidForm<GuidelineForm>,
) -> Result<Response, WebError> {
    match state.app.add_guideline(s.actor(), &form).await {
        Ok(id) => Ok(Redirect::to(&format!("/guidelines/{id}?saved=1")).into_response()),
        Err(AppError::Invalid(e)) => {
            let errors = Errors::from_fields(&s.viewer.tr, &e);
            let page = list_page(&state, &s, form, errors).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, html(&page)?).into_response())
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Template)]
#[template(path = "guidelines/show.html")]
pub(super) struct ShowPage {
    chrome: Chrome,
    id: i64,
    title: String,
    kind: String,
    language: String,
    in_force: String,
    addressed: String,
    body: String,
    version: i64,
    read: bool,
    versions: Vec<(i64, String, String)>,
    not_read: Option<Vec<String>>,
    revise: Option<(RevisionForm, Errors)>,
    notice: Option<String>,
    pub(super) alert: Option<String>,
    /// The files on the versions, and the upload form for the coordinator.
    pub(super) files: FilesPanel,
}

/// What a redirect asks the page to say.
#[derive(Default, serde::Deserialize)]
#[serde(default)]
pub struct Notice {
    saved: Option<String>,
    read: Option<String>,
    file: Option<String>,
}

pub(super) async fn show_page(
    state: &WebState,
    s: &Signed,
    id: i64,
    revise: Option<(RevisionForm, Errors)>,
    notice: Option<String>,
    alert: Option<String>,
) -> Result<ShowPage, WebError> {
    let tr = &s.viewer.tr;
    let v = state.app.guideline(s.actor(), id).await?;
    let g = &v.guideline;
    let addressed = if g.addressed.is_empty() {
        tr.t("guideline-addressed-all")
    } else {
        g.addressed
            .split(',')
            .map(|k| tr.t(&format!("kind-{k}")))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let revise = leads(s).then(|| {
        revise.unwrap_or_else(|| {
            (
                RevisionForm {
                    body: g.body.clone(),
                    note: String::new(),
                    version: g.current_version,
                },
                Errors::none(),
            )
        })
    });
    let upload = leads(s)
        .then(|| UploadForm::to(format!("/guidelines/{id}/files"), Some(g.current_version)));
    let files = state.app.guideline_files(s.actor(), id).await?;
    let files = official_files::panel(
        tr,
        "official-files-guideline",
        files,
        &format!("/guidelines/{id}/files"),
        upload,
    );
    Ok(ShowPage {
        chrome: s.viewer.chrome(Nav::Guidelines),
        id,
        title: g.title.clone(),
        kind: tr.t(&format!("guideline-kind-{}", g.kind)),
        language: tr.t(&format!("guideline-language-{}", g.language)),
        in_force: in_force(tr, &v),
        addressed,
        body: g.body.clone(),
        version: g.current_version,
        read: v.read,
        versions: v
            .versions
            .iter()
            .map(|(no, at, note)| (*no, tr.instant(at), note.clone()))
            .collect(),
        not_read: v
            .not_read
            .clone()
            .map(|names| tr.in_order(names, String::as_str, |_| ())),
        revise,
        notice,
        alert,
        files,
    })
}

/// `GET /guidelines/{id}`.
pub async fn show(
    State(state): State<WebState>,
    s: Signed,
    Path(id): Path<i64>,
    Query(n): Query<Notice>,
) -> Result<Response, WebError> {
    let tr = &s.viewer.tr;
    let notice = if n.read.is_some() {
        Some(tr.t("guideline-read-thanks"))
    } else if n.file.is_some() {
        Some(tr.t("official-file-saved"))
    } else {
        n.saved.map(|_| tr.t("saved"))
    };
    html(&show_page(&state, &s, id, None, notice, None).await?)
}

/// The version read.
#[derive(serde::Deserialize)]
pub struct ReadForm {
    #[serde(default)]
    version: i64,
}

/// `POST /guidelines/{id}/read`.
pub async fn acknowledge(
    State(state): State<WebState>,
    s: Signed,
    Path(id): Path<i64>,
    ValidForm(form): ValidForm<ReadForm>,
) -> Result<Response, WebError> {
    match state
        .app
        .acknowledge_guideline(s.actor(), id, form.version)
        .await
    {
        Ok(()) => Ok(Redirect::to(&format!("/guidelines/{id}?read=1")).into_response()),
        Err(AppError::Conflict) => {
            let alert = Some(s.viewer.tr.t("guideline-revised-since"));
            let page = show_page(&state, &s, id, None, None, alert).await?;
            Ok((StatusCode::CONFLICT, html(&page)?).into_response())
        }
        Err(e) => Err(e.into()),
    }
}

/// `POST /guidelines/{id}/versions`.
pub async fn revise(
    State(state): State<WebState>,
    s: Signed,
    Path(id): Path<i64>,
    ValidForm(form): ValidForm<RevisionForm>,
) -> Result<Response, WebError> {
    match state.app.revise_guideline(s.actor(), id, &form).await {
        Ok(_) => Ok(Redirect::to(&format!("/guidelines/{id}?saved=1")).into_response()),
        Err(AppError::Invalid(e)) => {
            let errors = Errors::from_fields(&s.viewer.tr, &e);
            let page = show_page(&state, &s, id, Some((form, errors)), None, None).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, html(&page)?).into_response())
        }
        Err(AppError::Conflict) => {
            let alert = Some(s.viewer.tr.t("guideline-revised-since"));
            let page = show_page(&state, &s, id, Some((form, Errors::none())), None, alert).await?;
            Ok((StatusCode::CONFLICT, html(&page)?).into_response())
        }
        Err(e) => Err(e.into()),
    }
}

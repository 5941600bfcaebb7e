//! Imports from spreadsheets (`/import`): the choice of what to import with a template per
//! kind, the preview of an uploaded file with every row's errors at their columns, and the
//! confirmation, which sends the same file again (it is not kept on the server between the
//! two; the preview's digest ties them together). Imported accounts' one-time links are shown
//! once, in the answer to the confirmation, and nowhere else. The app decides, judges and
//! saves; this layer reads the upload and puts everything in the reader's words.

mod runs;
mod template;

pub use runs::ImportRuns;

use crate::admin::link::full_link;
use crate::routes::Routes;
use crate::shell::chrome::{Chrome, Nav};
use crate::shell::errors::{self, Failure, WebError};
use crate::shell::form::message;
use crate::shell::render::html;
use crate::shell::tr::Tr;
use crate::shell::upload;
use crate::shell::viewer::{url_encode, Signed};
use crate::WebState;
use askama::Template;
use axum::extract::multipart::MultipartRejection;
use axum::extract::{Multipart, Path, Query, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use runs::{Ended, Seen};
use serde::Deserialize;
use spona_app::imports::{FileProblem, ImportKind, Preview, RowStatus, Saving, MAX_FILE_BYTES};
use spona_domain::validation::FieldError;
use spona_i18n::Arg;

/// A multipart body may carry this much besides the file (the other fields, boundaries).
const UPLOAD_OVERHEAD: usize = 64 * 1024;

/// The routes of this feature.
pub fn routes() -> Routes {
    let routes = Routes::new().get("/import", page).post_with_limit(
        "/import",
        upload,
        MAX_FILE_BYTES + UPLOAD_OVERHEAD,
    );
    let routes = routes.get("/import/runs/{id}", run);
    ImportKind::ALL.into_iter().fold(routes, |routes, kind| {
        routes.get(
            &format!("/import/{}.xlsx", kind.code()),
            move |st: State<WebState>, s: Signed| template::download(st, s, kind),
        )
    })
}

/// The section of the navigation a kind belongs to, lit while importing it.
fn nav(kind: Option<ImportKind>) -> Nav {
    match kind {
        Some(ImportKind::Activities) => Nav::Activities,
        Some(ImportKind::Members | ImportKind::Institutions) => Nav::Team,
        Some(ImportKind::Trainings) => Nav::Trainings,
        Some(ImportKind::Materials) => Nav::Materials,
        Some(ImportKind::Framework) => Nav::Plan,
        Some(ImportKind::Accounts) => Nav::Admin,
        None => Nav::None,
    }
}

/// The one-time link of an imported account.
struct LinkView {
    username: String,
    link: String,
}

/// A kind offered on the page.
struct KindChoice {
    code: &'static str,
    label: String,
    selected: bool,
}

/// One cell of a previewed row.
struct CellView {
    text: String,
    invalid: bool,
}

/// One previewed row.
struct RowView {
    number: usize,
    cells: Vec<CellView>,
    status: String,
    invalid: bool,
    errors: Vec<String>,
}

/// A preview in the reader's words.
struct PreviewView {
    kind: &'static str,
    digest: String,
    /// New rows, sent back with the confirmation (a large file is imported in the background).
    new_rows: usize,
    headers: Vec<String>,
    problems: Vec<String>,
    summary: Vec<String>,
    rows: Vec<RowView>,
    savable: bool,
    changed: bool,
    nothing_new: bool,
}

#[derive(Template)]
#[template(path = "imports/page.html")]
struct ImportPage {
    chrome: Chrome,
    kinds: Vec<KindChoice>,
    notice: Vec<String>,
    /// Why the upload was refused before it could be read.
    error: Option<String>,
    /// The last confirmation saved nothing.
    refused: bool,
    preview: Option<PreviewView>,
    /// The links of the accounts just imported (shown once).
    links: Vec<LinkView>,
    /// How long the links last, in words.
    validity: String,
    /// How far a large file's import got, while it runs.
    progress: Option<ProgressView>,
}

/// A running import, in the reader's words.
struct ProgressView {
    saved: usize,
    total: usize,
    text: String,
}

/// What a redirect to the page asks it to say.
#[derive(Default, Deserialize)]
#[serde(default)]
pub struct Notices {
    kind: String,
    added: Option<i64>,
    skipped: Option<i64>,
}

fn kind_label(tr: &Tr, kind: ImportKind) -> String {
    tr.t(&format!("import-kind-{}", kind.code()))
}

fn choices(tr: &Tr, kinds: &[ImportKind], selected: Option<ImportKind>) -> Vec<KindChoice> {
    kinds
        .iter()
        .enumerate()
        .map(|(i, k)| KindChoice {
            code: k.code(),
            label: kind_label(tr, *k),
            selected: selected.map_or(i == 0, |s| s == *k),
        })
        .collect()
}

/// `GET /import`.
pub async fn page(
    State(state): State<WebState>,
    s: Signed,
    Query(n): Query<Notices>,
) -> Result<Response, WebError> {
    let kinds = state.app.import_kinds(s.actor())?;
    let tr = &s.viewer.tr;
    let mut notice = Vec::new();
    if let Some(added) = n.added {
        notice.push(tr.tn("import-saved", "count", added));
        if let Some(skipped) = n.skipped.filter(|k| *k > 0) {
            notice.push(tr.tn("import-saved-skipped", "count", skipped));
        }
    }
    let chosen = ImportKind::from_code(&n.kind).filter(|k| kinds.contains(k));
    html(&ImportPage {
        chrome: s.viewer.chrome(nav(chosen.or(kinds.first().copied()))),
        kinds: choices(tr, &kinds, chosen),
        notice,
        error: None,
        refused: false,
        preview: None,
        links: Vec::new(),
        validity: String::new(),
        progress: None,
    })
}

/// `POST /import` (multipart/form-data): the preview of a file, or, with the preview's
/// digest, its confirmation.
pub async fn upload(
    State(state): State<WebState>,
    s: Signed,
    headers: HeaderMap,
    multipart: Result<Multipart, MultipartRejection>,
) -> Result<Response, WebError> {
    // Access is decided before the upload is read.
    let kinds = state.app.import_kinds(s.actor())?;
    let multipart = multipart.map_err(|_| WebError::Page(Failure::BadRequest))?;
    let u = match upload::read(multipart).await {
        Ok(u) => u,
        Err(refusal) => return Ok(errors::refused_field(&s.viewer, &refusal)),
    };
    let tr = &s.viewer.tr;
    let kind = ImportKind::from_code(u.field("kind"));
    let again = |error: FieldError, status: StatusCode| -> Result<Response, WebError> {
        let page = ImportPage {
            chrome: s.viewer.chrome(nav(kind.or(kinds.first().copied()))),
            kinds: choices(tr, &kinds, kind),
            notice: Vec::new(),
            error: Some(message(tr, error)),
            refused: false,
            preview: None,
            links: Vec::new(),
            validity: String::new(),
            progress: None,
        };
        Ok((status, html(&page)?).into_response())
    };
    let Some(kind) = kind else {
        return again(FieldError::Required, StatusCode::UNPROCESSABLE_ENTITY);
    };
    // Importing accounts changes accounts: a sensitive act, asked for again when the
    // session was not confirmed lately (the file is sent anew afterwards).
    if kind == ImportKind::Accounts && !s.viewer.confirmed {
        let next = url_encode("/import?kind=accounts");
        return Ok(Redirect::to(&format!("/account/confirm?next={next}")).into_response());
    }
    if u.unreadable {
        return again(FieldError::FileTooLarge, StatusCode::PAYLOAD_TOO_LARGE);
    }
    if u.content.is_empty() {
        return again(FieldError::FileEmpty, StatusCode::UNPROCESSABLE_ENTITY);
    }
    let digest = u.field("digest").trim().to_string();
    if digest.is_empty() {
        let preview = state
            .app
            .preview_import(s.actor(), &state.catalog, kind, &u.content)
            .await?;
        return previewed(&s, &kinds, &preview, false);
    }
    // A large file is imported in the background, and its page shows how far it got.
    let large = u
        .field("rows")
        .trim()
        .parse::<usize>()
        .is_ok_and(|n| n > runs::LARGE);
    if large {
        let to = start_run(&state, &s, kind, u.content, digest);
        return Ok(Redirect::to(&to).into_response());
    }
    let saving = state
        .app
        .save_import(s.actor(), &state.catalog, kind, &u.content, &digest)
        .await?;
    answer(&state, &s, &headers, &kinds, kind, saving)
}

/// Starts the import of a large file in the background; the address of its page.
fn start_run(
    state: &WebState,
    s: &Signed,
    kind: ImportKind,
    content: Vec<u8>,
    digest: String,
) -> String {
    let (id, progress) = state.imports.start(s.actor().user_id, kind);
    let (app, catalog, runs) = (
        state.app.clone(),
        state.catalog.clone(),
        state.imports.clone(),
    );
    let (actor, run_id) = (s.actor().clone(), id.clone());
    tokio::spawn(async move {
        let saving = app
            .save_import_watched(&actor, &catalog, kind, &content, &digest, &progress)
            .await;
        let ended = match saving {
            Ok(saving) => Ended::Done(saving),
            Err(e) => {
                tracing::error!(error = %e, kind = kind.code(), "import failed");
                Ended::Failed
            }
        };
        runs.end(&run_id, ended);
    });
    format!("/import/runs/{id}")
}

/// `GET /import/runs/{id}`: how far a large file's import got, refreshed until it is done;
/// then the answer to its confirmation, once.
pub async fn run(
    State(state): State<WebState>,
    s: Signed,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Result<Response, WebError> {
    let kinds = state.app.import_kinds(s.actor())?;
    let seen = state
        .imports
        .see(&id, s.actor().user_id)
        .ok_or(WebError::Page(Failure::NotFound))?;
    let tr = &s.viewer.tr;
    match seen {
        Seen::Running { kind, saved, total } => {
            let page = ImportPage {
                chrome: s.viewer.chrome(nav(Some(kind))),
                kinds: choices(tr, &kinds, Some(kind)),
                notice: Vec::new(),
                error: None,
                refused: false,
                preview: None,
                links: Vec::new(),
                validity: String::new(),
                progress: Some(ProgressView {
                    saved,
                    total,
                    text: tr.with(
                        "import-progress",
                        &[
                            ("n", Arg::from(saved as i64)),
                            ("count", Arg::from(total as i64)),
                        ],
                    ),
                }),
            };
            Ok((
                [
                    (header::REFRESH, HeaderValue::from_static("2")),
                    (header::CACHE_CONTROL, HeaderValue::from_static("no-store")),
                ],
                html(&page)?,
            )
                .into_response())
        }
        Seen::Ended(kind, Ended::Done(saving)) => {
            answer(&state, &s, &headers, &kinds, kind, saving)
        }
        Seen::Ended(_, Ended::Failed) => Err(WebError::Page(Failure::Server)),
    }
}

/// The answer to a confirmation: the links of imported accounts (shown once, in this answer
/// only), a redirect to the page with what was saved, or the preview of what stopped it.
fn answer(
    state: &WebState,
    s: &Signed,
    headers: &HeaderMap,
    kinds: &[ImportKind],
    kind: ImportKind,
    saving: Saving,
) -> Result<Response, WebError> {
    let tr = &s.viewer.tr;
    match saving {
        Saving::Saved(done) if !done.links.is_empty() => {
            let mut notice = vec![tr.tn("import-saved", "count", done.added as i64)];
            if done.skipped > 0 {
                notice.push(tr.tn("import-saved-skipped", "count", done.skipped as i64));
            }
            let https = state.settings.secure_cookies;
            let page = ImportPage {
                chrome: s.viewer.chrome(nav(Some(kind))),
                kinds: choices(tr, kinds, Some(kind)),
                notice,
                error: None,
                refused: false,
                preview: None,
                links: done
                    .links
                    .iter()
                    .map(|l| LinkView {
                        username: l.username.clone(),
                        link: full_link(headers, https, &l.token),
                    })
                    .collect(),
                validity: tr.tn(
                    "admin-link-validity",
                    "hours",
                    state.app.one_time_link_hours(),
                ),
                progress: None,
            };
            Ok((
                [(header::CACHE_CONTROL, HeaderValue::from_static("no-store"))],
                html(&page)?,
            )
                .into_response())
        }
        Saving::Saved(done) => {
            let to = format!(
                "/import?kind={}&added={}&skipped={}",
                kind.code(),
                done.added,
                done.skipped
            );
            Ok(Redirect::to(&to).into_response())
        }
        Saving::NotSaved(preview) => previewed(s, kinds, &preview, true),
    }
}

/// The page with a file's preview; `refused` when a confirmation saved nothing.
fn previewed(
    s: &Signed,
    kinds: &[ImportKind],
    preview: &Preview,
    refused: bool,
) -> Result<Response, WebError> {
    let tr = &s.viewer.tr;
    let status = if refused {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    let page = ImportPage {
        chrome: s.viewer.chrome(nav(Some(preview.kind))),
        kinds: choices(tr, kinds, Some(preview.kind)),
        notice: Vec::new(),
        error: None,
        refused,
        preview: Some(view(tr, preview)),
        links: Vec::new(),
        validity: String::new(),
        progress: None,
    };
    Ok((status, html(&page)?).into_response())
}

fn problem(tr: &Tr, p: &FileProblem) -> String {
    p.text(|id, args| tr.with(id, args))
}

fn view(tr: &Tr, p: &Preview) -> PreviewView {
    let columns = p.kind.columns();
    let rows = p
        .rows
        .iter()
        .map(|r| {
            let (status, errors) = match &r.status {
                RowStatus::New => (tr.t("import-status-new"), Vec::new()),
                RowStatus::AlreadyThere => (tr.t("import-status-already"), Vec::new()),
                RowStatus::Repeated { first } => (
                    tr.tn("import-status-repeated", "n", *first as i64),
                    Vec::new(),
                ),
                RowStatus::PartOf { first } => (
                    tr.tn("import-status-part-of", "n", *first as i64),
                    Vec::new(),
                ),
                RowStatus::Invalid(errors) => (tr.t("import-status-invalid"), errors.clone()),
            };
            let cells = columns
                .iter()
                .zip(&r.cells)
                .map(|(c, text)| CellView {
                    text: text.clone(),
                    invalid: errors.iter().any(|e| e.column == Some(c.header)),
                })
                .collect();
            RowView {
                number: r.number,
                cells,
                status,
                invalid: !errors.is_empty(),
                errors: errors
                    .iter()
                    .map(|e| match e.column {
                        Some(column) => format!("{}: {}", tr.t(column), message(tr, e.error)),
                        None => message(tr, e.error),
                    })
                    .collect(),
            }
        })
        .collect();
    let mut summary = vec![tr.tn("import-summary-new", "count", p.new_rows() as i64)];
    if p.parts() > 0 {
        summary.push(tr.tn("import-summary-parts", "count", p.parts() as i64));
    }
    if p.skipped() > 0 {
        summary.push(tr.tn("import-summary-skipped", "count", p.skipped() as i64));
    }
    if p.invalid() > 0 {
        summary.push(tr.tn("import-summary-invalid", "count", p.invalid() as i64));
    }
    PreviewView {
        kind: p.kind.code(),
        digest: p.digest.clone(),
        new_rows: p.new_rows(),
        headers: columns.iter().map(|c| tr.t(c.header)).collect(),
        problems: p.problems.iter().map(|x| problem(tr, x)).collect(),
        summary,
        rows,
        savable: p.savable() && p.new_rows() > 0,
        changed: p.changed,
        nothing_new: p.savable() && p.new_rows() == 0 && !p.rows.is_empty(),
    }
}

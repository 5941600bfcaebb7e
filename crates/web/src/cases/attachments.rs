//! Files attached to a case: the panel on the case page, the upload (the one form sent as
//! multipart), the download, and removal after a confirmation. The file's name travels only
//! in the download's Content-Disposition, never in a URL or a log.

use super::labels;
use super::show::{self, Trouble};
use super::Choice;
use crate::shell::chrome::{Chrome, Nav};
use crate::shell::download;
use crate::shell::errors::{self, Failure, WebError};
use crate::shell::form::{message, ValidForm};
use crate::shell::render::html;
use crate::shell::upload;
use crate::shell::viewer::Signed;
use crate::WebState;
use askama::Template;
use axum::extract::multipart::MultipartRejection;
use axum::extract::{Multipart, Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use spona_app::cases::{CaseView, NewFile};
use spona_app::AppError;
use spona_domain::cases::{AttachmentId, CaseId, Part};
use spona_domain::validation::FieldError;

/// A multipart body may carry this much besides the file (the other fields, boundaries).
pub const UPLOAD_OVERHEAD: usize = 64 * 1024;

/// One file as the panel lists it.
pub struct FileLine {
    pub id: AttachmentId,
    pub name: String,
    pub part: String,
    pub size: String,
    pub at: String,
    pub removable: bool,
}

/// The files panel of a case page.
pub struct FilesPanel {
    pub list: Vec<FileLine>,
    /// The parts a file may be attached to (empty when the reader may not attach).
    pub parts: Vec<Choice>,
    /// Why the last upload was refused.
    pub error: Option<String>,
}

/// The panel for a reader who opens the case (none for the coordinator's existence view).
pub async fn panel(
    state: &WebState,
    s: &Signed,
    v: &CaseView,
    error: Option<String>,
) -> Result<Option<FilesPanel>, WebError> {
    if !v.access.opens() || v.access == spona_domain::cases::CaseAccess::Existence {
        return Ok(None);
    }
    let tr = &s.viewer.tr;
    let files = state.app.case_attachments(s.actor(), v.summary.id).await?;
    let list = files
        .into_iter()
        .map(|f| FileLine {
            id: f.id,
            name: f.name,
            part: labels::label(tr, "part", f.part.code()),
            size: download::size(tr, f.size),
            at: tr.instant(&f.uploaded_at),
            removable: f.removable,
        })
        .collect();
    let parts = if v.access.works_on() {
        Part::ALL
            .iter()
            .filter(|p| v.access.sees(**p))
            .map(|p| Choice {
                value: p.code().into(),
                label: labels::label(tr, "part", p.code()),
                selected: *p == Part::Circumstances,
            })
            .collect()
    } else {
        Vec::new()
    };
    Ok(Some(FilesPanel { list, parts, error }))
}

/// `POST /cases/{id}/attachments` (multipart/form-data).
pub async fn upload(
    State(state): State<WebState>,
    s: Signed,
    Path(id): Path<CaseId>,
    multipart: Result<Multipart, MultipartRejection>,
) -> Result<Response, WebError> {
    // Access is decided before the upload is read.
    state.app.may_attach_to(s.actor(), id).await?;
    let multipart = multipart.map_err(|_| WebError::Page(Failure::BadRequest))?;
    let u = match upload::read(multipart).await {
        Ok(u) => u,
        Err(refusal) => return Ok(errors::refused_field(&s.viewer, &refusal)),
    };
    let tr = &s.viewer.tr;
    if u.unreadable {
        let trouble = Trouble {
            upload: Some(message(tr, FieldError::FileTooLarge)),
            ..Trouble::default()
        };
        return show::again(&state, &s, id, trouble, StatusCode::PAYLOAD_TOO_LARGE).await;
    }
    let file = NewFile {
        name: &u.file_name,
        part: u.field("part"),
        content: &u.content,
    };
    match state.app.attach_file(s.actor(), id, &file).await {
        Ok(_) => Ok(show::saved(id, "attachment", "files-h")),
        Err(AppError::Invalid(errors)) => {
            let error = errors
                .get("file")
                .or_else(|| errors.get("part"))
                .map(|e| message(tr, e));
            let trouble = Trouble {
                upload: error,
                ..Trouble::default()
            };
            show::again(&state, &s, id, trouble, StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(e) => Err(e.into()),
    }
}

/// `GET /attachments/{id}`: the file, as a download that is never rendered nor cached.
pub async fn download(
    State(state): State<WebState>,
    s: Signed,
    Path(id): Path<AttachmentId>,
) -> Result<Response, WebError> {
    let file = state.app.attachment_file(s.actor(), id).await?;
    Ok(download::named(file.content_type, &file.name, file.content))
}

#[derive(Template)]
#[template(path = "cases/attachment_remove.html")]
struct RemovePage {
    chrome: Chrome,
    id: AttachmentId,
    case_id: CaseId,
    name: String,
}

/// `GET /attachments/{id}/remove`: the confirmation.
pub async fn confirm_remove(
    State(state): State<WebState>,
    s: Signed,
    Path(id): Path<AttachmentId>,
) -> Result<Response, WebError> {
    let (case_id, view) = state.app.attachment_to_remove(s.actor(), id).await?;
    html(&RemovePage {
        chrome: s.viewer.chrome(Nav::Cases),
        id,
        case_id,
        name: view.name,
    })
}

/// Only the form token.
#[derive(serde::Deserialize)]
pub struct Confirmed {}

/// `POST /attachments/{id}/remove`.
pub async fn remove(
    State(state): State<WebState>,
    s: Signed,
    Path(id): Path<AttachmentId>,
    ValidForm(_): ValidForm<Confirmed>,
) -> Result<Response, WebError> {
    let case_id = state.app.remove_attachment(s.actor(), id).await?;
    Ok(Redirect::to(&format!(
        "/cases/{case_id}?saved=attachment-removed#files-h"
    ))
    .into_response())
}

//! Files on a guideline's versions: the upload (a new version carrying the file) and the
//! download of a version's file.

use super::pages::show_page;
use crate::official_files;
use crate::shell::errors::WebError;
use crate::shell::render::html;
use crate::shell::viewer::Signed;
use crate::WebState;
use axum::extract::multipart::MultipartRejection;
use axum::extract::{Multipart, Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use spona_app::AppError;

/// `POST /guidelines/{id}/files` (multipart/form-data).
pub async fn upload(
    State(state): State<WebState>,
    s: Signed,
    Path(id): Path<i64>,
    multipart: Result<Multipart, MultipartRejection>,
) -> Result<Response, WebError> {
    // Access is decided before the upload is read.
    state.app.may_add_guideline_file(s.actor(), id).await?;
    let u = match official_files::read(&s, multipart).await? {
        Ok(u) => u,
        Err(refused) => return Ok(refused),
    };
    let tr = &s.viewer.tr;
    if u.unreadable {
        let error = official_files::too_large(tr);
        return again(&state, &s, id, error, StatusCode::PAYLOAD_TOO_LARGE).await;
    }
    let file = official_files::upload_of(&u);
    match state.app.add_guideline_file(s.actor(), id, &file).await {
        Ok(_) => Ok(Redirect::to(&format!("/guidelines/{id}?file=1#files-h")).into_response()),
        Err(AppError::Invalid(e)) => {
            let error = official_files::refusal(tr, &e);
            again(&state, &s, id, error, StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(AppError::Conflict) => {
            let error = tr.t("guideline-revised-since");
            again(&state, &s, id, error, StatusCode::CONFLICT).await
        }
        Err(e) => Err(e.into()),
    }
}

/// The guideline's page again, with why the upload was refused at its form.
async fn again(
    state: &WebState,
    s: &Signed,
    id: i64,
    error: String,
    status: StatusCode,
) -> Result<Response, WebError> {
    let mut page = show_page(state, s, id, None, None, None).await?;
    page.files.error = Some(error);
    Ok((status, html(&page)?).into_response())
}

/// `GET /guidelines/{id}/files/{version}`: the version's file, as a download.
pub async fn download(
    State(state): State<WebState>,
    s: Signed,
    Path((id, version)): Path<(i64, i64)>,
) -> Result<Response, WebError> {
    let file = state.app.guideline_file(s.actor(), id, version).await?;
    Ok(official_files::respond(file))
}

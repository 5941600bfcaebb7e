//! Files on a team's founding decision: the upload (a new version) and the download of a
//! version's file.

use super::overview::overview_page;
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

/// `POST /teams/{team}/founding/files` (multipart/form-data).
pub async fn upload(
    State(state): State<WebState>,
    s: Signed,
    Path(team): Path<String>,
    multipart: Result<Multipart, MultipartRejection>,
) -> Result<Response, WebError> {
    // Access is decided before the upload is read.
    state.app.may_add_founding_file(s.actor(), &team).await?;
    let u = match official_files::read(&s, multipart).await? {
        Ok(u) => u,
        Err(refused) => return Ok(refused),
    };
    let tr = &s.viewer.tr;
    if u.unreadable {
        let error = official_files::too_large(tr);
        return again(&state, &s, &team, error, StatusCode::PAYLOAD_TOO_LARGE).await;
    }
    let file = official_files::upload_of(&u);
    match state.app.add_founding_file(s.actor(), &team, &file).await {
        Ok(_) => Ok(Redirect::to(&format!("/teams/{team}?file=1#files-h")).into_response()),
        Err(AppError::Invalid(e)) => {
            let error = official_files::refusal(tr, &e);
            again(&state, &s, &team, error, StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(AppError::Conflict) => {
            let error = tr.t("edit-conflict");
            again(&state, &s, &team, error, StatusCode::CONFLICT).await
        }
        Err(e) => Err(e.into()),
    }
}

/// The team's page again, with why the upload was refused at its form.
async fn again(
    state: &WebState,
    s: &Signed,
    team: &str,
    error: String,
    status: StatusCode,
) -> Result<Response, WebError> {
    let mut page = overview_page(state, s, team).await?;
    page.files.error = Some(error);
    Ok((status, html(&page)?).into_response())
}

/// `GET /teams/{team}/founding/files/{version}`: the version's file, as a download.
pub async fn download(
    State(state): State<WebState>,
    s: Signed,
    Path((team, version)): Path<(String, i64)>,
) -> Result<Response, WebError> {
    let file = state.app.founding_file(s.actor(), &team, version).await?;
    Ok(official_files::respond(file))
}

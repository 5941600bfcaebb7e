//! A named participant's certificate as a PDF download, in the viewer's language.

use crate::shell::errors::{Failure, WebError};
use crate::shell::viewer::Signed;
use crate::WebState;
use axum::extract::{Path, State};
use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};
use spona_domain::trainings::TrainingId;

/// `GET /trainings/{id}/certificates/{participant}.pdf`: the participant is named by an
/// opaque id, never by anything personal.
pub async fn download(
    State(state): State<WebState>,
    s: Signed,
    Path((id, file)): Path<(i64, String)>,
) -> Result<Response, WebError> {
    let token = file
        .strip_suffix(".pdf")
        .ok_or(WebError::Page(Failure::NotFound))?;
    let pdf = state
        .app
        .training_certificate(
            s.actor(),
            TrainingId(id),
            token,
            &state.catalog,
            s.viewer.locale,
        )
        .await?;
    let disposition = HeaderValue::from_str(&format!("attachment; filename=\"{}\"", pdf.file_name))
        .unwrap_or_else(|_| HeaderValue::from_static("attachment"));
    Ok((
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/pdf"),
            ),
            (header::CONTENT_DISPOSITION, disposition),
            (
                header::X_CONTENT_TYPE_OPTIONS,
                HeaderValue::from_static("nosniff"),
            ),
            (header::CACHE_CONTROL, HeaderValue::from_static("no-store")),
        ],
        pdf.bytes,
    )
        .into_response())
}

//! A named participant's certificate as a PDF download, in the viewer's language.

use crate::shell::download::attachment;
use crate::shell::errors::{Failure, WebError};
use crate::shell::viewer::Signed;
use crate::WebState;
use axum::extract::{Path, State};
use axum::response::Response;
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
    Ok(attachment("application/pdf", &pdf.file_name, pdf.bytes))
}

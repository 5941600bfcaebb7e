//! Rendering a template into a response.

use super::errors::{Failure, WebError};
use askama::Template;
use axum::response::{Html, IntoResponse, Response};

/// The rendered page, or a server error (logged) if the template fails.
pub fn html<T: Template>(page: &T) -> Result<Response, WebError> {
    match page.render() {
        Ok(body) => Ok(Html(body).into_response()),
        Err(e) => {
            tracing::error!(error = %e, "template failed");
            Err(WebError::Page(Failure::Server))
        }
    }
}

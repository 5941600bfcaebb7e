//! Setting a password through a one-time link (first administrator, resets).

use crate::shell::chrome::{Chrome, Nav};
use crate::shell::errors::WebError;
use crate::shell::form::{Errors, ValidForm};
use crate::shell::render::html;
use crate::shell::viewer::Viewer;
use crate::WebState;
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use spona_app::forms::PasswordForm;
use spona_app::AppError;

#[derive(Template)]
#[template(path = "auth/password.html")]
struct PasswordPage {
    chrome: Chrome,
    username: String,
    errors: Errors,
}

/// The form, if the link is valid; "not found" otherwise.
pub async fn form(
    State(state): State<WebState>,
    viewer: Viewer,
    Path(token): Path<String>,
) -> Result<Response, WebError> {
    let user = state.app.password_link_user(&token).await?;
    html(&PasswordPage {
        chrome: viewer.chrome(Nav::None),
        username: user.username,
        errors: Errors::none(),
    })
}

/// Sets the password and uses the link up.
pub async fn submit(
    State(state): State<WebState>,
    viewer: Viewer,
    Path(token): Path<String>,
    ValidForm(f): ValidForm<PasswordForm>,
) -> Result<Response, WebError> {
    match state.app.set_password_with_link(&token, &f).await {
        Ok(()) => Ok(Redirect::to("/login?done=password").into_response()),
        Err(AppError::Invalid(e)) => {
            let user = state.app.password_link_user(&token).await?;
            let page = html(&PasswordPage {
                chrome: viewer.chrome(Nav::None),
                username: user.username,
                errors: Errors::from_fields(&viewer.tr, &e),
            })?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
        Err(other) => Err(other.into()),
    }
}

//! Proving again who one is before a sensitive act: the password, and a code of the second
//! factor where the account has one; then back to the act.

use crate::shell::chrome::{Chrome, Nav};
use crate::shell::errors::WebError;
use crate::shell::form::ValidForm;
use crate::shell::render::html;
use crate::shell::viewer::{safe_next, Signed};
use crate::WebState;
use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use spona_app::AppError;

#[derive(Template)]
#[template(path = "auth/confirm.html")]
struct ConfirmPage {
    chrome: Chrome,
    next: String,
    asks_code: bool,
    minutes: i64,
    error: Option<String>,
}

/// Where to go back to.
#[derive(Deserialize, Default)]
pub struct Next {
    #[serde(default)]
    next: String,
}

/// `GET /account/confirm`.
pub async fn form(
    State(state): State<WebState>,
    s: Signed,
    Query(q): Query<Next>,
) -> Result<Response, WebError> {
    let asks_code = state.app.confirmation_asks_code(&s.session).await?;
    html(&page(&s, q.next, asks_code, None))
}

/// The confirmation as posted.
#[derive(Deserialize)]
pub struct ConfirmForm {
    #[serde(default)]
    password: String,
    #[serde(default)]
    code: String,
    #[serde(default)]
    next: String,
}

/// `POST /account/confirm`.
pub async fn submit(
    State(state): State<WebState>,
    s: Signed,
    ValidForm(f): ValidForm<ConfirmForm>,
) -> Result<Response, WebError> {
    let (status, error) = match state
        .app
        .confirm_identity(&s.session, &f.password, &f.code)
        .await
    {
        Ok(()) => return Ok(Redirect::to(&safe_next(&f.next)).into_response()),
        Err(AppError::BadCredentials) => {
            (StatusCode::UNAUTHORIZED, s.viewer.tr.t("confirm-failed"))
        }
        Err(AppError::Invalid(_)) => (
            StatusCode::UNPROCESSABLE_ENTITY,
            s.viewer.tr.t("confirm-failed"),
        ),
        Err(AppError::Throttled { minutes }) => (
            StatusCode::TOO_MANY_REQUESTS,
            s.viewer.tr.tn("sign-in-throttled", "minutes", minutes),
        ),
        Err(e) => return Err(e.into()),
    };
    let asks_code = state.app.confirmation_asks_code(&s.session).await?;
    let body = html(&page(&s, f.next, asks_code, Some(error)))?;
    Ok((status, body).into_response())
}

fn page(s: &Signed, next: String, asks_code: bool, error: Option<String>) -> ConfirmPage {
    ConfirmPage {
        chrome: s.viewer.chrome(Nav::None),
        next,
        asks_code,
        minutes: spona_app::auth::CONFIRMATION_SECONDS / 60,
        error,
    }
}

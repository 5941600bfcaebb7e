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
    /// The person has a passkey that works here: the page offers it.
    passkeys: bool,
    minutes: i64,
    error: Option<String>,
}

/// Where to go back to (and whether a passkey was just refused).
#[derive(Deserialize, Default)]
pub struct Next {
    #[serde(default)]
    next: String,
    #[serde(default)]
    passkey: String,
}

/// `GET /account/confirm`.
pub async fn form(
    State(state): State<WebState>,
    s: Signed,
    Query(q): Query<Next>,
) -> Result<Response, WebError> {
    let asks_code = state.app.confirmation_asks_code(&s.session).await?;
    let passkeys = state.app.confirms_with_passkey(&s.session).await?;
    let error = (q.passkey == "refused").then(|| s.viewer.tr.t("passkey-refused"));
    html(&page(&s, q.next, (asks_code, passkeys), error))
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
    let passkeys = state.app.confirms_with_passkey(&s.session).await?;
    let body = html(&page(&s, f.next, (asks_code, passkeys), Some(error)))?;
    Ok((status, body).into_response())
}

/// The page; `asks` says whether it asks for a code, and whether it offers passkeys.
fn page(s: &Signed, next: String, asks: (bool, bool), error: Option<String>) -> ConfirmPage {
    ConfirmPage {
        chrome: s.viewer.chrome(Nav::None),
        next,
        asks_code: asks.0,
        passkeys: asks.1,
        minutes: spona_app::auth::CONFIRMATION_SECONDS / 60,
        error,
    }
}

/// `GET /account/confirm/passkey/options`.
pub async fn passkey_options(
    State(state): State<WebState>,
    s: Signed,
) -> Result<Response, WebError> {
    let json = state.app.begin_passkey_confirmation(&s.session).await?;
    Ok((
        [(axum::http::header::CONTENT_TYPE, "application/json")],
        json,
    )
        .into_response())
}

/// The browser's answer.
#[derive(Deserialize)]
pub struct Signature {
    #[serde(default)]
    credential: String,
    #[serde(default)]
    next: String,
}

/// `POST /account/confirm/passkey`.
pub async fn with_passkey(
    State(state): State<WebState>,
    s: Signed,
    ValidForm(f): ValidForm<Signature>,
) -> Result<Response, WebError> {
    match state
        .app
        .confirm_with_passkey(&s.session, &f.credential)
        .await
    {
        Ok(()) => Ok(Redirect::to(&safe_next(&f.next)).into_response()),
        Err(AppError::BadCredentials | AppError::Invalid(_)) => {
            let again = format!(
                "/account/confirm?next={}&passkey=refused",
                crate::shell::viewer::url_encode(&f.next)
            );
            Ok(Redirect::to(&again).into_response())
        }
        Err(e) => Err(e.into()),
    }
}

//! The sign-in page, and signing out.

use crate::shell::chrome::{Chrome, Nav};
use crate::shell::cookies;
use crate::shell::errors::WebError;
use crate::shell::form::ValidForm;
use crate::shell::render::html;
use crate::shell::viewer::{safe_next, Signed, Viewer};
use crate::WebState;
use askama::Template;
use axum::extract::{Query, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use spona_app::AppError;

#[derive(Template)]
#[template(path = "auth/login.html")]
struct LoginPage {
    chrome: Chrome,
    username: String,
    next: String,
    error: Option<String>,
    notice: Option<String>,
}

/// What the sign-in page may be told in its address.
#[derive(Deserialize, Default)]
pub struct LoginQuery {
    #[serde(default)]
    next: String,
    #[serde(default)]
    done: String,
    #[serde(default)]
    expired: String,
}

/// The sign-in form.
pub async fn form(viewer: Viewer, Query(q): Query<LoginQuery>) -> Result<Response, WebError> {
    if viewer.signed.is_some() {
        return Ok(Redirect::to(&safe_next(&q.next)).into_response());
    }
    let notice = if q.done == "password" {
        Some(viewer.tr.t("password-set"))
    } else if viewer.session_ended || q.expired == "1" {
        Some(viewer.tr.t("session-expired"))
    } else {
        None
    };
    html(&LoginPage {
        chrome: viewer.chrome(Nav::None),
        username: String::new(),
        next: q.next,
        error: None,
        notice,
    })
}

/// The sign-in form as posted.
#[derive(Deserialize)]
pub struct Credentials {
    #[serde(default)]
    username: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    next: String,
}

/// Checks the password: signed in with a new session (a fresh identifier, whatever came
/// before) and back to `next`, or on to the second factor.
pub async fn submit(
    State(state): State<WebState>,
    viewer: Viewer,
    headers: HeaderMap,
    ValidForm(f): ValidForm<Credentials>,
) -> Result<Response, WebError> {
    match state
        .app
        .sign_in_from(
            &f.username,
            &f.password,
            &viewer.address,
            user_agent(&headers),
        )
        .await
    {
        Ok(step) => {
            super::completion::after_password(&state, &viewer, &headers, step, &f.next).await
        }
        Err(e) => {
            let (status, error) = match e {
                AppError::BadCredentials => {
                    (StatusCode::UNAUTHORIZED, viewer.tr.t("sign-in-failed"))
                }
                AppError::Throttled { minutes } => (
                    StatusCode::TOO_MANY_REQUESTS,
                    viewer.tr.tn("sign-in-throttled", "minutes", minutes),
                ),
                other => return Err(other.into()),
            };
            let page = html(&LoginPage {
                chrome: viewer.chrome(Nav::None),
                username: f.username.chars().take(40).collect(),
                next: f.next,
                error: Some(error),
                notice: None,
            })?;
            Ok((status, page).into_response())
        }
    }
}

/// Ends the session and clears its cookie.
pub async fn sign_out(
    State(state): State<WebState>,
    s: Signed,
    ValidForm(_): ValidForm<serde::de::IgnoredAny>,
) -> Result<Response, WebError> {
    state.app.sign_out(&s.session).await?;
    let mut res = Redirect::to("/login").into_response();
    res.headers_mut().append(
        header::SET_COOKIE,
        cookies::clear(cookies::SESSION, state.settings.secure_cookies),
    );
    Ok(res)
}

/// The browser's User-Agent, as far as it is text.
fn user_agent(headers: &HeaderMap) -> &str {
    headers
        .get(header::USER_AGENT)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
}

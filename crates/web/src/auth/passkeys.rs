//! Passkeys in the browser: the options a ceremony starts with (JSON, for the page's script)
//! and the browser's answer, posted as an ordinary form. Registering and removing one's own
//! at `/account/second-factor`; signing with one at the second step of a sign-in.

use super::completion::{signed_in, start_again};
use crate::shell::cookies;
use crate::shell::errors::WebError;
use crate::shell::form::ValidForm;
use crate::shell::viewer::{safe_next, Signed, Viewer};
use crate::WebState;
use axum::extract::{Path, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use spona_app::AppError;

/// A ceremony's options, for the page's script.
fn options(json: String) -> Response {
    ([(header::CONTENT_TYPE, "application/json")], json).into_response()
}

/// `GET /account/passkeys/options`.
pub async fn registration_options(
    State(state): State<WebState>,
    s: Signed,
) -> Result<Response, WebError> {
    Ok(options(
        state.app.begin_passkey_registration(&s.session).await?,
    ))
}

/// A new passkey as posted: its name, and the browser's answer.
#[derive(Deserialize)]
pub struct NewPasskey {
    #[serde(default)]
    name: String,
    #[serde(default)]
    credential: String,
}

/// `POST /account/passkeys`.
pub async fn register(
    State(state): State<WebState>,
    s: Signed,
    ValidForm(f): ValidForm<NewPasskey>,
) -> Result<Response, WebError> {
    match state
        .app
        .finish_passkey_registration(&s.session, &f.name, &f.credential)
        .await
    {
        Ok(()) => Ok(Redirect::to("/account/second-factor?passkey=added").into_response()),
        Err(AppError::Invalid(_)) => {
            Ok(Redirect::to("/account/second-factor?passkey=refused").into_response())
        }
        Err(e) => Err(e.into()),
    }
}

/// Nothing but the form's token.
#[derive(Default, Deserialize)]
pub struct Nothing {}

/// `POST /account/passkeys/{id}/remove`.
pub async fn remove(
    State(state): State<WebState>,
    s: Signed,
    Path(id): Path<i64>,
    ValidForm(_): ValidForm<Nothing>,
) -> Result<Response, WebError> {
    state.app.remove_own_passkey(&s.session, id).await?;
    Ok(Redirect::to("/account/second-factor?passkey=removed").into_response())
}

/// `GET /login/passkey/options`: for the half-done sign-in of this browser.
pub async fn sign_in_options(
    State(state): State<WebState>,
    headers: HeaderMap,
) -> Result<Response, WebError> {
    let Some(token) = cookies::get(&headers, cookies::CHALLENGE) else {
        return Ok(start_again(&state, ""));
    };
    match state.app.begin_passkey_sign_in(&token).await {
        Ok(json) => Ok(options(json)),
        Err(AppError::Unauthenticated) => Ok(start_again(&state, "")),
        Err(e) => Err(e.into()),
    }
}

/// The browser's answer at the second step.
#[derive(Deserialize)]
pub struct Signature {
    #[serde(default)]
    credential: String,
    #[serde(default)]
    next: String,
}

/// `POST /login/passkey`.
pub async fn sign_in(
    State(state): State<WebState>,
    viewer: Viewer,
    headers: HeaderMap,
    ValidForm(f): ValidForm<Signature>,
) -> Result<Response, WebError> {
    let Some(token) = cookies::get(&headers, cookies::CHALLENGE) else {
        return Ok(start_again(&state, &f.next));
    };
    match state.app.pass_with_passkey(&token, &f.credential).await {
        Ok(session) => {
            let back = Redirect::to(&safe_next(&f.next));
            signed_in(&state, &viewer, &headers, session, back).await
        }
        Err(AppError::BadCredentials) => {
            let again = format!(
                "/login/second-factor?next={}&passkey=refused",
                crate::shell::viewer::url_encode(&f.next)
            );
            Ok(Redirect::to(&again).into_response())
        }
        Err(AppError::Throttled { .. }) => Ok(StatusCode::TOO_MANY_REQUESTS.into_response()),
        Err(AppError::Unauthenticated) => Ok(start_again(&state, &f.next)),
        Err(e) => Err(e.into()),
    }
}

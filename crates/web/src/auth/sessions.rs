//! The signed-in person's sessions (device, address, last used), each of which they may end,
//! and their latest sign-ins; and the administrator ending all of an account's sessions.

use crate::shell::chrome::{Chrome, Nav};
use crate::shell::confirmed::Confirmed;
use crate::shell::errors::WebError;
use crate::shell::form::ValidForm;
use crate::shell::render::html;
use crate::shell::viewer::Signed;
use crate::WebState;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use spona_domain::ids::UserId;

/// A session, ready to show.
struct SessionLine {
    id: i64,
    device: String,
    address: String,
    started: String,
    last_seen: String,
    current: bool,
}

/// A sign-in, ready to show.
struct SignInLine {
    at: String,
    succeeded: bool,
    address: String,
}

#[derive(Template)]
#[template(path = "auth/sessions.html")]
struct SessionsPage {
    chrome: Chrome,
    sessions: Vec<SessionLine>,
    sign_ins: Vec<SignInLine>,
    notice: Option<String>,
}

/// What a redirect to the page asks it to say.
#[derive(Default, Deserialize)]
#[serde(default)]
pub struct Notices {
    ended: Option<String>,
}

/// `GET /account/sessions`.
pub async fn list(
    State(state): State<WebState>,
    s: Signed,
    Query(n): Query<Notices>,
) -> Result<Response, WebError> {
    let tr = &s.viewer.tr;
    let sessions = state
        .app
        .own_sessions(&s.session)
        .await?
        .into_iter()
        .map(|v| SessionLine {
            id: v.id,
            device: if v.device.is_empty() {
                tr.t("sessions-device-unknown")
            } else {
                v.device
            },
            address: v.address,
            started: tr.instant(&v.created_at),
            last_seen: tr.instant(&v.last_seen_at),
            current: v.current,
        })
        .collect();
    let sign_ins = state
        .app
        .own_sign_ins(s.actor())
        .await?
        .into_iter()
        .map(|v| SignInLine {
            at: tr.instant(&v.at),
            succeeded: v.succeeded,
            address: v.address,
        })
        .collect();
    html(&SessionsPage {
        chrome: s.viewer.chrome(Nav::None),
        sessions,
        sign_ins,
        notice: n.ended.map(|_| tr.t("sessions-ended-notice")),
    })
}

/// Nothing but the form's token.
#[derive(Default, Deserialize)]
pub struct Nothing {}

/// `POST /account/sessions/{id}/end`: ending this very session signs out.
pub async fn end(
    State(state): State<WebState>,
    s: Signed,
    Path(id): Path<i64>,
    ValidForm(_): ValidForm<Nothing>,
) -> Result<Response, WebError> {
    state.app.end_own_session(&s.session, id).await?;
    if id == s.session.session_id {
        return Ok(Redirect::to("/login").into_response());
    }
    Ok(Redirect::to("/account/sessions?ended=1").into_response())
}

/// `POST /admin/users/{id}/sessions/end`.
pub async fn end_all_of(
    State(state): State<WebState>,
    s: Confirmed,
    Path(id): Path<UserId>,
    ValidForm(_): ValidForm<Nothing>,
) -> Result<Response, WebError> {
    state.app.end_sessions_of(s.actor(), id).await?;
    Ok(Redirect::to(&format!("/admin/users/{id}?sessions_ended=1")).into_response())
}

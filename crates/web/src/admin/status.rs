//! Disabling and enabling an account, and resetting its password: each asks first, and a
//! reset ends with the one-time link for the account's owner.

use super::link::{self, Occasion};
use super::users::account;
use crate::shell::chrome::{Chrome, Nav};
use crate::shell::confirmed::Confirmed;
use crate::shell::errors::{Failure, WebError};
use crate::shell::form::ValidForm;
use crate::shell::render::html;
use crate::WebState;
use askama::Template;
use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use spona_domain::ids::UserId;

/// The page that asks before an account is changed.
#[derive(Template)]
#[template(path = "admin/confirm.html")]
pub(super) struct ConfirmPage {
    pub chrome: Chrome,
    pub title: String,
    pub question: String,
    pub action: String,
    /// `active=0` for disabling; none for a reset.
    pub active: Option<&'static str>,
    pub button: String,
    pub back: String,
}

/// Asks before disabling: the owner is signed out at once.
pub async fn confirm_disable(
    State(state): State<WebState>,
    s: Confirmed,
    Path(id): Path<i64>,
) -> Result<Response, WebError> {
    let user = account(&state, &s, id).await?;
    let tr = &s.viewer.tr;
    html(&ConfirmPage {
        title: tr.t("admin-confirm-disable-title"),
        question: tr.ts("admin-confirm-disable-body", "name", &user.username),
        action: format!("/admin/users/{id}/active"),
        active: Some("0"),
        button: tr.t("admin-action-disable"),
        back: format!("/admin/users/{id}"),
        chrome: s.viewer.chrome(Nav::Admin),
    })
}

/// The disable/enable form as posted.
#[derive(Deserialize)]
pub struct ActiveForm {
    #[serde(default)]
    pub active: String,
}

/// Disables (`active=0`) or enables (`active=1`) the account.
pub async fn set_active(
    State(state): State<WebState>,
    s: Confirmed,
    Path(id): Path<i64>,
    ValidForm(f): ValidForm<ActiveForm>,
) -> Result<Response, WebError> {
    // Whether the account may be seen is decided before the input is judged.
    account(&state, &s, id).await?;
    let active = match f.active.as_str() {
        "1" => true,
        "0" => false,
        _ => return Err(WebError::Page(Failure::BadRequest)),
    };
    state
        .app
        .set_user_active(s.actor(), UserId(id), active)
        .await?;
    Ok(Redirect::to(&format!("/admin/users/{id}")).into_response())
}

/// Asks before resetting: the current password stops working at once.
pub async fn confirm_reset(
    State(state): State<WebState>,
    s: Confirmed,
    Path(id): Path<i64>,
) -> Result<Response, WebError> {
    let user = account(&state, &s, id).await?;
    let tr = &s.viewer.tr;
    html(&ConfirmPage {
        title: tr.t("admin-confirm-reset-title"),
        question: tr.ts("admin-confirm-reset-body", "name", &user.username),
        action: format!("/admin/users/{id}/reset"),
        active: None,
        button: tr.t("admin-action-reset"),
        back: format!("/admin/users/{id}"),
        chrome: s.viewer.chrome(Nav::Admin),
    })
}

/// The reset form as posted: nothing but the CSRF token.
#[derive(Deserialize)]
pub struct ResetForm {}

/// Clears the password, signs the owner out and shows the link for a new one.
pub async fn reset(
    State(state): State<WebState>,
    s: Confirmed,
    headers: HeaderMap,
    Path(id): Path<i64>,
    ValidForm(_): ValidForm<ResetForm>,
) -> Result<Response, WebError> {
    // Whether the account may be seen is decided first (another team's is "not found").
    let user = account(&state, &s, id).await?;
    let token = state.app.reset_password(s.actor(), UserId(id)).await?;
    link::page(&state, &s, &headers, user, Occasion::Reset, &token)
}

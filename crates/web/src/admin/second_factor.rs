//! Resetting an account's second factor, for a person who lost their authenticator and their
//! recovery codes: asks first; the person is signed out everywhere and told.

use super::status::ConfirmPage;
use super::users::account;
use crate::shell::chrome::Nav;
use crate::shell::confirmed::Confirmed;
use crate::shell::errors::WebError;
use crate::shell::form::ValidForm;
use crate::shell::render::html;
use crate::WebState;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use spona_domain::ids::UserId;

/// `GET /admin/users/{id}/second-factor/reset`: asks first.
pub async fn confirm_reset(
    State(state): State<WebState>,
    s: Confirmed,
    Path(id): Path<i64>,
) -> Result<Response, WebError> {
    let user = account(&state, &s, id).await?;
    let tr = &s.viewer.tr;
    html(&ConfirmPage {
        title: tr.t("admin-confirm-factor-reset-title"),
        question: tr.ts("admin-confirm-factor-reset-body", "name", &user.username),
        action: format!("/admin/users/{id}/second-factor/reset"),
        active: None,
        button: tr.t("admin-action-reset-second-factor"),
        back: format!("/admin/users/{id}"),
        chrome: s.viewer.chrome(Nav::Admin),
    })
}

/// Nothing but the form's token.
#[derive(Deserialize)]
pub struct ResetForm {}

/// `POST /admin/users/{id}/second-factor/reset`.
pub async fn reset(
    State(state): State<WebState>,
    s: Confirmed,
    Path(id): Path<i64>,
    ValidForm(_): ValidForm<ResetForm>,
) -> Result<Response, WebError> {
    state.app.reset_second_factor(s.actor(), UserId(id)).await?;
    Ok(Redirect::to(&format!("/admin/users/{id}?factor_reset=1")).into_response())
}

//! Signing in and out, setting a password through a one-time link, choosing the language.

mod language;
mod password;
mod sign_in;

use crate::WebState;
use axum::routing::{get, post};
use axum::Router;

/// The routes of this feature.
pub fn routes() -> Router<WebState> {
    Router::new()
        .route("/login", get(sign_in::form).post(sign_in::submit))
        .route("/logout", post(sign_in::sign_out))
        .route(
            "/password/{token}",
            get(password::form).post(password::submit),
        )
        .route("/lang", post(language::switch))
}

//! Team meetings (agenda, attendance, minutes, decisions, action items) and the log of
//! cooperation with the National Coordinator. Pages call the app layer, which decides access.

mod cooperation;
mod pages;

use crate::WebState;
use axum::routing::{get, post};
use axum::Router;

/// The routes of this feature.
pub fn routes() -> Router<WebState> {
    Router::new()
        .route("/meetings", get(pages::list).post(pages::create))
        .route("/meetings/{id}", get(pages::show))
        .route("/meetings/{id}/minutes", post(pages::minutes))
        .route("/meetings/{id}/actions", post(pages::add_action))
        .route("/meeting-actions/{id}/done", post(pages::done))
        .route(
            "/cooperation",
            get(cooperation::list).post(cooperation::create),
        )
}

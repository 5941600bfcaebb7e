//! The guidelines library, reading acknowledgements, and the printable "what to do" card.

mod card;
mod pages;

use crate::WebState;
use axum::routing::{get, post};
use axum::Router;

/// The routes of this feature.
pub fn routes() -> Router<WebState> {
    Router::new()
        .route("/guidelines", get(pages::list).post(pages::create))
        .route("/guidelines/card", get(card::card))
        .route("/guidelines/{id}", get(pages::show))
        .route("/guidelines/{id}/read", post(pages::acknowledge))
        .route("/guidelines/{id}/versions", post(pages::revise))
}

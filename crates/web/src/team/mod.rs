//! The team registry pages: teams, founding decision, institutions and partners, members.

mod institutions;
mod members;
mod overview;

use crate::WebState;
use axum::routing::{get, post};
use axum::Router;

/// The routes of this feature.
pub fn routes() -> Router<WebState> {
    Router::new()
        .route("/teams", get(overview::list))
        .route("/teams/{team}", get(overview::show))
        .route("/teams/{team}/founding/edit", get(overview::edit_founding))
        .route("/teams/{team}/founding", post(overview::save_founding))
        .route(
            "/teams/{team}/institutions",
            get(institutions::list).post(institutions::create),
        )
        .route("/teams/{team}/institutions/new", get(institutions::new))
        .route(
            "/teams/{team}/institutions/{id}",
            get(institutions::show).post(institutions::update),
        )
        .route(
            "/teams/{team}/institutions/{id}/edit",
            get(institutions::edit),
        )
        .route(
            "/teams/{team}/institutions/{id}/deactivate",
            get(institutions::confirm_deactivate),
        )
        .route(
            "/teams/{team}/institutions/{id}/active",
            post(institutions::set_active),
        )
        .route(
            "/teams/{team}/members",
            get(members::list).post(members::create),
        )
        .route("/teams/{team}/members/new", get(members::new))
        .route(
            "/teams/{team}/members/{id}",
            get(members::show).post(members::update),
        )
        .route("/teams/{team}/members/{id}/edit", get(members::edit))
        .route(
            "/teams/{team}/members/{id}/deactivate",
            get(members::confirm_deactivate),
        )
        .route(
            "/teams/{team}/members/{id}/active",
            post(members::set_active),
        )
}

//! The planning pages: the national framework and the team's coordination plan.

mod activities;
mod framework;
mod link;
mod plans;

pub use link::{plan_groups, PlanGroup};

use crate::WebState;
use axum::routing::{get, post};
use axum::Router;

/// The routes of this feature.
pub fn routes() -> Router<WebState> {
    Router::new()
        .route("/framework", get(framework::show))
        .route("/framework/documents", post(framework::add_document))
        .route("/framework/documents/{id}/items", post(framework::add_item))
        .route("/plan", get(plans::list).post(plans::create))
        .route("/plan/new", get(plans::new))
        .route("/plan/{id}", get(plans::show).post(plans::update))
        .route("/plan/{id}/edit", get(plans::edit))
        .route("/plan/{id}/adopt", get(plans::adoption).post(plans::adopt))
        .route("/plan/{id}/objectives", post(plans::add_objective))
        .route(
            "/plan/{id}/objectives/{objective}/delete",
            post(plans::delete_objective),
        )
        .route("/plan/{id}/activities", post(activities::create))
        .route("/plan/{id}/activities/new", get(activities::new))
        .route("/plan/{id}/activities/{activity}", post(activities::update))
        .route(
            "/plan/{id}/activities/{activity}/edit",
            get(activities::edit),
        )
}

/// A page shown again because its form was refused: 422, so that tools and tests see it.
fn refused(
    page: Result<axum::response::Response, crate::shell::errors::WebError>,
) -> Result<axum::response::Response, crate::shell::errors::WebError> {
    use axum::response::IntoResponse;
    Ok((axum::http::StatusCode::UNPROCESSABLE_ENTITY, page?).into_response())
}

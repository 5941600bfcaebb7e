//! The planning pages: the national framework and the team's coordination plan.

mod activities;
mod framework;
mod link;
mod plans;

pub use link::{plan_groups, PlanGroup};

use crate::routes::Routes;

/// The routes of this feature.
pub fn routes() -> Routes {
    Routes::new()
        .get("/framework", framework::show)
        .post("/framework/documents", framework::add_document)
        .post("/framework/documents/{id}/items", framework::add_item)
        .get("/plan", plans::list)
        .post("/plan", plans::create)
        .get("/plan/new", plans::new)
        .get("/plan/{id}", plans::show)
        .post("/plan/{id}", plans::update)
        .get("/plan/{id}/edit", plans::edit)
        .get("/plan/{id}/adopt", plans::adoption)
        .post("/plan/{id}/adopt", plans::adopt)
        .post("/plan/{id}/objectives", plans::add_objective)
        .post(
            "/plan/{id}/objectives/{objective}/delete",
            plans::delete_objective,
        )
        .post("/plan/{id}/activities", activities::create)
        .get("/plan/{id}/activities/new", activities::new)
        .post("/plan/{id}/activities/{activity}", activities::update)
        .get("/plan/{id}/activities/{activity}/edit", activities::edit)
}

/// A page shown again because its form was refused: 422, so that tools and tests see it.
fn refused(
    page: Result<axum::response::Response, crate::shell::errors::WebError>,
) -> Result<axum::response::Response, crate::shell::errors::WebError> {
    use axum::response::IntoResponse;
    Ok((axum::http::StatusCode::UNPROCESSABLE_ENTITY, page?).into_response())
}

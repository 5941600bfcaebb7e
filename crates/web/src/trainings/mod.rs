//! Trainings of officials: the list, recording one, one training with its certificates,
//! and the coverage of each institution's staff.

mod certificate;
mod coverage;
mod pages;
mod record;

use crate::WebState;
use axum::routing::get;
use axum::Router;

/// The routes of this feature.
pub fn routes() -> Router<WebState> {
    Router::new()
        .route("/trainings", get(pages::list).post(record::create))
        .route("/trainings/new", get(record::new))
        .route(
            "/trainings/coverage",
            get(coverage::show).post(coverage::save),
        )
        .route("/trainings/{id}", get(pages::show))
        .route(
            "/trainings/{id}/certificates/{file}",
            get(certificate::download),
        )
}

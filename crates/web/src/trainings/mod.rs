//! Trainings of officials: the list, recording one, one training with its certificates,
//! and the coverage of each institution's staff.

mod certificate;
mod coverage;
mod pages;
mod record;

use crate::routes::Routes;

/// The routes of this feature.
pub fn routes() -> Routes {
    Routes::new()
        .get("/trainings", pages::list)
        .post("/trainings", record::create)
        .get("/trainings/new", record::new)
        .get("/trainings/coverage", coverage::show)
        .post("/trainings/coverage", coverage::save)
        .get("/trainings/{id}", pages::show)
        .get("/trainings/{id}/certificates/{file}", certificate::download)
}

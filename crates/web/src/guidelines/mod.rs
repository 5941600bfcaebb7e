//! The guidelines library, reading acknowledgements, and the printable "what to do" card.

mod card;
mod pages;

use crate::routes::Routes;

/// The routes of this feature.
pub fn routes() -> Routes {
    Routes::new()
        .get("/guidelines", pages::list)
        .post("/guidelines", pages::create)
        .get("/guidelines/card", card::card)
        .get("/guidelines/{id}", pages::show)
        .post("/guidelines/{id}/read", pages::acknowledge)
        .post("/guidelines/{id}/versions", pages::revise)
}

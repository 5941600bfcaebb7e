//! Team meetings (agenda, attendance, minutes, decisions, action items) and the log of
//! cooperation with the National Coordinator. Pages call the app layer, which decides access.

mod cooperation;
mod pages;

use crate::routes::Routes;

/// The routes of this feature.
pub fn routes() -> Routes {
    Routes::new()
        .get("/meetings", pages::list)
        .post("/meetings", pages::create)
        .get("/meetings/{id}", pages::show)
        .post("/meetings/{id}/minutes", pages::minutes)
        .post("/meetings/{id}/actions", pages::add_action)
        .post("/meeting-actions/{id}/done", pages::done)
        .get("/cooperation", cooperation::list)
        .post("/cooperation", cooperation::create)
}

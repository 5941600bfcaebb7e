//! The reports pages: the team's periodic reports (draft, edit, submit, correct, download)
//! and, for the National Coordinator's office, every team's submitted reports with the
//! national summary and acknowledgement; the statistics page with its charts.

mod files;
mod list;
mod national;
mod show;
mod statistics;

use crate::routes::Routes;

/// The routes of this feature.
pub fn routes() -> Routes {
    Routes::new()
        .get("/reports", list::list)
        .post("/reports", list::create)
        .get("/reports/{id}", show::show)
        .get("/reports/{id}/edit", show::edit)
        .post("/reports/{id}/edit", show::update)
        .get("/reports/{id}/submit", show::confirm_submit)
        .post("/reports/{id}/submit", show::submit)
        .post("/reports/{id}/correct", show::correct)
        .post("/reports/{id}/acknowledge", national::acknowledge)
        .get("/reports/{id}/file/{name}", files::download)
        .get("/reports/htcds/{name}", files::exchange)
        .get("/statistics", statistics::page)
}

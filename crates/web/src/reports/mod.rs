//! The reports pages: the team's periodic reports (draft, edit, submit, correct, download)
//! and, for the National Coordinator's office, every team's submitted reports with the
//! national summary and acknowledgement; the statistics page with its charts.

mod files;
mod list;
mod national;
mod show;
mod statistics;

use crate::WebState;
use axum::routing::{get, post};
use axum::Router;

/// The routes of this feature.
pub fn routes() -> Router<WebState> {
    Router::new()
        .route("/reports", get(list::list).post(list::create))
        .route("/reports/{id}", get(show::show))
        .route("/reports/{id}/edit", get(show::edit).post(show::update))
        .route(
            "/reports/{id}/submit",
            get(show::confirm_submit).post(show::submit),
        )
        .route("/reports/{id}/correct", post(show::correct))
        .route("/reports/{id}/acknowledge", post(national::acknowledge))
        .route("/reports/{id}/file/{name}", get(files::download))
        .route("/reports/htcds/{name}", get(files::exchange))
        .route("/statistics", get(statistics::page))
}

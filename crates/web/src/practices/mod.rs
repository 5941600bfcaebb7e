//! Good practices: the list of every team's live practices with search and pages, one
//! practice, publishing an activity or a training through a form filled from it, and
//! withdrawing after a confirmation.

mod list;
mod publish;
mod show;

use crate::shell::tr::Tr;
use crate::WebState;
use axum::routing::get;
use axum::Router;
use spona_domain::practices::PracticeSource;

/// The routes of this feature.
pub fn routes() -> Router<WebState> {
    Router::new()
        .route("/practices", get(list::list))
        .route("/practices/{id}", get(show::show))
        .route(
            "/practices/{id}/withdraw",
            get(show::confirm_withdraw).post(show::withdraw),
        )
        .route(
            "/activities/{id}/publish",
            get(publish::activity_form).post(publish::publish_activity),
        )
        .route(
            "/trainings/{id}/publish",
            get(publish::training_form).post(publish::publish_training),
        )
}

/// The kind of source in words.
fn source_label(tr: &Tr, source: PracticeSource) -> String {
    tr.t(&format!("practice-source-{}", source.code()))
}

/// The date of an instant (Unix seconds), the locale's way.
fn day_of(tr: &Tr, unix: i64) -> String {
    time::OffsetDateTime::from_unix_timestamp(unix)
        .map(|dt| tr.date(&dt.date()))
        .unwrap_or_default()
}

//! Good practices: the list of every team's live practices with search and pages, one
//! practice, publishing an activity or a training through a form filled from it, and
//! withdrawing after a confirmation.

mod list;
mod publish;
mod show;

use crate::routes::Routes;
use crate::shell::tr::Tr;
use spona_domain::practices::PracticeSource;

/// The routes of this feature.
pub fn routes() -> Routes {
    Routes::new()
        .get("/practices", list::list)
        .get("/practices/{id}", show::show)
        .get("/practices/{id}/withdraw", show::confirm_withdraw)
        .post("/practices/{id}/withdraw", show::withdraw)
        .get("/activities/{id}/publish", publish::activity_form)
        .post("/activities/{id}/publish", publish::publish_activity)
        .get("/trainings/{id}/publish", publish::training_form)
        .post("/trainings/{id}/publish", publish::publish_training)
}

/// The kind of source in words.
fn source_label(tr: &Tr, source: PracticeSource) -> String {
    tr.t(&format!("practice-source-{}", source.code()))
}

/// The date of an instant (Unix seconds), the locale's way.
fn day_of(tr: &Tr, unix: i64) -> String {
    tr.day_of(unix)
}

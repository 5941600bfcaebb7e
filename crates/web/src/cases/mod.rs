//! Case pages: the list (with emergency access by a case's code), the report of a potential
//! victim, one case with its parts, steps, referrals and protection (guardian, consent,
//! services, recovery period, follow-ups, notes, proceedings, files), its access log, and the
//! institution's inbox of referrals with their answers. What a reader may see or do is decided
//! by the app layer; these pages show what it returns and nothing more.

mod access_log;
mod answer;
mod assignment;
mod attachments;
mod consent;
mod duplicates;
mod emergency;
mod inbox;
mod labels;
mod list;
mod moves;
mod panels;
mod protection;
mod referrals;
mod report;
mod show;

pub use labels::in_script;
pub use referrals::{awaiting_answer, ReferralLine};

use crate::WebState;
use axum::extract::DefaultBodyLimit;
use axum::routing::{get, post};
use axum::Router;
use spona_domain::cases::attachment::MAX_ATTACHMENT_BYTES;

/// A choice in a select or a group of checkboxes.
pub struct Choice {
    pub value: String,
    pub label: String,
    pub selected: bool,
}

/// The routes of this feature.
pub fn routes() -> Router<WebState> {
    Router::new()
        .route("/cases", get(list::list).post(report::create))
        .route("/cases/new", get(report::new))
        .route("/cases/{id}", get(show::show))
        .route(
            "/cases/{id}/edit",
            get(report::edit).post(report::save_edit),
        )
        .route("/cases/{id}/assignments", post(assignment::assign))
        .route(
            "/cases/{id}/assignments/{user}/remove",
            post(assignment::unassign),
        )
        .route("/cases/{id}/transition", post(moves::transition))
        .route("/cases/{id}/referrals", post(moves::refer))
        .route("/cases/emergency", post(emergency::open))
        .route("/cases/{id}/guardians", post(consent::guardian))
        .route("/cases/{id}/consents", post(consent::consent))
        .route(
            "/cases/{id}/consents/{consent}/withdraw",
            post(consent::withdraw),
        )
        .route("/cases/{id}/services", post(protection::add_service))
        .route(
            "/cases/{id}/services/{service}/status",
            post(protection::service_status),
        )
        .route("/cases/{id}/recovery", post(protection::recovery))
        .route("/cases/{id}/follow-ups", post(protection::follow_up))
        .route("/cases/{id}/notes", post(protection::note))
        .route("/cases/{id}/proceedings", post(protection::proceedings))
        .route("/cases/{id}/access-log", get(access_log::access_log))
        .route(
            "/cases/{id}/attachments",
            post(attachments::upload).layer(DefaultBodyLimit::max(
                MAX_ATTACHMENT_BYTES + attachments::UPLOAD_OVERHEAD,
            )),
        )
        .route("/attachments/{id}", get(attachments::download))
        .route(
            "/attachments/{id}/remove",
            get(attachments::confirm_remove).post(attachments::remove),
        )
        .route("/inbox", get(inbox::inbox))
        .route("/duplicates", get(duplicates::list))
        .route("/duplicates/{id}", post(duplicates::review))
        .route("/referrals/{id}/answer", post(answer::answer))
}

//! Case pages: the list, the report of a potential victim, one case with its parts, steps and
//! referrals, and the institution's inbox of referrals with their answers. What a reader may
//! see or do is decided by the app layer; these pages show what it returns and nothing more.

mod answer;
mod inbox;
mod labels;
mod list;
mod moves;
mod referrals;
mod report;
mod show;

pub use referrals::{awaiting_answer, ReferralLine};

use crate::WebState;
use axum::routing::{get, post};
use axum::Router;

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
        .route("/cases/{id}/transition", post(moves::transition))
        .route("/cases/{id}/referrals", post(moves::refer))
        .route("/inbox", get(inbox::inbox))
        .route("/referrals/{id}/answer", post(answer::answer))
}

//! The in-app notifications of a team user: new referrals, overdue ones, emergency access to
//! the institution's cases, recovery periods ending. A notification names a kind and at most a
//! case to open, never anything about the person.

mod notifications;

use crate::WebState;
use axum::routing::{get, post};
use axum::Router;

/// The routes of this feature.
pub fn routes() -> Router<WebState> {
    Router::new()
        .route("/notifications", get(notifications::list))
        .route("/notifications/read", post(notifications::mark_read))
}

//! Administration of user accounts: the list, a new account with a one-time link to set the
//! password, disabling and enabling, password resets; and the deployment's indicator
//! catalogues. The administrator manages every account; a team coordinator only those of their
//! team. The app layer decides that.

mod catalogues;
mod create;
pub(crate) mod link;
mod status;
mod users;

use crate::WebState;
use axum::routing::{get, post};
use axum::Router;

/// A choice in a select.
pub struct Choice {
    pub value: String,
    pub label: String,
    pub selected: bool,
}

/// The routes of this feature.
pub fn routes() -> Router<WebState> {
    Router::new()
        .route("/admin", get(users::to_list))
        .route("/admin/users", get(users::list).post(create::create))
        .route("/admin/users/new", get(create::new))
        .route(
            "/admin/catalogues",
            get(catalogues::list).post(catalogues::import),
        )
        .route("/admin/users/{id}", get(users::show))
        .route("/admin/users/{id}/disable", get(status::confirm_disable))
        .route("/admin/users/{id}/active", post(status::set_active))
        .route(
            "/admin/users/{id}/reset",
            get(status::confirm_reset).post(status::reset),
        )
}

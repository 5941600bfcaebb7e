//! Administration of user accounts: the list, a new account with a one-time link to set the
//! password, disabling and enabling, password resets; and the deployment's indicator
//! catalogues. The administrator manages every account; a team coordinator only those of their
//! team. The app layer decides that.

mod catalogues;
mod create;
pub(crate) mod link;
mod retention;
mod second_factor;
mod status;
mod users;

use crate::routes::Routes;

/// A choice in a select.
pub struct Choice {
    pub value: String,
    pub label: String,
    pub selected: bool,
}

/// The routes of this feature.
pub fn routes() -> Routes {
    Routes::new()
        .get("/admin", users::to_list)
        .get("/admin/users", users::list)
        .post("/admin/users", create::create)
        .get("/admin/users/new", create::new)
        .get("/admin/catalogues", catalogues::list)
        .post("/admin/catalogues", catalogues::import)
        .get("/admin/retention", retention::page)
        .get("/admin/users/{id}", users::show)
        .get("/admin/users/{id}/disable", status::confirm_disable)
        .post("/admin/users/{id}/active", status::set_active)
        .get("/admin/users/{id}/reset", status::confirm_reset)
        .post("/admin/users/{id}/reset", status::reset)
        .get(
            "/admin/users/{id}/second-factor/reset",
            second_factor::confirm_reset,
        )
        .post(
            "/admin/users/{id}/second-factor/reset",
            second_factor::reset,
        )
}

//! The team registry pages: teams, founding decision (and files on it), institutions and
//! partners, members.

pub(crate) mod changes;
mod founding_files;
mod institutions;
mod members;
mod overview;

use crate::routes::Routes;

/// The routes of this feature.
pub fn routes() -> Routes {
    Routes::new()
        .get("/teams", overview::list)
        .get("/teams/{team}", overview::show)
        .get("/teams/{team}/founding/edit", overview::edit_founding)
        .post("/teams/{team}/founding", overview::save_founding)
        .post_with_limit(
            "/teams/{team}/founding/files",
            founding_files::upload,
            crate::official_files::UPLOAD_LIMIT,
        )
        .get(
            "/teams/{team}/founding/files/{version}",
            founding_files::download,
        )
        .get("/teams/{team}/institutions", institutions::list)
        .post("/teams/{team}/institutions", institutions::create)
        .get("/teams/{team}/institutions/new", institutions::new)
        .get("/teams/{team}/institutions/{id}", institutions::show)
        .post("/teams/{team}/institutions/{id}", institutions::update)
        .get("/teams/{team}/institutions/{id}/edit", institutions::edit)
        .get(
            "/teams/{team}/institutions/{id}/deactivate",
            institutions::confirm_deactivate,
        )
        .post(
            "/teams/{team}/institutions/{id}/active",
            institutions::set_active,
        )
        .get("/teams/{team}/members", members::list)
        .post("/teams/{team}/members", members::create)
        .get("/teams/{team}/members/new", members::new)
        .get("/teams/{team}/members/{id}", members::show)
        .post("/teams/{team}/members/{id}", members::update)
        .get("/teams/{team}/members/{id}/edit", members::edit)
        .get(
            "/teams/{team}/members/{id}/deactivate",
            members::confirm_deactivate,
        )
        .post("/teams/{team}/members/{id}/active", members::set_active)
}

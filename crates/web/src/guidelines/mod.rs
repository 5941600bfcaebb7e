//! The guidelines library, reading acknowledgements, files on versions, and the printable
//! "what to do" card.

mod card;
mod files;
mod pages;

use crate::routes::Routes;

/// The routes of this feature.
pub fn routes() -> Routes {
    Routes::new()
        .get("/guidelines", pages::list)
        .post("/guidelines", pages::create)
        .get("/guidelines/card", card::card)
        .get("/guidelines/{id}", pages::show)
        .post("/guidelines/{id}/read", pages::acknowledge)
        .post("/guidelines/{id}/versions", pages::revise)
        .post_with_limit(
            "/guidelines/{id}/files",
            files::upload,
            crate::official_files::UPLOAD_LIMIT,
        )
        .get("/guidelines/{id}/files/{version}", files::download)
}

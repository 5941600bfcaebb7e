//! Signing in and out, setting a password through a one-time link, choosing the language,
//! and a person's control of their sessions.

mod language;
mod password;
mod sessions;
mod sign_in;

use crate::routes::Routes;

/// The routes of this feature.
pub fn routes() -> Routes {
    Routes::new()
        .get("/login", sign_in::form)
        .post("/login", sign_in::submit)
        .post("/logout", sign_in::sign_out)
        .get("/password/{token}", password::form)
        .post("/password/{token}", password::submit)
        .post("/lang", language::switch)
        .get("/account/sessions", sessions::list)
        .post("/account/sessions/{id}/end", sessions::end)
        .post("/admin/users/{id}/sessions/end", sessions::end_all_of)
}

//! Signing in and out, setting a password through a one-time link, choosing the language.

mod language;
mod password;
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
}

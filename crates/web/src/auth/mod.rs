//! Signing in and out, setting a password through a one-time link, choosing the language,
//! the second factor (its step at sign-in, the person's own, the administrator's reset),
//! and a person's control of their sessions.

mod completion;
mod confirm;
mod language;
mod own_factor;
mod passkeys;
mod password;
mod qr;
mod second_step;
mod sessions;
mod sign_in;

use crate::routes::Routes;

/// The routes of this feature.
pub fn routes() -> Routes {
    Routes::new()
        .get("/login", sign_in::form)
        .post("/login", sign_in::submit)
        .post("/logout", sign_in::sign_out)
        .get("/login/second-factor", second_step::code_form)
        .post("/login/second-factor", second_step::code_submit)
        .get("/login/enrol", second_step::enrol_form)
        .post("/login/enrol", second_step::enrol_submit)
        .get("/account/confirm", confirm::form)
        .post("/account/confirm", confirm::submit)
        .get("/account/confirm/passkey/options", confirm::passkey_options)
        .post("/account/confirm/passkey", confirm::with_passkey)
        .get("/login/passkey/options", passkeys::sign_in_options)
        .post("/login/passkey", passkeys::sign_in)
        .get("/account/passkeys/options", passkeys::registration_options)
        .post("/account/passkeys", passkeys::register)
        .post("/account/passkeys/{id}/remove", passkeys::remove)
        .get("/account/second-factor", own_factor::show)
        .get("/account/second-factor/authenticator", own_factor::propose)
        .post("/account/second-factor/authenticator", own_factor::confirm)
        .post(
            "/account/second-factor/recovery-codes",
            own_factor::renew_codes,
        )
        .post("/account/second-factor/remove", own_factor::remove)
        .get("/password/{token}", password::form)
        .post("/password/{token}", password::submit)
        .post("/lang", language::switch)
        .get("/account/sessions", sessions::list)
        .post("/account/sessions/{id}/end", sessions::end)
        .post("/admin/users/{id}/sessions/end", sessions::end_all_of)
}

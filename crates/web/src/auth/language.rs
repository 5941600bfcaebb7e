//! The language switch on every page: remembered per user, or in a cookie for visitors (and,
//! for the sign-in that may follow, as a choice made on this visit).

use crate::shell::cookies;
use crate::shell::errors::{Failure, WebError};
use crate::shell::form::ValidForm;
use crate::shell::viewer::{safe_next, Viewer};
use crate::WebState;
use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use spona_i18n::Locale;

/// The switch as posted.
#[derive(Deserialize)]
pub struct Switch {
    #[serde(default)]
    lang: String,
    #[serde(default)]
    next: String,
}

/// Changes the language and goes back to the page.
pub async fn switch(
    State(state): State<WebState>,
    viewer: Viewer,
    ValidForm(f): ValidForm<Switch>,
) -> Result<Response, WebError> {
    let locale = Locale::from_code(&f.lang).ok_or(WebError::Page(Failure::BadRequest))?;
    let mut res = Redirect::to(&safe_next(&f.next)).into_response();
    match &viewer.signed {
        Some(s) => state.app.set_locale(s, locale).await?,
        None => {
            res.headers_mut().append(
                header::SET_COOKIE,
                cookies::set(
                    cookies::LANG_CHOSEN,
                    locale.code(),
                    cookies::LANG_CHOSEN_SECONDS,
                    state.settings.secure_cookies,
                ),
            );
        }
    }
    res.headers_mut().append(
        header::SET_COOKIE,
        cookies::set(
            cookies::LANG,
            locale.code(),
            365 * 24 * 3600,
            state.settings.secure_cookies,
        ),
    );
    Ok(res)
}

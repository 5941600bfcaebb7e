//! Where a right password leads, and the end of every sign-in: the session cookie, the
//! language chosen on the way, and back to the page the person came for.

use crate::shell::cookies;
use crate::shell::errors::WebError;
use crate::shell::viewer::{safe_next, url_encode, Viewer};
use crate::WebState;
use axum::http::{header, HeaderMap};
use axum::response::{IntoResponse, Redirect, Response};
use spona_app::auth::{NewSession, SignInStep};
use spona_i18n::Locale;

/// The answer to a right password: signed in, or on to the second step with the challenge
/// in its own cookie.
pub(super) async fn after_password(
    state: &WebState,
    viewer: &Viewer,
    headers: &HeaderMap,
    step: SignInStep,
    next: &str,
) -> Result<Response, WebError> {
    let (path, challenge) = match step {
        SignInStep::Signed(session) => {
            return signed_in(
                state,
                viewer,
                headers,
                session,
                Redirect::to(&safe_next(next)),
            )
            .await
        }
        SignInStep::SecondFactor(c) => ("/login/second-factor", c),
        SignInStep::Enrol(c) => ("/login/enrol", c),
    };
    let mut res = Redirect::to(&format!("{path}?next={}", url_encode(next))).into_response();
    res.headers_mut().append(
        header::SET_COOKIE,
        cookies::set(
            cookies::CHALLENGE,
            &challenge.token,
            challenge.max_age,
            state.settings.secure_cookies,
        ),
    );
    Ok(res)
}

/// Completes a sign-in: any earlier session of this browser ends, the language chosen before
/// signing in becomes the person's saved preference (the most recent, explicit choice), and
/// the session's cookie is set on `answer`.
pub(super) async fn signed_in(
    state: &WebState,
    viewer: &Viewer,
    headers: &HeaderMap,
    session: NewSession,
    answer: impl IntoResponse,
) -> Result<Response, WebError> {
    if let Some(old) = &viewer.signed {
        let _ = state.app.sign_out(old).await;
    }
    let chosen =
        cookies::get(headers, cookies::LANG_CHOSEN).and_then(|code| Locale::from_code(&code));
    if let Some(locale) = chosen {
        let signed = state.app.session(&session.token, &viewer.address).await?;
        state.app.set_locale(&signed, locale).await?;
    }
    let secure = state.settings.secure_cookies;
    let mut res = answer.into_response();
    if chosen.is_some() {
        res.headers_mut().append(
            header::SET_COOKIE,
            cookies::clear(cookies::LANG_CHOSEN, secure),
        );
    }
    if cookies::get(headers, cookies::CHALLENGE).is_some() {
        res.headers_mut().append(
            header::SET_COOKIE,
            cookies::clear(cookies::CHALLENGE, secure),
        );
    }
    res.headers_mut().append(
        header::SET_COOKIE,
        cookies::set(cookies::SESSION, &session.token, session.max_age, secure),
    );
    Ok(res)
}

/// Back to the sign-in page, the half-done sign-in forgotten (it ended, or was never there).
pub(super) fn start_again(state: &WebState, next: &str) -> Response {
    let mut res =
        Redirect::to(&format!("/login?next={}&expired=1", url_encode(next))).into_response();
    res.headers_mut().append(
        header::SET_COOKIE,
        cookies::clear(cookies::CHALLENGE, state.settings.secure_cookies),
    );
    res
}

//! The second step of a sign-in: a code of the authenticator app (or a recovery code), or,
//! for an account that must have a second factor and has none, enrolling one first. The
//! challenge cookie is the only way in; without a live challenge, back to the sign-in page.

use super::completion::{signed_in, start_again};
use super::qr;
use crate::shell::chrome::{Chrome, Nav};
use crate::shell::cookies;
use crate::shell::errors::WebError;
use crate::shell::form::ValidForm;
use crate::shell::render::html;
use crate::shell::viewer::{safe_next, url_encode, Viewer};
use crate::WebState;
use askama::Template;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use spona_app::auth::{ChallengeKind, Enrolment};
use spona_app::AppError;

#[derive(Template)]
#[template(path = "auth/second_factor.html")]
struct CodePage {
    chrome: Chrome,
    next: String,
    error: Option<String>,
    /// The account has passkeys that work here: the page offers them.
    passkeys: bool,
}

/// A proposed authenticator secret to scan, and the form for its first code (during sign-in
/// and from the person's own page).
#[derive(Template)]
#[template(path = "auth/enrol.html")]
pub(super) struct EnrolPage {
    pub chrome: Chrome,
    pub action: &'static str,
    pub next: String,
    pub secret: String,
    pub qr: String,
    pub error: Option<String>,
}

/// The codes just made, shown once.
#[derive(Template)]
#[template(path = "auth/recovery_codes.html")]
pub(super) struct CodesPage {
    pub chrome: Chrome,
    pub codes: Vec<String>,
    pub next: String,
}

/// Where to go once signed in (and whether a passkey was just refused).
#[derive(Deserialize, Default)]
pub struct Next {
    #[serde(default)]
    next: String,
    #[serde(default)]
    passkey: String,
}

/// The code as posted.
#[derive(Deserialize)]
pub struct CodeForm {
    #[serde(default)]
    code: String,
    #[serde(default)]
    next: String,
}

/// What this browser's half-done sign-in asks for.
enum Waiting {
    /// This step: the challenge's token.
    Here(String),
    /// The other step (a page opened by hand): go there.
    Elsewhere(ChallengeKind),
    /// Nothing: it ended, or was never there.
    Nothing,
}

/// The challenge of this browser, if it still waits, for the step `kind`.
async fn challenge_of(
    state: &WebState,
    headers: &HeaderMap,
    kind: ChallengeKind,
) -> Result<Waiting, WebError> {
    let Some(token) = cookies::get(headers, cookies::CHALLENGE) else {
        return Ok(Waiting::Nothing);
    };
    match state.app.challenge(&token).await {
        Ok(view) if view.kind == kind => Ok(Waiting::Here(token)),
        Ok(view) => Ok(Waiting::Elsewhere(view.kind)),
        Err(AppError::Unauthenticated) => Ok(Waiting::Nothing),
        Err(e) => Err(e.into()),
    }
}

/// The answer when this step is not the one waiting.
fn not_here(state: &WebState, waiting: Waiting, next: &str) -> Response {
    match waiting {
        Waiting::Elsewhere(kind) => {
            let path = match kind {
                ChallengeKind::Verify => "/login/second-factor",
                ChallengeKind::Enrol => "/login/enrol",
            };
            Redirect::to(&format!("{path}?next={}", url_encode(next))).into_response()
        }
        _ => start_again(state, next),
    }
}

/// `GET /login/second-factor`.
pub async fn code_form(
    State(state): State<WebState>,
    viewer: Viewer,
    headers: HeaderMap,
    Query(q): Query<Next>,
) -> Result<Response, WebError> {
    let token = match challenge_of(&state, &headers, ChallengeKind::Verify).await? {
        Waiting::Here(token) => token,
        waiting => return Ok(not_here(&state, waiting, &q.next)),
    };
    let passkeys = state.app.challenge(&token).await?.passkeys;
    let error = (q.passkey == "refused").then(|| viewer.tr.t("passkey-refused"));
    html(&CodePage {
        chrome: viewer.chrome(Nav::None),
        next: q.next,
        error,
        passkeys,
    })
}

/// `POST /login/second-factor`.
pub async fn code_submit(
    State(state): State<WebState>,
    viewer: Viewer,
    headers: HeaderMap,
    ValidForm(f): ValidForm<CodeForm>,
) -> Result<Response, WebError> {
    let Some(token) = cookies::get(&headers, cookies::CHALLENGE) else {
        return Ok(start_again(&state, &f.next));
    };
    match state.app.pass_second_factor(&token, &f.code).await {
        Ok(session) => {
            let back = Redirect::to(&safe_next(&f.next));
            signed_in(&state, &viewer, &headers, session, back).await
        }
        Err(e) => {
            let (status, error) = refusal(&viewer, e)?;
            let waiting = challenge_of(&state, &headers, ChallengeKind::Verify).await?;
            let Waiting::Here(token) = waiting else {
                return Ok(not_here(&state, waiting, &f.next));
            };
            let passkeys = state.app.challenge(&token).await?.passkeys;
            let page = html(&CodePage {
                chrome: viewer.chrome(Nav::None),
                next: f.next,
                error: Some(error),
                passkeys,
            })?;
            Ok((status, page).into_response())
        }
    }
}

/// `GET /login/enrol`.
pub async fn enrol_form(
    State(state): State<WebState>,
    viewer: Viewer,
    headers: HeaderMap,
    Query(q): Query<Next>,
) -> Result<Response, WebError> {
    let token = match challenge_of(&state, &headers, ChallengeKind::Enrol).await? {
        Waiting::Here(token) => token,
        waiting => return Ok(not_here(&state, waiting, &q.next)),
    };
    let enrolment = state.app.enrolment(&token).await?;
    html(&enrol_page(&viewer, enrolment, q.next, None))
}

/// `POST /login/enrol`: the first code confirms the authenticator; the recovery codes are
/// shown once, and the person is signed in.
pub async fn enrol_submit(
    State(state): State<WebState>,
    viewer: Viewer,
    headers: HeaderMap,
    ValidForm(f): ValidForm<CodeForm>,
) -> Result<Response, WebError> {
    let Some(token) = cookies::get(&headers, cookies::CHALLENGE) else {
        return Ok(start_again(&state, &f.next));
    };
    match state.app.confirm_enrolment(&token, &f.code).await {
        Ok((session, codes)) => {
            let page = html(&CodesPage {
                chrome: viewer.chrome(Nav::None),
                codes: codes.0,
                next: safe_next(&f.next),
            })?;
            signed_in(&state, &viewer, &headers, session, page).await
        }
        Err(e) => {
            let (status, error) = refusal(&viewer, e)?;
            let waiting = challenge_of(&state, &headers, ChallengeKind::Enrol).await?;
            if !matches!(waiting, Waiting::Here(_)) {
                return Ok(not_here(&state, waiting, &f.next));
            }
            let enrolment = state.app.enrolment(&token).await?;
            let page = html(&enrol_page(&viewer, enrolment, f.next, Some(error)))?;
            Ok((status, page).into_response())
        }
    }
}

/// The enrolment page for a proposed secret.
fn enrol_page(
    viewer: &Viewer,
    enrolment: Enrolment,
    next: String,
    error: Option<String>,
) -> EnrolPage {
    EnrolPage {
        chrome: viewer.chrome(Nav::None),
        action: "/login/enrol",
        next,
        qr: qr::svg(&enrolment.uri),
        secret: enrolment.secret,
        error,
    }
}

/// What a refused code is told (wrong or used, or too many tries); other failures are the
/// error page's.
fn refusal(viewer: &Viewer, e: AppError) -> Result<(StatusCode, String), WebError> {
    match e {
        AppError::BadCredentials | AppError::Unauthenticated => {
            Ok((StatusCode::UNAUTHORIZED, viewer.tr.t("second-factor-wrong")))
        }
        AppError::Throttled { minutes } => Ok((
            StatusCode::TOO_MANY_REQUESTS,
            viewer.tr.tn("sign-in-throttled", "minutes", minutes),
        )),
        other => Err(other.into()),
    }
}

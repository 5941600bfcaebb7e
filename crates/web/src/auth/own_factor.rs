//! The signed-in person's second factor: its state, setting up an authenticator (a first one
//! or one in place of a lost one), fresh recovery codes, and turning it off where the role
//! allows.

use super::qr;
use super::second_step::{CodesPage, EnrolPage};
use crate::shell::chrome::{Chrome, Nav};
use crate::shell::errors::WebError;
use crate::shell::form::ValidForm;
use crate::shell::render::html;
use crate::shell::viewer::Signed;
use crate::WebState;
use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use spona_app::AppError;

#[derive(Template)]
#[template(path = "auth/own_factor.html")]
struct StatusPage {
    chrome: Chrome,
    enrolled_at: Option<String>,
    codes_left: i64,
    required: bool,
    notice: Option<String>,
    error: Option<String>,
    passkeys: Vec<PasskeyLine>,
    /// Passkeys work at this deployment's address.
    passkeys_here: bool,
}

/// A passkey, ready to show.
struct PasskeyLine {
    id: i64,
    name: String,
    added: String,
    used: Option<String>,
}

/// What a redirect to the page asks it to say.
#[derive(Default, Deserialize)]
#[serde(default)]
pub struct Notices {
    removed: Option<String>,
    passkey: Option<String>,
}

/// `GET /account/second-factor`.
pub async fn show(
    State(state): State<WebState>,
    s: Signed,
    Query(n): Query<Notices>,
) -> Result<Response, WebError> {
    let status = state.app.own_second_factor(&s.session).await?;
    let tr = &s.viewer.tr;
    let passkeys = state
        .app
        .own_passkeys(&s.session)
        .await?
        .into_iter()
        .map(|p| PasskeyLine {
            id: p.id,
            name: p.name,
            added: tr.instant(&p.created_at),
            used: p.last_used_at.map(|at| tr.instant(&at)),
        })
        .collect();
    let notice = match (n.removed, n.passkey.as_deref()) {
        (Some(_), _) => Some(tr.t("own-factor-removed")),
        (_, Some("added")) => Some(tr.t("passkey-added")),
        (_, Some("removed")) => Some(tr.t("passkey-removed")),
        _ => None,
    };
    let error = (n.passkey.as_deref() == Some("refused")).then(|| tr.t("passkey-not-added"));
    html(&StatusPage {
        enrolled_at: status.enrolled_at.map(|at| tr.instant(&at)),
        codes_left: status.recovery_codes_left,
        required: status.required,
        notice,
        error,
        passkeys,
        passkeys_here: state.app.passkeys_available(),
        chrome: s.viewer.chrome(Nav::None),
    })
}

/// `GET /account/second-factor/authenticator`: a new secret to scan.
pub async fn propose(State(state): State<WebState>, s: Signed) -> Result<Response, WebError> {
    let enrolment = state.app.propose_own_authenticator(&s.session).await?;
    html(&EnrolPage {
        chrome: s.viewer.chrome(Nav::None),
        action: "/account/second-factor/authenticator",
        next: String::new(),
        qr: qr::svg(&enrolment.uri),
        secret: enrolment.secret,
        error: None,
    })
}

/// The code as posted.
#[derive(Deserialize)]
pub struct CodeForm {
    #[serde(default)]
    code: String,
}

/// `POST /account/second-factor/authenticator`: the first code confirms it; the new
/// recovery codes are shown once.
pub async fn confirm(
    State(state): State<WebState>,
    s: Signed,
    ValidForm(f): ValidForm<CodeForm>,
) -> Result<Response, WebError> {
    match state
        .app
        .confirm_own_authenticator(&s.session, &f.code)
        .await
    {
        Ok(codes) => codes_page(&s, codes.0),
        Err(AppError::BadCredentials) => {
            let enrolment = state.app.propose_own_authenticator(&s.session).await?;
            let page = html(&EnrolPage {
                chrome: s.viewer.chrome(Nav::None),
                action: "/account/second-factor/authenticator",
                next: String::new(),
                qr: qr::svg(&enrolment.uri),
                secret: enrolment.secret,
                error: Some(s.viewer.tr.t("second-factor-wrong")),
            })?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
        Err(e) => Err(e.into()),
    }
}

/// Nothing but the form's token.
#[derive(Default, Deserialize)]
pub struct Nothing {}

/// `POST /account/second-factor/recovery-codes`: a fresh set in place of the old one.
pub async fn renew_codes(
    State(state): State<WebState>,
    s: Signed,
    ValidForm(_): ValidForm<Nothing>,
) -> Result<Response, WebError> {
    let codes = state.app.renew_own_recovery_codes(&s.session).await?;
    codes_page(&s, codes.0)
}

/// `POST /account/second-factor/remove`.
pub async fn remove(
    State(state): State<WebState>,
    s: Signed,
    ValidForm(_): ValidForm<Nothing>,
) -> Result<Response, WebError> {
    state.app.remove_own_second_factor(&s.session).await?;
    Ok(Redirect::to("/account/second-factor?removed=1").into_response())
}

fn codes_page(s: &Signed, codes: Vec<String>) -> Result<Response, WebError> {
    html(&CodesPage {
        chrome: s.viewer.chrome(Nav::None),
        codes,
        next: "/account/second-factor".to_string(),
    })
}

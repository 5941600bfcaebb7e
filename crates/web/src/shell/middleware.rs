//! The per-request middleware: request id, who is asking and in which language, error pages,
//! user data in the reader's script, compression and the body size limit; inside them, clean query strings and the CSRF check.

use super::cookies;
use super::errors::{self, Failure};
use super::tr::Tr;
use super::viewer::Viewer;
use crate::WebState;
use axum::extract::{ConnectInfo, DefaultBodyLimit, MatchedPath, Request, State};
use axum::http::{header, HeaderValue};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::Router;
use spona_app::AppError;
use spona_crypto::tokens;
use spona_domain::access::permissions;
use spona_i18n::{negotiate, Locale};
use std::net::SocketAddr;
use std::time::Instant;
use tower_http::compression::predicate::{DefaultPredicate, NotForContentType, Predicate};
use tower_http::compression::{CompressionLayer, CompressionLevel};
use tracing::Instrument;

/// Wraps the page routes in the middleware stack.
pub fn wrap(pages: Router<WebState>, state: WebState) -> Router<WebState> {
    let limit = state.settings.max_body_bytes;
    pages
        // Inside `resolve`, which they need for the viewer and which renders their refusals.
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            super::csrf::guard,
        ))
        .layer(axum::middleware::from_fn(super::strict::clean_query))
        .layer(axum::middleware::from_fn_with_state(state, resolve))
        // Outside `resolve`, so error pages are rewritten too; inside compression, which
        // must see the rewritten page.
        .layer(axum::middleware::from_fn(super::script::latin_pages))
        .layer(
            // The fastest level: pages are small and compress well at any level, and the
            // default level cost a twentieth of a list page's processor time.
            CompressionLayer::new()
                .quality(CompressionLevel::Fastest)
                .compress_when(compressible()),
        )
        .layer(DefaultBodyLimit::max(limit))
}

/// What is compressed: not exports, which stream (a workbook is compressed already, and
/// gzip would hold a CSV's first bytes back until its buffer fills).
fn compressible() -> impl Predicate {
    DefaultPredicate::new()
        .and(NotForContentType::const_new(crate::exports::XLSX_TYPE))
        .and(NotForContentType::const_new("text/csv"))
}

async fn resolve(State(state): State<WebState>, mut req: Request, next: Next) -> Response {
    let started = Instant::now();
    let request_id: String = tokens::new_token().chars().take(12).collect();
    let method = req.method().clone();
    // The route's pattern, never the path itself: paths can hold one-time tokens.
    let path = req
        .extensions()
        .get::<MatchedPath>()
        .map(|m| m.as_str().to_string())
        .unwrap_or_else(|| "(unmatched)".into());
    let here = req
        .uri()
        .path_and_query()
        .map(|p| p.as_str().to_string())
        .unwrap_or_else(|| "/".into());
    let headers = req.headers().clone();
    let address = client_address(&req, state.settings.trust_forwarded_for);

    let session_cookie = cookies::get(&headers, cookies::SESSION);
    let mut session_ended = false;
    // A session that cannot be read is not an ended one: the person is told to try again
    // shortly and stays signed in, rather than being sent to the sign-in page.
    let mut unreadable_session = None;
    let signed = match &session_cookie {
        Some(token) => match state.app.session(token, &address).await {
            Ok(s) => Some(s),
            Err(AppError::Unauthenticated) => {
                session_ended = true;
                None
            }
            Err(e) => {
                tracing::warn!(request_id = %request_id, error = %e, "session lookup failed");
                unreadable_session = Some(match &e {
                    AppError::Store(err) if err.is_unavailable() => Failure::Unavailable,
                    _ => Failure::Server,
                });
                None
            }
        },
        None => None,
    };
    let locale = signed
        .as_ref()
        .and_then(|s| Locale::from_code(&s.user.locale))
        .or_else(|| cookies::get(&headers, cookies::LANG).and_then(|c| Locale::from_code(&c)))
        .unwrap_or_else(|| {
            negotiate(
                headers
                    .get(header::ACCEPT_LANGUAGE)
                    .and_then(|v| v.to_str().ok()),
            )
        });
    let mut new_anon_csrf = None;
    let csrf_token = match &signed {
        Some(s) => s.csrf_token.clone(),
        None => match cookies::get(&headers, cookies::ANON_CSRF).filter(|t| t.len() == 43) {
            Some(t) => t,
            None => {
                let t = tokens::new_token();
                new_anon_csrf = Some(t.clone());
                t
            }
        },
    };
    let permissions = signed
        .as_ref()
        .map(|s| permissions(&s.actor))
        .unwrap_or_default();
    let confirmed = signed
        .as_ref()
        .is_some_and(|s| state.app.recently_confirmed(s));
    let viewer = Viewer {
        confirmed,
        signed,
        permissions,
        locale,
        csrf_token,
        request_id: request_id.clone(),
        here,
        address,
        session_ended,
        tr: Tr::new(state.catalog.clone(), locale, state.app.zone().clone()),
    };
    req.extensions_mut().insert(viewer.clone());

    let span = tracing::info_span!("request", id = %request_id, method = %method, path = %path);
    let mut res = if let Some(failure) = unreadable_session {
        errors::WebError::Page(failure).into_response()
    } else {
        next.run(req).instrument(span).await
    };

    let is_html = res
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    if let Some(damaged) = res.extensions().get::<spona_app::Damaged>() {
        state.app.report_damage(damaged).await;
    }
    let failure = res.extensions().get::<Failure>().copied();
    if failure.is_some() || (res.status().as_u16() >= 400 && !is_html) {
        let failure = failure.unwrap_or_else(|| errors::failure_of(res.status()));
        if failure == Failure::Unavailable {
            state.app.db().health().note_unavailable();
        }
        res = errors::render(&viewer, failure);
    }
    let secure = state.settings.secure_cookies;
    if let Some(t) = new_anon_csrf {
        res.headers_mut().append(
            header::SET_COOKIE,
            cookies::set(cookies::ANON_CSRF, &t, 12 * 3600, secure),
        );
    }
    if session_ended && !res.headers().contains_key(header::SET_COOKIE) {
        res.headers_mut()
            .append(header::SET_COOKIE, cookies::clear(cookies::SESSION, secure));
    }
    res.extensions_mut()
        .insert(super::script::ReaderLocale(viewer.locale));
    if let Ok(v) = HeaderValue::from_str(&request_id) {
        res.headers_mut().insert("x-request-id", v);
    }
    tracing::info!(
        id = %request_id,
        method = %method,
        path = %path,
        status = res.status().as_u16(),
        micros = started.elapsed().as_micros() as u64,
        "request"
    );
    res
}

/// The client's address: the socket's peer, or the proxy's `X-Forwarded-For` when trusted.
fn client_address(req: &Request, trust_forwarded: bool) -> String {
    if trust_forwarded {
        if let Some(first) = req
            .headers()
            .get("x-forwarded-for")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.split(',').next())
        {
            return first.trim().to_string();
        }
    }
    req.extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|c| c.0.ip().to_string())
        .unwrap_or_else(|| "unknown".into())
}

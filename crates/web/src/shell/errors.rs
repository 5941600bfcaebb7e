//! Errors as pages: handlers return a [`WebError`]; the middleware renders it in the viewer's
//! language with the request's reference, and no internals leak.

use super::strict::Refusal;
use super::viewer::{to_sign_in, Viewer};
use askama::Template;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use spona_app::AppError;

/// Why a request failed, as shown to the person.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Failure {
    NotFound,
    Forbidden,
    BadRequest,
    Csrf,
    Conflict,
    Throttled,
    TooLarge,
    /// The database cannot serve now (unreachable, full, read-only); try again shortly.
    Unavailable,
    /// The record's sealed data cannot be opened (damaged); the rest keeps working.
    Unopenable,
    Server,
}

/// A failed request.
#[derive(Debug)]
pub enum WebError {
    App(AppError),
    Page(Failure),
}

impl From<AppError> for WebError {
    fn from(e: AppError) -> WebError {
        WebError::App(e)
    }
}

impl IntoResponse for WebError {
    fn into_response(self) -> Response {
        let failure = match self {
            WebError::Page(f) => f,
            WebError::App(e) => match e {
                AppError::NotFound => Failure::NotFound,
                AppError::Forbidden => Failure::Forbidden,
                AppError::Invalid(_) | AppError::BadCredentials | AppError::Unreadable(_) => {
                    Failure::BadRequest
                }
                AppError::Conflict => Failure::Conflict,
                AppError::Throttled { .. } => Failure::Throttled,
                AppError::Unauthenticated => return to_sign_in("/dashboard"),
                AppError::Unopenable(damaged) => {
                    // The middleware reports it (once) with the app at hand.
                    let mut response = status_of(Failure::Unopenable).into_response();
                    response.extensions_mut().insert(Failure::Unopenable);
                    response.extensions_mut().insert(damaged);
                    return response;
                }
                AppError::KeysUnavailable => {
                    tracing::warn!("case data unavailable: the master key is not the database's");
                    Failure::Unavailable
                }
                AppError::Store(err) if err.is_unavailable() => {
                    tracing::warn!(error = %err, "storage unavailable");
                    Failure::Unavailable
                }
                AppError::Store(err) => {
                    tracing::error!(error = %err, "storage failure");
                    Failure::Server
                }
                AppError::Internal(err) => {
                    tracing::error!(error = %err, "internal failure");
                    Failure::Server
                }
            },
        };
        let mut response = status_of(failure).into_response();
        response.extensions_mut().insert(failure);
        response
    }
}

/// The HTTP status of a failure.
pub fn status_of(f: Failure) -> StatusCode {
    match f {
        Failure::NotFound => StatusCode::NOT_FOUND,
        Failure::Forbidden | Failure::Csrf => StatusCode::FORBIDDEN,
        Failure::BadRequest => StatusCode::BAD_REQUEST,
        // Not a server failure: the record is in a state that cannot be served.
        Failure::Conflict | Failure::Unopenable => StatusCode::CONFLICT,
        Failure::Throttled => StatusCode::TOO_MANY_REQUESTS,
        Failure::TooLarge => StatusCode::PAYLOAD_TOO_LARGE,
        Failure::Unavailable => StatusCode::SERVICE_UNAVAILABLE,
        Failure::Server => StatusCode::INTERNAL_SERVER_ERROR,
    }
}

/// The failure a bare status stands for (axum's own rejections carry no extension).
pub fn failure_of(status: StatusCode) -> Failure {
    match status {
        StatusCode::NOT_FOUND | StatusCode::METHOD_NOT_ALLOWED => Failure::NotFound,
        StatusCode::FORBIDDEN => Failure::Forbidden,
        StatusCode::CONFLICT => Failure::Conflict,
        StatusCode::TOO_MANY_REQUESTS => Failure::Throttled,
        StatusCode::PAYLOAD_TOO_LARGE => Failure::TooLarge,
        StatusCode::SERVICE_UNAVAILABLE => Failure::Unavailable,
        s if s.is_server_error() => Failure::Server,
        _ => Failure::BadRequest,
    }
}

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage {
    chrome: super::chrome::Chrome,
    title: String,
    body: String,
    reference: String,
}

/// The error page for a failure.
pub fn render(viewer: &Viewer, failure: Failure) -> Response {
    let tr = &viewer.tr;
    let (title, body) = match failure {
        Failure::NotFound => ("error-not-found-title", "error-not-found-body"),
        Failure::Forbidden => ("error-forbidden-title", "error-forbidden-body"),
        Failure::Csrf => ("error-forbidden-title", "csrf-failed"),
        Failure::Conflict => ("error-conflict-title", "error-conflict-body"),
        Failure::Unopenable => ("error-unopenable-title", "error-unopenable-body"),
        Failure::Throttled => ("error-bad-request-title", "error-throttled-body"),
        Failure::TooLarge => ("error-bad-request-title", "error-too-large-body"),
        Failure::BadRequest => ("error-bad-request-title", "error-bad-request-body"),
        Failure::Unavailable => ("error-unavailable-title", "error-unavailable-body"),
        Failure::Server => ("error-server-title", "error-server-body"),
    };
    let page = ErrorPage {
        chrome: viewer.chrome(super::chrome::Nav::None),
        title: tr.t(title),
        body: tr.ts(body, "reference", &viewer.request_id),
        reference: viewer.request_id.clone(),
    };
    let html = page.render().unwrap_or_else(|_| "error".into());
    let mut response = (status_of(failure), Html(html)).into_response();
    if failure == Failure::Unavailable {
        response.headers_mut().insert(
            axum::http::header::RETRY_AFTER,
            axum::http::HeaderValue::from_static(RETRY_AFTER_SECONDS),
        );
    }
    response
}

/// The page for a form whose field holds what cannot be kept (422): it names the field and
/// says that nothing was saved. The field's name is the form's own (`given_name`); the
/// value is never shown or logged.
pub fn refused_field(viewer: &Viewer, refusal: &Refusal) -> Response {
    let (id, field) = match refusal {
        Refusal::Malformed => return WebError::Page(Failure::BadRequest).into_response(),
        Refusal::Character { field } => ("error-field-character-body", field),
        Refusal::TooLong { field } => ("error-field-too-long-body", field),
    };
    let tr = &viewer.tr;
    let page = ErrorPage {
        chrome: viewer.chrome(super::chrome::Nav::None),
        title: tr.t("error-field-title"),
        body: tr.ts(id, "field", field),
        reference: viewer.request_id.clone(),
    };
    let html = page.render().unwrap_or_else(|_| "error".into());
    (StatusCode::UNPROCESSABLE_ENTITY, Html(html)).into_response()
}

/// When a client told "temporarily unavailable" should try again.
pub const RETRY_AFTER_SECONDS: &str = "5";

/// The fallback for unknown paths.
pub async fn not_found() -> WebError {
    WebError::Page(Failure::NotFound)
}

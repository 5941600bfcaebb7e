//! HTTP: server-rendered pages that work without JavaScript, the middleware every request
//! passes (request id, security headers, sign-in state, CSRF, size limits), embedded assets.
//! Handlers call the app layer and render; they never run SQL or decide access.
#![forbid(unsafe_code)]

mod activities;
mod admin;
mod alerts;
mod auth;
mod cases;
mod exports;
mod guidelines;
mod imports;
mod materials;
mod meetings;
mod official_files;
mod outreach;
mod oversight;
mod plan;
mod practices;
mod reports;
mod routes;
mod server;
mod shell;
mod state;
mod team;
mod trainings;

pub use routes::Routes;
pub use server::ConnectionLimits;
/// The strict decoder of form bodies and query strings (public for its fuzz target).
pub use shell::strict;
pub use shell::viewer::url_encode;
pub use state::{WebSettings, WebState};

use axum::http::Method;
use axum::Router;
use std::future::Future;
use std::time::Duration;
use tokio::net::TcpListener;
use tower_http::timeout::{RequestBodyTimeoutLayer, TimeoutLayer};

/// All routes, wrapped in the middleware stack.
pub fn router(state: WebState) -> Router {
    let (pages, _) = pages().into_parts();
    let (outside, _) = outside_pages().into_parts();
    let pages = pages.fallback(shell::errors::not_found);
    shell::middleware::wrap(pages, state.clone())
        .merge(outside)
        .layer(axum::middleware::from_fn(shell::headers::security_headers))
        // A body that stalls, or a request that takes longer than any page should, ends the
        // request instead of holding its connection.
        .layer(RequestBodyTimeoutLayer::new(BODY_STALL))
        .layer(TimeoutLayer::with_status_code(
            axum::http::StatusCode::REQUEST_TIMEOUT,
            REQUEST_LIMIT,
        ))
        .with_state(state)
}

/// Every (method, path pattern) the router answers, taken from the same builders that make
/// it; the access matrix test holds an expectation for each.
pub fn route_table() -> Vec<(Method, String)> {
    let (_, mut table) = pages().into_parts();
    table.extend(outside_pages().into_parts().1);
    table
}

/// The pages behind the middleware (sign-in state, CSRF, error pages).
fn pages() -> Routes {
    Routes::new()
        .get("/", shell::home::root)
        .get("/dashboard", shell::home::dashboard)
        .merge(shell::sections::routes())
        .merge(auth::routes())
        .merge(team::routes())
        .merge(activities::routes())
        .merge(cases::routes())
        .merge(meetings::routes())
        .merge(guidelines::routes())
        .merge(materials::routes())
        .merge(outreach::routes())
        .merge(plan::routes())
        .merge(practices::routes())
        .merge(alerts::routes())
        .merge(admin::routes())
        .merge(trainings::routes())
        .merge(reports::routes())
        .merge(exports::routes())
        .merge(imports::routes())
        .merge(oversight::routes())
}

/// What is answered without the page middleware: the health check and static assets.
fn outside_pages() -> Routes {
    Routes::new()
        .get("/health", shell::health::health)
        .get("/static/{file}", shell::assets::asset)
}

/// The longest pause allowed while a request body arrives.
const BODY_STALL: Duration = Duration::from_secs(20);
/// The longest a request may take to be answered (a large upload on a slow line included).
const REQUEST_LIMIT: Duration = Duration::from_secs(120);

/// Serves until `shutdown` completes, then finishes the requests under way.
pub async fn serve(
    listener: TcpListener,
    state: WebState,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let limits = state.settings.connections;
    server::serve_router(listener, router(state), limits, shutdown).await
}

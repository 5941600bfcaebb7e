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
mod materials;
mod meetings;
mod outreach;
mod plan;
mod practices;
mod reports;
mod shell;
mod state;
mod team;
mod trainings;

pub use state::{WebSettings, WebState};

use axum::routing::get;
use axum::Router;
use std::future::Future;
use tokio::net::TcpListener;

/// All routes, wrapped in the middleware stack.
pub fn router(state: WebState) -> Router {
    let pages = Router::new()
        .route("/", get(shell::home::root))
        .route("/dashboard", get(shell::home::dashboard))
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
        .fallback(shell::errors::not_found);
    shell::middleware::wrap(pages, state.clone())
        .route("/health", get(shell::health::health))
        .route("/static/{file}", get(shell::assets::asset))
        .layer(axum::middleware::from_fn(shell::headers::security_headers))
        .with_state(state)
}

/// Serves until `shutdown` completes, then finishes the requests under way.
pub async fn serve(
    listener: TcpListener,
    state: WebState,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let app = router(state).into_make_service_with_connect_info::<std::net::SocketAddr>();
    axum::serve(listener, app)
        .with_graceful_shutdown(shutdown)
        .await
}

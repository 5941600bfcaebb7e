//! `/health`: the instance can serve — its database answers a read, takes a write, and has
//! not just failed a request. A load balancer sends no traffic while it answers 503.

use crate::WebState;
use axum::extract::State;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use spona_app::StorageHealth;

/// 200 "ok" while reads and writes work, 503 otherwise.
pub async fn health(State(state): State<WebState>) -> Response {
    match state.app.storage_health().await {
        StorageHealth::Serving => (StatusCode::OK, "ok").into_response(),
        StorageHealth::Unavailable => {
            let mut res = (StatusCode::SERVICE_UNAVAILABLE, "database unavailable").into_response();
            res.headers_mut().insert(
                header::RETRY_AFTER,
                HeaderValue::from_static(super::errors::RETRY_AFTER_SECONDS),
            );
            res
        }
    }
}

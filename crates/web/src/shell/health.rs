//! `/health`: the instance is up and its database answers.

use crate::WebState;
use axum::extract::State;
use axum::http::StatusCode;

/// 200 "ok" when the database answers, 503 otherwise.
pub async fn health(State(state): State<WebState>) -> (StatusCode, &'static str) {
    match state.app.db().ping().await {
        Ok(()) => (StatusCode::OK, "ok"),
        Err(e) => {
            tracing::error!(error = %e, "health check: database does not answer");
            (StatusCode::SERVICE_UNAVAILABLE, "database unavailable")
        }
    }
}

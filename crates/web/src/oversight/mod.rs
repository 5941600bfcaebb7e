//! The auditor's pages: the audit trail with its filters and exports, and the alerts of
//! unusual access (the auditor's start page). The app decides and audits every read; these
//! pages show what it returns.

mod alerts;
mod trail;

use crate::exports::download;
use crate::routes::Routes;
use crate::shell::confirmed::Confirmed;
use crate::shell::errors::WebError;
use crate::WebState;
use axum::extract::{Query, State};
use axum::response::Response;
use spona_app::exports::Format;
use spona_app::oversight::TrailQuery;

/// The routes of this feature.
pub fn routes() -> Routes {
    Routes::new()
        .get("/audit", trail::trail)
        .get("/audit/alerts", alerts::alerts)
        .get(
            "/audit/export.xlsx",
            |st: State<WebState>, s: Confirmed, q: Query<TrailQuery>| {
                export(st, s, q, Format::Xlsx)
            },
        )
        .get(
            "/audit/export.csv",
            |st: State<WebState>, s: Confirmed, q: Query<TrailQuery>| export(st, s, q, Format::Csv),
        )
}

async fn export(
    State(state): State<WebState>,
    s: Confirmed,
    Query(q): Query<TrailQuery>,
    format: Format,
) -> Result<Response, WebError> {
    let export = state.app.export_audit_trail(s.actor(), &q, format).await?;
    Ok(download(export, s.signed()))
}

//! Downloads of the team's lists as XLSX and CSV: `/activities/export.xlsx` (with the list's
//! search and filters), `/trainings/…`, `/plan/{id}/…`, `/materials/…`, `/meetings/…`. The
//! app decides and audits; this layer translates the headers and terms and streams the file.
//!
//! Progress without JavaScript: the list pages link to the file, and the browser shows the
//! download's progress. The response is streamed (see [`stream`]), so it carries no
//! `Content-Length`; its first bytes go out before the first page of rows is read. The
//! compression layer leaves these types alone (see the middleware): a workbook is compressed
//! already, and gzip would hold the first bytes back until its buffer fills.

mod stream;

use crate::routes::Routes;
use crate::shell::errors::WebError;
use crate::shell::viewer::Signed;
use crate::WebState;
use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};
use spona_app::activities::ActivityQuery;
use spona_app::exports::{Export, Format};

/// The media type of an Excel workbook.
pub const XLSX_TYPE: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
/// The media type of a CSV file, which is always UTF-8 here.
pub const CSV_TYPE: &str = "text/csv; charset=utf-8";

/// The routes of this feature. Static segments win over the lists' `{id}` routes in axum's
/// router, so `/activities/export.xlsx` never reaches `/activities/{id}`.
pub fn routes() -> Routes {
    Routes::new()
        .get(
            "/activities/export.xlsx",
            |st: State<WebState>, s: Signed, q: Query<ActivityQuery>| {
                activities(st, s, q, Format::Xlsx)
            },
        )
        .get(
            "/activities/export.csv",
            |st: State<WebState>, s: Signed, q: Query<ActivityQuery>| {
                activities(st, s, q, Format::Csv)
            },
        )
        .get(
            "/trainings/export.xlsx",
            |st: State<WebState>, s: Signed| trainings(st, s, Format::Xlsx),
        )
        .get("/trainings/export.csv", |st: State<WebState>, s: Signed| {
            trainings(st, s, Format::Csv)
        })
        .get(
            "/plan/{id}/export.xlsx",
            |st: State<WebState>, s: Signed, id: Path<i64>| plan(st, s, id, Format::Xlsx),
        )
        .get(
            "/plan/{id}/export.csv",
            |st: State<WebState>, s: Signed, id: Path<i64>| plan(st, s, id, Format::Csv),
        )
        .get(
            "/materials/export.xlsx",
            |st: State<WebState>, s: Signed| materials(st, s, Format::Xlsx),
        )
        .get("/materials/export.csv", |st: State<WebState>, s: Signed| {
            materials(st, s, Format::Csv)
        })
        .get("/meetings/export.xlsx", |st: State<WebState>, s: Signed| {
            meetings(st, s, Format::Xlsx)
        })
        .get("/meetings/export.csv", |st: State<WebState>, s: Signed| {
            meetings(st, s, Format::Csv)
        })
}

async fn activities(
    State(state): State<WebState>,
    s: Signed,
    Query(q): Query<ActivityQuery>,
    format: Format,
) -> Result<Response, WebError> {
    let export = state.app.export_activities(s.actor(), &q, format).await?;
    Ok(download(export, s))
}

async fn trainings(
    State(state): State<WebState>,
    s: Signed,
    format: Format,
) -> Result<Response, WebError> {
    let export = state.app.export_trainings(s.actor(), format).await?;
    Ok(download(export, s))
}

async fn plan(
    State(state): State<WebState>,
    s: Signed,
    Path(id): Path<i64>,
    format: Format,
) -> Result<Response, WebError> {
    let export = state.app.export_plan(s.actor(), id, format).await?;
    Ok(download(export, s))
}

async fn materials(
    State(state): State<WebState>,
    s: Signed,
    format: Format,
) -> Result<Response, WebError> {
    let export = state.app.export_materials(s.actor(), format).await?;
    Ok(download(export, s))
}

async fn meetings(
    State(state): State<WebState>,
    s: Signed,
    format: Format,
) -> Result<Response, WebError> {
    let export = state.app.export_meetings(s.actor(), format).await?;
    Ok(download(export, s))
}

/// The list's search and filters as the query of its export links: `?q=…&kind=…`, or
/// nothing when the list is not narrowed.
pub fn activities_query(q: &ActivityQuery) -> String {
    let given: Vec<(&str, &str)> = [("q", &q.q), ("kind", &q.kind), ("year", &q.year)]
        .into_iter()
        .filter(|(_, v)| !v.trim().is_empty())
        .map(|(k, v)| (k, v.as_str()))
        .collect();
    match serde_urlencoded::to_string(&given) {
        Ok(query) if !query.is_empty() => format!("?{query}"),
        _ => String::new(),
    }
}

/// The file as an attachment, never cached, its type not to be guessed.
pub(crate) fn download(export: Export, s: Signed) -> Response {
    let content_type = match export.format {
        Format::Xlsx => XLSX_TYPE,
        Format::Csv => CSV_TYPE,
    };
    // The name is the list, a day and the format: nothing a header could choke on.
    let disposition =
        HeaderValue::from_str(&format!("attachment; filename=\"{}\"", export.file_name))
            .unwrap_or_else(|_| HeaderValue::from_static("attachment"));
    let body = stream::body(export, s.viewer.tr);
    (
        [
            (header::CONTENT_TYPE, HeaderValue::from_static(content_type)),
            (header::CONTENT_DISPOSITION, disposition),
            (
                header::X_CONTENT_TYPE_OPTIONS,
                HeaderValue::from_static("nosniff"),
            ),
            (header::CACHE_CONTROL, HeaderValue::from_static("no-store")),
        ],
        body,
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn export_links_carry_only_the_filters_given() {
        assert_eq!(activities_query(&ActivityQuery::default()), "");
        let q = ActivityQuery {
            q: "живот у".into(),
            kind: String::new(),
            year: "2026".into(),
            page: Some(3),
        };
        assert_eq!(
            activities_query(&q),
            "?q=%D0%B6%D0%B8%D0%B2%D0%BE%D1%82+%D1%83&year=2026"
        );
    }
}

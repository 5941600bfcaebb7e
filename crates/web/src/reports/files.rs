//! A report as a PDF or XLSX download, in the language asked for (`?lang=`) or the
//! viewer's own.

use crate::shell::download::attachment;
use crate::shell::errors::{Failure, WebError};
use crate::shell::viewer::Signed;
use crate::WebState;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use spona_app::reports::ReportFormat;
use spona_i18n::Locale;

/// What a download asks for.
#[derive(serde::Deserialize)]
pub struct FileQuery {
    pub lang: Option<String>,
}

/// `GET /reports/{id}/file/report.pdf` or `report.xlsx`.
pub async fn download(
    State(state): State<WebState>,
    s: Signed,
    Path((id, name)): Path<(i64, String)>,
    Query(q): Query<FileQuery>,
) -> Result<Response, WebError> {
    let (format, content_type) = match name.as_str() {
        "report.pdf" => (ReportFormat::Pdf, "application/pdf"),
        "report.xlsx" => (
            ReportFormat::Xlsx,
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ),
        _ => return Err(WebError::Page(Failure::NotFound)),
    };
    let locale = q
        .lang
        .as_deref()
        .and_then(|l| Locale::ALL.iter().copied().find(|x| x.code() == l))
        .unwrap_or(s.viewer.locale);
    let file = state
        .app
        .report_file(s.actor(), id, format, &state.catalog, locale)
        .await?;
    Ok(attachment(content_type, &file.file_name, file.bytes))
}

/// What an exchange download asks for.
#[derive(serde::Deserialize)]
pub struct ExchangeQuery {
    pub year: Option<i32>,
}

/// `GET /reports/htcds/{file}` (`htcds.json` or `htcds.csv`): the year's de-identified,
/// k-anonymised records for the national office.
pub async fn exchange(
    State(state): State<WebState>,
    s: Signed,
    Path(name): Path<String>,
    Query(q): Query<ExchangeQuery>,
) -> Result<Response, WebError> {
    use spona_app::reports::ExchangeFormat;
    let (format, content_type) = match name.as_str() {
        "htcds.json" => (ExchangeFormat::Json, "application/json"),
        "htcds.csv" => (ExchangeFormat::Csv, "text/csv; charset=utf-8"),
        _ => return Err(WebError::Page(Failure::NotFound)),
    };
    let year = q.year.unwrap_or_else(|| state.app.today().year());
    let file = state.app.htcds_file(s.actor(), year, format).await?;
    Ok(attachment(content_type, &file.file_name, file.bytes))
}

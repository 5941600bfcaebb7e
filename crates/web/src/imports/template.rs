//! The template of a kind: a workbook whose first sheet has the columns' headers in the
//! reader's language and script (required ones starred), and whose second lists the words
//! the closed columns accept.

use crate::exports::XLSX_TYPE;
use crate::shell::errors::{Failure, WebError};
use crate::shell::tr::Tr;
use crate::shell::viewer::Signed;
use crate::WebState;
use axum::extract::State;
use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};
use spona_app::imports::ImportKind;
use spona_domain::activities::{ActivityKind, Medium};
use spona_domain::registry::TeamRole;
use spona_reports::table::{Column, Value};
use spona_reports::xlsx::XlsxWriter;

/// The closed columns of a kind with the labels they accept.
fn vocabularies(tr: &Tr, kind: ImportKind) -> Vec<(String, Vec<String>)> {
    match kind {
        ImportKind::Activities => vec![
            (
                tr.t("import-col-kind"),
                ActivityKind::ALL
                    .iter()
                    .map(|k| tr.t(&format!("activity-kind-{}", k.code())))
                    .collect(),
            ),
            (
                tr.t("import-col-medium"),
                Medium::ALL
                    .iter()
                    .map(|m| tr.t(&format!("activity-medium-{}", m.code())))
                    .collect(),
            ),
        ],
        ImportKind::Members => vec![(
            tr.t("import-col-team-role"),
            TeamRole::ALL
                .iter()
                .map(|r| tr.t(&format!("team-role-{}", r.code())))
                .collect(),
        )],
    }
}

/// The workbook.
fn workbook(tr: &Tr, kind: ImportKind) -> Result<Vec<u8>, spona_reports::ReportError> {
    let columns: Vec<Column> = kind
        .columns()
        .iter()
        .map(|c| {
            let name = tr.t(c.header);
            Column::new(if c.required {
                format!("{name} *")
            } else {
                name
            })
            .width(20.0)
        })
        .collect();
    let mut book = XlsxWriter::new(Vec::new());
    book.add_sheet(&tr.t("import-sheet-template"), &columns)?;
    let lists = vocabularies(tr, kind);
    let headers: Vec<Column> = lists
        .iter()
        .map(|(h, _)| Column::new(h.as_str()).width(40.0))
        .collect();
    book.add_sheet(&tr.t("import-sheet-values"), &headers)?;
    let longest = lists.iter().map(|(_, v)| v.len()).max().unwrap_or(0);
    for i in 0..longest {
        let row: Vec<Value> = lists
            .iter()
            .map(|(_, v)| v.get(i).map_or(Value::Empty, |t| Value::from(t.as_str())))
            .collect();
        book.row(&row)?;
    }
    book.finish()
}

/// `GET /import/{kind}.xlsx`.
pub async fn download(
    State(state): State<WebState>,
    s: Signed,
    kind: ImportKind,
) -> Result<Response, WebError> {
    state.app.import_columns(s.actor(), kind)?;
    let bytes = workbook(&s.viewer.tr, kind).map_err(|e| {
        tracing::error!(error = %e, "import template failed");
        WebError::Page(Failure::Server)
    })?;
    let disposition = format!("attachment; filename=\"spona-{}.xlsx\"", kind.code());
    Ok((
        [
            (header::CONTENT_TYPE, HeaderValue::from_static(XLSX_TYPE)),
            (
                header::CONTENT_DISPOSITION,
                HeaderValue::from_str(&disposition)
                    .unwrap_or_else(|_| HeaderValue::from_static("attachment")),
            ),
            (
                header::X_CONTENT_TYPE_OPTIONS,
                HeaderValue::from_static("nosniff"),
            ),
            (header::CACHE_CONTROL, HeaderValue::from_static("no-store")),
        ],
        bytes,
    )
        .into_response())
}

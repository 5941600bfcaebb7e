//! The template of a kind: a workbook whose first sheet has the columns' headers in the
//! reader's language and script (required ones starred), and whose second lists the words
//! the closed columns accept (a kind without any has no second sheet).

use crate::exports::XLSX_TYPE;
use crate::shell::errors::{Failure, WebError};
use crate::shell::tr::Tr;
use crate::shell::viewer::Signed;
use crate::WebState;
use axum::extract::State;
use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};
use spona_app::imports::ImportKind;
use spona_app::materials::MATERIAL_KINDS;
use spona_domain::accounts::Role;
use spona_domain::activities::{ActivityKind, Medium};
use spona_domain::plan::FrameworkItemKind;
use spona_domain::registry::{InstitutionKind, Standing, TeamRole};
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
            labels(tr, "team-role-", TeamRole::ALL.iter().map(|r| r.code())),
        )],
        ImportKind::Institutions => vec![
            (
                tr.t("import-col-standing"),
                labels(tr, "standing-", Standing::ALL.iter().map(|s| s.code())),
            ),
            (
                tr.t("import-col-institution-kind"),
                labels(tr, "kind-", InstitutionKind::ALL.iter().map(|k| k.code())),
            ),
        ],
        ImportKind::Trainings => Vec::new(),
        ImportKind::Materials => vec![(
            tr.t("import-col-material-kind"),
            labels(tr, "material-kind-", MATERIAL_KINDS.into_iter()),
        )],
        ImportKind::Framework => vec![(
            tr.t("import-col-framework-kind"),
            labels(
                tr,
                "framework-kind-",
                FrameworkItemKind::ALL.iter().map(|k| k.code()),
            ),
        )],
        ImportKind::Accounts => vec![(
            tr.t("import-col-role"),
            labels(tr, "role-", Role::ALL.iter().map(|r| r.code())),
        )],
    }
}

/// The labels of a closed vocabulary's codes (messages `{prefix}{code}`).
fn labels<'a>(tr: &Tr, prefix: &str, codes: impl Iterator<Item = &'a str>) -> Vec<String> {
    codes.map(|c| tr.t(&format!("{prefix}{c}"))).collect()
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
    if lists.is_empty() {
        return book.finish();
    }
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

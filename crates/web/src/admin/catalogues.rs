//! Indicator catalogues for the national office and the deployment administrator, kept as the
//! national framework is kept: the list of imported versions, and
//! importing a file pasted into a form. A file is imported whole or refused with its errors
//! by line, and the pasted text comes back to be put right.

use crate::shell::chrome::{Chrome, Nav};
use crate::shell::errors::{Failure, WebError};
use crate::shell::form::ValidForm;
use crate::shell::render::html;
use crate::shell::viewer::Signed;
use crate::WebState;
use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use spona_app::AppError;

/// A catalogue as a row of the list.
struct Row {
    sector: String,
    version: String,
    indicators: i64,
    imported_at: String,
}

#[derive(Template)]
#[template(path = "admin/catalogues.html")]
struct CataloguesPage {
    chrome: Chrome,
    rows: Vec<Row>,
    text: String,
    /// Why the last file was refused, one problem a line.
    problems: Vec<String>,
    notice: Option<String>,
}

/// The import form as posted.
#[derive(Deserialize)]
pub struct ImportPost {
    #[serde(default)]
    text: String,
}

/// What a redirect to the page asks it to say.
#[derive(Default, Deserialize)]
#[serde(default)]
pub struct Notices {
    imported: Option<String>,
}

/// Only the national office and the deployment's administrators see or change catalogues.
fn allowed(s: &Signed) -> Result<(), WebError> {
    if s.may().catalogues {
        Ok(())
    } else {
        Err(WebError::Page(Failure::Forbidden))
    }
}

async fn page(
    state: &WebState,
    s: &Signed,
    text: String,
    problems: Vec<String>,
    notice: Option<String>,
) -> Result<CataloguesPage, WebError> {
    let tr = &s.viewer.tr;
    let rows = state
        .app
        .catalogues()
        .await?
        .into_iter()
        .map(|c| Row {
            sector: tr.t(&format!("sector-{}", c.sector.code())),
            version: c.version,
            indicators: i64::try_from(c.indicators).unwrap_or(i64::MAX),
            imported_at: tr.instant(&c.imported_at),
        })
        .collect();
    Ok(CataloguesPage {
        chrome: s.viewer.chrome(Nav::Catalogues),
        rows,
        text,
        problems,
        notice,
    })
}

/// `GET /admin/catalogues`.
pub async fn list(
    State(state): State<WebState>,
    s: Signed,
    Query(n): Query<Notices>,
) -> Result<Response, WebError> {
    allowed(&s)?;
    let notice = n
        .imported
        .map(|what| s.viewer.tr.ts("catalogue-imported", "catalogue", &what));
    html(&page(&state, &s, String::new(), Vec::new(), notice).await?)
}

/// `POST /admin/catalogues`: imports the pasted file, or shows it again with its errors.
pub async fn import(
    State(state): State<WebState>,
    s: Signed,
    ValidForm(f): ValidForm<ImportPost>,
) -> Result<Response, WebError> {
    allowed(&s)?;
    match state.app.import_catalogue(s.actor(), &f.text).await {
        Ok(info) => {
            let what = format!("{}/{}", info.sector.code(), info.version);
            let to = format!(
                "/admin/catalogues?imported={}",
                crate::shell::viewer::url_encode(&what)
            );
            Ok(Redirect::to(&to).into_response())
        }
        Err(AppError::Unreadable(message)) => {
            let problems = message.lines().map(str::to_string).collect();
            let page = page(&state, &s, f.text, problems, None).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, html(&page)?).into_response())
        }
        Err(e) => Err(e.into()),
    }
}

#[cfg(test)]
mod tests {
    use spona_domain::cases::Sector;
    use spona_i18n::Catalog;

    #[test]
    fn every_sector_has_a_name() {
        let catalog = Catalog::load().unwrap();
        for s in Sector::ALL {
            assert!(catalog.has(&format!("sector-{}", s.code())), "{s}");
        }
    }
}

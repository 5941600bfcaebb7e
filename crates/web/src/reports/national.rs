//! The national office's pages: every team's submitted reports with the national summary
//! of a period, and the acknowledgement of a report.

use crate::shell::chrome::{Chrome, Nav};
use crate::shell::errors::WebError;
use crate::shell::form::{Errors, ValidForm};
use crate::shell::render::html;
use crate::shell::viewer::Signed;
use crate::WebState;
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use spona_app::reports::{published_word, row_message, table_message, NationalList, Words};
use spona_app::AppError;

/// The national office's filter.
#[derive(serde::Deserialize, Default)]
pub struct NationalQuery {
    #[serde(default)]
    pub period: String,
}

/// A national case table in words.
pub struct WordedTable {
    pub title: String,
    pub rows: Vec<(String, String)>,
    pub total: String,
}

#[derive(Template)]
#[template(path = "reports/national.html")]
struct NationalPage {
    chrome: Chrome,
    list: NationalList,
    q: NationalQuery,
    tables: Vec<WordedTable>,
}

/// The list for the national office (`GET /reports` as that role).
pub(super) async fn page(state: &WebState, s: &Signed, period: &str) -> Result<Response, WebError> {
    let mut list = state.app.national_reports(s.actor(), Some(period)).await?;
    // Newest period first (as read), and within a period the teams in the reader's alphabet.
    let tr = &s.viewer.tr;
    list.lines = tr.in_order(
        list.lines,
        |l| tr.pick(&l.team_cyrl, &l.team_latn),
        |l| std::cmp::Reverse(l.period.clone()),
    );
    let w = Words::new(&state.catalog, s.viewer.locale, state.app.zone());
    let tables = list
        .summary
        .iter()
        .flat_map(|sum| sum.cases.iter())
        .map(|t| {
            let dimension = spona_app::reports::dimension_of(&t.name);
            WordedTable {
                title: w.t(&table_message(&t.name)),
                rows: t
                    .rows
                    .iter()
                    .map(|(code, n)| (w.t(&row_message(dimension, code)), published_word(&w, *n)))
                    .collect(),
                total: published_word(&w, t.total),
            }
        })
        .collect();
    html(&NationalPage {
        chrome: s.viewer.chrome(Nav::Reports),
        list,
        q: NationalQuery {
            period: period.to_string(),
        },
        tables,
    })
}

/// The acknowledgement as posted.
#[derive(serde::Deserialize)]
pub struct AckForm {
    #[serde(default)]
    pub note: String,
}

/// `POST /reports/{id}/acknowledge`.
pub async fn acknowledge(
    State(state): State<WebState>,
    s: Signed,
    Path(id): Path<i64>,
    ValidForm(f): ValidForm<AckForm>,
) -> Result<Response, WebError> {
    match state.app.acknowledge_report(s.actor(), id, &f.note).await {
        Ok(()) => Ok(Redirect::to(&format!("/reports/{id}")).into_response()),
        Err(AppError::Invalid(e)) => {
            let errors = Errors::from_fields(&s.viewer.tr, &e);
            let page = super::show::show_page(&state, &s, id, errors).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
        Err(e) => Err(e.into()),
    }
}

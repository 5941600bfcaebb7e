//! `/practices`: every team's live good practices, the latest published first, searched in
//! either script, in pages.

use super::{day_of, source_label};
use crate::shell::chrome::{Chrome, Nav};
use crate::shell::errors::WebError;
use crate::shell::pager::Pager;
use crate::shell::render::html;
use crate::shell::viewer::Signed;
use crate::WebState;
use askama::Template;
use axum::extract::{Query, State};
use axum::response::Response;
use spona_app::cases::LIST_COUNT_LIMIT;
use spona_app::practices::PracticeQuery;

/// A practice as a row of the list.
pub struct PracticeLine {
    pub id: i64,
    pub team: String,
    pub title: String,
    pub source: String,
    pub date: String,
}

#[derive(Template)]
#[template(path = "practices/list.html")]
struct ListPage {
    chrome: Chrome,
    rows: Vec<PracticeLine>,
    q: PracticeQuery,
    pager: Pager,
}

/// `GET /practices`.
pub async fn list(
    State(state): State<WebState>,
    s: Signed,
    Query(q): Query<PracticeQuery>,
) -> Result<Response, WebError> {
    let page = state.app.good_practices(s.actor(), &q).await?;
    let tr = &s.viewer.tr;
    let pager = Pager::counted_up_to(
        tr,
        q.page.unwrap_or(1),
        page.total,
        LIST_COUNT_LIMIT,
        &s.viewer.here,
    );
    let rows = page
        .items
        .iter()
        .map(|p| PracticeLine {
            id: p.practice.id.0,
            team: tr.pick(&p.team_name_cyrl, &p.team_name_latn).to_string(),
            title: p.practice.title.clone(),
            source: source_label(tr, p.practice.source),
            date: day_of(tr, p.practice.published_at),
        })
        .collect();
    html(&ListPage {
        chrome: s.viewer.chrome(Nav::Practices),
        rows,
        q,
        pager,
    })
}

//! The list: newest first, filtered by kind and year, searched by title in either script,
//! in pages, with everyone reached by what matched.

use super::{kind_choices, ActivityLine, Choice};
use crate::shell::chrome::{Chrome, Nav};
use crate::shell::errors::WebError;
use crate::shell::pager::Pager;
use crate::shell::render::html;
use crate::shell::viewer::Signed;
use crate::WebState;
use askama::Template;
use axum::extract::{Query, State};
use axum::response::Response;
use spona_app::activities::{ActivityQuery, SEARCH_COUNT_LIMIT};

#[derive(Template)]
#[template(path = "activities/list.html")]
struct ListPage {
    chrome: Chrome,
    rows: Vec<ActivityLine>,
    q: ActivityQuery,
    kinds: Vec<Choice>,
    years: Vec<Choice>,
    reach: String,
    pager: Pager,
    can_record: bool,
    filtered: bool,
    /// The search and filters, for the export links.
    export_query: String,
}

/// `/activities`.
pub async fn list(
    State(state): State<WebState>,
    s: Signed,
    Query(q): Query<ActivityQuery>,
) -> Result<Response, WebError> {
    let listed = state.app.activities(s.actor(), &q).await?;
    let tr = &s.viewer.tr;
    let page = q.page.unwrap_or(1);
    let here = &s.viewer.here;
    let pager = match listed.reach {
        Some(_) => Pager::new(tr, page, listed.page.total, here),
        None => Pager::counted_up_to(tr, page, listed.page.total, SEARCH_COUNT_LIMIT, here),
    };
    let years = listed
        .years
        .iter()
        .map(|y| Choice {
            value: y.to_string(),
            label: y.to_string(),
            selected: y.to_string() == q.year.trim(),
        })
        .collect();
    html(&ListPage {
        chrome: s.viewer.chrome(Nav::Activities),
        rows: listed
            .page
            .items
            .iter()
            .map(|a| ActivityLine::of(tr, a))
            .collect(),
        kinds: kind_choices(tr, &q.kind),
        years,
        reach: listed
            .reach
            .map(|reach| tr.with("activities-reach-total", &[("count", reach.into())]))
            .unwrap_or_default(),
        pager,
        can_record: state.app.can_record_activities(s.actor()),
        filtered: !q.q.is_empty() || !q.kind.is_empty() || !q.year.is_empty(),
        export_query: crate::exports::activities_query(&q),
        q,
    })
}

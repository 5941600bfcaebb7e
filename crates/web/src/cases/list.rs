//! The list of cases the reader may know of: children's first (the app orders them), the
//! person's name only where the reader may open the record.

use super::labels;
use crate::shell::chrome::{Chrome, Nav};
use crate::shell::errors::WebError;
use crate::shell::pager::Pager;
use crate::shell::render::html;
use crate::shell::viewer::Signed;
use crate::WebState;
use askama::Template;
use axum::extract::{Query, State};
use axum::response::Response;
use spona_app::cases::{CaseQuery, CaseSummary};
use spona_domain::access::{decide, Action};

/// A case as a row of the list.
struct Row {
    id: i64,
    code: String,
    state: String,
    child: bool,
    lacks_capacity: bool,
    danger: bool,
    owner: String,
    reported_at: String,
    name: Option<String>,
}

#[derive(Template)]
#[template(path = "cases/list.html")]
struct ListPage {
    chrome: Chrome,
    rows: Vec<Row>,
    pager: Pager,
    /// The reader reports and works on cases (a case worker), rather than seeing that they
    /// exist (the coordinator).
    works_on_cases: bool,
}

/// `GET /cases`.
pub async fn list(
    State(state): State<WebState>,
    s: Signed,
    Query(q): Query<CaseQuery>,
) -> Result<Response, WebError> {
    let page = state.app.cases(s.actor(), &q).await?;
    let tr = &s.viewer.tr;
    let rows = page
        .items
        .iter()
        .map(|c: &CaseSummary| Row {
            id: c.id,
            code: labels::code(tr, &c.code, &c.code_latin).to_string(),
            state: labels::state(tr, c.state),
            child: c.is_child,
            lacks_capacity: c.lacks_capacity,
            danger: c.immediate_danger,
            owner: labels::in_script(tr, &c.owner_short),
            reported_at: tr.instant(&c.reported_at),
            name: c.name.clone(),
        })
        .collect();
    let pager = Pager::new(tr, q.page.unwrap_or(1), page.total, &s.viewer.here);
    html(&ListPage {
        chrome: s.viewer.chrome(Nav::Cases),
        rows,
        pager,
        works_on_cases: decide(s.actor(), Action::UseCases).allowed(),
    })
}

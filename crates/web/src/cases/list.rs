//! The list of cases the reader may know of: children's first (the app orders them), the
//! person's name only where the reader may open the record.

use super::labels;
use super::Choice;
use crate::shell::chrome::{Chrome, Nav};
use crate::shell::errors::WebError;
use crate::shell::form::Errors;
use crate::shell::pager::Pager;
use crate::shell::render::html;
use crate::shell::viewer::Signed;
use crate::WebState;
use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use spona_app::cases::{CaseQuery, CaseSummary, Showing};
use spona_domain::cases::CaseId;

/// A case as a row of the list.
struct Row {
    id: CaseId,
    code: String,
    state: String,
    child: bool,
    lacks_capacity: bool,
    danger: bool,
    owner: String,
    reported_at: String,
    name: Option<String>,
    /// The record is damaged: listed, marked, without its fields.
    unopenable: bool,
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
    /// The emergency-access form (case workers only).
    emergency: Option<EmergencyPanel>,
    /// The choices of which cases to show.
    showing: Vec<Choice>,
    /// A narrower list than all cases is shown.
    filtered: bool,
}

/// The emergency-access form: a case's code and the written reason, as typed.
#[derive(Default)]
pub struct EmergencyPanel {
    pub code: String,
    pub reason: String,
    pub errors: Errors,
}

/// Whether the reader reports and works on cases.
pub fn works_on_cases(s: &Signed) -> bool {
    s.may().cases
}

/// `GET /cases`.
pub async fn list(
    State(state): State<WebState>,
    s: Signed,
    Query(q): Query<CaseQuery>,
) -> Result<Response, WebError> {
    let here = s.viewer.here.clone();
    html(&page(&state, &s, &q, &here, EmergencyPanel::default()).await?)
}

/// The first page of the list again with the emergency form as typed, with `status`.
pub async fn again(
    state: &WebState,
    s: &Signed,
    emergency: EmergencyPanel,
    status: StatusCode,
) -> Result<Response, WebError> {
    let page = page(state, s, &CaseQuery::default(), "/cases", emergency).await?;
    Ok((status, html(&page)?).into_response())
}

async fn page(
    state: &WebState,
    s: &Signed,
    q: &CaseQuery,
    here: &str,
    emergency: EmergencyPanel,
) -> Result<ListPage, WebError> {
    let page = state.app.cases(s.actor(), q).await?;
    let tr = &s.viewer.tr;
    let rows = page
        .items
        .iter()
        .map(|c: &CaseSummary| Row {
            id: c.id,
            code: labels::code(tr, &c.code, &c.code_latin).to_string(),
            state: labels::state_with_outcome(tr, c.state, c.outcome),
            child: c.is_child,
            lacks_capacity: c.lacks_capacity,
            danger: c.immediate_danger,
            owner: labels::in_script(tr, &c.owner_short),
            reported_at: tr.instant(&c.reported_at),
            name: c.name.clone(),
            unopenable: c.unopenable,
        })
        .collect();
    let pager = Pager::counted_up_to(
        tr,
        q.page.unwrap_or(1),
        page.total,
        spona_app::cases::LIST_COUNT_LIMIT,
        here,
    );
    let works_on_cases = works_on_cases(s);
    let shown = Showing::from_code(&q.show);
    let showing = Showing::ALL
        .into_iter()
        .map(|choice| Choice {
            value: choice.code().to_string(),
            label: tr.t(match choice {
                Showing::All => "cases-show-all",
                Showing::Open => "cases-show-open",
                Showing::Closed => "cases-show-closed",
                Showing::Protected => "cases-show-protected",
            }),
            selected: choice == shown,
        })
        .collect();
    Ok(ListPage {
        showing,
        filtered: shown != Showing::All,
        chrome: s.viewer.chrome(Nav::Cases),
        rows,
        pager,
        works_on_cases,
        emergency: works_on_cases.then_some(emergency),
    })
}

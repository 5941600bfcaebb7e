//! `GET /audit`: the trail, newest first, filtered by person, institution, case code, action
//! and period, in pages, with its exports.

use crate::cases::{action_label, in_script};
use crate::shell::chrome::{Chrome, Nav};
use crate::shell::errors::WebError;
use crate::shell::form::Errors;
use crate::shell::pager::Pager;
use crate::shell::render::html;
use crate::shell::tr::Tr;
use crate::shell::viewer::Signed;
use crate::WebState;
use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use spona_app::oversight::{Reason, TrailEntry, TrailQuery, TRAIL_COUNT_LIMIT};

/// A choice of the filter.
pub struct Opt {
    pub value: String,
    pub label: String,
    pub selected: bool,
}

/// One entry, ready to show.
pub struct Line {
    pub at: String,
    pub who: String,
    pub institution: String,
    pub team: String,
    pub action: String,
    pub subject: String,
    pub address: String,
    pub reason: String,
}

impl Line {
    pub fn of(tr: &Tr, e: &TrailEntry) -> Line {
        Line {
            at: tr.instant(&e.at),
            who: e.who.clone(),
            institution: tr.pick(&e.institution_cyrl, &e.institution_latn).to_owned(),
            team: e.team.clone(),
            action: action_label(tr, &e.action),
            subject: in_script(tr, &e.subject),
            address: e.address.clone(),
            reason: match &e.reason {
                Reason::None => String::new(),
                Reason::Shown(text) => text.clone(),
                Reason::Withheld => tr.t("audit-reason-withheld"),
            },
        }
    }
}

#[derive(Template)]
#[template(path = "oversight/trail.html")]
struct TrailPage {
    chrome: Chrome,
    q: TrailQuery,
    people: Vec<Opt>,
    institutions: Vec<Opt>,
    actions: Vec<Opt>,
    errors: Errors,
    lines: Vec<Line>,
    pager: Pager,
    filtered: bool,
    export_query: String,
}

/// `GET /audit`.
pub async fn trail(
    State(state): State<WebState>,
    s: Signed,
    Query(q): Query<TrailQuery>,
) -> Result<Response, WebError> {
    let found = state.app.audit_trail(s.actor(), &q).await?;
    let tr = &s.viewer.tr;
    let pager = Pager::counted_up_to(
        tr,
        q.page.unwrap_or(1),
        found.entries.total,
        TRAIL_COUNT_LIMIT,
        &s.viewer.here,
    );
    let opts = |choices: Vec<spona_app::oversight::Choice>, selected: &str| -> Vec<Opt> {
        let opts = choices
            .into_iter()
            .map(|c| Opt {
                selected: c.value == selected.trim(),
                label: tr.pick(&c.label_cyrl, &c.label_latn).to_owned(),
                value: c.value,
            })
            .collect();
        tr.in_order(opts, |o| o.label.as_str(), |_| ())
    };
    let people = opts(found.people, &q.user);
    let institutions = opts(found.institutions, &q.institution);
    let actions = found
        .actions
        .iter()
        .map(|a| Opt {
            value: a.clone(),
            label: format!("{} ({a})", action_label(tr, a)),
            selected: a == q.action.trim(),
        })
        .collect();
    let actions = tr.in_order(actions, |o| o.label.as_str(), |_| ());
    let invalid = !found.errors.is_empty();
    let export_query = match serde_urlencoded::to_string(&q) {
        Ok(query) if q.narrowed() => format!("?{query}"),
        _ => String::new(),
    };
    let page = TrailPage {
        chrome: s.viewer.chrome(Nav::Audit),
        lines: found
            .entries
            .items
            .iter()
            .map(|e| Line::of(tr, e))
            .collect(),
        errors: Errors::from_fields(tr, &found.errors),
        people,
        institutions,
        actions,
        pager,
        filtered: q.narrowed(),
        export_query,
        q,
    };
    let body = html(&page)?;
    Ok(if invalid {
        (StatusCode::UNPROCESSABLE_ENTITY, body).into_response()
    } else {
        body
    })
}

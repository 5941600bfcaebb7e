//! `GET /audit/alerts`: the auditor's start page. Breaks of the glass, runs of many cases
//! opened by one person, and access outside working hours, over the last days; each links
//! to the trail narrowed to that person and time.

use super::trail::Line;
use crate::shell::chrome::{Chrome, Nav};
use crate::shell::errors::WebError;
use crate::shell::render::html;
use crate::shell::viewer::Signed;
use crate::WebState;
use askama::Template;
use axum::extract::{Query, State};
use axum::response::Response;
use spona_app::oversight::{AlertPeriod, TrailQuery};

/// How many days back, as typed in the URL.
#[derive(Debug, Default, serde::Deserialize)]
pub struct AlertsQuery {
    days: Option<i64>,
}

/// An alert about one person, with the link to the trail behind it.
struct Flag {
    who: String,
    when: String,
    what: String,
    trail: String,
}

#[derive(Template)]
#[template(path = "oversight/alerts.html")]
struct AlertsPage {
    chrome: Chrome,
    days: i64,
    broke_glass: Vec<Line>,
    bursts: Vec<Flag>,
    late: Vec<Flag>,
    rules: String,
    truncated: bool,
    summary: String,
}

/// The trail narrowed to one person over local days.
fn trail_link(user: i64, from: &str, to: &str) -> String {
    let q = TrailQuery {
        user: user.to_string(),
        from: from.into(),
        to: to.into(),
        ..TrailQuery::default()
    };
    format!(
        "/audit?{}",
        serde_urlencoded::to_string(&q).unwrap_or_default()
    )
}

/// `GET /audit/alerts`.
pub async fn alerts(
    State(state): State<WebState>,
    s: Signed,
    Query(q): Query<AlertsQuery>,
) -> Result<Response, WebError> {
    let found = state
        .app
        .access_alerts(s.actor(), AlertPeriod::of(q.days))
        .await?;
    let tr = &s.viewer.tr;
    let bursts = found
        .bursts
        .iter()
        .map(|b| Flag {
            who: b.who.clone(),
            when: format!("{} – {}", tr.instant(&b.from), tr.instant(&b.to)),
            what: tr.tn("audit-alert-cases", "count", b.cases as i64),
            trail: trail_link(b.user, &local_day(&state, b.from), &local_day(&state, b.to)),
        })
        .collect();
    let late = found
        .late
        .iter()
        .map(|l| Flag {
            who: l.who.clone(),
            when: tr.instant(&l.first_at),
            what: tr.tn("audit-alert-accesses", "count", l.accesses as i64),
            trail: trail_link(l.user, &l.day, &l.day),
        })
        .collect();
    let (starts, ends) = found.rules.working_hours();
    let rules = tr.with(
        "audit-alerts-rules",
        &[
            ("cases", i64::from(found.rules.case_views()).into()),
            ("minutes", i64::from(found.rules.window_minutes()).into()),
            ("starts", i64::from(starts).into()),
            ("ends", i64::from(ends).into()),
        ],
    );
    html(&AlertsPage {
        chrome: s.viewer.chrome(Nav::Audit),
        days: found.period.days,
        summary: tr.tn("audit-alerts-count", "count", found.count() as i64),
        broke_glass: found.broke_glass.iter().map(|e| Line::of(tr, e)).collect(),
        bursts,
        late,
        rules,
        truncated: found.truncated,
    })
}

/// The local day of an instant, ISO, for a link to the trail.
fn local_day(state: &WebState, at: i64) -> String {
    spona_app::oversight::local_day(at, state.app.zone())
}

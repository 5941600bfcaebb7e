//! The root and the dashboard.

use super::chrome::{Chrome, Nav};
use super::errors::WebError;
use super::viewer::{Signed, Viewer};
use crate::cases::{awaiting_answer, ReferralLine};
use crate::WebState;
use askama::Template;
use axum::extract::State;
use axum::response::{Redirect, Response};
use spona_app::plan::PlanSummary;
use spona_app::registry::TeamOverview;
use spona_domain::access::{decide, Action};
use spona_domain::registry::Team;

/// `/`: the dashboard for the signed in, the sign-in page for others.
pub async fn root(viewer: Viewer) -> Redirect {
    if viewer.signed.is_some() {
        Redirect::to("/dashboard")
    } else {
        Redirect::to("/login")
    }
}

#[derive(Template)]
#[template(path = "dashboard.html")]
struct Dashboard {
    chrome: Chrome,
    welcome: String,
    overview: Option<TeamOverview>,
    teams: Vec<Team>,
    /// For case workers: referrals waiting for their institution's answer, most pressing first.
    awaiting: Option<Vec<ReferralLine>>,
    /// For team roles: the current coordination plan's progress and overdue activities.
    plan: Option<PlanSummary>,
    /// Whether to link the national framework (for those who maintain it).
    framework: bool,
}

/// How many referrals awaiting an answer the dashboard lists.
const DASHBOARD_AWAITING: i64 = 10;

/// `/dashboard`: where each role starts.
pub async fn dashboard(State(state): State<WebState>, s: Signed) -> Result<Response, WebError> {
    let tr = &s.viewer.tr;
    let actor = s.actor();
    let overview = match &s.session.user.team_code {
        Some(code) if actor.role.is_team_bound() => {
            Some(state.app.team_overview(actor, code).await?)
        }
        _ => None,
    };
    let teams = if overview.is_none() {
        state.app.teams(actor).await?
    } else {
        Vec::new()
    };
    // The most pressing few; the inbox has the rest.
    let awaiting = if decide(actor, Action::UseCases).allowed() {
        let first = state.app.awaiting_answer(actor, DASHBOARD_AWAITING).await?;
        Some(awaiting_answer(tr, &first, None))
    } else {
        None
    };
    let plan = state.app.plan_summary(actor).await?;
    let page = Dashboard {
        chrome: s.viewer.chrome(Nav::Dashboard),
        welcome: tr.ts("dashboard-welcome", "name", &s.session.user.display_name),
        overview,
        teams,
        awaiting,
        plan,
        framework: decide(actor, Action::EditNationalFramework).allowed(),
    };
    super::render::html(&page)
}

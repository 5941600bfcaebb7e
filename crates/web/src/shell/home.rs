//! The root and the dashboard.

use super::chrome::{Chrome, Nav};
use super::errors::WebError;
use super::viewer::{Signed, Viewer};
use crate::activities::{reminders, Reminder};
use crate::cases::{awaiting_answer, data_request_lines, ReferralLine, RequestLine};
use crate::WebState;
use askama::Template;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use spona_app::plan::PlanSummary;
use spona_app::registry::TeamOverview;
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
    /// For case workers: the open requests of persons about their data in the cases their
    /// institution owns, earliest deadline first (overdue ones marked); none when none.
    data_requests: Vec<RequestLine>,
    /// For team roles: action items from meetings past their deadline (meeting, task, owner).
    overdue_actions: Vec<(i64, String, String)>,
    /// For team roles: how many guidelines meant for them wait to be read, in words.
    unread_guidelines: Option<String>,
    /// For team roles: how many materials are low in stock, in words.
    low_stock: Option<String>,
    /// For team roles: the next activities, trainings and meetings (link, date, what, label).
    upcoming: Vec<(String, String, String, String)>,
    /// For team roles: the recurring days coming soon and whether anything is planned.
    reminders: Vec<Reminder>,
    /// For team roles: the current coordination plan's progress and overdue activities.
    plan: Option<PlanSummary>,
    /// Whether to link the national framework (for those who maintain it).
    framework: bool,
    /// For the administrator: the records whose sealed data cannot be opened, in words.
    integrity: Option<Vec<String>>,
    /// For the coordinator: how many possible duplicates wait for a decision, in words.
    duplicates_pending: Option<String>,
    /// For the coordinator: per receiving institution, its urgent and overdue referrals in
    /// words (counts only).
    referrals_waiting: Option<Vec<(String, String)>>,
    /// For the national office: reports to acknowledge and teams that have not reported.
    national_due: Option<NationalDueView>,
    /// For case workers: the way to report a case, first on the page.
    may_report: bool,
    /// For team roles: how many notifications are unread, in words.
    unread_notifications: Option<String>,
}

/// The national office's worklist, ready to show.
struct NationalDueView {
    /// (link, team and period).
    awaiting: Vec<(String, String)>,
    not_reported_title: String,
    not_reported: Vec<String>,
}

/// How many referrals awaiting an answer the dashboard lists.
const DASHBOARD_AWAITING: i64 = 10;

/// `/dashboard`: where each role starts.
pub async fn dashboard(State(state): State<WebState>, s: Signed) -> Result<Response, WebError> {
    // The auditor starts at the alerts of unusual access.
    if s.may().audit_trail {
        return Ok(Redirect::to("/audit/alerts").into_response());
    }
    let tr = &s.viewer.tr;
    let actor = s.actor();
    let overview = match &s.session.user.team_code {
        Some(code) if actor.role.is_team_bound() => {
            Some(state.app.team_overview(actor, code).await?)
        }
        _ => None,
    };
    let teams = if overview.is_none() {
        state.app.teams_in(actor, tr.locale).await?
    } else {
        Vec::new()
    };
    // The most pressing few; the inbox has the rest.
    let awaiting = if s.may().cases {
        let first = state.app.awaiting_answer(actor, DASHBOARD_AWAITING).await?;
        Some(awaiting_answer(tr, &first, None))
    } else {
        None
    };
    let data_requests = if s.may().cases {
        data_request_lines(tr, &state.app.open_data_requests(actor).await?)
    } else {
        Vec::new()
    };
    let overdue_actions = if actor.role.is_team_bound() && actor.team_id.is_some() {
        state
            .app
            .overdue_meeting_actions(actor)
            .await?
            .into_iter()
            .map(|a| {
                let owner = crate::cases::in_script(tr, &a.owner_short);
                (a.meeting_id, a.task, owner)
            })
            .collect()
    } else {
        Vec::new()
    };
    let unread_guidelines = if actor.role.is_team_bound() && actor.team_id.is_some() {
        let n = state.app.unread_guidelines(actor).await? as i64;
        (n > 0).then(|| tr.tn("guidelines-unread", "count", n))
    } else {
        None
    };
    let low_stock = if actor.role.is_team_bound() && actor.team_id.is_some() {
        let n = state.app.low_stock(actor).await?.len() as i64;
        (n > 0).then(|| tr.tn("materials-low", "count", n))
    } else {
        None
    };
    let reminders = reminders(&state.app, tr, actor).await?;
    let plan = state.app.plan_summary(actor).await?;
    let upcoming = if actor.role.is_team_bound() && actor.team_id.is_some() {
        state
            .app
            .upcoming_work(actor, 8)
            .await?
            .into_iter()
            .map(|u| {
                let on = spona_domain::text::date(&u.held_on)
                    .map(|d| tr.date(&d))
                    .unwrap_or_else(|_| u.held_on.clone());
                let label: String = u
                    .label
                    .lines()
                    .next()
                    .unwrap_or("")
                    .chars()
                    .take(80)
                    .collect();
                let section = match u.kind.as_str() {
                    "activity" => "activities",
                    "training" => "trainings",
                    _ => "meetings",
                };
                (
                    format!("/{section}/{}", u.id),
                    on,
                    tr.t(&format!("upcoming-{}", u.kind)),
                    label,
                )
            })
            .collect()
    } else {
        Vec::new()
    };
    let integrity = if s.may().manage_deployment {
        let alerts = state.app.integrity_alerts(actor).await?;
        Some(
            alerts
                .into_iter()
                .map(|a| {
                    tr.with(
                        "integrity-line",
                        &[
                            ("table", a.table.into()),
                            ("id", a.record_id.to_string().into()),
                            ("at", tr.instant(&a.found_at).into()),
                        ],
                    )
                })
                .collect(),
        )
    } else {
        None
    };
    let duplicates_pending = if actor.role == spona_domain::accounts::Role::Coordinator {
        let counts = state.app.pending_duplicate_counts(actor).await?;
        let n: i64 = counts.iter().map(|c| c.count).sum();
        (n > 0).then(|| tr.tn("duplicates-pending-team", "count", n))
    } else {
        None
    };
    let referrals_waiting = if actor.role == spona_domain::accounts::Role::Coordinator {
        let waiting = state.app.referrals_waiting(actor).await?;
        Some(
            waiting
                .into_iter()
                .map(|w| {
                    let mut parts = Vec::new();
                    if w.urgent > 0 {
                        parts.push(tr.tn("dashboard-referrals-urgent", "count", w.urgent));
                    }
                    if w.overdue > 0 {
                        parts.push(tr.tn("dashboard-referrals-overdue", "count", w.overdue));
                    }
                    (
                        crate::cases::in_script(tr, &w.institution),
                        parts.join(", "),
                    )
                })
                .collect(),
        )
    } else {
        None
    };
    let national_due = if s.may().national_reports {
        let due = state.app.national_due(actor).await?;
        Some(NationalDueView {
            awaiting: due
                .awaiting
                .iter()
                .map(|l| {
                    (
                        format!("/reports/{}", l.id),
                        format!("{} · {}", tr.pick(&l.team_cyrl, &l.team_latn), l.period),
                    )
                })
                .collect(),
            not_reported_title: tr.ts("dashboard-not-reported", "period", &due.quarter.code()),
            not_reported: tr.in_order(
                due.not_reported
                    .iter()
                    .map(|t| tr.pick(&t.name_cyrl, &t.name_latn).to_owned())
                    .collect(),
                String::as_str,
                |_| (),
            ),
        })
    } else {
        None
    };
    let unread_notifications = if actor.role.is_team_bound() && actor.team_id.is_some() {
        let n = state.app.unread_notifications(actor).await?;
        (n > 0).then(|| {
            if n > 99 {
                tr.t("notifications-unread-many")
            } else {
                tr.tn("notifications-unread", "count", n)
            }
        })
    } else {
        None
    };
    let page = Dashboard {
        chrome: s.viewer.chrome(Nav::Dashboard),
        welcome: tr.ts("dashboard-welcome", "name", &s.session.user.display_name),
        overview,
        teams,
        awaiting,
        data_requests,
        overdue_actions,
        unread_guidelines,
        low_stock,
        upcoming,
        reminders,
        plan,
        framework: s.may().national_framework,
        integrity,
        duplicates_pending,
        referrals_waiting,
        national_due,
        may_report: s.may().cases,
        unread_notifications,
    };
    super::render::html(&page)
}

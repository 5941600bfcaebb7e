//! The retention schedule's page, for the administrator (who sets the periods in the
//! deployment's settings) and the auditor (who may hold a case): the period of each kind,
//! what the next run would remove (counts and case numbers, never personal data), and the
//! cases on legal hold. The auditor holds and lifts from here.

use crate::cases::labels;
use crate::shell::chrome::{Chrome, Nav};
use crate::shell::errors::WebError;
use crate::shell::render::html;
use crate::shell::tr::Tr;
use crate::shell::viewer::Signed;
use crate::WebState;
use askama::Template;
use axum::extract::{Query, State};
use axum::response::Response;
use serde::Deserialize;
use spona_app::retention::DueCase;
use spona_domain::accounts::Role;
use spona_domain::retention::{Period, RecordKind};

/// One kind of record: its period and what is due.
struct KindLine {
    name: String,
    period: String,
    due: String,
    /// The case numbers (for the kinds about cases).
    cases: Vec<CaseLine>,
}

/// A case named by its number, with its id for the auditor's hold form.
struct CaseLine {
    id: i64,
    code: String,
}

/// A hold as listed.
struct HoldLine {
    id: i64,
    code: String,
    reason: String,
    since: String,
}

#[derive(Template)]
#[template(path = "admin/retention.html")]
struct RetentionPage {
    chrome: Chrome,
    kinds: Vec<KindLine>,
    sessions_due: String,
    holds: Vec<HoldLine>,
    /// The auditor holds and lifts here.
    may_hold: bool,
    notice: Option<String>,
}

/// What a redirect back to the page asks it to say.
#[derive(Default, Deserialize)]
#[serde(default)]
pub struct Notices {
    hold: Option<String>,
    #[serde(rename = "hold-lifted")]
    hold_lifted: Option<String>,
    reason: Option<String>,
}

fn period(tr: &Tr, p: Period) -> String {
    match p {
        Period::Keep => tr.t("retention-kept"),
        Period::Days(n) => tr.tn("retention-days", "n", i64::from(n)),
        Period::Years(n) => tr.tn("retention-years", "n", i64::from(n)),
    }
}

fn cases(tr: &Tr, list: &[DueCase]) -> Vec<CaseLine> {
    list.iter()
        .map(|c| CaseLine {
            id: c.id.0,
            code: labels::code(tr, &c.code, &c.code_latin).to_string(),
        })
        .collect()
}

/// `GET /admin/retention`.
pub async fn page(
    State(state): State<WebState>,
    s: Signed,
    Query(n): Query<Notices>,
) -> Result<Response, WebError> {
    let due = state.app.retention_preview(s.actor()).await?;
    let holds = state.app.holds(s.actor()).await?;
    let tr = &s.viewer.tr;
    let policy = state.app.retention_policy();
    let count = |n: i64| tr.num(&n);
    let kinds = RecordKind::ALL
        .iter()
        .map(|kind| {
            let (due_text, listed) = match kind {
                RecordKind::ClosedCases => (count(due.cases.len() as i64), cases(tr, &due.cases)),
                RecordKind::Attachments => (
                    tr.tn("retention-files", "n", due.attachment_files),
                    cases(tr, &due.attachments),
                ),
                RecordKind::Notifications => (count(due.notifications), Vec::new()),
                RecordKind::SignIns => (count(due.sign_ins), Vec::new()),
                RecordKind::AuditEntries => (count(due.audit_entries), Vec::new()),
            };
            KindLine {
                name: tr.t(&format!("retention-kind-{}", kind.code())),
                period: period(tr, policy.period(*kind)),
                due: due_text,
                cases: listed,
            }
        })
        .collect();
    let holds = holds
        .into_iter()
        .map(|h| HoldLine {
            id: h.case.id.0,
            code: labels::code(tr, &h.case.code, &h.case.code_latin).to_string(),
            reason: h.reason,
            since: tr.instant(&h.set_at),
        })
        .collect();
    let notice = if n.hold.is_some() {
        Some(tr.t("case-saved-hold"))
    } else if n.hold_lifted.is_some() {
        Some(tr.t("case-saved-hold-lifted"))
    } else if n.reason.is_some() {
        Some(tr.t("hold-reason-required"))
    } else {
        None
    };
    let auditor = s.actor().role == Role::Auditor;
    html(&RetentionPage {
        chrome: s
            .viewer
            .chrome(if auditor { Nav::Audit } else { Nav::Admin }),
        kinds,
        sessions_due: count(due.ended_sessions),
        holds,
        may_hold: auditor,
        notice,
    })
}

//! The notifications page: unread first (the app orders them), each in words with a link to
//! its case where there is one, and "mark all read".

use crate::shell::chrome::{Chrome, Nav};
use crate::shell::errors::WebError;
use crate::shell::form::ValidForm;
use crate::shell::render::html;
use crate::shell::tr::Tr;
use crate::shell::viewer::Signed;
use crate::WebState;
use askama::Template;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use spona_domain::cases::CaseId;

/// The kinds of notification the app writes; each has a message `notification-{kind}`.
pub const KINDS: [&str; 16] = [
    "possible-duplicate",
    "duplicate-confirmed",
    "case-assigned",
    "referral-received",
    "urgent-referral-received",
    "referral-overdue",
    "break-glass",
    "recovery-ending",
    "identification-decided",
    "transfer-offered",
    "transfer-accepted",
    "transfer-declined",
    "referral-question",
    "referral-answer",
    "referral-plan",
    "second-factor-reset",
];

/// A notification, ready to show.
struct Line {
    text: String,
    at: String,
    case_id: Option<CaseId>,
    unread: bool,
    /// Calls for action now (an urgent or overdue referral, emergency access).
    urgent: bool,
}

#[derive(Template)]
#[template(path = "alerts/notifications.html")]
struct NotificationsPage {
    chrome: Chrome,
    lines: Vec<Line>,
    unread: i64,
    notice: Option<String>,
}

/// What a redirect to the page asks it to say.
#[derive(Default, Deserialize)]
#[serde(default)]
pub struct Notices {
    read: Option<String>,
}

/// A kind in words; an unknown kind is named as it is rather than hidden. A notification that
/// names an institution (the one to coordinate with) says which.
fn kind(tr: &Tr, kind: &str, about: Option<&str>) -> String {
    if let ("duplicate-confirmed", Some(institution)) = (kind, about) {
        let institution = crate::cases::in_script(tr, institution);
        tr.ts(
            "notification-duplicate-confirmed-by",
            "institution",
            &institution,
        )
    } else if KINDS.contains(&kind) {
        tr.t(&format!("notification-{kind}"))
    } else {
        kind.to_string()
    }
}

/// `GET /notifications`.
pub async fn list(
    State(state): State<WebState>,
    s: Signed,
    Query(n): Query<Notices>,
) -> Result<Response, WebError> {
    let tr = &s.viewer.tr;
    let lines: Vec<Line> = state
        .app
        .notifications(s.actor())
        .await?
        .into_iter()
        .map(|n| Line {
            text: kind(tr, &n.kind, n.about_institution.as_deref()),
            at: tr.instant(&n.created_at),
            case_id: n.case_id,
            unread: n.unread,
            urgent: matches!(
                n.kind.as_str(),
                "urgent-referral-received" | "referral-overdue" | "break-glass"
            ),
        })
        .collect();
    html(&NotificationsPage {
        chrome: s.viewer.chrome(Nav::Notifications),
        unread: i64::try_from(lines.iter().filter(|l| l.unread).count()).unwrap_or(i64::MAX),
        lines,
        notice: n.read.map(|_| tr.t("notifications-marked-read")),
    })
}

/// `POST /notifications/read`.
pub async fn mark_read(
    State(state): State<WebState>,
    s: Signed,
    ValidForm(_): ValidForm<serde::de::IgnoredAny>,
) -> Result<Response, WebError> {
    state.app.mark_notifications_read(s.actor()).await?;
    Ok(Redirect::to("/notifications?read=1").into_response())
}

#[cfg(test)]
mod tests {
    use super::*;
    use spona_i18n::Catalog;

    #[test]
    fn every_kind_has_a_name_that_says_nothing_of_the_person() {
        let catalog = Catalog::load().unwrap();
        for k in KINDS {
            let id = format!("notification-{k}");
            assert!(catalog.has(&id), "{id}");
            for locale in spona_i18n::Locale::ALL {
                let text = catalog.text(locale, &id);
                assert!(!spona_domain::cases::is_stigmatising(&text), "{text}");
            }
        }
    }
}

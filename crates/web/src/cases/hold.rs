//! The legal hold on a case: while it stands, the retention schedule removes nothing of the
//! case. The owner sets and lifts it on the case page; the auditor from the schedule's page.

use super::show;
use crate::shell::errors::WebError;
use crate::shell::form::ValidForm;
use crate::shell::tr::Tr;
use crate::shell::viewer::Signed;
use crate::WebState;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use spona_app::cases::CaseView;
use spona_app::AppError;
use spona_domain::accounts::Role;
use spona_domain::cases::CaseId;

/// The hold as the case page shows it.
pub struct HoldPanel {
    /// The reason and since when, while there is a hold.
    pub reason: Option<(String, String)>,
    /// The reader may set, change or lift it.
    pub may_change: bool,
}

/// The panel for the owner: the hold if there is one, the form while there is data to hold.
pub fn panel(tr: &Tr, v: &CaseView) -> Option<HoldPanel> {
    if v.hold.is_none() && !v.may_hold {
        return None;
    }
    Some(HoldPanel {
        reason: v
            .hold
            .as_ref()
            .map(|h| (h.reason.clone(), tr.instant(&h.set_at))),
        may_change: v.may_hold,
    })
}

/// The hold form as posted.
#[derive(Deserialize)]
pub struct HoldPost {
    #[serde(default)]
    reason: String,
}

/// Back where the hold was asked from: the auditor's schedule page, or the case.
fn back(s: &Signed, id: CaseId, what: &str) -> Response {
    if s.actor().role == Role::Auditor {
        Redirect::to(&format!("/admin/retention?{what}={id}")).into_response()
    } else {
        show::saved(id, what, "hold-h")
    }
}

/// `POST /cases/{id}/hold`: sets the hold, or changes its reason.
pub async fn set(
    State(state): State<WebState>,
    s: Signed,
    Path(id): Path<CaseId>,
    ValidForm(f): ValidForm<HoldPost>,
) -> Result<Response, WebError> {
    match state.app.set_hold(s.actor(), id, &f.reason).await {
        Ok(()) => Ok(back(&s, id, "hold")),
        Err(AppError::Invalid(_)) if s.actor().role == Role::Auditor => {
            Ok(Redirect::to("/admin/retention?reason=missing").into_response())
        }
        Err(AppError::Invalid(_)) => {
            let trouble = show::Trouble {
                alert: Some(s.viewer.tr.t("hold-reason-required")),
                alert_at: Some("hold-h"),
                ..show::Trouble::default()
            };
            show::again(&state, &s, id, trouble, StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(e) => Err(e.into()),
    }
}

/// `POST /cases/{id}/hold/lift`.
pub async fn lift(
    State(state): State<WebState>,
    s: Signed,
    Path(id): Path<CaseId>,
    ValidForm(_): ValidForm<serde::de::IgnoredAny>,
) -> Result<Response, WebError> {
    state.app.lift_hold(s.actor(), id).await?;
    Ok(back(&s, id, "hold-lifted"))
}

//! The review of possible duplicates by the institution that held the person first: its own
//! case, which institution reported the new one, and the outcome with an optional reason. The
//! team's coordinator gets, at the same address, only how many wait per institution.

use crate::shell::chrome::{Chrome, Nav};
use crate::shell::errors::WebError;
use crate::shell::form::{message, ValidForm};
use crate::shell::render::html;
use crate::shell::viewer::Signed;
use crate::WebState;
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use spona_app::cases::DuplicateReviewForm;
use spona_app::AppError;
use spona_domain::accounts::Role;
use spona_domain::cases::{CaseId, DuplicateId};

/// One pair to review.
struct PairLine {
    id: DuplicateId,
    case_id: CaseId,
    text: String,
    found: String,
    version: i64,
}

#[derive(Template)]
#[template(path = "cases/duplicates.html")]
struct DuplicatesPage {
    chrome: Chrome,
    pairs: Vec<PairLine>,
    notice: Option<String>,
    /// The pair whose review was refused, and why.
    refused: Option<(DuplicateId, String)>,
}

/// What a redirect asks the page to say.
#[derive(Default, Deserialize)]
#[serde(default)]
pub struct Saved {
    reviewed: Option<String>,
}

#[derive(Template)]
#[template(path = "cases/duplicate_counts.html")]
struct CountsPage {
    chrome: Chrome,
    /// "institution: count" lines; no pair, case or code.
    lines: Vec<String>,
}

/// `GET /duplicates`.
pub async fn list(
    State(state): State<WebState>,
    s: Signed,
    axum::extract::Query(q): axum::extract::Query<Saved>,
) -> Result<Response, WebError> {
    if s.actor().role == Role::Coordinator {
        return counts(&state, &s).await;
    }
    let notice = q.reviewed.map(|_| s.viewer.tr.t("duplicates-reviewed"));
    html(&page(&state, &s, notice, None).await?)
}

/// The coordinator's view: how many pairs wait, per deciding institution.
async fn counts(state: &WebState, s: &Signed) -> Result<Response, WebError> {
    let tr = &s.viewer.tr;
    let lines = state
        .app
        .pending_duplicate_counts(s.actor())
        .await?
        .into_iter()
        .map(|p| {
            tr.with(
                "duplicates-count-line",
                &[
                    (
                        "institution",
                        super::labels::in_script(tr, &p.institution).into(),
                    ),
                    ("count", p.count.into()),
                ],
            )
        })
        .collect();
    html(&CountsPage {
        chrome: s.viewer.chrome(Nav::Team),
        lines,
    })
}

async fn page(
    state: &WebState,
    s: &Signed,
    notice: Option<String>,
    refused: Option<(DuplicateId, String)>,
) -> Result<DuplicatesPage, WebError> {
    let tr = &s.viewer.tr;
    let pairs = state
        .app
        .duplicates_to_review(s.actor())
        .await?
        .into_iter()
        .map(|d| PairLine {
            id: d.id,
            case_id: d.own_case_id,
            text: tr.with(
                "duplicate-line",
                &[
                    ("code", super::labels::in_script(tr, &d.own_code).into()),
                    (
                        "institution",
                        super::labels::in_script(tr, &d.other_institution).into(),
                    ),
                ],
            ),
            found: tr.instant(&d.found_at),
            version: d.version,
        })
        .collect();
    Ok(DuplicatesPage {
        chrome: s.viewer.chrome(Nav::Inbox),
        pairs,
        notice,
        refused,
    })
}

/// `POST /duplicates/{id}`.
pub async fn review(
    State(state): State<WebState>,
    s: Signed,
    Path(id): Path<DuplicateId>,
    ValidForm(form): ValidForm<DuplicateReviewForm>,
) -> Result<Response, WebError> {
    match state.app.review_duplicate(s.actor(), id, &form).await {
        Ok(()) => Ok(Redirect::to("/duplicates?reviewed=1").into_response()),
        Err(AppError::Invalid(errors)) => {
            let tr = &s.viewer.tr;
            let why = errors
                .get("outcome")
                .or_else(|| errors.get("reason"))
                .map(|e| message(tr, e))
                .unwrap_or_default();
            let page = page(&state, &s, None, Some((id, why))).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, html(&page)?).into_response())
        }
        Err(e) => Err(e.into()),
    }
}

//! The referrals received by the reader's institution, with their answers given in place:
//! those still waiting first (children's and overdue ones before the rest), then the others;
//! and the cases offered to it for transfer, answered in place too.

use super::referrals::{awaiting_answer, AnswerTrouble, ReferralLine};
use super::transfer_panel::{self, OfferLine, OfferTrouble};
use crate::shell::chrome::{Chrome, Nav};
use crate::shell::errors::WebError;
use crate::shell::render::html;
use crate::shell::viewer::Signed;
use crate::WebState;
use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use spona_domain::cases::ReferralId;

#[derive(Template)]
#[template(path = "cases/inbox.html")]
struct InboxPage {
    /// How many possible duplicates wait for the institution's review, in words.
    duplicates: Option<String>,
    /// Only the first referrals are shown (the most pressing); the page says so.
    truncated: bool,
    chrome: Chrome,
    waiting: Vec<ReferralLine>,
    others: Vec<ReferralLine>,
    /// Cases offered to the institution, waiting for its answer.
    offers: Vec<OfferLine>,
    notice: Option<String>,
    alert: Option<String>,
}

/// What a redirect to the inbox asks it to say.
#[derive(Default, Deserialize)]
#[serde(default)]
pub struct InboxNotices {
    answered: Option<String>,
}

/// `GET /inbox`.
pub async fn inbox(
    State(state): State<WebState>,
    s: Signed,
    Query(n): Query<InboxNotices>,
) -> Result<Response, WebError> {
    let notice = n.answered.map(|what| match what.as_str() {
        "transfer" => s.viewer.tr.t("transfer-declined-notice"),
        _ => s.viewer.tr.t("referral-answered"),
    });
    html(&page(&state, &s, None, None, notice, None).await?)
}

/// The inbox again after a refused answer to an offer of transfer, with `status`.
pub async fn again_offer(
    state: &WebState,
    s: &Signed,
    trouble: OfferTrouble,
    status: StatusCode,
) -> Result<Response, WebError> {
    let page = page(state, s, None, Some(trouble), None, None).await?;
    Ok((status, html(&page)?).into_response())
}

/// The inbox again after a refused answer, with `status`.
pub async fn again(
    state: &WebState,
    s: &Signed,
    trouble: AnswerTrouble,
    alert: Option<String>,
    status: StatusCode,
) -> Result<Response, WebError> {
    let page = page(state, s, Some(trouble), None, None, alert).await?;
    Ok((status, html(&page)?).into_response())
}

async fn page(
    state: &WebState,
    s: &Signed,
    trouble: Option<AnswerTrouble>,
    offer_trouble: Option<OfferTrouble>,
    notice: Option<String>,
    alert: Option<String>,
) -> Result<InboxPage, WebError> {
    let tr = &s.viewer.tr;
    let received = state.app.inbox(s.actor()).await?;
    let waiting = awaiting_answer(tr, &received, trouble.as_ref());
    let waiting_ids: Vec<ReferralId> = waiting.iter().map(|r| r.id).collect();
    let others = received
        .iter()
        .filter(|r| !waiting_ids.contains(&r.id))
        .map(|r| ReferralLine::new(tr, r, None, trouble.as_ref()))
        .collect();
    let offered = state.app.transfers_offered(s.actor()).await?;
    let offers = transfer_panel::lines(tr, &offered, offer_trouble.as_ref());
    let to_review = state.app.duplicates_to_review(s.actor()).await?.len() as i64;
    let duplicates = (to_review > 0).then(|| tr.tn("duplicates-waiting", "count", to_review));
    Ok(InboxPage {
        chrome: s.viewer.chrome(Nav::Inbox),
        duplicates,
        truncated: received.len() as i64 >= spona_app::cases::INBOX_LIMIT,
        waiting,
        others,
        offers,
        notice,
        alert,
    })
}

//! One good practice, and withdrawing it after a confirmation.

use super::{day_of, source_label};
use crate::shell::chrome::{Chrome, Nav};
use crate::shell::errors::WebError;
use crate::shell::render::html;
use crate::shell::viewer::Signed;
use crate::WebState;
use askama::Template;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use spona_app::practices::PracticeView;
use spona_app::AppError;
use spona_domain::practices::{GoodPracticeId, PracticeSource};

#[derive(Template)]
#[template(path = "practices/show.html")]
struct ShowPage {
    chrome: Chrome,
    v: PracticeView,
    team: String,
    source: String,
    /// The source's page, for readers of its own team.
    source_link: Option<String>,
    held_on: String,
    published_on: String,
    withdrawn: Option<String>,
}

/// `GET /practices/{id}`.
pub async fn show(
    State(state): State<WebState>,
    s: Signed,
    Path(id): Path<i64>,
) -> Result<Response, WebError> {
    let v = state
        .app
        .good_practice(s.actor(), GoodPracticeId(id))
        .await?;
    let tr = &s.viewer.tr;
    let pp = &v.published;
    let p = &pp.practice;
    let source_link = v.own_team.then(|| match p.source {
        PracticeSource::Activity(a) => format!("/activities/{a}"),
        PracticeSource::Training(t) => format!("/trainings/{t}"),
    });
    html(&ShowPage {
        chrome: s.viewer.chrome(Nav::Practices),
        team: tr.pick(&pp.team_name_cyrl, &pp.team_name_latn).to_string(),
        source: source_label(tr, p.source),
        source_link,
        held_on: tr.date(&pp.held_on),
        published_on: day_of(tr, p.published_at),
        withdrawn: p
            .withdrawn_at
            .map(|at| tr.ts("practice-withdrawn", "date", &day_of(tr, at))),
        v,
    })
}

#[derive(Template)]
#[template(path = "practices/withdraw.html")]
struct WithdrawPage {
    chrome: Chrome,
    question: String,
    id: i64,
}

/// `GET /practices/{id}/withdraw`: asks before withdrawing.
pub async fn confirm_withdraw(
    State(state): State<WebState>,
    s: Signed,
    Path(id): Path<i64>,
) -> Result<Response, WebError> {
    let v = state
        .app
        .good_practice(s.actor(), GoodPracticeId(id))
        .await?;
    if !v.can_withdraw {
        // Seen but not its coordinator's, or already withdrawn.
        return Err(if !v.own_team {
            // Another team's practice, read on its page, is not there to withdraw.
            AppError::NotFound
        } else if v.published.practice.is_live() {
            AppError::Forbidden
        } else {
            AppError::Conflict
        }
        .into());
    }
    html(&WithdrawPage {
        chrome: s.viewer.chrome(Nav::Practices),
        question: s.viewer.tr.ts(
            "practice-withdraw-question",
            "title",
            &v.published.practice.title,
        ),
        id,
    })
}

/// The confirmation as posted (the CSRF token only).
#[derive(Deserialize)]
pub struct WithdrawForm {}

/// `POST /practices/{id}/withdraw`: withdraws, then back to the practice.
pub async fn withdraw(
    State(state): State<WebState>,
    s: Signed,
    Path(id): Path<i64>,
    crate::shell::form::ValidForm(_): crate::shell::form::ValidForm<WithdrawForm>,
) -> Result<Response, WebError> {
    state
        .app
        .withdraw_practice(s.actor(), GoodPracticeId(id))
        .await?;
    Ok(Redirect::to(&format!("/practices/{id}")).into_response())
}

//! `/outreach`: the coordinator's page for the team's calendar feeds (made, listed, revoked;
//! a new link shown once) and its public page (on or off, the introduction).

use crate::admin::link::full_url;
use crate::shell::chrome::{Chrome, Nav};
use crate::shell::confirmed::Confirmed;
use crate::shell::errors::WebError;
use crate::shell::form::{Errors, ValidForm};
use crate::shell::render::html;
use crate::shell::viewer::Signed;
use crate::WebState;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use spona_app::outreach::{FeedForm, FeedRow, OutreachView, PublicPageForm};
use spona_app::AppError;
use spona_domain::outreach::{FEED_LABEL_MAX, INTRO_MAX};

/// A feed as a row of the list, its instants in words.
pub struct FeedLine {
    pub id: i64,
    pub label: String,
    pub created: String,
    /// When it was revoked; none while it is live.
    pub revoked: Option<String>,
}

impl FeedLine {
    fn of(s: &Signed, f: FeedRow) -> FeedLine {
        let tr = &s.viewer.tr;
        FeedLine {
            id: f.id,
            created: tr.instant(&f.created_at),
            revoked: f
                .revoked_at
                .map(|at| tr.ts("outreach-feed-revoked-on", "when", &tr.instant(&at))),
            label: f.label,
        }
    }
}

#[derive(Template)]
#[template(path = "outreach/settings.html")]
struct SettingsPage {
    chrome: Chrome,
    team_code: String,
    team_name: String,
    feeds: Vec<FeedLine>,
    enabled: bool,
    intro: String,
    page_errors: Errors,
    feed_label: String,
    feed_errors: Errors,
    saved: bool,
    intro_max: usize,
    label_max: usize,
}

impl SettingsPage {
    fn of(s: &Signed, v: OutreachView) -> SettingsPage {
        SettingsPage {
            chrome: s.viewer.chrome(Nav::Team),
            team_name: s
                .viewer
                .tr
                .pick(&v.team.name_cyrl, &v.team.name_latn)
                .to_string(),
            team_code: v.team.code,
            feeds: v.feeds.into_iter().map(|f| FeedLine::of(s, f)).collect(),
            enabled: v.page.enabled,
            intro: v.page.intro,
            page_errors: Errors::none(),
            feed_label: String::new(),
            feed_errors: Errors::none(),
            saved: false,
            intro_max: INTRO_MAX,
            label_max: FEED_LABEL_MAX,
        }
    }
}

#[derive(Template)]
#[template(path = "outreach/feed_created.html")]
struct CreatedPage {
    chrome: Chrome,
    label: String,
    link: String,
}

/// What `/outreach` may be told in its address.
#[derive(Default, serde::Deserialize)]
#[serde(default)]
pub struct ShowQuery {
    saved: String,
}

/// `GET /outreach`.
pub async fn show(
    State(state): State<WebState>,
    s: Signed,
    Query(q): Query<ShowQuery>,
) -> Result<Response, WebError> {
    let v = state.app.outreach(s.actor()).await?;
    let mut page = SettingsPage::of(&s, v);
    page.saved = q.saved == "1";
    html(&page)
}

/// Makes a feed and shows its link, this once; a missing label comes back at the field.
pub async fn create_feed(
    State(state): State<WebState>,
    s: Signed,
    headers: HeaderMap,
    ValidForm(form): ValidForm<FeedForm>,
) -> Result<Response, WebError> {
    match state.app.create_calendar_feed(s.actor(), &form).await {
        Ok(feed) => html(&CreatedPage {
            chrome: s.viewer.chrome(Nav::Team),
            label: form.label.trim().to_string(),
            link: full_url(
                &headers,
                state.settings.secure_cookies,
                &format!("/feeds/{}.ics", feed.token),
            ),
        }),
        Err(AppError::Invalid(e)) => {
            let v = state.app.outreach(s.actor()).await?;
            let mut page = SettingsPage::of(&s, v);
            page.feed_errors = Errors::from_fields(&s.viewer.tr, &e);
            page.feed_label = form.label;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, html(&page)?).into_response())
        }
        Err(e) => Err(e.into()),
    }
}

/// Revokes a feed and goes back to the list.
pub async fn revoke_feed(
    State(state): State<WebState>,
    s: Signed,
    Path(id): Path<i64>,
    ValidForm(_): ValidForm<serde::de::IgnoredAny>,
) -> Result<Response, WebError> {
    state.app.revoke_calendar_feed(s.actor(), id).await?;
    Ok(Redirect::to("/outreach").into_response())
}

/// Saves the public page settings; a too long introduction comes back at the field.
pub async fn save_page(
    State(state): State<WebState>,
    s: Confirmed,
    ValidForm(form): ValidForm<PublicPageForm>,
) -> Result<Response, WebError> {
    match state.app.save_public_page(s.actor(), &form).await {
        Ok(()) => Ok(Redirect::to("/outreach?saved=1").into_response()),
        Err(AppError::Invalid(e)) => {
            let v = state.app.outreach(s.actor()).await?;
            let mut page = SettingsPage::of(&s, v);
            page.page_errors = Errors::from_fields(&s.viewer.tr, &e);
            page.enabled = form.enabled.is_some_and(|v| !v.is_empty());
            page.intro = form.intro;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, html(&page)?).into_response())
        }
        Err(e) => Err(e.into()),
    }
}

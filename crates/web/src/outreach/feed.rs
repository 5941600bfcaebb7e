//! `GET /feeds/{token}.ics`: the team's calendar of public work for calendar programs, which
//! do not sign in. An unknown and a revoked link answer alike: not found.

use crate::shell::errors::{Failure, WebError};
use crate::shell::viewer::Viewer;
use crate::WebState;
use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};
use spona_i18n::Locale;

/// A language asked for in the link (`?lang=sr-Latn`), for programs that send none.
#[derive(Default, serde::Deserialize)]
#[serde(default)]
pub struct FeedQuery {
    lang: String,
}

/// The feed as `text/calendar`, never cached and never indexed.
pub async fn feed(
    State(state): State<WebState>,
    viewer: Viewer,
    Path(file): Path<String>,
    Query(q): Query<FeedQuery>,
) -> Result<Response, WebError> {
    let token = file
        .strip_suffix(".ics")
        .ok_or(WebError::Page(Failure::NotFound))?;
    let locale = Locale::from_code(&q.lang).unwrap_or(viewer.locale);
    let body = state
        .app
        .calendar_feed(token, &state.catalog, locale)
        .await?;
    let mut res = body.into_response();
    let h = res.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/calendar; charset=utf-8"),
    );
    h.insert(
        header::CONTENT_DISPOSITION,
        HeaderValue::from_static("inline; filename=\"calendar.ics\""),
    );
    h.insert(
        "x-robots-tag",
        HeaderValue::from_static("noindex, nofollow"),
    );
    Ok(res)
}

//! `GET /p/{team}`: the team's public page, for anyone, when its coordinator turned it on.

use super::kind_label;
use crate::cases::in_script;
use crate::shell::chrome::{Chrome, Nav};
use crate::shell::errors::WebError;
use crate::shell::render::html;
use crate::shell::viewer::Viewer;
use crate::WebState;
use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use spona_app::guidelines::NATIONAL_HOTLINE;

/// How many signs of trafficking the page lists (messages `public-sign-1` …).
const SIGNS: usize = 6;

/// A public activity as a line of the page.
pub struct UpcomingLine {
    pub date: String,
    pub title: String,
    pub kind: String,
    pub place: String,
}

#[derive(Template)]
#[template(path = "outreach/public.html")]
struct PublicPage {
    chrome: Chrome,
    name: String,
    city: String,
    intro: String,
    signs: Vec<String>,
    hotline: &'static str,
    social_work: Option<(String, String)>,
    upcoming: Vec<UpcomingLine>,
    institutions: Vec<String>,
}

/// The public page, in the visitor's language; "not found" while it is off.
pub async fn page(
    State(state): State<WebState>,
    viewer: Viewer,
    Path(team): Path<String>,
) -> Result<Response, WebError> {
    let v = state.app.public_page(&team).await?;
    let tr = &viewer.tr;
    let pick = |cyrl: &str, latn: &str| match tr.locale {
        spona_i18n::Locale::SrCyrl => cyrl.to_string(),
        _ if !latn.is_empty() => latn.to_string(),
        _ => in_script(tr, cyrl),
    };
    html(&PublicPage {
        name: pick(&v.name_cyrl, &v.name_latn),
        city: in_script(tr, &v.city),
        intro: in_script(tr, &v.intro),
        signs: (1..=SIGNS)
            .map(|n| tr.t(&format!("public-sign-{n}")))
            .collect(),
        hotline: NATIONAL_HOTLINE,
        social_work: v
            .social_work
            .map(|(name, phone)| (in_script(tr, &name), phone)),
        upcoming: v
            .upcoming
            .iter()
            .map(|a| UpcomingLine {
                date: tr.date(&a.held_on),
                title: in_script(tr, &a.title),
                kind: kind_label(tr, a.kind, a.medium),
                place: in_script(tr, &a.place),
            })
            .collect(),
        institutions: v
            .institutions
            .iter()
            .map(|(cyrl, latn)| pick(cyrl, latn))
            .collect(),
        chrome: viewer.chrome(Nav::None),
    })
}

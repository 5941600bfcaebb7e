//! Sections whose work is still being built: an honest page instead of a dead link, shown
//! only to roles that will work there.

use super::chrome::{section_info, sections_for, Chrome};
use super::errors::{Failure, WebError};
use super::viewer::Signed;
use askama::Template;
use axum::extract::Path;
use axum::response::Response;
use spona_domain::access::{decide, Action};

#[derive(Template)]
#[template(path = "section.html")]
struct SectionPage {
    chrome: Chrome,
    title: String,
}

/// `/section/{name}`.
pub async fn section(s: Signed, Path(name): Path<String>) -> Result<Response, WebError> {
    let actor = s.actor();
    let allowed = sections_for(actor.role, decide(actor, Action::UseCases).allowed());
    let nav = allowed
        .into_iter()
        .find(|n| section_info(*n).is_some_and(|(seg, _)| seg == name))
        .ok_or(WebError::Page(Failure::NotFound))?;
    let (_, title_id) = section_info(nav).ok_or(WebError::Page(Failure::NotFound))?;
    let page = SectionPage {
        chrome: s.viewer.chrome(nav),
        title: s.viewer.tr.t(title_id),
    };
    super::render::html(&page)
}

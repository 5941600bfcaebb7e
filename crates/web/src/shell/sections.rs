//! Sections whose work is still being built: an honest page instead of a dead link, shown
//! only to roles that will work there. A section leaves [`BEING_BUILT`] when its own
//! routes are merged into the router.

use super::chrome::{section_info, sections_for, Chrome, Nav};
use super::errors::{Failure, WebError};
use super::viewer::Signed;
use crate::routes::Routes;
use askama::Template;
use axum::response::Response;

/// The sections that still show the placeholder page.
const BEING_BUILT: &[Nav] = &[];

#[derive(Template)]
#[template(path = "section.html")]
struct SectionPage {
    chrome: Chrome,
    title: String,
}

/// `/{section}` for every section still being built.
pub fn routes() -> Routes {
    let mut routes = Routes::new();
    for &nav in BEING_BUILT {
        if let Some((segment, _)) = section_info(nav) {
            routes = routes.get(&format!("/{segment}"), move |s: Signed| section(s, nav));
        }
    }
    routes
}

async fn section(s: Signed, nav: Nav) -> Result<Response, WebError> {
    let actor = s.actor();
    if !sections_for(actor.role, &s.may()).contains(&nav) {
        return Err(WebError::Page(Failure::NotFound));
    }
    let (_, title_id) = section_info(nav).ok_or(WebError::Page(Failure::NotFound))?;
    let page = SectionPage {
        chrome: s.viewer.chrome(nav),
        title: s.viewer.tr.t(title_id),
    };
    super::render::html(&page)
}

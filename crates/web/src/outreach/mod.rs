//! The team beyond itself: the coordinator's settings of the calendar feeds and the public
//! page (`/outreach`), the feed that calendar programs read (`/feeds/{token}.ics`), and the
//! public page anyone reads (`/p/{team}`). The last two need no session.

mod feed;
mod public_page;
mod settings;

use crate::routes::Routes;
use crate::shell::tr::Tr;
use spona_domain::activities::{ActivityKind, Medium};

/// The routes of this feature.
pub fn routes() -> Routes {
    Routes::new()
        .get("/outreach", settings::show)
        .post("/outreach/feeds", settings::create_feed)
        .post("/outreach/feeds/{id}/revoke", settings::revoke_feed)
        .post("/outreach/public", settings::save_page)
        // The request log names this route by its pattern, never the path with the token.
        .get("/feeds/{file}", feed::feed)
        .get("/p/{team}", public_page::page)
}

/// The kind of an activity in words, with the medium of a media appearance.
fn kind_label(tr: &Tr, kind: ActivityKind, medium: Option<Medium>) -> String {
    let kind = tr.t(&format!("activity-kind-{}", kind.code()));
    match medium {
        Some(m) => format!(
            "{kind} ({})",
            tr.t(&format!("activity-medium-{}", m.code()))
        ),
        None => kind,
    }
}

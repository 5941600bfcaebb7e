//! The team beyond itself: the coordinator's settings of the calendar feeds and the public
//! page (`/outreach`), the feed that calendar programs read (`/feeds/{token}.ics`), and the
//! public page anyone reads (`/p/{team}`). The last two need no session.

mod feed;
mod public_page;
mod settings;

use crate::shell::tr::Tr;
use crate::WebState;
use axum::routing::{get, post};
use axum::Router;
use spona_domain::activities::{ActivityKind, Medium};

/// The routes of this feature.
pub fn routes() -> Router<WebState> {
    Router::new()
        .route("/outreach", get(settings::show))
        .route("/outreach/feeds", post(settings::create_feed))
        .route("/outreach/feeds/{id}/revoke", post(settings::revoke_feed))
        .route("/outreach/public", post(settings::save_page))
        // The request log names this route by its pattern, never the path with the token.
        .route("/feeds/{file}", get(feed::feed))
        .route("/p/{team}", get(public_page::page))
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

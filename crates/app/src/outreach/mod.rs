//! The team beyond itself: calendar feeds of its public work behind secret links, and its
//! public page with whom to call. The coordinator keeps both; what they show is read
//! without a session and never holds personal data (see `docs/design.md`).

mod feeds;
mod public_page;

pub use feeds::{FeedForm, NewFeed};
pub use public_page::{PublicActivity, PublicPageForm, PublicPageView};
pub use spona_store::outreach::feeds::FeedRow;
pub use spona_store::outreach::pages::PublicPage;

use crate::{App, AppError};
use spona_domain::access::{Actor, TeamScope, WorkNeed};
use spona_domain::registry::Team;
use spona_store::outreach::{feeds as feed_store, pages};
use spona_store::teams;

/// The coordinator's view of the team's feeds and public page.
#[derive(Clone, Debug)]
pub struct OutreachView {
    pub team: Team,
    /// Newest first, revoked ones too.
    pub feeds: Vec<FeedRow>,
    /// Off with no introduction until first saved.
    pub page: PublicPage,
}

impl App {
    /// The scope of the actor's team's work, if the actor leads it; anyone else is refused.
    pub(crate) fn outreach_team(actor: &Actor) -> Result<TeamScope, AppError> {
        Self::work_team(actor, WorkNeed::Lead)
    }

    /// Whether the actor keeps the team's feeds and public page (for showing the link).
    pub fn can_lead_outreach(&self, actor: &Actor) -> bool {
        Self::outreach_team(actor).is_ok()
    }

    /// The team's feeds and public page settings (the coordinator).
    pub async fn outreach(&self, actor: &Actor) -> Result<OutreachView, AppError> {
        let scope = Self::outreach_team(actor)?;
        let mut c = self.db.conn().await?;
        let team = teams::find(&mut c, scope.team())
            .await?
            .ok_or(AppError::NotFound)?;
        let feeds = feed_store::list(&mut c, &scope).await?;
        let page = pages::find(&mut c, &scope).await?.unwrap_or_default();
        Ok(OutreachView { team, feeds, page })
    }
}

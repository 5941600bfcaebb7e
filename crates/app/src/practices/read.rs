//! Reading good practices: the list of every team's live ones, one practice, and whether a
//! source of the team has one.

use crate::registry::PAGE_SIZE;
use crate::{App, AppError, Page};
use spona_domain::access::{section, team_work, team_work_of, Action, Actor, WorkNeed};
use spona_domain::practices::{leads, may_see, GoodPracticeId, PracticeSource};
use spona_store::cases::COUNT_LIMIT;
use spona_store::practices::{self as store, PublishedPractice};

/// What a list of practices asks for, as typed in the URL.
#[derive(Clone, Debug, Default, serde::Deserialize)]
pub struct PracticeQuery {
    #[serde(default)]
    pub q: String,
    pub page: Option<i64>,
}

/// One practice as its reader sees it.
#[derive(Clone, Debug)]
pub struct PracticeView {
    pub published: PublishedPractice,
    /// The reader is its team's coordinator and it is live: it may be withdrawn.
    pub can_withdraw: bool,
    /// The reader is of its team, so the source may be opened.
    pub own_team: bool,
}

/// Whether a source of the team has a live practice, and whether the reader may publish one.
#[derive(Clone, Copy, Debug, Default)]
pub struct SourcePractice {
    pub live: Option<GoodPracticeId>,
    pub can_publish: bool,
}

impl App {
    /// A page of the live practices of every team, the latest published first, counted up
    /// to [`COUNT_LIMIT`] + 1.
    pub async fn good_practices(
        &self,
        actor: &Actor,
        q: &PracticeQuery,
    ) -> Result<Page<PublishedPractice>, AppError> {
        section(actor, Action::ViewGoodPractices)?;
        let page = q.page.unwrap_or(1).clamp(1, COUNT_LIMIT / PAGE_SIZE);
        let query: String = q.q.chars().take(100).collect();
        let mut c = self.db.conn().await?;
        Ok(store::list(&mut c, &query, PAGE_SIZE, (page - 1) * PAGE_SIZE).await?)
    }

    /// One practice; a withdrawn one is not found but by its own team's coordinator.
    pub async fn good_practice(
        &self,
        actor: &Actor,
        id: GoodPracticeId,
    ) -> Result<PracticeView, AppError> {
        section(actor, Action::ViewGoodPractices)?;
        let mut c = self.db.conn().await?;
        let published = store::find(&mut c, id).await?.ok_or(AppError::NotFound)?;
        let p = &published.practice;
        if !may_see(actor, p) {
            return Err(AppError::NotFound);
        }
        Ok(PracticeView {
            can_withdraw: p.is_live() && leads(actor, p.team_id),
            own_team: team_work_of(actor, p.team_id, WorkNeed::View).is_ok(),
            published,
        })
    }

    /// The live practice of a source of the actor's team, if any, and whether the actor
    /// may publish one (for the activity's and training's pages).
    pub async fn practice_of_source(
        &self,
        actor: &Actor,
        source: PracticeSource,
    ) -> Result<SourcePractice, AppError> {
        let Ok(scope) = team_work(actor, WorkNeed::View) else {
            return Ok(SourcePractice::default());
        };
        let mut c = self.db.conn().await?;
        let live = match source {
            PracticeSource::Activity(a) => store::live_for_activity(&mut c, &scope, a.0).await?,
            PracticeSource::Training(t) => store::live_for_training(&mut c, &scope, t.0).await?,
        };
        Ok(SourcePractice {
            live,
            can_publish: live.is_none() && Self::practice_team(actor).is_ok(),
        })
    }
}

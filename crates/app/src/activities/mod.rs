//! The activities register of a team: prevention and awareness work, recorded and edited by
//! every team role, seen only by the team; the calendar and the reminders of the recurring
//! days; the schools and venues of the city.

mod calendar;
mod form;
mod record;
mod venues;

pub use calendar::{CalendarDay, CalendarMonth};
pub use form::{group_field, ActivityForm, TITLE_MAX};
pub use spona_store::activities::SEARCH_COUNT_LIMIT;
pub use venues::VenueForm;

use crate::registry::PAGE_SIZE;
use crate::team_work::ScopedTeam;
use crate::{App, AppError, Page};
use spona_domain::access::{Actor, WorkNeed};
use spona_domain::activities::{Activity, ActivityId, ActivityKind, Venue};
use spona_domain::registry::Team;
use spona_store::materials::{self, HandOut};
use spona_store::plans::PlanActivityChoice;
use spona_store::{activities, venues as venue_store};

/// What a list of activities asks for, as typed in the URL.
#[derive(Clone, Debug, Default, serde::Deserialize)]
pub struct ActivityQuery {
    #[serde(default)]
    pub q: String,
    #[serde(default)]
    pub kind: String,
    #[serde(default)]
    pub year: String,
    pub page: Option<i64>,
}

/// A page of a team's activities.
#[derive(Clone, Debug)]
pub struct ActivityList {
    pub team: Team,
    pub page: Page<Activity>,
    /// Everyone reached by all the activities that matched (not only this page); unknown
    /// when a search found more than [`SEARCH_COUNT_LIMIT`] (its total then says "more than").
    pub reach: Option<i64>,
    /// The years that have activities, for the filter.
    pub years: Vec<i32>,
}

/// One activity and its team.
#[derive(Clone, Debug)]
pub struct ActivityView {
    pub team: Team,
    pub activity: Activity,
    pub venue: Option<Venue>,
    /// The plan activity it carries out.
    pub plan_activity: Option<PlanActivityChoice>,
    /// The materials handed out at it.
    pub handed_out: Vec<HandOut>,
}

impl App {
    /// The actor's own team, if the actor may see (or, with `record`, record) its work.
    /// Nobody outside a team has a register of activities.
    pub(crate) async fn team_of_work(
        &self,
        actor: &Actor,
        record: bool,
    ) -> Result<ScopedTeam, AppError> {
        let need = if record {
            WorkNeed::Record
        } else {
            WorkNeed::View
        };
        let mut c = self.db.conn().await?;
        Self::scoped_team(&mut c, actor, need).await
    }

    /// A page of the actor's team's activities, newest first.
    pub async fn activities(
        &self,
        actor: &Actor,
        q: &ActivityQuery,
    ) -> Result<ActivityList, AppError> {
        let team = self.team_of_work(actor, false).await?;
        let page = q.page.unwrap_or(1).clamp(1, 100_000);
        let filter = activities::Filter {
            kind: ActivityKind::from_code(&q.kind),
            year: q.year.trim().parse().ok(),
            query: q.q.chars().take(100).collect(),
            limit: PAGE_SIZE,
            offset: (page - 1) * PAGE_SIZE,
        };
        let mut c = self.db.conn().await?;
        let listed = activities::list(&mut c, &team.scope, &filter).await?;
        let years = activities::years(&mut c, &team.scope).await?;
        Ok(ActivityList {
            team: team.into_team(),
            page: listed.page,
            reach: listed.reach,
            years,
        })
    }

    /// One activity of the actor's team; another team's is not found.
    pub async fn activity(&self, actor: &Actor, id: ActivityId) -> Result<ActivityView, AppError> {
        let team = self.team_of_work(actor, false).await?;
        let mut c = self.db.conn().await?;
        let activity = activities::find(&mut c, &team.scope, id)
            .await?
            .ok_or(AppError::NotFound)?;
        let venue = match activity.venue_id {
            Some(v) => venue_store::find(&mut c, &team.scope, v).await?,
            None => None,
        };
        let plan_activity =
            Self::linked_plan_activity(&mut c, &team.scope, activity.plan_activity_id).await?;
        let handed_out = materials::handed_out_at(&mut c, &team.scope, id.0).await?;
        Ok(ActivityView {
            team: team.into_team(),
            activity,
            venue,
            plan_activity,
            handed_out,
        })
    }

    /// Whether the actor may record activities (for showing the buttons).
    pub fn can_record_activities(&self, actor: &Actor) -> bool {
        self.may_work(actor, WorkNeed::Record)
    }
}

//! What is coming up for the team: activities, trainings and meetings from today on.

use crate::{App, AppError};
use spona_domain::access::Actor;
use spona_domain::access::WorkNeed;
use spona_store::upcoming::{self, UpcomingRow};

impl App {
    /// The team's next activities, trainings and meetings, soonest first.
    pub async fn upcoming_work(
        &self,
        actor: &Actor,
        limit: i64,
    ) -> Result<Vec<UpcomingRow>, AppError> {
        let scope = Self::work_team(actor, WorkNeed::View)?;
        let today = spona_domain::text::iso_date(self.today());
        let mut c = self.db.conn().await?;
        Ok(upcoming::from(&mut c, &scope, &today, limit.clamp(1, 50)).await?)
    }
}

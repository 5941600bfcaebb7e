//! For the national office: what needs it now. The reports submitted and not yet
//! acknowledged, and the teams that have not reported the last finished quarter.

use super::national::national_gate;
use crate::{App, AppError};
use spona_domain::access::Actor;
use spona_domain::registry::Team;
use spona_domain::reports::{ReportPeriod, ReportStatus};
use spona_store::reports::{self as store, NationalLine};
use spona_store::teams;

/// The national office's worklist.
#[derive(Clone, Debug)]
pub struct NationalDue {
    /// Submitted reports waiting for acknowledgement, newest period first.
    pub awaiting: Vec<NationalLine>,
    /// The last quarter that is over.
    pub quarter: ReportPeriod,
    /// Active teams with no submitted report for it.
    pub not_reported: Vec<Team>,
}

/// The quarter before the one that holds `today`.
pub fn last_finished_quarter(today: time::Date) -> ReportPeriod {
    let current = ReportPeriod::quarter_of(today);
    match current.first_day().previous_day() {
        Some(day) => ReportPeriod::quarter_of(day),
        None => current,
    }
}

impl App {
    /// Reports awaiting acknowledgement and teams that have not reported.
    pub async fn national_due(&self, actor: &Actor) -> Result<NationalDue, AppError> {
        national_gate(actor)?;
        let quarter = last_finished_quarter(self.today());
        let mut c = self.db.conn().await?;
        let lines = store::national(&mut c, None).await?;
        let submitted = ReportStatus::Submitted.code();
        let reported: Vec<i64> = lines
            .iter()
            .filter(|l| l.period == quarter.code())
            .map(|l| l.team_id)
            .collect();
        let not_reported = teams::list(&mut c)
            .await?
            .into_iter()
            .filter(|t| t.active && !t.national && !reported.contains(&t.id.0))
            .collect();
        let awaiting = lines
            .into_iter()
            .filter(|l| l.status == submitted)
            .collect();
        Ok(NationalDue {
            awaiting,
            quarter,
            not_reported,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn the_last_finished_quarter_is_the_one_before_today() {
        assert_eq!(
            last_finished_quarter(date!(2026 - 12 - 05)).code(),
            "2026-Q3"
        );
        assert_eq!(
            last_finished_quarter(date!(2026 - 01 - 01)).code(),
            "2025-Q4"
        );
        assert_eq!(
            last_finished_quarter(date!(2026 - 03 - 31)).code(),
            "2025-Q4"
        );
        assert_eq!(
            last_finished_quarter(date!(2026 - 04 - 01)).code(),
            "2026-Q1"
        );
    }
}

//! Periodic reports of every team for the quarters before the generation ends, through the
//! same use cases as the reports page: the older ones submitted to the National Coordinator,
//! the latest left as a draft, so that the report views and the national overview are
//! measured on a deployment that reports.

use super::teams::Crew;
use super::Progress;
use crate::reports::PeriodForm;
use crate::{App, AppError};
use time::Date;

/// Quarters submitted before the one left as a draft.
const SUBMITTED: usize = 3;

impl App {
    /// Drafts a report of each of the last complete quarters for every crew's team and
    /// submits all but the latest.
    pub(super) async fn generate_reports(
        &self,
        crews: &[Crew],
        progress: &dyn Progress,
    ) -> Result<(), AppError> {
        let quarters = quarters_before(self.today(), SUBMITTED + 1);
        for crew in crews {
            for (i, period) in quarters.iter().enumerate() {
                let form = PeriodForm {
                    period: period.clone(),
                };
                let id = self.draft_report(&crew.coordinator, &form).await?;
                if i < SUBMITTED {
                    self.submit_report(&crew.coordinator, id).await?;
                }
            }
            progress.advance(1);
        }
        Ok(())
    }
}

/// The `n` complete quarters before the one `today` is in, oldest first ("2026-Q3").
fn quarters_before(today: Date, n: usize) -> Vec<String> {
    let (mut year, mut quarter) = (today.year(), (u8::from(today.month()) - 1) / 3 + 1);
    let mut quarters = Vec::with_capacity(n);
    for _ in 0..n {
        if quarter == 1 {
            year -= 1;
            quarter = 4;
        } else {
            quarter -= 1;
        }
        quarters.push(format!("{year}-Q{quarter}"));
    }
    quarters.reverse();
    quarters
}

#[cfg(test)]
mod tests {
    use super::quarters_before;
    use time::macros::date;

    #[test]
    fn the_quarters_before_today_cross_into_the_previous_year() {
        assert_eq!(
            quarters_before(date!(2026 - 12 - 05), 4),
            ["2025-Q4", "2026-Q1", "2026-Q2", "2026-Q3"]
        );
        assert_eq!(
            quarters_before(date!(2026 - 01 - 01), 2),
            ["2025-Q3", "2025-Q4"]
        );
        assert_eq!(quarters_before(date!(2026 - 06 - 30), 1), ["2026-Q1"]);
    }
}

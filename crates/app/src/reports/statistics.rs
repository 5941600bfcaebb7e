//! The statistics page of a team: its work in a year month by month, the plan's progress,
//! referrals per quarter and how many were answered in time, and the time from a report to
//! its first response. Case figures are protected as in the reports.
//!
//! Counting a year of a large team takes a good part of a second, so each instance keeps a
//! team's figures for a few minutes: the page says what was true a moment ago, and the
//! access decision is still made on every request.

use super::content::{MonthLine, ReportContent};
use super::{bounds, cases};
use crate::{App, AppError};
use spona_domain::access::Actor;
use spona_domain::disclosure::{ProtectedRelease, Published};
use spona_domain::registry::Team;
use spona_domain::reports::ReportPeriod;
use spona_store::reports as store;
use spona_store::statistics::{self as stats, Days};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use time::{Date, Month};

/// How long an instance keeps a team's figures.
const KEEP_SECONDS: i64 = 300;
/// At most this many teams' years are kept (a national deployment has a few dozen teams).
const KEEP_MOST: usize = 256;

/// The figures each instance keeps, by team and year, with when they were counted.
#[derive(Clone, Default)]
pub struct StatisticsCache(Arc<Mutex<Kept>>);

/// (team id, year) → (counted at, figures).
type Kept = HashMap<(i64, i32), (i64, TeamStatistics)>;

impl StatisticsCache {
    fn get(&self, team: i64, year: i32, now: i64) -> Option<TeamStatistics> {
        let kept = self.0.lock().ok()?;
        kept.get(&(team, year))
            .filter(|(at, _)| now - at < KEEP_SECONDS)
            .map(|(_, s)| s.clone())
    }

    fn put(&self, team: i64, year: i32, now: i64, stats: &TeamStatistics) {
        if let Ok(mut kept) = self.0.lock() {
            if kept.len() >= KEEP_MOST {
                kept.clear();
            }
            kept.insert((team, year), (now, stats.clone()));
        }
    }
}

/// What the statistics page shows for a year.
#[derive(Clone, Debug)]
pub struct TeamStatistics {
    pub team: Team,
    pub year: i32,
    /// Every month of the year, with or without activities.
    pub months: Vec<MonthLine>,
    /// The current plan's activities and their progress.
    pub plan: Vec<(String, i64)>,
    /// Per quarter: referrals sent and answered in time, each shown or withheld.
    pub referrals: Vec<(ReportPeriod, Published, Published)>,
    /// The median hours from a report to its first response, when enough reports had one.
    pub response_hours: Option<(i64, usize)>,
    /// The threshold in effect.
    pub threshold: u32,
}

impl App {
    /// The team's statistics for `year` (this year unless asked).
    pub async fn team_statistics(
        &self,
        actor: &Actor,
        year: Option<i32>,
    ) -> Result<TeamStatistics, AppError> {
        let this_year = self.today().year();
        let year = year
            .filter(|y| (2000..=this_year).contains(y))
            .unwrap_or(this_year);
        let mut c = self.db.conn().await?;
        let team = self.report_team(&mut c, actor, false).await?;
        let now = self.now();
        if let Some(kept) = self.statistics.get(team.id.0, year, now) {
            return Ok(kept);
        }
        let first = Date::from_calendar_date(year, Month::January, 1)
            .map_err(|e| AppError::Internal(e.to_string()))?;
        let last = Date::from_calendar_date(year, Month::December, 31)
            .map_err(|e| AppError::Internal(e.to_string()))?;
        let recorded = stats::activities_by_month(&mut c, team.id, Days { first, last }).await?;
        let months = (1..=12)
            .map(|m| {
                let key = format!("{year}-{m:02}");
                let found = recorded.iter().find(|r| r.month == key);
                MonthLine {
                    activities: found.map(|r| r.activities).unwrap_or(0),
                    reach: found.map(|r| r.reach).unwrap_or(0),
                    month: key,
                }
            })
            .collect();
        let days = Days { first, last };
        // The plan as it stood at the year's end (or today, for this year).
        let as_of = bounds::standing_day(days, self.today());
        let plan = match spona_store::plans::current(&mut c, &team.scope, as_of).await? {
            Some(p) => spona_store::plans::activities_by(
                &mut c,
                p.id,
                as_of,
                bounds::day_end(as_of, self.zone()),
            )
            .await?
            .into_iter()
            .map(|a| {
                let progress = a.progress();
                (a.draft.title, progress)
            })
            .collect(),
            None => Vec::new(),
        };
        let quarters = ReportPeriod::Year { year }.quarters();
        let (counts, _) = cases::quarter_counts(
            &mut c,
            &team.scope,
            &team.code,
            &quarters,
            self.now(),
            self.zone(),
        )
        .await?;
        let earlier: Vec<ProtectedRelease> = store::submitted(&mut c, &team.scope)
            .await?
            .into_iter()
            .filter_map(|r| serde_json::from_str::<ReportContent>(&r.content).ok())
            .map(|content| content.cases.release)
            .collect();
        let referrals =
            cases::quarterly_referrals(&counts, &team.code, year, &earlier, self.disclosure)?;
        let (from, to) = bounds::instants_of(days, self.zone());
        let hours = stats::first_answer_hours(&mut c, team.id, from, to).await?;
        let response_hours = median(&hours, self.disclosure.get() as usize);
        let stats = TeamStatistics {
            team: team.into_team(),
            year,
            months,
            plan,
            referrals,
            response_hours,
            threshold: self.disclosure.get(),
        };
        self.statistics.put(stats.team.id.0, year, now, &stats);
        Ok(stats)
    }
}

/// The median of counted hours, when at least `k` cases are counted (fewer would point at
/// people): (hours, cases).
fn median(hours: &[(i64, i64)], k: usize) -> Option<(i64, usize)> {
    let n: i64 = hours.iter().map(|(_, c)| *c).sum();
    let n = usize::try_from(n).ok()?;
    if n < k.max(1) {
        return None;
    }
    let mut seen = 0usize;
    for (h, c) in hours {
        seen += usize::try_from(*c).unwrap_or(0);
        if seen > n / 2 {
            return Some(((*h).max(0), n));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::median;

    #[test]
    fn the_median_needs_enough_cases_and_lies_in_the_middle() {
        assert_eq!(median(&[(2, 3), (5, 1), (40, 1)], 5), Some((2, 5)));
        assert_eq!(median(&[(1, 1), (3, 1), (9, 2)], 4), Some((9, 4)));
        assert_eq!(median(&[(2, 3)], 11), None);
        assert_eq!(median(&[], 1), None);
    }
}

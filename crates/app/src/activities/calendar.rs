//! The month calendar of activities and the reminders of the recurring days.

use crate::{App, AppError};
use spona_domain::access::Actor;
use spona_domain::activities::{month_weeks, Activity, Month, RecurringDay, UpcomingDay};
use spona_domain::registry::Team;
use spona_store::activities;
use time::Date;

/// One day of the month grid.
#[derive(Clone, Debug)]
pub struct CalendarDay {
    pub date: Date,
    /// 18 October or 30 July, marked whether or not anything is recorded.
    pub recurring: Option<RecurringDay>,
    pub activities: Vec<Activity>,
}

/// A month of the team's activities, as weeks (Monday first; None outside the month).
#[derive(Clone, Debug)]
pub struct CalendarMonth {
    pub team: Team,
    pub month: Month,
    pub weeks: Vec<[Option<CalendarDay>; 7]>,
}

impl CalendarMonth {
    /// The days of the month in order (for reading as a list on a phone).
    pub fn days(&self) -> impl Iterator<Item = &CalendarDay> {
        self.weeks.iter().flatten().flatten()
    }
}

impl App {
    /// The actor's team's activities of a month, with the recurring days marked.
    pub async fn activity_calendar(
        &self,
        actor: &Actor,
        month: Month,
    ) -> Result<CalendarMonth, AppError> {
        let team = self.team_of_work(actor, false).await?;
        let mut c = self.db.conn().await?;
        let mut held =
            activities::between(&mut c, &team.scope, month.first(), month.next().first()).await?;
        let weeks = month_weeks(month)
            .into_iter()
            .map(|week| {
                week.map(|day| {
                    day.map(|date| {
                        let (today, rest): (Vec<Activity>, Vec<Activity>) =
                            std::mem::take(&mut held)
                                .into_iter()
                                .partition(|a| a.held_on == date);
                        held = rest;
                        CalendarDay {
                            date,
                            recurring: RecurringDay::on(date),
                            activities: today,
                        }
                    })
                })
            })
            .collect();
        Ok(CalendarMonth {
            team: team.into_team(),
            month,
            weeks,
        })
    }

    /// The recurring days within the reminder window from `today`, each saying whether the
    /// actor's team has recorded anything for it. Empty for those outside a team.
    pub async fn upcoming_days(
        &self,
        actor: &Actor,
        today: Date,
    ) -> Result<Vec<UpcomingDay>, AppError> {
        let team = match self.team_of_work(actor, false).await {
            Ok(team) => team,
            Err(AppError::Forbidden | AppError::NotFound) => return Ok(Vec::new()),
            Err(e) => return Err(e),
        };
        let mut c = self.db.conn().await?;
        let mut days = UpcomingDay::within_window(today);
        for d in &mut days {
            d.planned = activities::marks_day(&mut c, &team.scope, d.date, d.day.kind()).await?;
        }
        Ok(days)
    }
}

//! The calendar of activities: months as weeks, and the two recurring days the team marks.

use super::ActivityKind;
use time::{Date, Duration, Month as TimeMonth};

/// How many days ahead a recurring day is announced on the dashboard.
pub const REMIND_WITHIN_DAYS: i64 = 30;

coded_enum! {
    /// A day every team marks each year, in calendar order.
    pub enum RecurringDay {
        /// 30 July, World Day against Trafficking in Persons.
        WorldDayAgainstTrafficking => "world-day",
        /// 18 October, European Anti-Trafficking Day.
        EuAntiTraffickingDay => "eu-day",
    }
}

impl RecurringDay {
    /// The kind an activity marking this day is recorded as.
    pub fn kind(self) -> ActivityKind {
        match self {
            RecurringDay::EuAntiTraffickingDay => ActivityKind::EuDay,
            RecurringDay::WorldDayAgainstTrafficking => ActivityKind::WorldDay,
        }
    }

    fn month_day(self) -> (TimeMonth, u8) {
        match self {
            RecurringDay::EuAntiTraffickingDay => (TimeMonth::October, 18),
            RecurringDay::WorldDayAgainstTrafficking => (TimeMonth::July, 30),
        }
    }

    /// The day in a given year.
    pub fn in_year(self, year: i32) -> Option<Date> {
        let (m, d) = self.month_day();
        Date::from_calendar_date(year, m, d).ok()
    }

    /// The day if `date` is one of the recurring days.
    pub fn on(date: Date) -> Option<RecurringDay> {
        RecurringDay::ALL
            .iter()
            .copied()
            .find(|r| r.month_day() == (date.month(), date.day()))
    }

    /// The next time this day comes, today included.
    pub fn next_from(self, today: Date) -> Option<Date> {
        let this_year = self.in_year(today.year())?;
        if this_year >= today {
            Some(this_year)
        } else {
            self.in_year(today.year() + 1)
        }
    }
}

/// A recurring day coming within [`REMIND_WITHIN_DAYS`], and whether the team has recorded
/// anything for it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct UpcomingDay {
    pub day: RecurringDay,
    pub date: Date,
    pub days_left: i64,
    pub planned: bool,
}

impl UpcomingDay {
    /// The recurring days within the reminder window from `today`, soonest first (not yet
    /// knowing what is planned).
    pub fn within_window(today: Date) -> Vec<UpcomingDay> {
        let mut days: Vec<UpcomingDay> = RecurringDay::ALL
            .iter()
            .copied()
            .filter_map(|day| {
                let date = day.next_from(today)?;
                let days_left = (date - today).whole_days();
                (days_left <= REMIND_WITHIN_DAYS).then_some(UpcomingDay {
                    day,
                    date,
                    days_left,
                    planned: false,
                })
            })
            .collect();
        days.sort_by_key(|d| d.date);
        days
    }
}

/// A month of a year, as in `?month=2026-10`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Month {
    pub year: i32,
    pub month: TimeMonth,
}

impl Month {
    /// The month of a date.
    pub fn of(date: Date) -> Month {
        Month {
            year: date.year(),
            month: date.month(),
        }
    }

    /// `2026-10`; None for anything else (years 1900–9999).
    pub fn parse(raw: &str) -> Option<Month> {
        let (y, m) = raw.trim().split_once('-')?;
        let year: i32 = y.parse().ok().filter(|y| (1900..=9999).contains(y))?;
        let month = TimeMonth::try_from(m.parse::<u8>().ok()?).ok()?;
        Some(Month { year, month })
    }

    /// `2026-10`.
    pub fn code(self) -> String {
        format!("{:04}-{:02}", self.year, u8::from(self.month))
    }

    /// The first day.
    pub fn first(self) -> Date {
        Date::from_calendar_date(self.year, self.month, 1).unwrap_or(Date::MIN)
    }

    /// The first day of the next month.
    pub fn next(self) -> Month {
        let next = self.first() + Duration::days(i64::from(self.month.length(self.year)));
        Month::of(next)
    }

    /// The month before.
    pub fn previous(self) -> Month {
        Month::of(self.first() - Duration::days(1))
    }
}

/// The weeks of a month, Monday first; days outside the month are None.
pub fn month_weeks(month: Month) -> Vec<[Option<Date>; 7]> {
    let first = month.first();
    let lead = usize::from(first.weekday().number_days_from_monday());
    let len = usize::from(month.month.length(month.year));
    let cells = (lead + len).div_ceil(7) * 7;
    let mut weeks = Vec::new();
    let mut week = [None; 7];
    for i in 0..cells {
        week[i % 7] =
            (i >= lead && i < lead + len).then(|| first + Duration::days((i - lead) as i64));
        if i % 7 == 6 {
            weeks.push(week);
            week = [None; 7];
        }
    }
    weeks
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn days_within_thirty_days_are_announced() {
        let up = UpcomingDay::within_window(date!(2026 - 09 - 20));
        assert_eq!(up.len(), 1);
        assert_eq!(up[0].day, RecurringDay::EuAntiTraffickingDay);
        assert_eq!(up[0].days_left, 28);
        assert!(UpcomingDay::within_window(date!(2026 - 09 - 17)).is_empty());
        let on_the_day = UpcomingDay::within_window(date!(2026 - 07 - 30));
        assert_eq!(on_the_day[0].days_left, 0);
        // After 18 October the next one is next year's 30 July, far away.
        assert!(UpcomingDay::within_window(date!(2026 - 10 - 19)).is_empty());
        let new_year = UpcomingDay::within_window(date!(2027 - 07 - 01));
        assert_eq!(new_year[0].date, date!(2027 - 07 - 30));
    }

    #[test]
    fn months_parse_and_lay_out_monday_first() {
        assert_eq!(Month::parse("2026-13"), None);
        assert_eq!(Month::parse("x"), None);
        let oct = Month::parse("2026-10").unwrap();
        assert_eq!(oct.code(), "2026-10");
        assert_eq!(oct.next().code(), "2026-11");
        assert_eq!(
            Month::parse("2026-01").unwrap().previous().code(),
            "2025-12"
        );
        let weeks = month_weeks(oct);
        // 1 October 2026 is a Thursday.
        assert_eq!(weeks[0][3], Some(date!(2026 - 10 - 01)));
        assert_eq!(weeks[0][2], None);
        let days: usize = weeks.iter().flatten().flatten().count();
        assert_eq!(days, 31);
        assert_eq!(
            RecurringDay::on(date!(2026 - 10 - 18)),
            Some(RecurringDay::EuAntiTraffickingDay)
        );
    }
}

//! Where a report's period begins and ends, for every figure that counts it: records dated
//! by day (activities, trainings, meetings, materials) are compared with its first and last
//! day; records stamped with an instant (cases, referrals) with the instants those days
//! begin and end. One place, so that the instants follow the deployment's local midnight
//! once it has one.

use spona_domain::reports::ReportPeriod;
use spona_store::statistics::Days;
use time::{Date, OffsetDateTime, Time};

/// The days of a period, for the store's queries.
pub(crate) fn days_of(period: ReportPeriod) -> Days {
    Days {
        first: period.first_day(),
        last: period.last_day(),
    }
}

/// The instant a day begins (Unix seconds).
pub(crate) fn day_start(day: Date) -> i64 {
    OffsetDateTime::new_utc(day, Time::MIDNIGHT).unix_timestamp()
}

/// The instants of the days from `first` to `last`, both whole: [start, end).
pub(crate) fn instants_of(days: Days) -> (i64, i64) {
    let after = days.last.next_day().unwrap_or(days.last);
    (day_start(days.first), day_start(after))
}

/// The instants of a period: [its first day's start, the start of the day after it).
pub(crate) fn period_instants(period: ReportPeriod) -> (i64, i64) {
    instants_of(days_of(period))
}

/// The day as of which a period's standing is told: its last day, or `today` while it runs.
pub(crate) fn standing_day(days: Days, today: Date) -> Date {
    days.last.min(today)
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn a_quarter_spans_its_whole_last_day_and_no_more() {
        let q3 = ReportPeriod::Quarter {
            year: 2026,
            quarter: 3,
        };
        let (from, to) = period_instants(q3);
        assert_eq!(from, day_start(date!(2026 - 07 - 01)));
        assert_eq!(to, day_start(date!(2026 - 10 - 01)));
        assert_eq!(
            standing_day(days_of(q3), date!(2026 - 12 - 02)),
            date!(2026 - 09 - 30)
        );
        assert_eq!(
            standing_day(days_of(q3), date!(2026 - 08 - 10)),
            date!(2026 - 08 - 10)
        );
    }
}

//! Where a report's period begins and ends, for every figure that counts it: records dated
//! by day (activities, trainings, meetings, materials) are compared with its first and last
//! day; records stamped with an instant (cases, referrals) with the instants those days
//! begin and end, at local midnight in the deployment's time zone.

use jiff::tz::TimeZone;
use spona_domain::reports::ReportPeriod;
use spona_store::statistics::Days;
use time::Date;

/// The days of a period, for the store's queries.
pub(crate) fn days_of(period: ReportPeriod) -> Days {
    Days {
        first: period.first_day(),
        last: period.last_day(),
    }
}

/// The instants of the days from `first` to `last`, both whole, from local midnight to
/// local midnight: [start, end).
pub(crate) fn instants_of(days: Days, zone: &TimeZone) -> (i64, i64) {
    let after = days.last.next_day().unwrap_or(days.last);
    let start = |d| spona_domain::local_time::day_start(d, zone);
    (start(days.first), start(after))
}

/// The instants of a period: [its first day's start, the start of the day after it).
pub(crate) fn period_instants(period: ReportPeriod, zone: &TimeZone) -> (i64, i64) {
    instants_of(days_of(period), zone)
}

/// The instant a local day ends: the start of the next one.
pub(crate) fn day_end(day: Date, zone: &TimeZone) -> i64 {
    instants_of(
        Days {
            first: day,
            last: day,
        },
        zone,
    )
    .1
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
        let zone = TimeZone::get("Europe/Belgrade").unwrap();
        let (from, to) = period_instants(q3, &zone);
        // 1 July 00:00 and 1 October 00:00 in Belgrade (summer time: UTC+2).
        assert_eq!(from, 1_782_856_800);
        assert_eq!(to, 1_790_805_600);
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

//! Local time. Instants are stored in UTC (Unix seconds); people read them, date them and
//! bound periods with them in the deployment's zone, whose offset changes twice a year.

use jiff::tz::TimeZone;
use time::{Date, OffsetDateTime, UtcOffset};

/// The deployment's zone where none is set: Serbian time.
pub const DEFAULT_ZONE: &str = "Europe/Belgrade";

/// The zone of the given name, or a message naming the `time_zone` setting.
pub fn zone(name: &str) -> Result<TimeZone, String> {
    TimeZone::get(name.trim()).map_err(|_| {
        format!("time_zone: {name:?} is not a known time zone; write one such as Europe/Belgrade")
    })
}

/// Serbian time, the default zone.
pub fn default_zone() -> TimeZone {
    TimeZone::get(DEFAULT_ZONE).unwrap_or(TimeZone::UTC)
}

/// An instant (Unix seconds) with the offset its zone has at that moment.
pub fn local(unix: i64, zone: &TimeZone) -> Option<OffsetDateTime> {
    let offset = zone
        .to_offset(jiff::Timestamp::from_second(unix).ok()?)
        .seconds();
    let utc = OffsetDateTime::from_unix_timestamp(unix).ok()?;
    Some(utc.to_offset(UtcOffset::from_whole_seconds(offset).ok()?))
}

/// The local date of an instant.
pub fn local_date(unix: i64, zone: &TimeZone) -> Date {
    local(unix, zone)
        .map(|t| t.date())
        .unwrap_or(OffsetDateTime::UNIX_EPOCH.date())
}

/// The first instant of a local day (midnight, or the first moment after it when a clock
/// change skips it), in Unix seconds.
pub fn day_start(date: Date, zone: &TimeZone) -> i64 {
    jiff::civil::Date::new(
        date.year() as i16,
        u8::from(date.month()) as i8,
        date.day() as i8,
    )
    .and_then(|d| d.to_zoned_datetime(zone.clone()))
    .map(|z| z.timestamp().as_second())
    // Out of jiff's range (years beyond 9999): midnight UTC is as good as any.
    .unwrap_or_else(|_| date.midnight().assume_utc().unix_timestamp())
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::{date, datetime};

    fn at(t: OffsetDateTime) -> i64 {
        t.unix_timestamp()
    }

    #[test]
    fn instants_carry_the_offset_of_their_season() {
        let z = default_zone();
        let winter = local(at(datetime!(2026-11-28 09:00 UTC)), &z).unwrap();
        assert_eq!((winter.hour(), winter.offset().whole_hours()), (10, 1));
        let summer = local(at(datetime!(2026-07-01 09:00 UTC)), &z).unwrap();
        assert_eq!((summer.hour(), summer.offset().whole_hours()), (11, 2));
    }

    #[test]
    fn a_late_evening_in_utc_is_already_tomorrow_in_belgrade() {
        let z = default_zone();
        let late = at(datetime!(2026-03-31 23:30 UTC));
        assert_eq!(local_date(late, &z), date!(2026 - 04 - 01));
        assert_eq!(local_date(late, &TimeZone::UTC), date!(2026 - 03 - 31));
    }

    #[test]
    fn a_day_starts_at_local_midnight_in_either_season() {
        let z = default_zone();
        assert_eq!(
            day_start(date!(2026 - 04 - 01), &z),
            at(datetime!(2026-03-31 22:00 UTC))
        );
        assert_eq!(
            day_start(date!(2026 - 01 - 01), &z),
            at(datetime!(2025-12-31 23:00 UTC))
        );
        // The day of a clock change is 23 or 25 hours long.
        let march = day_start(date!(2026 - 03 - 30), &z) - day_start(date!(2026 - 03 - 29), &z);
        let october = day_start(date!(2026 - 10 - 26), &z) - day_start(date!(2026 - 10 - 25), &z);
        assert_eq!((march, october), (23 * 3600, 25 * 3600));
    }

    #[test]
    fn an_unknown_zone_is_refused_by_its_setting() {
        assert!(zone("Europe/Belgrade").is_ok());
        assert!(zone("Mars/Olympus").unwrap_err().starts_with("time_zone:"));
    }
}

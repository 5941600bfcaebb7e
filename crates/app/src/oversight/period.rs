//! A period of local days, as the auditor gives it, and its bounds as instants: a day
//! begins at local midnight, whatever the clock change does to its length.

use jiff::civil::Date;
use jiff::tz::TimeZone;
use spona_domain::local_time;
use spona_domain::validation::FieldError;

/// Local days from `from` to `to`, both included; either end may be open.
#[derive(Clone, Debug, PartialEq)]
pub struct Period {
    from: Option<i64>,
    until: Option<i64>,
}

impl Period {
    /// Parses ISO days (`2026-12-01`); an end before the start is refused.
    pub fn parse(from: &str, to: &str, zone: &TimeZone) -> Result<Period, FieldError> {
        let day = |raw: &str| -> Result<Option<Date>, FieldError> {
            match raw.trim() {
                "" => Ok(None),
                v => v
                    .parse::<Date>()
                    .map(Some)
                    .map_err(|_| FieldError::InvalidDate),
            }
        };
        let (first, last) = (day(from)?, day(to)?);
        if let (Some(a), Some(b)) = (first, last) {
            if b < a {
                return Err(FieldError::DateOrder);
            }
        }
        let start = |d: Date| -> Result<i64, FieldError> {
            d.to_zoned_datetime(zone.clone())
                .map(|z| z.timestamp().as_second())
                .map_err(|_| FieldError::InvalidDate)
        };
        let until = match last {
            Some(d) => Some(start(d.tomorrow().map_err(|_| FieldError::InvalidDate)?)?),
            None => None,
        };
        Ok(Period {
            from: first.map(start).transpose()?,
            until,
        })
    }

    /// The local days from `days` before today's start up to the end of today.
    pub fn last_days(now: i64, days: i64, zone: &TimeZone) -> Period {
        let today = local_time::local_date(now, zone);
        let first = today.saturating_sub(time::Duration::days(days.saturating_sub(1)));
        Period {
            from: Some(local_time::day_start(first, zone)),
            until: today.next_day().map(|d| local_time::day_start(d, zone)),
        }
    }

    /// The first instant in the period and the first after it (Unix seconds).
    pub fn bounds(&self) -> (Option<i64>, Option<i64>) {
        (self.from, self.until)
    }
}

/// The local day of an instant, ISO (`2026-12-05`).
pub fn local_day(at: i64, zone: &TimeZone) -> String {
    spona_domain::text::iso_date(local_time::local_date(at, zone))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn belgrade() -> TimeZone {
        TimeZone::get("Europe/Belgrade").unwrap()
    }

    #[test]
    fn a_period_runs_from_local_midnight_to_the_midnight_after_its_last_day() {
        let p = Period::parse("2026-10-25", "2026-10-25", &belgrade()).unwrap();
        // 25 October 2026 is the day the clocks go back: 25 hours long.
        assert_eq!(p.bounds(), (Some(1_792_879_200), Some(1_792_969_200)));
        let (from, until) = p.bounds();
        assert_eq!(until.unwrap() - from.unwrap(), 25 * 3600);
    }

    #[test]
    fn bad_days_and_reversed_periods_are_refused() {
        assert_eq!(
            Period::parse("2026-13-01", "", &belgrade()),
            Err(FieldError::InvalidDate)
        );
        assert_eq!(
            Period::parse("2026-12-02", "2026-12-01", &belgrade()),
            Err(FieldError::DateOrder)
        );
        assert_eq!(
            Period::parse("", "", &belgrade()).unwrap().bounds(),
            (None, None)
        );
    }

    #[test]
    fn the_last_days_end_with_today_in_local_time() {
        // 2026-12-04 23:30 UTC is already 5 December in Belgrade.
        let p = Period::last_days(1_796_427_000, 1, &belgrade());
        let (from, until) = p.bounds();
        assert_eq!(from, Some(1_796_425_200)); // 2026-12-05 00:00 local
        assert_eq!(until, Some(1_796_511_600));
    }
}

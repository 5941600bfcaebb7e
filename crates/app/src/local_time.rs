//! The deployment's time zone: today, the start of a day and instants as people read them
//! are all Serbian time (or the zone set), while instants are stored in UTC.

use crate::App;
use jiff::tz::TimeZone;
use spona_domain::local_time;

impl App {
    /// The deployment's time zone, in which days begin and instants are shown.
    pub fn with_time_zone(mut self, zone: TimeZone) -> App {
        self.zone = zone;
        self
    }

    /// The time zone in effect.
    pub fn zone(&self) -> &TimeZone {
        &self.zone
    }

    /// Today's local date, for checks such as "not in the future".
    pub fn today(&self) -> time::Date {
        local_time::local_date(self.now(), &self.zone)
    }

    /// The first instant (Unix seconds) of a local day: where a period of dates begins, and
    /// the day after its last date where it ends.
    pub fn day_start(&self, date: time::Date) -> i64 {
        local_time::day_start(date, &self.zone)
    }

    /// An instant (Unix seconds) with the offset of local time then, for showing it.
    pub fn local(&self, unix: i64) -> Option<time::OffsetDateTime> {
        local_time::local(unix, &self.zone)
    }
}

//! Dates are stored as ISO text (2013-11-30), which both engines sort correctly.

use crate::StoreError;
use time::{macros::format_description, Date};

/// The stored form of a date.
pub fn iso(date: time::Date) -> String {
    spona_domain::text::iso_date(date)
}

/// Reads a stored date.
pub fn parse(s: &str) -> Result<Date, StoreError> {
    Date::parse(s, format_description!("[year]-[month]-[day]"))
        .map_err(|_| StoreError::Corrupt(format!("date {s:?}")))
}

/// Reads an optional stored date.
pub fn parse_opt(s: Option<String>) -> Result<Option<Date>, StoreError> {
    s.as_deref().map(parse).transpose()
}

/// A year as the range of stored dates it holds, `[from, until)`, for a condition that an
/// index on the date can serve (`substr(date, 1, 4)` cannot); both empty for no year.
pub fn year_range(year: Option<i32>) -> (String, String) {
    match year {
        Some(y) => (format!("{y:04}"), format!("{:04}", y + 1)),
        None => (String::new(), String::new()),
    }
}

//! Events as an iCalendar file (RFC 5545), for calendar programs to subscribe to or import:
//! one `VCALENDAR` with `VEVENT`s, published (`METHOD:PUBLISH`), times in UTC so that no
//! time zone definitions are needed.
//!
//! The caller gives every event a stable UID (the same activity keeps the same UID across
//! exports, so a calendar updates it instead of adding a copy) and the DTSTAMP: this crate
//! has no clock.
//!
//! ```
//! use spona_reports::ical::{Calendar, Event, IcalWriter, When};
//! use time::macros::{date, utc_datetime};
//!
//! let mut cal = IcalWriter::new(Vec::new(), &Calendar::new("Тим Лесковац"))?;
//! cal.event(&Event {
//!     location: Some("Лесковац, Дом културе".into()),
//!     categories: vec!["Обука".into()],
//!     ..Event::new(
//!         "training-17@spona",
//!         utc_datetime!(2026-03-01 9:00),
//!         When::AllDay { first: date!(2026-03-12), last: date!(2026-03-12) },
//!         "Разговор са дететом",
//!     )
//! })?;
//! let text = String::from_utf8(cal.finish()?).unwrap_or_default();
//! assert!(text.contains("DTSTART;VALUE=DATE:20260312\r\nDTEND;VALUE=DATE:20260313\r\n"));
//! # Ok::<(), spona_reports::ReportError>(())
//! ```

mod line;

use std::io::Write;

use time::{Date, UtcDateTime};

use crate::ReportError;
use line::{push_escaped, push_folded};

/// The product identifier written when the caller names no other.
pub const PRODID: &str = "-//Spona//Spona//EN";

/// What the calendar as a whole says about itself.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Calendar {
    /// The name calendar programs show for it (`X-WR-CALNAME`).
    pub name: String,
    /// Who made the file (`PRODID`), a formal public identifier.
    pub prodid: String,
}

impl Calendar {
    /// A calendar called `name`, made by [`PRODID`].
    pub fn new(name: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            prodid: PRODID.to_owned(),
        }
    }
}

/// When an event takes place.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum When {
    /// Whole days, `first` to `last` inclusive (`last` before `first` counts as `first`).
    AllDay {
        /// The first day.
        first: Date,
        /// The last day, the same as `first` for a one-day event.
        last: Date,
    },
    /// From `start` to `end` (an `end` before `start` counts as `start`).
    Timed {
        /// The beginning.
        start: UtcDateTime,
        /// The end.
        end: UtcDateTime,
    },
}

/// One event, its texts already in the reader's language and script.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Event {
    /// Stable and unique: the same event gets the same UID in every export.
    pub uid: String,
    /// When this description of the event was made (`DTSTAMP`).
    pub stamp: UtcDateTime,
    /// When it takes place.
    pub when: When,
    /// The title (`SUMMARY`).
    pub summary: String,
    /// Where (`LOCATION`); none or empty (or only control characters) leaves it out.
    pub location: Option<String>,
    /// More text (`DESCRIPTION`), line breaks allowed; none or empty (or only control
    /// characters) leaves it out.
    pub description: Option<String>,
    /// A link to the event in Spona (`URL`).
    pub url: Option<String>,
    /// Kinds of event (`CATEGORIES`); empty ones (or only control characters) are left out.
    pub categories: Vec<String>,
}

impl Event {
    /// An event with what every event has; the optional fields empty.
    pub fn new(
        uid: impl Into<String>,
        stamp: UtcDateTime,
        when: When,
        summary: impl Into<String>,
    ) -> Self {
        Self {
            uid: uid.into(),
            stamp,
            when,
            summary: summary.into(),
            location: None,
            description: None,
            url: None,
            categories: Vec::new(),
        }
    }
}

/// Writes a calendar to `out`, event by event.
#[derive(Debug)]
pub struct IcalWriter<W: Write> {
    out: W,
    // One component's lines are built here, then written at once.
    text: String,
}

impl<W: Write> IcalWriter<W> {
    /// Starts the calendar: `BEGIN:VCALENDAR` and its properties.
    pub fn new(out: W, calendar: &Calendar) -> Result<Self, ReportError> {
        let mut writer = Self {
            out,
            text: String::new(),
        };
        writer.raw("BEGIN", "VCALENDAR");
        writer.raw("VERSION", "2.0");
        writer.text_property("PRODID", &calendar.prodid);
        writer.text_property("X-WR-CALNAME", &calendar.name);
        writer.raw("CALSCALE", "GREGORIAN");
        writer.raw("METHOD", "PUBLISH");
        writer.flush_text()?;
        Ok(writer)
    }

    /// Writes one event.
    pub fn event(&mut self, event: &Event) -> Result<(), ReportError> {
        self.raw("BEGIN", "VEVENT");
        self.text_property("UID", &event.uid);
        self.raw("DTSTAMP", &date_time(event.stamp));
        match event.when {
            When::AllDay { first, last } => {
                self.raw("DTSTART;VALUE=DATE", &date(first));
                // DTEND is exclusive: the day after the last. Past the last representable
                // day there is none, and an all-day DTSTART alone means one day (§3.6.1).
                if let Some(after) = last.max(first).next_day() {
                    self.raw("DTEND;VALUE=DATE", &date(after));
                }
            }
            When::Timed { start, end } => {
                self.raw("DTSTART", &date_time(start));
                self.raw("DTEND", &date_time(end.max(start)));
            }
        }
        self.text_property("SUMMARY", &event.summary);
        for (name, value) in [
            ("LOCATION", &event.location),
            ("DESCRIPTION", &event.description),
        ] {
            if let Some(value) = value.as_deref().filter(|v| keeps_text(v)) {
                self.text_property(name, value);
            }
        }
        if let Some(url) = event.url.as_deref() {
            // A URI, not TEXT: nothing to escape, but a line break would end the property.
            let url: String = url.chars().filter(|c| !c.is_control()).collect();
            if !url.is_empty() {
                self.raw("URL", &url);
            }
        }
        let mut categories = String::new();
        for category in event.categories.iter().filter(|c| keeps_text(c)) {
            if !categories.is_empty() {
                categories.push(',');
            }
            push_escaped(&mut categories, category);
        }
        if !categories.is_empty() {
            self.raw("CATEGORIES", &categories);
        }
        self.raw("END", "VEVENT");
        self.flush_text()
    }

    /// Ends the calendar and hands back the output.
    pub fn finish(mut self) -> Result<W, ReportError> {
        self.raw("END", "VCALENDAR");
        self.flush_text()?;
        self.out.flush()?;
        Ok(self.out)
    }

    /// A property whose value is already in its final form.
    fn raw(&mut self, name: &str, value: &str) {
        push_folded(&mut self.text, &format!("{name}:{value}"));
    }

    /// A property of type TEXT.
    fn text_property(&mut self, name: &str, value: &str) {
        let mut line = format!("{name}:");
        push_escaped(&mut line, value);
        push_folded(&mut self.text, &line);
    }

    fn flush_text(&mut self) -> Result<(), ReportError> {
        self.out.write_all(self.text.as_bytes())?;
        self.text.clear();
        Ok(())
    }
}

/// Whether a TEXT value keeps anything once escaped: control characters other than tab and
/// line breaks are dropped, so a value of only those would be written empty.
fn keeps_text(text: &str) -> bool {
    text.chars()
        .any(|c| !c.is_control() || matches!(c, '\t' | '\r' | '\n'))
}

/// A DATE value, `20260312`. iCalendar has four-digit years only, so a year before 0 is
/// written as 0000.
fn date(d: Date) -> String {
    format!(
        "{:04}{:02}{:02}",
        d.year().max(0),
        u8::from(d.month()),
        d.day()
    )
}

/// A DATE-TIME value in UTC, `20260312T083000Z` (seconds kept, fractions dropped).
fn date_time(t: UtcDateTime) -> String {
    format!(
        "{}T{:02}{:02}{:02}Z",
        date(t.date()),
        t.hour(),
        t.minute(),
        t.second()
    )
}

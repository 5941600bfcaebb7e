//! The translator handed to templates: messages, dates and numbers in the viewer's locale.

use jiff::tz::TimeZone;
use spona_domain::local_time;
use spona_domain::trainings::Duration;
use spona_i18n::{
    format_date, format_datetime, format_decimal, format_number, Arg, Catalog, Collator, Locale,
};
use std::sync::Arc;

/// Messages in one locale.
#[derive(Clone)]
pub struct Tr {
    catalog: Arc<Catalog>,
    pub locale: Locale,
    /// The deployment's zone, in which instants are shown.
    zone: TimeZone,
}

impl Tr {
    /// A translator for the locale, showing instants in local time of `zone`.
    pub fn new(catalog: Arc<Catalog>, locale: Locale, zone: TimeZone) -> Tr {
        Tr {
            catalog,
            locale,
            zone,
        }
    }

    /// The message.
    pub fn t(&self, id: &str) -> String {
        self.catalog.text(self.locale, id)
    }

    /// The message with one text argument.
    pub fn ts(&self, id: &str, name: &str, value: &str) -> String {
        self.catalog
            .text_with(self.locale, id, &[(name, Arg::from(value))])
    }

    /// The message with one number argument (plural forms follow it).
    pub fn tn(&self, id: &str, name: &str, value: i64) -> String {
        self.catalog
            .text_with(self.locale, id, &[(name, Arg::from(value))])
    }

    /// The message with arguments.
    pub fn with(&self, id: &str, args: &[(&str, Arg)]) -> String {
        self.catalog.text_with(self.locale, id, args)
    }

    /// A date the locale's way.
    pub fn date(&self, d: &time::Date) -> String {
        format_date(self.locale, *d)
    }

    /// An optional date, empty when none.
    pub fn date_opt(&self, d: &Option<time::Date>) -> String {
        d.map(|d| self.date(&d)).unwrap_or_default()
    }

    /// An instant (Unix seconds) the locale's way, in local time.
    pub fn instant(&self, unix: &i64) -> String {
        local_time::local(*unix, &self.zone)
            .map(|dt| format_datetime(self.locale, dt))
            .unwrap_or_default()
    }

    /// The local date of an instant (Unix seconds), the locale's way.
    pub fn day_of(&self, unix: i64) -> String {
        self.date(&local_time::local_date(unix, &self.zone))
    }

    /// A number the locale's way.
    pub fn num(&self, n: &i64) -> String {
        format_number(self.locale, *n)
    }

    /// A length in hours the locale's way: "2,5" in Serbian, "2.5" in English, "6" for whole
    /// hours.
    pub fn hours(&self, d: &Duration) -> String {
        format_decimal(self.locale, d.hours_hundredths(), 2)
    }

    /// The collator that sorts names as this locale's readers expect (азбука, abeceda, English).
    pub fn collator(&self) -> Collator {
        Collator::new(self.locale)
    }

    /// Items ordered by `group` (such as active before inactive), and within a group by name
    /// in this locale's alphabet (names in Cyrillic are sorted as Latin pages show them).
    pub fn in_order<T, G: Ord>(
        &self,
        items: Vec<T>,
        name: impl Fn(&T) -> &str,
        group: impl Fn(&T) -> G,
    ) -> Vec<T> {
        self.collator().page(items, name, group, 0, i64::MAX)
    }

    /// Of two names in Cyrillic and Latin, the one for this locale's script.
    pub fn pick<'a>(&self, cyrl: &'a str, latn: &'a str) -> &'a str {
        match self.locale {
            Locale::SrCyrl => cyrl,
            _ if latn.is_empty() => cyrl,
            _ => latn,
        }
    }
}

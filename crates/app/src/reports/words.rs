//! A report in the reader's language and script: messages from the catalog, names from the
//! registry in the reader's script, text typed in Cyrillic transliterated for Latin and
//! English readers, dates and numbers in the reader's format.

use super::content::Names;
use spona_domain::script::to_latin;
use spona_i18n::{format_date, format_datetime, format_number, Arg, Catalog, Collator, Locale};

/// Words for one reader.
#[derive(Clone, Copy)]
pub struct Words<'a> {
    pub catalog: &'a Catalog,
    pub locale: Locale,
    /// The deployment's zone, in which instants are written.
    pub zone: &'a jiff::tz::TimeZone,
}

impl<'a> Words<'a> {
    /// Words from `catalog` in `locale`, instants in local time of `zone`.
    pub fn new(catalog: &'a Catalog, locale: Locale, zone: &'a jiff::tz::TimeZone) -> Words<'a> {
        Words {
            catalog,
            locale,
            zone,
        }
    }

    /// A message.
    pub fn t(&self, id: &str) -> String {
        self.catalog.text(self.locale, id)
    }

    /// A message with its placeables.
    pub fn with(&self, id: &str, args: &[(&str, Arg)]) -> String {
        self.catalog.text_with(self.locale, id, args)
    }

    /// A name in the reader's script (the Latin form as registered, else transliterated).
    pub fn names(&self, n: &Names) -> String {
        match self.locale {
            Locale::SrCyrl => n.cyrl.clone(),
            _ if !n.latn.is_empty() => n.latn.clone(),
            _ => to_latin(&n.cyrl),
        }
    }

    /// Text as typed, in the reader's script.
    pub fn typed(&self, s: &str) -> String {
        match self.locale {
            Locale::SrCyrl => s.to_string(),
            Locale::SrLatn | Locale::En => to_latin(s),
        }
    }

    /// An ISO date in the reader's format (as stored when it does not parse).
    pub fn date(&self, iso: &str) -> String {
        spona_domain::text::date(iso)
            .map(|d| format_date(self.locale, d))
            .unwrap_or_else(|_| iso.to_string())
    }

    /// An instant in the reader's format, in local time.
    pub fn instant(&self, unix: i64) -> String {
        spona_domain::local_time::local(unix, self.zone)
            .map(|dt| format_datetime(self.locale, dt))
            .unwrap_or_default()
    }

    /// A count in the reader's format.
    pub fn num(&self, n: i64) -> String {
        format_number(self.locale, n)
    }

    /// Rows of a table ordered by their first cell (a name, already in the reader's script)
    /// in the reader's alphabet.
    pub fn by_name(&self, mut rows: Vec<Vec<String>>) -> Vec<Vec<String>> {
        Collator::new(self.locale).sort_by_key(&mut rows, |r| {
            r.first().map(String::as_str).unwrap_or_default()
        });
        rows
    }

    /// A month `YYYY-MM` as `MM/YYYY`.
    pub fn month(&self, ym: &str) -> String {
        match ym.split_once('-') {
            Some((y, m)) => format!("{m}/{y}"),
            None => ym.to_string(),
        }
    }
}

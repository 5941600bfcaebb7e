//! Interface text in Serbian Cyrillic (the source), Serbian Latin (generated from it at build
//! time by transliteration) and English (translated), with locale negotiation and formatting.
#![forbid(unsafe_code)]

mod catalog;
mod collate;
mod format;
mod locale;
#[cfg(test)]
mod plural_check;
mod sources;
#[cfg(test)]
mod wording_check;

pub use catalog::{Arg, Catalog, I18nError};
pub use collate::Collator;
pub use format::{format_date, format_datetime, format_decimal, format_number};
pub use locale::{negotiate, Locale};

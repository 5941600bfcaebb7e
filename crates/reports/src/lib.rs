//! Documents out: certificates of attended trainings and multi-page reports as PDF, charts
//! drawn alike as inline SVG and in the PDF, tables as XLSX and CSV, events as iCalendar.
//! The crate never reads the database or decides access; it turns already gathered, already
//! translated text and numbers into a file.
#![forbid(unsafe_code)]

pub mod certificate;
pub mod chart;
pub mod csv;
pub mod document;
mod font;
pub mod ical;
pub mod inspect;
mod page;
mod pdf;
pub mod table;
pub mod xlsx;

/// Why a document could not be made.
#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    /// The embedded font could not be read or reduced (a build defect, not bad input).
    #[error("font: {0}")]
    Font(String),
    /// Writing the file failed.
    #[error("writing: {0}")]
    Io(#[from] std::io::Error),
    /// The data does not fit what the format can hold (rows or columns of a sheet, 4 GiB of
    /// a ZIP entry).
    #[error("too large: {0}")]
    TooLarge(String),
    /// A row was written before any sheet was added (a defect of the caller).
    #[error("a row was written before any sheet was added")]
    NoSheet,
}

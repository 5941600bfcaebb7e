//! Documents out: certificates of attended trainings and multi-page reports as PDF, and
//! charts drawn alike as inline SVG and in the PDF. The crate never reads the database or
//! decides access; it turns already gathered, already translated text into a document.
#![forbid(unsafe_code)]

pub mod certificate;
pub mod chart;
pub mod document;
mod font;
pub mod inspect;
mod page;
mod pdf;

/// Why a document could not be made.
#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    /// The embedded font could not be read or reduced (a build defect, not bad input).
    #[error("font: {0}")]
    Font(String),
}

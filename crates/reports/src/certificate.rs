//! A certificate that a named official attended a training, in the reader's language and
//! script. The caller translates the labels and transliterates the names; this module
//! only lays them out.

use crate::page::{self, Line};
use crate::ReportError;

/// The fixed words of a certificate, already in the reader's language.
#[derive(Clone, Debug, Default)]
pub struct Labels {
    /// "Certificate".
    pub title: String,
    /// "This is to certify that".
    pub certifies: String,
    /// "attended the training".
    pub attended: String,
    /// "Date".
    pub date: String,
    /// "Duration".
    pub hours: String,
    /// "Trainer".
    pub trainer: String,
    /// "Issued by".
    pub issued_by: String,
}

/// What one certificate says, already in the reader's script and formats.
#[derive(Clone, Debug, Default)]
pub struct Certificate {
    /// The official who attended, as the reader writes the name.
    pub participant: String,
    /// The training's topic.
    pub topic: String,
    /// The date as the reader writes dates.
    pub date: String,
    /// The duration with its unit ("6 сати", "6 hours").
    pub hours: String,
    /// Who gave the training.
    pub trainer: String,
    /// The team that issues the certificate.
    pub team: String,
}

/// The certificate as a one-page PDF.
pub fn render(c: &Certificate, l: &Labels) -> Result<Vec<u8>, ReportError> {
    let lines = [
        line(&l.title, 34.0, 470.0),
        line(&l.certifies, 14.0, 420.0),
        line(&c.participant, 26.0, 380.0),
        line(&l.attended, 14.0, 340.0),
        line(&c.topic, 18.0, 305.0),
        line(&format!("{}: {}", l.date, c.date), 12.0, 240.0),
        line(&format!("{}: {}", l.hours, c.hours), 12.0, 220.0),
        line(&format!("{}: {}", l.trainer, c.trainer), 12.0, 200.0),
        line(&format!("{}: {}", l.issued_by, c.team), 12.0, 120.0),
    ];
    page::write(&format!("{} — {}", l.title, c.participant), &lines)
}

fn line(text: &str, size: f32, y: f32) -> Line {
    Line {
        text: text.chars().take(120).collect(),
        size,
        y,
    }
}

//! A good practice as typed in the form.

use serde::Deserialize;
use spona_domain::practices::PracticeDraft;
use spona_domain::validation::FieldErrors;

/// A practice as typed (every field a string).
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct PracticeForm {
    pub title: String,
    /// What was done.
    pub summary: String,
    pub materials: String,
    pub results: String,
}

impl PracticeForm {
    /// Parses the form into a draft or errors at the fields.
    pub fn parse(&self) -> Result<PracticeDraft, FieldErrors> {
        PracticeDraft::parse(&self.title, &self.summary, &self.materials, &self.results)
    }
}

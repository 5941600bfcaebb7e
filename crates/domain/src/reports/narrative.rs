//! The parts of a report the coordinator writes; the figures are never typed.

use serde::{Deserialize, Serialize};

/// Longest narrative section.
pub const NARRATIVE_MAX: usize = 10_000;

/// The written sections of a report.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Narrative {
    /// The period in a few sentences.
    pub summary: String,
    /// Cooperation with the National Coordinator and other teams.
    pub cooperation: String,
    /// Difficulties met and what would help.
    pub challenges: String,
    /// What the team plans for the next period.
    pub next_steps: String,
}

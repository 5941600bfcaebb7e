//! The local coordination plan: a period, objectives, and a status that moves from draft to
//! adopted (at a team meeting) to revised (changed after adoption, under a new version).

use crate::ids::TeamId;
use time::Date;

coded_enum! {
    /// Where a plan stands.
    pub enum PlanStatus {
        /// Being written; not yet adopted.
        Draft => "draft",
        /// Adopted at a team meeting.
        Adopted => "adopted",
        /// Changed after adoption: a new version, in force until adopted again.
        Revised => "revised",
    }
}

impl PlanStatus {
    /// The status and version after a change: changing an adopted plan opens a new version;
    /// a draft or a revision under way keeps its version.
    pub fn after_change(self, version: i64) -> (PlanStatus, i64) {
        match self {
            PlanStatus::Adopted => (PlanStatus::Revised, version + 1),
            other => (other, version),
        }
    }
}

/// The meeting that adopted a plan (or its revision) and its decision.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Adoption {
    pub meeting_on: Date,
    pub decision: String,
}

/// A team's coordination plan for a period.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CoordinationPlan {
    pub id: i64,
    pub team_id: TeamId,
    pub title: String,
    pub starts_on: Date,
    pub ends_on: Date,
    pub status: PlanStatus,
    /// The version number: 1 until the first change after adoption.
    pub version: i64,
    pub adoption: Option<Adoption>,
}

impl CoordinationPlan {
    /// Whether a date falls within the plan's period.
    pub fn covers(&self, date: Date) -> bool {
        self.starts_on <= date && date <= self.ends_on
    }
}

/// A plan's title and period as parsed from a form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlanDraft {
    pub title: String,
    pub starts_on: Date,
    pub ends_on: Date,
}

/// An objective of a local plan; activities hang under it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlanObjective {
    pub id: i64,
    pub plan_id: i64,
    pub title: String,
}

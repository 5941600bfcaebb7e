//! What a report says, as figures gathered from the records: computed afresh while it is a
//! draft, frozen as JSON when submitted. Names of institutions appear (they are not
//! persons); persons never do, and case counts only as protected tables.

use serde::{Deserialize, Serialize};
use spona_domain::disclosure::ProtectedRelease;
use spona_domain::reports::Narrative;

/// The version of this layout, stored with every frozen report.
pub const CONTENT_FORMAT: u32 = 1;

/// A name as the registry holds it, in both scripts.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Names {
    pub cyrl: String,
    pub latn: String,
}

/// Everything the report shows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReportContent {
    pub format: u32,
    pub team: Names,
    pub city: String,
    /// `2026-Q3` or `2026`.
    pub period: String,
    /// ISO dates of the period's first and last day.
    pub first_day: String,
    pub last_day: String,
    /// When the figures were gathered (Unix seconds).
    pub gathered_at: i64,
    pub composition: Composition,
    pub meetings: Vec<MeetingLine>,
    pub plan: Option<PlanSection>,
    pub activities: ActivitySection,
    pub trainings: TrainingSection,
    pub materials: Vec<MaterialLine>,
    pub cooperation: Vec<CooperationLine>,
    pub cases: CaseSection,
    pub narrative: Narrative,
    /// The audit chain's head when the report was submitted, as a sealed checkpoint line
    /// (`spona audit verify --checkpoint`): the report leaves the deployment, so whoever
    /// holds it can show that the trail was later cut or rolled back. None for a draft and
    /// for reports submitted before reports carried it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub audit_checkpoint: Option<String>,
}

/// The team as its registry stands: member institutions and partners.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Composition {
    pub members: Vec<Names>,
    pub partners: Vec<Names>,
}

/// A meeting of the period.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeetingLine {
    pub held_on: String,
    /// Institutions present.
    pub institutions: i64,
    /// Action items agreed.
    pub actions: i64,
}

/// The coordination plan in force in the period, objective by objective.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanSection {
    pub title: String,
    pub objectives: Vec<ObjectiveLine>,
    /// Mean progress of its activities (0–100).
    pub progress: i64,
}

/// An objective and its activities.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ObjectiveLine {
    pub title: String,
    pub activities: Vec<PlanLine>,
}

/// A plan activity with its indicator: baseline → target → achieved.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanLine {
    pub title: String,
    pub responsible: Names,
    pub deadline: String,
    pub indicator: String,
    pub baseline: String,
    pub target: String,
    /// Percent done.
    pub progress: i64,
    /// Events recorded against it, and planned (0 when progress is entered by hand).
    pub recorded: i64,
    pub planned_events: i64,
    pub overdue: bool,
}

/// Activities of the period by kind and by month, with their reach.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActivitySection {
    pub by_kind: Vec<KindLine>,
    pub by_month: Vec<MonthLine>,
}

impl ActivitySection {
    /// How many activities the period had.
    pub fn total(&self) -> i64 {
        self.by_kind.iter().map(|k| k.activities).sum()
    }

    /// Everyone they reached.
    pub fn reach(&self) -> i64 {
        self.by_kind.iter().map(KindLine::reach).sum()
    }
}

/// Activities of one kind and whom they reached, by audience group.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct KindLine {
    /// The kind's code (public-talk, exhibition, …).
    pub kind: String,
    pub activities: i64,
    pub pupils: i64,
    pub teachers: i64,
    pub parents: i64,
    pub officials: i64,
    pub public: i64,
}

impl KindLine {
    /// Everyone reached.
    pub fn reach(&self) -> i64 {
        self.pupils + self.teachers + self.parents + self.officials + self.public
    }
}

/// One month of the period (`YYYY-MM`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MonthLine {
    pub month: String,
    pub activities: i64,
    pub reach: i64,
}

/// Trainings of the period and who attended, against the staff to be trained.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TrainingSection {
    pub trainings: i64,
    pub minutes: i64,
    pub by_institution: Vec<TrainedLine>,
}

impl TrainingSection {
    /// Everyone trained (a person at two trainings counts twice).
    pub fn participants(&self) -> i64 {
        self.by_institution.iter().map(|t| t.participants).sum()
    }
}

/// Participants from one institution.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TrainedLine {
    pub institution: Names,
    pub participants: i64,
    pub staff: Option<i64>,
}

impl TrainedLine {
    /// The share of the staff trained, in percent (at most 100), when staff is known.
    pub fn share(&self) -> Option<i64> {
        self.staff
            .filter(|s| *s > 0)
            .map(|s| (self.participants * 100 / s).min(100))
    }
}

/// Materials produced and handed out in the period.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MaterialLine {
    pub name: String,
    pub donor: String,
    pub project: String,
    pub produced: i64,
    pub handed_out: i64,
}

/// An entry of the cooperation with the National Coordinator.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CooperationLine {
    pub on_date: String,
    pub kind: String,
    pub subject: String,
    pub outcome: String,
}

/// Case statistics in aggregate only, protected by small-cell suppression.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CaseSection {
    /// The threshold applied: no shown number lies between 1 and this less one.
    pub threshold: u32,
    /// The protected tables, with the atoms each number adds up (so that later reports
    /// are protected against this one).
    pub release: ProtectedRelease,
    /// The names of the institutions that rows of referrals are coded by (their ids).
    pub receivers: Vec<(String, Names)>,
}

impl CaseSection {
    /// The name of a receiving institution by its row code.
    pub fn receiver(&self, code: &str) -> Option<&Names> {
        self.receivers
            .iter()
            .find(|(c, _)| c == code)
            .map(|(_, n)| n)
    }
}

//! The periodic report to the National Coordinator (quarterly and annual): gathered from
//! what the team recorded, with the case statistics in aggregate only and protected by
//! small-cell suppression; drafted and edited by the coordinator, frozen on submission,
//! acknowledged by the national office, corrected as a new version.

mod cases;
mod content;
mod figures;
mod forms;
mod lifecycle;
mod national;

pub use cases::{rows_of, CASE_TABLES};
pub use content::{
    ActivitySection, CaseSection, Composition, CooperationLine, KindLine, MaterialLine,
    MeetingLine, MonthLine, Names, ObjectiveLine, PlanLine, PlanSection, ReportContent,
    TrainedLine, TrainingSection,
};
pub use forms::{NarrativeForm, PeriodForm};
pub use lifecycle::{Integrity, ReportList, ReportView};
pub use national::{NationalList, NationalSummary};
pub use spona_store::reports::NationalLine;
pub use spona_store::reports::StoredReport;

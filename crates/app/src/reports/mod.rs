//! The periodic report to the National Coordinator (quarterly and annual): gathered from
//! what the team recorded, with the case statistics in aggregate only and protected by
//! small-cell suppression; drafted and edited by the coordinator, frozen on submission,
//! acknowledged by the national office, corrected as a new version.

mod bounds;
mod cases;
mod content;
mod documents;
mod due;
mod exchange;
mod figures;
mod forms;
mod labels;
mod lifecycle;
mod national;
mod present;
mod statistics;
mod words;

pub use cases::{rows_of, CASE_TABLES};
pub use content::{
    ActivitySection, CaseSection, Composition, CooperationLine, KindLine, MaterialLine,
    MeetingLine, MonthLine, Names, ObjectiveLine, PlanLine, PlanSection, ReportContent,
    TrainedLine, TrainingSection,
};
pub use documents::{title_and_meta, ReportFormat};
pub use due::{last_finished_quarter, NationalDue};
pub use exchange::ExchangeFormat;
pub use forms::{NarrativeForm, PeriodForm};
pub use labels::{dimension_of, row_message, table_message};
pub use lifecycle::{Integrity, ReportList, ReportView};
pub use national::{NationalList, NationalSummary, NationalTable};
pub use present::{
    activities_chart, case_tables, plan_chart, published_word, sections, Piece, Section, WordTable,
};
pub use spona_reports::chart::{BarChart, Chart, ChartTable, ProgressChart, Series};
pub use spona_store::reports::NationalLine;
pub use spona_store::reports::StoredReport;
pub use statistics::{StatisticsCache, TeamStatistics};
pub use words::Words;

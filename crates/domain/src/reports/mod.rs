//! The team's periodic report to the National Coordinator: the period it covers, its life
//! (draft → submitted → acknowledged, corrections as new versions) and the narrative the
//! coordinator writes. The figures are gathered by the app layer from what was recorded.

mod narrative;
mod period;
mod status;

pub use narrative::{Narrative, NARRATIVE_MAX};
pub use period::{PeriodError, ReportPeriod};
pub use status::ReportStatus;

//! Planning: the national framework (strategy, programme, action plan with their objectives
//! and measures) and each team's local coordination plan, whose activities serve a measure.

mod activity;
mod coordination;
mod framework;

pub use activity::{mean_progress, PlanActivity, PlanActivityDraft, PLANNED_EVENTS_MAX};
pub use coordination::{Adoption, CoordinationPlan, PlanDraft, PlanObjective, PlanStatus};
pub use framework::{FrameworkDocument, FrameworkItem, FrameworkItemKind};

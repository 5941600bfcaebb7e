//! An activity of a local plan, in the national action plans' template: responsible body,
//! partners, deadline, budget and source, indicator with baseline, target and verification,
//! and the national measure it serves. Activities and trainings recorded later will link to
//! a plan activity by its id and count toward its progress (see the app's plan activities).

use crate::ids::InstitutionId;
use time::Date;

/// What a plan activity says, as parsed from a form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlanActivityDraft {
    pub objective_id: i64,
    pub title: String,
    pub responsible: InstitutionId,
    pub partners: String,
    pub deadline: Date,
    /// Whole dinars (RSD), never negative.
    pub budget: i64,
    pub funding_source: String,
    pub indicator: String,
    pub baseline: String,
    pub target: String,
    pub verification: String,
    /// The national measure (or objective) it serves.
    pub measure_id: Option<i64>,
    /// Percent done, 0–100.
    pub progress: i64,
}

/// A stored plan activity.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlanActivity {
    pub id: i64,
    pub plan_id: i64,
    pub draft: PlanActivityDraft,
}

impl PlanActivity {
    /// Done: progress at 100.
    pub fn done(&self) -> bool {
        self.draft.progress >= 100
    }

    /// Overdue: the deadline has passed and it is not done.
    pub fn overdue(&self, today: Date) -> bool {
        self.draft.deadline < today && !self.done()
    }
}

/// The plan's progress: the mean of its activities' progress (0 with no activities).
pub fn mean_progress(activities: &[PlanActivity]) -> i64 {
    if activities.is_empty() {
        return 0;
    }
    let sum: i64 = activities.iter().map(|a| a.draft.progress).sum();
    sum / activities.len() as i64
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    fn activity(deadline: Date, progress: i64) -> PlanActivity {
        PlanActivity {
            id: 1,
            plan_id: 1,
            draft: PlanActivityDraft {
                objective_id: 1,
                title: "обука".into(),
                responsible: InstitutionId(1),
                partners: String::new(),
                deadline,
                budget: 0,
                funding_source: String::new(),
                indicator: String::new(),
                baseline: String::new(),
                target: String::new(),
                verification: String::new(),
                measure_id: None,
                progress,
            },
        }
    }

    #[test]
    fn overdue_only_when_the_deadline_passed_and_not_done() {
        let today = date!(2026 - 11 - 28);
        assert!(activity(date!(2026 - 10 - 01), 60).overdue(today));
        assert!(!activity(date!(2026 - 10 - 01), 100).overdue(today));
        assert!(!activity(date!(2026 - 11 - 28), 0).overdue(today));
    }

    #[test]
    fn progress_is_the_mean_of_the_activities() {
        let d = date!(2026 - 12 - 01);
        assert_eq!(mean_progress(&[]), 0);
        assert_eq!(
            mean_progress(&[activity(d, 100), activity(d, 50), activity(d, 0)]),
            50
        );
    }
}

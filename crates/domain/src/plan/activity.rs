//! An activity of a local plan, in the national action plans' template: responsible body,
//! partners, deadline, budget and source, indicator with baseline, target and verification,
//! and the national measure it serves. Activities and trainings recorded in the register
//! name the plan activity they carry out; with a planned number of events, progress is
//! computed from them, otherwise it is entered by hand.

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
    /// Percent done, 0–100, as entered; used only when no events are planned.
    pub progress: i64,
    /// How many recorded activities or trainings carry it out in full (0: progress is
    /// entered by hand).
    pub planned_events: i64,
}

/// The most events a plan activity may plan: a typing error must not make progress
/// unreachable.
pub const PLANNED_EVENTS_MAX: i64 = 1_000;

/// A stored plan activity.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlanActivity {
    pub id: i64,
    pub plan_id: i64,
    pub draft: PlanActivityDraft,
    /// Activities and trainings of the register recorded against it.
    pub recorded: i64,
}

impl PlanActivity {
    /// Whether progress comes from the recorded activities and trainings.
    pub fn computed(&self) -> bool {
        self.draft.planned_events > 0
    }

    /// Percent done: recorded events against the planned number (at most 100), or as
    /// entered when no number is planned.
    pub fn progress(&self) -> i64 {
        if self.computed() {
            (self.recorded.max(0) * 100 / self.draft.planned_events).min(100)
        } else {
            self.draft.progress.clamp(0, 100)
        }
    }

    /// Done: progress at 100.
    pub fn done(&self) -> bool {
        self.progress() >= 100
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
    let sum: i64 = activities.iter().map(PlanActivity::progress).sum();
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
            recorded: 0,
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
                planned_events: 0,
            },
        }
    }

    fn planned(events: i64, recorded: i64) -> PlanActivity {
        let mut a = activity(date!(2026 - 12 - 01), 70);
        a.draft.planned_events = events;
        a.recorded = recorded;
        a
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

    #[test]
    fn planned_events_make_progress_from_what_was_recorded() {
        // The entered 70 % no longer counts once events are planned.
        assert_eq!(planned(4, 0).progress(), 0);
        assert_eq!(planned(4, 1).progress(), 25);
        assert_eq!(planned(3, 2).progress(), 66);
        assert!(!planned(3, 2).done());
        assert_eq!(planned(2, 5).progress(), 100);
        assert!(planned(2, 2).done());
        assert_eq!(planned(0, 5).progress(), 70);
    }

    #[test]
    fn a_recorded_event_counts_in_the_plans_mean() {
        let before = [planned(2, 0), activity(date!(2026 - 12 - 01), 0)];
        let after = [planned(2, 1), activity(date!(2026 - 12 - 01), 0)];
        assert_eq!(mean_progress(&before), 0);
        assert_eq!(mean_progress(&after), 25);
    }
}

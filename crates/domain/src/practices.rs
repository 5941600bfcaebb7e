//! Good practices: an activity of the register or a training that its team's coordinator
//! publishes as a model for the other teams of the deployment (what was done, with which
//! materials, what came of it). Every team and the national office read the live ones; a
//! withdrawn one is known only to its own team's coordinator.

use crate::access::{decide, Action, Actor};
use crate::activities::ActivityId;
use crate::ids::{TeamId, UserId};
use crate::text;
use crate::trainings::TrainingId;
use crate::validation::FieldErrors;

/// Longest title.
pub const TITLE_MAX: usize = 300;
/// Longest text (what was done, materials, results).
pub const TEXT_MAX: usize = 2000;

crate::ids::id_type!(
    /// A published good practice.
    GoodPracticeId,
);

/// What a practice was published from: exactly one activity or one training of the team.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PracticeSource {
    Activity(ActivityId),
    Training(TrainingId),
}

impl PracticeSource {
    /// The kind of source as a code (`activity`, `training`), for messages.
    pub fn code(self) -> &'static str {
        match self {
            PracticeSource::Activity(_) => "activity",
            PracticeSource::Training(_) => "training",
        }
    }

    /// The source from the two stored columns, of which exactly one is set.
    pub fn from_columns(activity: Option<i64>, training: Option<i64>) -> Option<PracticeSource> {
        match (activity, training) {
            (Some(a), None) => Some(PracticeSource::Activity(ActivityId(a))),
            (None, Some(t)) => Some(PracticeSource::Training(TrainingId(t))),
            _ => None,
        }
    }

    /// The activity, if the source is one.
    pub fn activity(self) -> Option<ActivityId> {
        match self {
            PracticeSource::Activity(a) => Some(a),
            PracticeSource::Training(_) => None,
        }
    }

    /// The training, if the source is one.
    pub fn training(self) -> Option<TrainingId> {
        match self {
            PracticeSource::Training(t) => Some(t),
            PracticeSource::Activity(_) => None,
        }
    }
}

/// A practice as typed, checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PracticeDraft {
    pub title: String,
    /// What was done.
    pub summary: String,
    pub materials: String,
    pub results: String,
}

impl PracticeDraft {
    /// Checks the fields as typed; a title and what was done are required.
    pub fn parse(
        title: &str,
        summary: &str,
        materials: &str,
        results: &str,
    ) -> Result<PracticeDraft, FieldErrors> {
        let mut e = FieldErrors::new();
        let title = e.check("title", text::required(title, TITLE_MAX));
        let summary = e.check("summary", text::required(summary, TEXT_MAX));
        let materials = e.check("materials", text::optional(materials, TEXT_MAX));
        let results = e.check("results", text::optional(results, TEXT_MAX));
        match (title, summary, materials, results) {
            (Some(title), Some(summary), Some(materials), Some(results)) => Ok(PracticeDraft {
                title,
                summary,
                materials,
                results,
            }),
            _ => Err(e),
        }
    }
}

/// A stored good practice.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GoodPractice {
    pub id: GoodPracticeId,
    pub team_id: TeamId,
    pub source: PracticeSource,
    pub title: String,
    pub summary: String,
    pub materials: String,
    pub results: String,
    pub published_by: UserId,
    /// Unix seconds.
    pub published_at: i64,
    /// Unix seconds; none while the practice is live.
    pub withdrawn_at: Option<i64>,
}

impl GoodPractice {
    /// Whether the practice is shown to the other teams.
    pub fn is_live(&self) -> bool {
        self.withdrawn_at.is_none()
    }
}

/// Whether the actor leads the work of the team (publishes and withdraws its practices).
pub fn leads(actor: &Actor, team: TeamId) -> bool {
    actor.team_id == Some(team) && decide(actor, Action::LeadTeamWork(team)).allowed()
}

/// Whether the actor may know of the practice: a live one, everyone who reads good
/// practices; a withdrawn one, only its own team's coordinator.
pub fn may_see(actor: &Actor, practice: &GoodPractice) -> bool {
    if practice.is_live() {
        decide(actor, Action::ViewGoodPractices).allowed()
    } else {
        leads(actor, practice.team_id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::accounts::Role;
    use crate::ids::InstitutionId;
    use crate::validation::FieldError;

    const LE: TeamId = TeamId(1);
    const NIS: TeamId = TeamId(2);

    fn actor(role: Role, team: Option<TeamId>) -> Actor {
        Actor {
            user_id: UserId(9),
            role,
            team_id: team,
            institution_id: team.map(|_| InstitutionId(1)),
            address: "127.0.0.1".into(),
        }
    }

    fn practice(withdrawn_at: Option<i64>) -> GoodPractice {
        GoodPractice {
            id: GoodPracticeId(1),
            team_id: LE,
            source: PracticeSource::Activity(ActivityId(4)),
            title: "Трибина".into(),
            summary: "Трибина у позоришту".into(),
            materials: String::new(),
            results: String::new(),
            published_by: UserId(3),
            published_at: 100,
            withdrawn_at,
        }
    }

    #[test]
    fn a_source_is_exactly_one_activity_or_training() {
        assert_eq!(
            PracticeSource::from_columns(Some(3), None),
            Some(PracticeSource::Activity(ActivityId(3)))
        );
        assert_eq!(
            PracticeSource::from_columns(None, Some(5)),
            Some(PracticeSource::Training(TrainingId(5)))
        );
        assert_eq!(PracticeSource::from_columns(Some(3), Some(5)), None);
        assert_eq!(PracticeSource::from_columns(None, None), None);
    }

    #[test]
    fn title_and_what_was_done_are_required_and_texts_bounded() {
        let e = PracticeDraft::parse(" ", "", "", &"ж".repeat(TEXT_MAX + 1)).unwrap_err();
        assert_eq!(e.get("title"), Some(FieldError::Required));
        assert_eq!(e.get("summary"), Some(FieldError::Required));
        assert_eq!(e.get("materials"), None);
        assert_eq!(
            e.get("results"),
            Some(FieldError::TooLong { max: TEXT_MAX })
        );
        let d = PracticeDraft::parse(" Трибина ", "Разговор", "", "232 особе").unwrap();
        assert_eq!(d.title, "Трибина");
    }

    #[test]
    fn live_practices_are_read_by_everyone_withdrawn_only_by_their_coordinator() {
        let live = practice(None);
        let withdrawn = practice(Some(200));
        let le_coordinator = actor(Role::Coordinator, Some(LE));
        for a in [
            actor(Role::Member, Some(NIS)),
            actor(Role::CaseWorker, Some(LE)),
            actor(Role::Coordinator, Some(NIS)),
            actor(Role::National, None),
            le_coordinator.clone(),
        ] {
            assert!(may_see(&a, &live), "{a:?}");
        }
        assert!(may_see(&le_coordinator, &withdrawn));
        for a in [
            actor(Role::Member, Some(LE)),
            actor(Role::Coordinator, Some(NIS)),
            actor(Role::National, None),
            actor(Role::Admin, None),
        ] {
            assert!(!may_see(&a, &withdrawn), "{a:?}");
        }
        assert!(leads(&le_coordinator, LE));
        assert!(!leads(&le_coordinator, NIS));
        assert!(
            !leads(&actor(Role::Admin, None), LE),
            "the admin has no team"
        );
    }
}

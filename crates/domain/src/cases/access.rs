//! Need-to-know access to a case, decided here and nowhere else.
//!
//! The reporting (owning) institution's case workers see the whole record; an institution the
//! case was referred to sees the parts its live referrals share; the team coordinator sees
//! that the case exists and its state; nobody else sees anything, not even that it exists.

use crate::access::{decide, Action, Actor};
use crate::accounts::Role;
use crate::ids::{InstitutionId, TeamId};
use std::collections::BTreeSet;

coded_enum! {
    /// A part of a case's record that can be shared on its own. Each is sealed separately.
    pub enum Part {
        /// Names, description, birth date or age, languages.
        Identity => "identity",
        /// Whereabouts and how to reach the person.
        Contact => "contact",
        /// How and where the person was detected, by whom, and the narrative.
        Circumstances => "circumstances",
        /// Indicators and suspected forms of exploitation.
        Screening => "screening",
    }
}

impl Part {
    /// Parses a comma-separated list of codes (as stored); unknown codes are skipped.
    pub fn parse_list(codes: &str) -> BTreeSet<Part> {
        codes
            .split(',')
            .filter_map(|c| Part::from_code(c.trim()))
            .collect()
    }

    /// The comma-separated codes of a set.
    pub fn list(parts: &BTreeSet<Part>) -> String {
        parts.iter().map(|p| p.code()).collect::<Vec<_>>().join(",")
    }
}

/// What one actor may see of one case.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CaseAccess {
    /// The whole record (the owning institution's case workers).
    Full,
    /// The parts shared with the actor's institution by live referrals.
    Shared(BTreeSet<Part>),
    /// The former owner after a transfer, while the new owner allows it: reads the whole
    /// record, works on nothing.
    Kept,
    /// That the case exists, its code and state; no personal data (the team coordinator).
    Existence,
    /// Everything, to read only, for a limited time, under an emergency grant whose written
    /// reason was audited and notified to the owning institution.
    Emergency,
    /// Nothing; the case is "not found" for this actor.
    None,
}

impl CaseAccess {
    /// Whether the part may be shown.
    pub fn sees(&self, part: Part) -> bool {
        match self {
            CaseAccess::Full | CaseAccess::Emergency | CaseAccess::Kept => true,
            CaseAccess::Shared(parts) => parts.contains(&part),
            _ => false,
        }
    }

    /// Whether the actor may open the case page at all.
    pub fn opens(&self) -> bool {
        !matches!(self, CaseAccess::None)
    }

    /// Whether the actor may work on the case (change its state, refer it on).
    pub fn works_on(&self) -> bool {
        matches!(self, CaseAccess::Full)
    }
}

/// The coordinator's view of a case, widened when the owning institution assigned them to it:
/// then they read every part (but still do not work on the case).
pub fn with_assignment(access: CaseAccess, assigned: bool) -> CaseAccess {
    match access {
        CaseAccess::Existence if assigned => {
            CaseAccess::Shared(Part::ALL.iter().copied().collect())
        }
        other => other,
    }
}

/// Why emergency access to a case was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EmergencyRefusal {
    /// Only case workers of the case's team may ask.
    NotACaseWorker,
    /// A child's case, or that of a person deprived of legal capacity, cannot be broken into.
    ProtectedPerson,
}

/// Whether the actor may break the glass on a case of `team` (the written reason is the
/// app's to require and audit).
pub fn emergency_allowed(
    actor: &Actor,
    team: TeamId,
    protected_person: bool,
) -> Result<(), EmergencyRefusal> {
    if actor.team_id != Some(team) || !decide(actor, Action::UseCases).allowed() {
        return Err(EmergencyRefusal::NotACaseWorker);
    }
    if protected_person {
        return Err(EmergencyRefusal::ProtectedPerson);
    }
    Ok(())
}

/// A live referral of the case, as far as access goes: to whom, sharing what.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SharedWith {
    pub institution: InstitutionId,
    pub parts: BTreeSet<Part>,
}

/// Who holds a case: the institution that owns it, with its team (the case's own, or another
/// team's after a transfer; the case keeps its team and code), and the institution that owned
/// it before its last transfer while the new owner lets it keep reading.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Ownership {
    pub team: TeamId,
    pub owner: InstitutionId,
    pub former: Option<InstitutionId>,
}

/// Decides what the actor may see of a case of `team` held as `held`, given the case's live
/// (sent, accepted or completed) referrals.
pub fn case_access(
    actor: &Actor,
    team: TeamId,
    held: Ownership,
    live: &[SharedWith],
) -> CaseAccess {
    let own_team = actor.team_id == Some(team);
    if decide(actor, Action::UseCases).allowed() {
        if actor.team_id == Some(held.team) && actor.institution_id == Some(held.owner) {
            return CaseAccess::Full;
        }
        if held.former.is_some() && actor.institution_id == held.former {
            return CaseAccess::Kept;
        }
        // An institution of the case's team, of another team or of the national level sees
        // what the referrals to it share: need-to-know follows the referral, not the team.
        let parts: BTreeSet<Part> = live
            .iter()
            .filter(|s| Some(s.institution) == actor.institution_id)
            .flat_map(|s| s.parts.iter().copied())
            .collect();
        if !parts.is_empty() {
            return CaseAccess::Shared(parts);
        }
    }
    if own_team && actor.role == Role::Coordinator {
        return CaseAccess::Existence;
    }
    CaseAccess::None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::UserId;

    const LE: TeamId = TeamId(1);
    const NIS: TeamId = TeamId(2);
    const POLICE: InstitutionId = InstitutionId(10);
    const CSW: InstitutionId = InstitutionId(11);
    const HEALTH: InstitutionId = InstitutionId(12);
    const LE_POLICE: Ownership = Ownership {
        team: LE,
        owner: POLICE,
        former: None,
    };

    fn actor(role: Role, team: TeamId, institution: InstitutionId) -> Actor {
        Actor {
            user_id: UserId(1),
            role,
            team_id: Some(team),
            institution_id: Some(institution),
            address: String::new(),
        }
    }

    fn shared(institution: InstitutionId, parts: &[Part]) -> SharedWith {
        SharedWith {
            institution,
            parts: parts.iter().copied().collect(),
        }
    }

    #[test]
    fn the_owning_institution_sees_everything() {
        let a = actor(Role::CaseWorker, LE, POLICE);
        assert_eq!(case_access(&a, LE, LE_POLICE, &[]), CaseAccess::Full);
    }

    #[test]
    fn after_a_transfer_the_owner_of_another_team_works_on_the_case_and_the_team_keeps_it() {
        const NIS_CSW: InstitutionId = InstitutionId(21);
        let held = |former| Ownership {
            team: NIS,
            owner: NIS_CSW,
            former,
        };
        let new_owner = actor(Role::CaseWorker, NIS, NIS_CSW);
        assert_eq!(
            case_access(&new_owner, LE, held(None), &[]),
            CaseAccess::Full
        );
        // The former owner reads the whole record only while the new owner allows it, and
        // works on nothing; the case's own team's coordinator still knows that the case
        // exists, the other team's does not.
        let former = actor(Role::CaseWorker, LE, POLICE);
        assert_eq!(case_access(&former, LE, held(None), &[]), CaseAccess::None);
        let kept = case_access(&former, LE, held(Some(POLICE)), &[]);
        assert_eq!(kept, CaseAccess::Kept);
        assert!(Part::ALL.iter().all(|p| kept.sees(*p)) && !kept.works_on());
        let other_former = actor(Role::Member, LE, POLICE);
        assert_ne!(
            case_access(&other_former, LE, held(Some(POLICE)), &[]),
            CaseAccess::Kept,
            "only the former owner's case workers"
        );
        let le_coordinator = actor(Role::Coordinator, LE, CSW);
        assert_eq!(
            case_access(&le_coordinator, LE, held(Some(POLICE)), &[]),
            CaseAccess::Existence
        );
        let nis_coordinator = actor(Role::Coordinator, NIS, NIS_CSW);
        assert_eq!(
            case_access(&nis_coordinator, LE, held(None), &[]),
            CaseAccess::None
        );
    }

    #[test]
    fn a_receiving_institution_sees_only_what_was_shared_with_it() {
        let a = actor(Role::CaseWorker, LE, CSW);
        let live = [
            shared(CSW, &[Part::Identity]),
            shared(HEALTH, &[Part::Contact]),
            shared(CSW, &[Part::Screening]),
        ];
        let access = case_access(&a, LE, LE_POLICE, &live);
        assert!(access.sees(Part::Identity) && access.sees(Part::Screening));
        assert!(!access.sees(Part::Contact) && !access.sees(Part::Circumstances));
        assert!(!access.works_on());
    }

    #[test]
    fn others_see_nothing_and_the_coordinator_only_that_it_exists() {
        assert_eq!(
            case_access(&actor(Role::CaseWorker, LE, HEALTH), LE, LE_POLICE, &[]),
            CaseAccess::None
        );
        assert_eq!(
            case_access(&actor(Role::Member, LE, POLICE), LE, LE_POLICE, &[]),
            CaseAccess::None
        );
        assert_eq!(
            case_access(&actor(Role::CaseWorker, NIS, POLICE), LE, LE_POLICE, &[]),
            CaseAccess::None
        );
        let coordinator = case_access(&actor(Role::Coordinator, LE, CSW), LE, LE_POLICE, &[]);
        assert_eq!(coordinator, CaseAccess::Existence);
        assert!(coordinator.opens() && !Part::ALL.iter().any(|p| coordinator.sees(*p)));
        let mut national = actor(Role::National, LE, POLICE);
        national.team_id = None;
        assert_eq!(case_access(&national, LE, LE_POLICE, &[]), CaseAccess::None);
        let mut admin = actor(Role::Admin, LE, POLICE);
        admin.team_id = Some(LE);
        assert_eq!(case_access(&admin, LE, LE_POLICE, &[]), CaseAccess::None);
    }

    #[test]
    fn an_institution_of_another_team_sees_only_what_was_referred_to_it() {
        const NIS_POLICE: InstitutionId = InstitutionId(20);
        let worker = actor(Role::CaseWorker, NIS, NIS_POLICE);
        assert_eq!(case_access(&worker, LE, LE_POLICE, &[]), CaseAccess::None);
        let live = [shared(NIS_POLICE, &[Part::Identity])];
        let access = case_access(&worker, LE, LE_POLICE, &live);
        assert_eq!(access, CaseAccess::Shared([Part::Identity].into()));
        assert!(!access.works_on());
        // Owning an institution of the same id elsewhere gives nothing more, and another
        // team's coordinator learns nothing of the case.
        let same_id_elsewhere = actor(Role::CaseWorker, NIS, POLICE);
        assert_eq!(
            case_access(&same_id_elsewhere, LE, LE_POLICE, &[]),
            CaseAccess::None
        );
        let coordinator = actor(Role::Coordinator, NIS, NIS_POLICE);
        assert_eq!(
            case_access(&coordinator, LE, LE_POLICE, &live),
            CaseAccess::None
        );
    }

    #[test]
    fn the_glass_breaks_only_for_case_workers_and_never_on_a_childs_case() {
        let worker = actor(Role::CaseWorker, LE, HEALTH);
        assert_eq!(emergency_allowed(&worker, LE, false), Ok(()));
        assert_eq!(
            emergency_allowed(&worker, LE, true),
            Err(EmergencyRefusal::ProtectedPerson)
        );
        assert_eq!(
            emergency_allowed(&worker, NIS, false),
            Err(EmergencyRefusal::NotACaseWorker)
        );
        let coordinator = actor(Role::Coordinator, LE, CSW);
        assert_eq!(
            emergency_allowed(&coordinator, LE, false),
            Err(EmergencyRefusal::NotACaseWorker)
        );
        assert!(CaseAccess::Emergency.sees(Part::Contact) && !CaseAccess::Emergency.works_on());
    }

    #[test]
    fn an_assigned_coordinator_reads_the_case_and_nobody_else_gains_by_it() {
        let read = with_assignment(CaseAccess::Existence, true);
        assert!(Part::ALL.iter().all(|p| read.sees(*p)) && !read.works_on());
        assert_eq!(
            with_assignment(CaseAccess::Existence, false),
            CaseAccess::Existence
        );
        assert_eq!(with_assignment(CaseAccess::None, true), CaseAccess::None);
    }

    #[test]
    fn part_lists_round_trip() {
        let parts: BTreeSet<Part> = [Part::Contact, Part::Identity].into_iter().collect();
        assert_eq!(Part::parse_list(&Part::list(&parts)), parts);
        assert_eq!(
            Part::parse_list("identity,bogus"),
            [Part::Identity].into_iter().collect()
        );
    }
}

//! The child protocol: what must happen at once when the person is, or may be, a child, or is
//! deprived of legal capacity, and who gives consent.
//!
//! The Centre for Social Work is the guardianship authority: it is notified at once by an
//! urgent referral, and a (temporary) guardian is recorded before anything that needs consent.
//! Age follows the presumption of childhood: any sign that the person is a child wins over
//! signs that they are an adult, until the age is established otherwise.

use super::referral::ReferralUrgency;
use crate::registry::InstitutionKind;
use time::Date;

/// Age of majority.
const MAJORITY: u8 = 18;

coded_enum! {
    /// Child or adult, for the protocol and for statistics.
    pub enum AgeBand {
        /// Under 18, or may be: the presumption of childhood.
        Child => "child",
        /// 18 or over, and nothing suggests otherwise.
        Adult => "adult",
        /// Nothing is known about the age.
        Unknown => "unknown",
    }
}

coded_enum! {
    /// Who gives consent for the person.
    pub enum ConsentGiver {
        /// The person themselves.
        Person => "person",
        /// Their guardian (temporary guardian of a child, or guardian of a person deprived of
        /// legal capacity).
        Guardian => "guardian",
    }
}

coded_enum! {
    /// The task about the guardian that the protocol opens on the case.
    pub enum GuardianTask {
        /// A temporary guardian (привремени старатељ) is appointed for the child in an urgent
        /// procedure; record who it is.
        RecordTemporaryGuardian => "record-temporary-guardian",
        /// The person deprived of legal capacity has a guardian (or the CSW acts as one);
        /// record who it is.
        RecordGuardian => "record-guardian",
    }
}

coded_enum! {
    /// The task the protocol gives the Centre for Social Work when the Centre reported the
    /// person itself: what the urgent referral asks of it otherwise.
    pub enum ProtocolTask {
        /// Urgent protection (неодложна интервенција): assess safety and place the person,
        /// as guardianship authority, at once.
        UrgentProtection => "urgent-protection",
    }
}

/// How the protocol reaches the Centre for Social Work.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProtocolStart {
    /// Another institution reported: an urgent referral to the Centre, sharing the record.
    UrgentReferral,
    /// The Centre reported the person itself: a task of its own on the case, never a
    /// referral from the Centre to itself waiting for its own answer.
    OwnTask(ProtocolTask),
}

/// What the protocol requires when a report is saved: the Centre for Social Work is reached
/// at once ([`ProtectionNeed::start`]) and a guardian task opened, in the same transaction.
/// Only [`child_protocol`] makes one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ProtectionNeed {
    child: bool,
    lacks_legal_capacity: bool,
}

impl ProtectionNeed {
    /// Whether the person is or may be a child.
    pub fn is_child(self) -> bool {
        self.child
    }

    /// Whether the person is deprived of legal capacity.
    pub fn lacks_legal_capacity(self) -> bool {
        self.lacks_legal_capacity
    }

    /// The kind of institution that must receive the urgent referral: the Centre for Social
    /// Work, as guardianship authority.
    pub fn referral_to(self) -> InstitutionKind {
        InstitutionKind::SocialWork
    }

    /// How the Centre is reached: by an urgent referral, or, when the Centre itself reported
    /// the person, by a task of its own.
    pub fn start(self, reported_by_the_centre: bool) -> ProtocolStart {
        if reported_by_the_centre {
            ProtocolStart::OwnTask(ProtocolTask::UrgentProtection)
        } else {
            ProtocolStart::UrgentReferral
        }
    }

    /// The referral's urgency: always urgent.
    pub fn urgency(self) -> ReferralUrgency {
        ReferralUrgency::Urgent
    }

    /// The guardian task to open (a child's temporary guardian takes precedence).
    pub fn guardian_task(self) -> GuardianTask {
        if self.child {
            GuardianTask::RecordTemporaryGuardian
        } else {
            GuardianTask::RecordGuardian
        }
    }

    /// Who gives consent: always the guardian; adult-consent steps do not apply.
    pub fn consent_from(self) -> ConsentGiver {
        ConsentGiver::Guardian
    }
}

/// The protocol's requirements, or none when the person is an adult with legal capacity.
pub fn child_protocol(
    is_or_may_be_child: bool,
    lacks_legal_capacity: bool,
) -> Option<ProtectionNeed> {
    (is_or_may_be_child || lacks_legal_capacity).then_some(ProtectionNeed {
        child: is_or_may_be_child,
        lacks_legal_capacity,
    })
}

/// Who gives consent: the guardian for a child or a person deprived of legal capacity, the
/// person otherwise. An unknown age with no sign of childhood counts as adult: whoever saw the
/// person records "may be a child" when in doubt, and that makes the band `Child`.
pub fn consent_needed_from(age: AgeBand, lacks_legal_capacity: bool) -> ConsentGiver {
    if age == AgeBand::Child || lacks_legal_capacity {
        ConsentGiver::Guardian
    } else {
        ConsentGiver::Person
    }
}

/// Full years between birth and `today` (someone born on 29 February turns a year older on
/// 1 March in common years); none when the birth date is after `today`.
pub fn age_in_years(birth: Date, today: Date) -> Option<u8> {
    if birth > today {
        return None;
    }
    let had_birthday = (today.month() as u8, today.day()) >= (birth.month() as u8, birth.day());
    let years = today.year() - birth.year() - i32::from(!had_birthday);
    Some(u8::try_from(years).unwrap_or(u8::MAX))
}

/// The age band, with the presumption of childhood: "may be a child", a birth date under 18
/// years ago, or an estimated age under 18 each make it `Child`, even if another sign says
/// adult (documents may be false; the child's statement counts until the age is established).
/// `Adult` needs a sign of adulthood and none of childhood; with no sign at all, `Unknown`.
pub fn age_band(
    birth: Option<Date>,
    estimated_age: Option<u8>,
    today: Date,
    may_be_child: bool,
) -> AgeBand {
    let from_birth = birth.and_then(|b| age_in_years(b, today));
    let signs = [from_birth, estimated_age];
    if may_be_child || signs.iter().flatten().any(|age| *age < MAJORITY) {
        AgeBand::Child
    } else if signs.iter().flatten().next().is_some() {
        AgeBand::Adult
    } else {
        AgeBand::Unknown
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use time::macros::date;

    const TODAY: Date = date!(2026 - 03 - 02);

    #[test]
    fn no_protocol_for_an_adult_with_legal_capacity() {
        assert_eq!(child_protocol(false, false), None);
    }

    #[test]
    fn a_child_needs_an_urgent_csw_referral_and_a_temporary_guardian() {
        let need = child_protocol(true, false).unwrap();
        assert!(need.is_child());
        assert_eq!(need.referral_to(), InstitutionKind::SocialWork);
        assert_eq!(need.urgency(), ReferralUrgency::Urgent);
        assert_eq!(need.guardian_task(), GuardianTask::RecordTemporaryGuardian);
        assert_eq!(need.consent_from(), ConsentGiver::Guardian);
    }

    #[test]
    fn the_centre_reporting_a_child_itself_gets_a_task_not_a_referral_to_itself() {
        for (child, incapable) in [(true, false), (false, true), (true, true)] {
            let need = child_protocol(child, incapable).unwrap();
            assert_eq!(
                need.start(true),
                ProtocolStart::OwnTask(ProtocolTask::UrgentProtection)
            );
            assert_eq!(need.start(false), ProtocolStart::UrgentReferral);
            // The guardian task is opened either way.
            assert_eq!(
                need.guardian_task(),
                if child {
                    GuardianTask::RecordTemporaryGuardian
                } else {
                    GuardianTask::RecordGuardian
                }
            );
        }
        assert_eq!(
            ProtocolTask::from_code("urgent-protection"),
            Some(ProtocolTask::UrgentProtection)
        );
        assert_eq!(GuardianTask::from_code("urgent-protection"), None);
    }

    #[test]
    fn a_person_without_legal_capacity_is_treated_the_same_with_their_guardian() {
        let need = child_protocol(false, true).unwrap();
        assert!(!need.is_child());
        assert!(need.lacks_legal_capacity());
        assert_eq!(need.referral_to(), InstitutionKind::SocialWork);
        assert_eq!(need.urgency(), ReferralUrgency::Urgent);
        assert_eq!(need.guardian_task(), GuardianTask::RecordGuardian);
        let both = child_protocol(true, true).unwrap();
        assert_eq!(both.guardian_task(), GuardianTask::RecordTemporaryGuardian);
    }

    #[test]
    fn consent_comes_from_the_guardian_for_children_and_persons_without_capacity() {
        assert_eq!(
            consent_needed_from(AgeBand::Child, false),
            ConsentGiver::Guardian
        );
        assert_eq!(
            consent_needed_from(AgeBand::Adult, true),
            ConsentGiver::Guardian
        );
        assert_eq!(
            consent_needed_from(AgeBand::Adult, false),
            ConsentGiver::Person
        );
        assert_eq!(
            consent_needed_from(AgeBand::Unknown, false),
            ConsentGiver::Person
        );
        assert_eq!(
            consent_needed_from(AgeBand::Unknown, true),
            ConsentGiver::Guardian
        );
    }

    #[test]
    fn ages_count_full_years() {
        assert_eq!(age_in_years(date!(2008 - 03 - 02), TODAY), Some(18));
        assert_eq!(age_in_years(date!(2008 - 03 - 03), TODAY), Some(17));
        assert_eq!(age_in_years(TODAY, TODAY), Some(0));
        assert_eq!(age_in_years(date!(2026 - 03 - 03), TODAY), None);
        // Born on 29 February: a year older on 1 March of a common year.
        assert_eq!(
            age_in_years(date!(2008 - 02 - 29), date!(2026 - 02 - 28)),
            Some(17)
        );
        assert_eq!(
            age_in_years(date!(2008 - 02 - 29), date!(2026 - 03 - 01)),
            Some(18)
        );
        assert_eq!(
            age_in_years(date!(1000 - 01 - 01), TODAY),
            Some(u8::MAX),
            "saturates"
        );
    }

    #[test]
    fn the_age_band_comes_from_the_birth_date_or_the_estimate() {
        assert_eq!(
            age_band(Some(date!(2008 - 03 - 03)), None, TODAY, false),
            AgeBand::Child
        );
        assert_eq!(
            age_band(Some(date!(2008 - 03 - 02)), None, TODAY, false),
            AgeBand::Adult
        );
        assert_eq!(age_band(None, Some(17), TODAY, false), AgeBand::Child);
        assert_eq!(age_band(None, Some(18), TODAY, false), AgeBand::Adult);
        assert_eq!(age_band(None, None, TODAY, false), AgeBand::Unknown);
    }

    #[test]
    fn may_be_a_child_wins_over_every_sign_of_adulthood() {
        assert_eq!(
            age_band(Some(date!(1990 - 01 - 01)), Some(35), TODAY, true),
            AgeBand::Child
        );
        assert_eq!(age_band(None, None, TODAY, true), AgeBand::Child);
        // A (possibly false) document says adult, the estimate says child: child.
        assert_eq!(
            age_band(Some(date!(2000 - 01 - 01)), Some(15), TODAY, false),
            AgeBand::Child
        );
        assert_eq!(
            age_band(Some(date!(2012 - 01 - 01)), Some(25), TODAY, false),
            AgeBand::Child
        );
    }

    #[test]
    fn a_birth_date_in_the_future_is_no_sign_at_all() {
        assert_eq!(
            age_band(Some(date!(2030 - 01 - 01)), None, TODAY, false),
            AgeBand::Unknown
        );
        assert_eq!(
            age_band(Some(date!(2030 - 01 - 01)), Some(30), TODAY, false),
            AgeBand::Adult
        );
    }

    fn any_date() -> impl Strategy<Value = Date> {
        (1900i32..2100, 1u16..=366).prop_map(|(y, d)| {
            Date::from_ordinal_date(y, d)
                .unwrap_or_else(|_| Date::from_ordinal_date(y, 365).unwrap())
        })
    }

    proptest! {
        #[test]
        fn may_be_a_child_always_makes_a_child(
            birth in proptest::option::of(any_date()),
            estimate in proptest::option::of(0u8..=120),
        ) {
            prop_assert_eq!(age_band(birth, estimate, TODAY, true), AgeBand::Child);
        }

        #[test]
        fn the_protocol_fires_exactly_for_children_and_persons_without_capacity(
            child: bool,
            incapable: bool,
        ) {
            let need = child_protocol(child, incapable);
            prop_assert_eq!(need.is_some(), child || incapable);
            if let Some(need) = need {
                prop_assert_eq!(need.consent_from(), ConsentGiver::Guardian);
                prop_assert_eq!(need.urgency(), ReferralUrgency::Urgent);
            }
        }

        #[test]
        fn age_grows_by_one_each_birthday(birth in any_date(), years in 0i32..100) {
            let Ok(later) = birth.replace_year(birth.year() + years) else { return Ok(()) };
            prop_assert_eq!(age_in_years(birth, later), u8::try_from(years).ok());
            if let Some(eve) = later.previous_day() {
                if years > 0 {
                    prop_assert_eq!(age_in_years(birth, eve), u8::try_from(years - 1).ok());
                }
            }
        }
    }
}

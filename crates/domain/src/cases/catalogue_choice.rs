//! Which indicator list a report is screened with, unless the reporter picks another.
//!
//! A child is screened with the child list whoever reports: indicators written for adults
//! miss what matters for a child (accompaniment, school, begging on someone's orders). For an
//! adult, the list of the sector that saw the person: the external first responder's when the
//! official records a report from a school, a labour inspector or an NGO, else the reporting
//! official's own institution's. A list that was never imported gives way to the next one,
//! and at the end to the general indicators for adults.

use super::catalogues::ReporterKind;
use super::indicators::Sector;
use crate::registry::InstitutionKind;

/// The sector whose first responders would use a list, for a kind of institution; none when
/// no sector list fits it (the general list is then used).
pub fn sector_of(kind: InstitutionKind) -> Option<Sector> {
    use InstitutionKind as I;
    match kind {
        // Prosecutors act with the police on what the police found.
        I::Police | I::Prosecution => Some(Sector::Police),
        // The Centre for Protection of Victims of Trafficking is an institution of social
        // protection.
        I::SocialWork | I::IdentificationCentre => Some(Sector::SocialProtection),
        I::Health => Some(Sector::Health),
        I::School | I::Education => Some(Sector::Education),
        // Outreach, hotlines and shelters alike: the Red Cross and international
        // organisations meet people as NGOs do.
        I::Ngo | I::RedCross | I::International => Some(Sector::Ngo),
        I::Court | I::YouthOffice | I::Culture | I::Media | I::LocalGovernment | I::Other => None,
    }
}

/// The sector of an external first responder whose report an official records; none for the
/// official's own report and for reporters with no sector of their own.
fn reporter_sector(reporter: ReporterKind) -> Option<Sector> {
    match reporter {
        ReporterKind::School => Some(Sector::Education),
        ReporterKind::LabourInspector => Some(Sector::LabourInspection),
        ReporterKind::Ngo => Some(Sector::Ngo),
        ReporterKind::TeamOfficial
        | ReporterKind::Citizen
        | ReporterKind::SelfReferral
        | ReporterKind::Other => None,
    }
}

/// The lists to screen with, most fitting first, ending with the general list for adults.
pub fn preferred_sectors(
    institution: Option<InstitutionKind>,
    reporter: Option<ReporterKind>,
    may_be_child: bool,
) -> Vec<Sector> {
    let mut order = Vec::with_capacity(4);
    if may_be_child {
        order.push(Sector::Child);
    }
    order.extend(reporter.and_then(reporter_sector));
    order.extend(institution.and_then(sector_of));
    order.push(Sector::GeneralAdult);
    order.dedup();
    order
}

/// The default list among those `available` (imported): the first preferred one there; none
/// when not even the general list was imported.
pub fn default_sector(
    institution: Option<InstitutionKind>,
    reporter: Option<ReporterKind>,
    may_be_child: bool,
    available: &[Sector],
) -> Option<Sector> {
    preferred_sectors(institution, reporter, may_be_child)
        .into_iter()
        .find(|s| available.contains(s))
}

#[cfg(test)]
mod tests {
    use super::*;
    use InstitutionKind as I;

    fn all() -> Vec<Sector> {
        Sector::ALL.to_vec()
    }

    #[test]
    fn a_child_is_screened_with_the_child_list_whoever_reports() {
        for kind in InstitutionKind::ALL {
            for reporter in ReporterKind::ALL {
                assert_eq!(
                    default_sector(Some(*kind), Some(*reporter), true, &all()),
                    Some(Sector::Child),
                    "{kind:?} {reporter:?}"
                );
            }
        }
        assert_eq!(
            default_sector(None, None, true, &all()),
            Some(Sector::Child)
        );
    }

    #[test]
    fn an_adult_is_screened_with_the_list_of_the_institutions_sector() {
        let official = Some(ReporterKind::TeamOfficial);
        let of = |kind| default_sector(Some(kind), official, false, &all());
        assert_eq!(of(I::Police), Some(Sector::Police));
        assert_eq!(of(I::SocialWork), Some(Sector::SocialProtection));
        assert_eq!(of(I::Health), Some(Sector::Health));
        assert_eq!(of(I::School), Some(Sector::Education));
        assert_eq!(of(I::Education), Some(Sector::Education));
        assert_eq!(of(I::Ngo), Some(Sector::Ngo));
        assert_eq!(of(I::RedCross), Some(Sector::Ngo));
        assert_eq!(of(I::Court), Some(Sector::GeneralAdult));
        assert_eq!(of(I::YouthOffice), Some(Sector::GeneralAdult));
    }

    #[test]
    fn a_report_recorded_from_an_outside_first_responder_uses_their_sector() {
        let police = Some(I::Police);
        let from = |r| default_sector(police, Some(r), false, &all());
        assert_eq!(
            from(ReporterKind::LabourInspector),
            Some(Sector::LabourInspection)
        );
        assert_eq!(from(ReporterKind::School), Some(Sector::Education));
        assert_eq!(from(ReporterKind::Ngo), Some(Sector::Ngo));
        assert_eq!(from(ReporterKind::Citizen), Some(Sector::Police));
        assert_eq!(from(ReporterKind::SelfReferral), Some(Sector::Police));
    }

    #[test]
    fn a_missing_list_falls_back_to_the_next_and_at_last_to_the_general_one() {
        let only_general = [Sector::GeneralAdult, Sector::IloForcedLabour];
        assert_eq!(
            default_sector(Some(I::Police), None, true, &only_general),
            Some(Sector::GeneralAdult)
        );
        assert_eq!(
            default_sector(Some(I::Police), None, false, &only_general),
            Some(Sector::GeneralAdult)
        );
        // No child list: the institution's own comes before the general one.
        let no_child = [Sector::GeneralAdult, Sector::Police];
        assert_eq!(
            default_sector(Some(I::Police), None, true, &no_child),
            Some(Sector::Police)
        );
        assert_eq!(default_sector(Some(I::Police), None, true, &[]), None);
    }

    #[test]
    fn the_general_list_always_closes_the_order_once() {
        for kind in InstitutionKind::ALL {
            let order = preferred_sectors(Some(*kind), Some(ReporterKind::TeamOfficial), true);
            assert_eq!(order.first(), Some(&Sector::Child));
            assert_eq!(order.last(), Some(&Sector::GeneralAdult));
            let general = order.iter().filter(|s| **s == Sector::GeneralAdult).count();
            assert_eq!(general, 1, "{kind:?}");
        }
    }
}

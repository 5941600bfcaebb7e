//! Fixed categories of case data, with the codes used in storage, forms and statistics.

use crate::registry::InstitutionKind;

coded_enum! {
    /// A form of exploitation, as counted in Serbian reporting.
    pub enum ExploitationForm {
        /// Sexual exploitation.
        Sexual => "sexual",
        /// Labour exploitation.
        Labour => "labour",
        /// Forced begging (принудно просјачење).
        ForcedBegging => "forced-begging",
        /// Forced commission of criminal offences.
        ForcedCriminality => "forced-criminality",
        /// Forced marriage (принудни брак).
        ForcedMarriage => "forced-marriage",
        /// Illegal adoption.
        IllegalAdoption => "illegal-adoption",
        /// Removal of organs.
        OrganRemoval => "organ-removal",
        /// Use in pornography.
        Pornography => "pornography",
        /// Use in armed conflict.
        ArmedConflict => "armed-conflict",
        /// More than one form.
        Multiple => "multiple",
    }
}

impl ExploitationForm {
    /// The one category that suspected forms are counted under in statistics: none for no
    /// form, the form itself for one, `Multiple` for more than one (or when `Multiple` was
    /// chosen).
    pub fn for_statistics(forms: &[ExploitationForm]) -> Option<ExploitationForm> {
        let mut distinct = forms.to_vec();
        distinct.sort();
        distinct.dedup();
        match distinct.as_slice() {
            [] => None,
            [one] => Some(*one),
            _ => Some(ExploitationForm::Multiple),
        }
    }
}

coded_enum! {
    /// A person's sex as recorded. Other and unknown are one value on purpose: in data this
    /// small a rare value would single a person out.
    pub enum Sex {
        /// Female.
        Female => "female",
        /// Male.
        Male => "male",
        /// Other, or not known.
        OtherOrUnknown => "other-or-unknown",
    }
}

coded_enum! {
    /// Who made the report: the signed-in official, or a first responder recorded by them.
    pub enum ReporterKind {
        /// An official of the reporting user's own institution.
        TeamOfficial => "team-official",
        /// A school (teacher, pedagogue, psychologist).
        School => "school",
        /// A labour inspector.
        LabourInspector => "labour-inspector",
        /// A non-governmental organisation.
        Ngo => "ngo",
        /// A citizen.
        Citizen => "citizen",
        /// The person themselves.
        SelfReferral => "self-referral",
        /// Someone else.
        Other => "other",
    }
}

coded_enum! {
    /// Where a referral came from, in the categories recorded nationally (and in HTCDS).
    pub enum ReferralSource {
        /// Police or prosecution.
        LawEnforcement => "law-enforcement",
        /// Social welfare (Centre for Social Work).
        SocialWelfare => "social-welfare",
        /// Another public body (health, education, inspection, courts, local government).
        OtherGovernment => "other-government",
        /// A non-governmental or international organisation.
        NgoOrInternational => "ngo-or-international",
        /// The person themselves.
        SelfReferral => "self-referral",
        /// A citizen or anyone else.
        CitizenOrOther => "citizen-or-other",
    }
}

impl ReferralSource {
    /// The national category of a report, from who reported it and, for the team's own
    /// officials, the kind of their institution.
    pub fn of(reporter: ReporterKind, institution: Option<InstitutionKind>) -> ReferralSource {
        use InstitutionKind as I;
        match reporter {
            ReporterKind::TeamOfficial => match institution {
                Some(I::Police | I::Prosecution) => ReferralSource::LawEnforcement,
                Some(I::SocialWork) => ReferralSource::SocialWelfare,
                Some(
                    I::Health
                    | I::Court
                    | I::YouthOffice
                    | I::School
                    | I::Education
                    | I::LocalGovernment
                    | I::IdentificationCentre,
                ) => ReferralSource::OtherGovernment,
                Some(I::Ngo | I::RedCross | I::International) => ReferralSource::NgoOrInternational,
                Some(I::Culture | I::Media | I::Other) | None => ReferralSource::CitizenOrOther,
            },
            ReporterKind::School | ReporterKind::LabourInspector => ReferralSource::OtherGovernment,
            ReporterKind::Ngo => ReferralSource::NgoOrInternational,
            ReporterKind::SelfReferral => ReferralSource::SelfReferral,
            ReporterKind::Citizen | ReporterKind::Other => ReferralSource::CitizenOrOther,
        }
    }
}

coded_enum! {
    /// A kind of assistance given to the person.
    pub enum ServiceType {
        /// Safe accommodation (shelter, foster care, urgent placement).
        Accommodation => "accommodation",
        /// Health care.
        Health => "health",
        /// Psychological support.
        Psychological => "psychological",
        /// Legal aid.
        LegalAid => "legal-aid",
        /// Interpretation.
        Interpretation => "interpretation",
        /// Education.
        Education => "education",
        /// Employment.
        Employment => "employment",
        /// Financial support.
        Financial => "financial",
        /// Another service.
        Other => "other",
    }
}

coded_enum! {
    /// Where a service stands.
    pub enum ServiceStatus {
        /// Agreed in the protection plan, not started.
        Planned => "planned",
        /// Being provided.
        Ongoing => "ongoing",
        /// Provided in full.
        Completed => "completed",
        /// Declined by the person (or their guardian).
        Declined => "declined",
        /// Not available from any provider.
        Unavailable => "unavailable",
    }
}

impl ServiceStatus {
    /// Whether the service still needs attention (planned or ongoing).
    pub fn is_open(self) -> bool {
        matches!(self, ServiceStatus::Planned | ServiceStatus::Ongoing)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    fn round_trips<T: Copy + PartialEq + std::fmt::Debug>(
        all: &[T],
        code: fn(T) -> &'static str,
        from_code: fn(&str) -> Option<T>,
    ) {
        let codes: HashSet<_> = all.iter().map(|v| code(*v)).collect();
        assert_eq!(codes.len(), all.len(), "codes are distinct");
        for v in all {
            assert_eq!(from_code(code(*v)), Some(*v));
        }
        assert_eq!(from_code(""), None);
        assert_eq!(from_code("no-such-code"), None);
    }

    #[test]
    fn every_catalogue_round_trips_its_codes() {
        round_trips(
            ExploitationForm::ALL,
            ExploitationForm::code,
            ExploitationForm::from_code,
        );
        round_trips(Sex::ALL, Sex::code, Sex::from_code);
        round_trips(
            ReporterKind::ALL,
            ReporterKind::code,
            ReporterKind::from_code,
        );
        round_trips(
            ReferralSource::ALL,
            ReferralSource::code,
            ReferralSource::from_code,
        );
        round_trips(ServiceType::ALL, ServiceType::code, ServiceType::from_code);
        round_trips(
            ServiceStatus::ALL,
            ServiceStatus::code,
            ServiceStatus::from_code,
        );
    }

    #[test]
    fn the_serbian_categories_are_all_there() {
        assert_eq!(ExploitationForm::ALL.len(), 10);
        assert_eq!(ServiceType::ALL.len(), 9);
        assert_eq!(
            ExploitationForm::from_code("forced-begging"),
            Some(ExploitationForm::ForcedBegging)
        );
        assert_eq!(ExploitationForm::Sexual.to_string(), "sexual");
    }

    #[test]
    fn several_forms_count_as_multiple() {
        use ExploitationForm as F;
        assert_eq!(F::for_statistics(&[]), None);
        assert_eq!(F::for_statistics(&[F::Labour]), Some(F::Labour));
        assert_eq!(F::for_statistics(&[F::Labour, F::Labour]), Some(F::Labour));
        assert_eq!(
            F::for_statistics(&[F::Labour, F::ForcedBegging]),
            Some(F::Multiple)
        );
        assert_eq!(F::for_statistics(&[F::Multiple]), Some(F::Multiple));
    }

    #[test]
    fn referral_sources_follow_the_reporter_and_institution() {
        use InstitutionKind as I;
        use ReferralSource as S;
        let official = |i| S::of(ReporterKind::TeamOfficial, Some(i));
        assert_eq!(official(I::Police), S::LawEnforcement);
        assert_eq!(official(I::Prosecution), S::LawEnforcement);
        assert_eq!(official(I::SocialWork), S::SocialWelfare);
        assert_eq!(official(I::Health), S::OtherGovernment);
        assert_eq!(official(I::RedCross), S::NgoOrInternational);
        assert_eq!(official(I::International), S::NgoOrInternational);
        assert_eq!(S::of(ReporterKind::TeamOfficial, None), S::CitizenOrOther);
        assert_eq!(S::of(ReporterKind::School, None), S::OtherGovernment);
        assert_eq!(
            S::of(ReporterKind::LabourInspector, None),
            S::OtherGovernment
        );
        assert_eq!(
            S::of(ReporterKind::Ngo, Some(I::Police)),
            S::NgoOrInternational
        );
        assert_eq!(S::of(ReporterKind::SelfReferral, None), S::SelfReferral);
        assert_eq!(S::of(ReporterKind::Citizen, None), S::CitizenOrOther);
    }

    #[test]
    fn open_services_are_planned_or_ongoing() {
        let open: Vec<_> = ServiceStatus::ALL.iter().filter(|s| s.is_open()).collect();
        assert_eq!(open, vec![&ServiceStatus::Planned, &ServiceStatus::Ongoing]);
    }
}

//! The team registry: institutions, partner organisations and team members.

use crate::ids::{InstitutionId, MemberId, TeamId};
use time::Date;

/// A local coordination team and its founding decision.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Team {
    pub id: TeamId,
    /// Short code used in URLs and on the command line (`leskovac`).
    pub code: String,
    pub name_cyrl: String,
    pub name_latn: String,
    pub city: String,
    pub founding: FoundingDecision,
    pub active: bool,
    /// The team that holds the deployment's national institutions (the Centre for
    /// Protection of Victims of Trafficking, national NGOs): no local plan, no report.
    pub national: bool,
    pub version: i64,
}

/// The decision that founded a team (number, date, issuing body).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FoundingDecision {
    pub number: String,
    pub date: Option<Date>,
    pub body: String,
}

coded_enum! {
    /// Whether an organisation is a member of the team or a partner it works with.
    pub enum Standing {
        Member => "member",
        Partner => "partner",
    }
}

coded_enum! {
    /// The kind of an institution or organisation.
    pub enum InstitutionKind {
        Police => "police",
        Health => "health",
        RedCross => "red-cross",
        Prosecution => "prosecution",
        Court => "court",
        YouthOffice => "youth-office",
        SocialWork => "social-work",
        Ngo => "ngo",
        School => "school",
        Education => "education",
        Culture => "culture",
        Media => "media",
        International => "international",
        LocalGovernment => "local-government",
        /// The Centre for Protection of Victims of Trafficking, which formally identifies
        /// victims (a national institution).
        IdentificationCentre => "identification-centre",
        Other => "other",
    }
}

/// An institution or partner organisation of a team.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Institution {
    pub id: InstitutionId,
    pub team_id: TeamId,
    pub code: String,
    pub standing: Standing,
    pub kind: InstitutionKind,
    pub name_cyrl: String,
    pub name_latn: String,
    pub short_name: String,
    pub is_lead: bool,
    pub is_donor: bool,
    /// For partners: what they did with the team.
    pub cooperation: String,
    pub address: String,
    pub phone: String,
    pub email: String,
    pub active: bool,
    pub version: i64,
}

/// The fields of an institution that a form sets.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InstitutionDraft {
    pub code: String,
    pub standing: Standing,
    pub kind: InstitutionKind,
    pub name_cyrl: String,
    pub name_latn: String,
    pub short_name: String,
    pub is_lead: bool,
    pub is_donor: bool,
    pub cooperation: String,
    pub address: String,
    pub phone: String,
    pub email: String,
}

coded_enum! {
    /// The role a person holds in the team.
    pub enum TeamRole {
        Coordinator => "coordinator",
        DeputyCoordinator => "deputy-coordinator",
        Representative => "representative",
        DeputyRepresentative => "deputy-representative",
    }
}

/// A person's membership in the team, from a date and possibly until one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Member {
    pub id: MemberId,
    pub team_id: TeamId,
    pub institution_id: InstitutionId,
    pub full_name: String,
    pub position: String,
    pub team_role: TeamRole,
    pub email: String,
    pub phone: String,
    pub from_date: Date,
    pub to_date: Option<Date>,
    pub active: bool,
    pub version: i64,
}

impl Member {
    /// Serving on the given day: active, started, not yet ended.
    pub fn is_serving(&self, today: Date) -> bool {
        self.active && self.from_date <= today && self.to_date.is_none_or(|to| to >= today)
    }
}

/// The fields of a membership that a form sets.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MemberDraft {
    pub institution_id: InstitutionId,
    pub full_name: String,
    pub position: String,
    pub team_role: TeamRole,
    pub email: String,
    pub phone: String,
    pub from_date: Date,
    pub to_date: Option<Date>,
}

coded_enum! {
    /// What happened to a registry record, as kept in its history.
    pub enum ChangeKind {
        Created => "created",
        Edited => "edited",
        Deactivated => "deactivated",
        Reactivated => "reactivated",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn codes_round_trip() {
        for &k in InstitutionKind::ALL {
            assert_eq!(InstitutionKind::from_code(k.code()), Some(k));
        }
        for &r in TeamRole::ALL {
            assert_eq!(TeamRole::from_code(r.code()), Some(r));
        }
        assert_eq!(InstitutionKind::from_code("bank"), None);
        assert_eq!(Standing::from_code("partner"), Some(Standing::Partner));
    }

    #[test]
    fn a_member_serves_between_the_dates() {
        let m = Member {
            id: MemberId(1),
            team_id: TeamId(1),
            institution_id: InstitutionId(1),
            full_name: "Ана".into(),
            position: String::new(),
            team_role: TeamRole::Representative,
            email: String::new(),
            phone: String::new(),
            from_date: date!(2020 - 01 - 01),
            to_date: Some(date!(2024 - 12 - 31)),
            active: true,
            version: 1,
        };
        assert!(!m.is_serving(date!(2019 - 12 - 31)));
        assert!(m.is_serving(date!(2024 - 12 - 31)));
        assert!(!m.is_serving(date!(2025 - 01 - 01)));
    }
}

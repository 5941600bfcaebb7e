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
    pub version: i64,
}

/// The decision that founded a team (number, date, issuing body).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FoundingDecision {
    pub number: String,
    pub date: Option<Date>,
    pub body: String,
}

/// Whether an organisation is a member of the team or a partner it works with.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Standing {
    Member,
    Partner,
}

impl Standing {
    /// Storage and form code.
    pub fn code(self) -> &'static str {
        match self {
            Standing::Member => "member",
            Standing::Partner => "partner",
        }
    }

    /// Parses the code.
    pub fn from_code(code: &str) -> Option<Standing> {
        match code {
            "member" => Some(Standing::Member),
            "partner" => Some(Standing::Partner),
            _ => None,
        }
    }
}

/// The kind of an institution or organisation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum InstitutionKind {
    Police,
    Health,
    RedCross,
    Prosecution,
    Court,
    YouthOffice,
    SocialWork,
    Ngo,
    School,
    Education,
    Culture,
    Media,
    International,
    LocalGovernment,
    Other,
}

impl InstitutionKind {
    /// Every kind, in the order offered in forms.
    pub const ALL: [InstitutionKind; 15] = [
        InstitutionKind::Police,
        InstitutionKind::Health,
        InstitutionKind::RedCross,
        InstitutionKind::Prosecution,
        InstitutionKind::Court,
        InstitutionKind::YouthOffice,
        InstitutionKind::SocialWork,
        InstitutionKind::Ngo,
        InstitutionKind::School,
        InstitutionKind::Education,
        InstitutionKind::Culture,
        InstitutionKind::Media,
        InstitutionKind::International,
        InstitutionKind::LocalGovernment,
        InstitutionKind::Other,
    ];

    /// Storage and form code.
    pub fn code(self) -> &'static str {
        match self {
            InstitutionKind::Police => "police",
            InstitutionKind::Health => "health",
            InstitutionKind::RedCross => "red-cross",
            InstitutionKind::Prosecution => "prosecution",
            InstitutionKind::Court => "court",
            InstitutionKind::YouthOffice => "youth-office",
            InstitutionKind::SocialWork => "social-work",
            InstitutionKind::Ngo => "ngo",
            InstitutionKind::School => "school",
            InstitutionKind::Education => "education",
            InstitutionKind::Culture => "culture",
            InstitutionKind::Media => "media",
            InstitutionKind::International => "international",
            InstitutionKind::LocalGovernment => "local-government",
            InstitutionKind::Other => "other",
        }
    }

    /// Parses the code; unknown codes are refused.
    pub fn from_code(code: &str) -> Option<InstitutionKind> {
        InstitutionKind::ALL.into_iter().find(|k| k.code() == code)
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

/// The role a person holds in the team.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TeamRole {
    Coordinator,
    DeputyCoordinator,
    Representative,
    DeputyRepresentative,
}

impl TeamRole {
    /// Every role, in the order offered in forms.
    pub const ALL: [TeamRole; 4] = [
        TeamRole::Coordinator,
        TeamRole::DeputyCoordinator,
        TeamRole::Representative,
        TeamRole::DeputyRepresentative,
    ];

    /// Storage and form code.
    pub fn code(self) -> &'static str {
        match self {
            TeamRole::Coordinator => "coordinator",
            TeamRole::DeputyCoordinator => "deputy-coordinator",
            TeamRole::Representative => "representative",
            TeamRole::DeputyRepresentative => "deputy-representative",
        }
    }

    /// Parses the code; unknown codes are refused.
    pub fn from_code(code: &str) -> Option<TeamRole> {
        TeamRole::ALL.into_iter().find(|r| r.code() == code)
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

/// What happened to a registry record, as kept in its history.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChangeKind {
    Created,
    Edited,
    Deactivated,
    Reactivated,
}

impl ChangeKind {
    /// Storage code.
    pub fn code(self) -> &'static str {
        match self {
            ChangeKind::Created => "created",
            ChangeKind::Edited => "edited",
            ChangeKind::Deactivated => "deactivated",
            ChangeKind::Reactivated => "reactivated",
        }
    }

    /// Parses the code.
    pub fn from_code(code: &str) -> Option<ChangeKind> {
        [
            ChangeKind::Created,
            ChangeKind::Edited,
            ChangeKind::Deactivated,
            ChangeKind::Reactivated,
        ]
        .into_iter()
        .find(|k| k.code() == code)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn codes_round_trip() {
        for k in InstitutionKind::ALL {
            assert_eq!(InstitutionKind::from_code(k.code()), Some(k));
        }
        for r in TeamRole::ALL {
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

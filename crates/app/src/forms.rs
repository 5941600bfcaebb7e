//! Forms as typed by a person (every field a string), parsed into drafts or field errors.
//! The same forms serve the web pages and the command line.

use serde::Deserialize;
use spona_domain::accounts::{check_new_password, Role, Username};
use spona_domain::ids::InstitutionId;
use spona_domain::registry::{
    FoundingDecision, InstitutionDraft, InstitutionKind, MemberDraft, Standing, TeamRole,
};
use spona_domain::script::to_latin;
use spona_domain::text;
use spona_domain::validation::{FieldError, FieldErrors};
use time::Date;

/// Longest name of an institution or a person.
pub const NAME_MAX: usize = 200;
/// Longest free text (addresses, descriptions).
pub const TEXT_MAX: usize = 2000;

fn checked(v: &Option<String>) -> bool {
    matches!(v.as_deref(), Some("on" | "true" | "1" | "yes"))
}

/// An institution or partner as typed.
#[derive(Clone, Debug, Default, Deserialize)]
pub struct InstitutionForm {
    #[serde(default)]
    pub code: String,
    #[serde(default)]
    pub standing: String,
    #[serde(default)]
    pub kind: String,
    #[serde(default)]
    pub name_cyrl: String,
    #[serde(default)]
    pub name_latn: String,
    #[serde(default)]
    pub short_name: String,
    pub is_lead: Option<String>,
    pub is_donor: Option<String>,
    #[serde(default)]
    pub cooperation: String,
    #[serde(default)]
    pub address: String,
    #[serde(default)]
    pub phone: String,
    #[serde(default)]
    pub email: String,
    /// The version the form was read at (for edit conflicts).
    pub version: Option<i64>,
}

impl InstitutionForm {
    /// The form filled with a stored institution, for editing.
    pub fn from_institution(i: &spona_domain::registry::Institution) -> InstitutionForm {
        InstitutionForm {
            code: i.code.clone(),
            standing: i.standing.code().into(),
            kind: i.kind.code().into(),
            name_cyrl: i.name_cyrl.clone(),
            name_latn: i.name_latn.clone(),
            short_name: i.short_name.clone(),
            is_lead: i.is_lead.then(|| "on".into()),
            is_donor: i.is_donor.then(|| "on".into()),
            cooperation: i.cooperation.clone(),
            address: i.address.clone(),
            phone: i.phone.clone(),
            email: i.email.clone(),
            version: Some(i.version),
        }
    }

    /// Whether the lead box is ticked.
    pub fn lead(&self) -> bool {
        checked(&self.is_lead)
    }

    /// Whether the donor box is ticked.
    pub fn donor(&self) -> bool {
        checked(&self.is_donor)
    }

    /// Parses the form. A missing Latin name is made from the Cyrillic one.
    pub fn parse(&self) -> Result<InstitutionDraft, FieldErrors> {
        let mut e = FieldErrors::new();
        let code = e.check("code", parse_code(&self.code));
        let standing = e.check(
            "standing",
            Standing::from_code(&self.standing).ok_or(FieldError::Unknown),
        );
        let kind = e.check(
            "kind",
            InstitutionKind::from_code(&self.kind).ok_or(FieldError::Unknown),
        );
        let name_cyrl = e.check("name_cyrl", text::required(&self.name_cyrl, NAME_MAX));
        let name_latn = e.check("name_latn", text::optional(&self.name_latn, NAME_MAX));
        let short_name = e.check("short_name", text::required(&self.short_name, 40));
        let cooperation = e.check("cooperation", text::optional(&self.cooperation, TEXT_MAX));
        let address = e.check("address", text::optional(&self.address, 300));
        let phone = e.check("phone", text::phone(&self.phone));
        let email = e.check("email", text::email(&self.email));
        match (
            code,
            standing,
            kind,
            name_cyrl,
            name_latn,
            short_name,
            cooperation,
            address,
            phone,
            email,
        ) {
            (
                Some(code),
                Some(standing),
                Some(kind),
                Some(name_cyrl),
                Some(name_latn),
                Some(short_name),
                Some(cooperation),
                Some(address),
                Some(phone),
                Some(email),
            ) => {
                let name_latn = if name_latn.is_empty() {
                    to_latin(&name_cyrl)
                } else {
                    name_latn
                };
                Ok(InstitutionDraft {
                    code,
                    standing,
                    kind,
                    name_cyrl,
                    name_latn,
                    short_name,
                    is_lead: self.lead() && standing == Standing::Member,
                    is_donor: self.donor(),
                    cooperation,
                    address,
                    phone,
                    email,
                })
            }
            _ => Err(e),
        }
    }
}

/// A short code: lower-case Latin letters, digits and dashes, 2 to 30 characters.
pub fn parse_code(raw: &str) -> Result<String, FieldError> {
    let code = raw.trim().to_ascii_lowercase();
    if code.is_empty() {
        return Err(FieldError::Required);
    }
    if code.len() < 2 || code.len() > 30 {
        return Err(FieldError::Length { min: 2, max: 30 });
    }
    if !code
        .chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
    {
        return Err(FieldError::Invalid);
    }
    Ok(code)
}

/// A team membership as typed.
#[derive(Clone, Debug, Default, Deserialize)]
pub struct MemberForm {
    #[serde(default)]
    pub institution_id: String,
    #[serde(default)]
    pub full_name: String,
    #[serde(default)]
    pub position: String,
    #[serde(default)]
    pub team_role: String,
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub phone: String,
    #[serde(default)]
    pub from_date: String,
    #[serde(default)]
    pub to_date: String,
    pub version: Option<i64>,
}

impl MemberForm {
    /// The form filled with a stored membership, for editing.
    pub fn from_member(m: &spona_domain::registry::Member) -> MemberForm {
        MemberForm {
            institution_id: m.institution_id.0.to_string(),
            full_name: m.full_name.clone(),
            position: m.position.clone(),
            team_role: m.team_role.code().into(),
            email: m.email.clone(),
            phone: m.phone.clone(),
            from_date: text::iso_date(m.from_date),
            to_date: m.to_date.map(text::iso_date).unwrap_or_default(),
            version: Some(m.version),
        }
    }

    /// Parses the form; `today` bounds the start date.
    pub fn parse(&self, today: Date) -> Result<MemberDraft, FieldErrors> {
        let mut e = FieldErrors::new();
        let institution = e.check(
            "institution_id",
            self.institution_id
                .trim()
                .parse::<i64>()
                .map(InstitutionId)
                .map_err(|_| {
                    if self.institution_id.trim().is_empty() {
                        FieldError::Required
                    } else {
                        FieldError::Unknown
                    }
                }),
        );
        let full_name = e.check("full_name", text::required(&self.full_name, NAME_MAX));
        let position = e.check("position", text::optional(&self.position, NAME_MAX));
        let team_role = e.check(
            "team_role",
            TeamRole::from_code(&self.team_role).ok_or(FieldError::Unknown),
        );
        let email = e.check("email", text::email(&self.email));
        let phone = e.check("phone", text::phone(&self.phone));
        let from = e.check(
            "from_date",
            text::date(&self.from_date).and_then(|d| {
                if d > today {
                    Err(FieldError::DateInFuture)
                } else {
                    Ok(d)
                }
            }),
        );
        let to = e.check("to_date", text::optional_date(&self.to_date));
        if let (Some(from), Some(Some(to))) = (from, to) {
            if to < from {
                e.add("to_date", FieldError::DateOrder);
            }
        }
        if !e.is_empty() {
            return Err(e);
        }
        match (
            institution,
            full_name,
            position,
            team_role,
            email,
            phone,
            from,
            to,
        ) {
            (
                Some(institution_id),
                Some(full_name),
                Some(position),
                Some(team_role),
                Some(email),
                Some(phone),
                Some(from_date),
                Some(to_date),
            ) => Ok(MemberDraft {
                institution_id,
                full_name,
                position,
                team_role,
                email,
                phone,
                from_date,
                to_date,
            }),
            _ => Err(e),
        }
    }
}

/// The founding decision as typed.
#[derive(Clone, Debug, Default, Deserialize)]
pub struct FoundingForm {
    #[serde(default)]
    pub number: String,
    #[serde(default)]
    pub date: String,
    #[serde(default)]
    pub body: String,
    pub version: Option<i64>,
}

impl FoundingForm {
    /// Parses the form; the date may not lie in the future.
    pub fn parse(&self, today: Date) -> Result<FoundingDecision, FieldErrors> {
        let mut e = FieldErrors::new();
        let number = e.check("number", text::optional(&self.number, 60));
        let date = e.check(
            "date",
            text::optional_date(&self.date).and_then(|d| match d {
                Some(d) if d > today => Err(FieldError::DateInFuture),
                other => Ok(other),
            }),
        );
        let body = e.check("body", text::optional(&self.body, NAME_MAX));
        match (number, date, body) {
            (Some(number), Some(date), Some(body)) => Ok(FoundingDecision { number, date, body }),
            _ => Err(e),
        }
    }
}

/// A new team as typed.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct TeamForm {
    pub code: String,
    pub name_cyrl: String,
    pub name_latn: String,
    pub city: String,
}

/// A parsed team form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TeamDraft {
    pub code: String,
    pub name_cyrl: String,
    pub name_latn: String,
    pub city: String,
}

impl TeamForm {
    /// Parses the form; a missing Latin name is made from the Cyrillic one.
    pub fn parse(&self) -> Result<TeamDraft, FieldErrors> {
        let mut e = FieldErrors::new();
        let code = e.check("code", parse_code(&self.code));
        let name_cyrl = e.check("name_cyrl", text::required(&self.name_cyrl, NAME_MAX));
        let name_latn = e.check("name_latn", text::optional(&self.name_latn, NAME_MAX));
        let city = e.check("city", text::required(&self.city, 100));
        match (code, name_cyrl, name_latn, city) {
            (Some(code), Some(name_cyrl), Some(name_latn), Some(city)) => Ok(TeamDraft {
                name_latn: if name_latn.is_empty() {
                    to_latin(&name_cyrl)
                } else {
                    name_latn
                },
                code,
                name_cyrl,
                city,
            }),
            _ => Err(e),
        }
    }
}

/// A new account as typed (the password is set through a one-time link or standard input).
#[derive(Clone, Debug, Default, Deserialize)]
pub struct UserForm {
    #[serde(default)]
    pub username: String,
    #[serde(default)]
    pub display_name: String,
    #[serde(default)]
    pub role: String,
    /// Team code; empty for deployment-wide roles.
    #[serde(default)]
    pub team: String,
    /// Institution code within the team.
    #[serde(default)]
    pub institution: String,
}

/// A parsed account form (team and institution still as codes, resolved by the use case).
#[derive(Clone, Debug)]
pub struct UserDraft {
    pub username: Username,
    pub display_name: String,
    pub role: Role,
    pub team: Option<String>,
    pub institution: Option<String>,
}

impl UserForm {
    /// Parses the form.
    pub fn parse(&self) -> Result<UserDraft, FieldErrors> {
        let mut e = FieldErrors::new();
        let username = e.check("username", Username::parse(&self.username));
        let display_name = e.check("display_name", text::required(&self.display_name, NAME_MAX));
        let role = e.check(
            "role",
            Role::from_code(self.role.trim()).ok_or(FieldError::Unknown),
        );
        let team = self.team.trim().to_ascii_lowercase();
        let institution = self.institution.trim().to_ascii_lowercase();
        if let Some(role) = role {
            if role.is_team_bound() {
                if team.is_empty() {
                    e.add("team", FieldError::Required);
                }
                if institution.is_empty() {
                    e.add("institution", FieldError::Required);
                }
            }
        }
        match (username, display_name, role) {
            (Some(username), Some(display_name), Some(role)) if e.is_empty() => Ok(UserDraft {
                username,
                display_name,
                role,
                team: (role.is_team_bound() && !team.is_empty()).then_some(team),
                institution: (role.is_team_bound() && !institution.is_empty())
                    .then_some(institution),
            }),
            _ => Err(e),
        }
    }
}

/// A new password, typed twice.
#[derive(Clone, Debug, Default, Deserialize)]
pub struct PasswordForm {
    #[serde(default)]
    pub password: String,
    #[serde(default)]
    pub password_repeat: String,
}

impl PasswordForm {
    /// Checks the password rules.
    pub fn parse(&self) -> Result<String, FieldErrors> {
        let mut e = FieldErrors::new();
        match check_new_password(&self.password, &self.password_repeat) {
            Ok(()) => Ok(self.password.clone()),
            Err(FieldError::Mismatch) => {
                e.add("password_repeat", FieldError::Mismatch);
                Err(e)
            }
            Err(err) => {
                e.add("password", err);
                Err(e)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    fn institution() -> InstitutionForm {
        InstitutionForm {
            code: "CSR".into(),
            standing: "member".into(),
            kind: "social-work".into(),
            name_cyrl: "Центар за социјални рад Лесковац".into(),
            short_name: "ЦСР".into(),
            is_lead: Some("on".into()),
            ..Default::default()
        }
    }

    #[test]
    fn an_institution_gets_its_latin_name_from_the_cyrillic() {
        let d = institution().parse().unwrap();
        assert_eq!(d.code, "csr");
        assert_eq!(d.name_latn, "Centar za socijalni rad Leskovac");
        assert!(d.is_lead);
    }

    #[test]
    fn a_partner_is_never_a_lead_institution() {
        let mut f = institution();
        f.standing = "partner".into();
        assert!(!f.parse().unwrap().is_lead);
    }

    #[test]
    fn every_bad_field_is_reported_at_once() {
        let f = InstitutionForm {
            code: "ц с р".into(),
            standing: "enemy".into(),
            kind: "bank".into(),
            email: "nope".into(),
            ..Default::default()
        };
        let e = f.parse().unwrap_err();
        assert_eq!(e.get("code"), Some(FieldError::Invalid));
        assert_eq!(e.get("standing"), Some(FieldError::Unknown));
        assert_eq!(e.get("kind"), Some(FieldError::Unknown));
        assert_eq!(e.get("name_cyrl"), Some(FieldError::Required));
        assert_eq!(e.get("email"), Some(FieldError::InvalidEmail));
    }

    #[test]
    fn membership_dates_are_checked() {
        let f = MemberForm {
            institution_id: "3".into(),
            full_name: "Ана Петровић".into(),
            team_role: "representative".into(),
            from_date: "2024-05-01".into(),
            to_date: "2024-04-01".into(),
            ..Default::default()
        };
        let e = f.parse(date!(2026 - 11 - 28)).unwrap_err();
        assert_eq!(e.get("to_date"), Some(FieldError::DateOrder));
        let future = MemberForm {
            from_date: "2027-01-01".into(),
            to_date: String::new(),
            ..f
        };
        let e = future.parse(date!(2026 - 11 - 28)).unwrap_err();
        assert_eq!(e.get("from_date"), Some(FieldError::DateInFuture));
    }

    #[test]
    fn team_roles_need_a_team_and_institution() {
        let f = UserForm {
            username: "ana".into(),
            display_name: "Ана".into(),
            role: "case-worker".into(),
            ..Default::default()
        };
        let e = f.parse().unwrap_err();
        assert_eq!(e.get("team"), Some(FieldError::Required));
        let national = UserForm {
            role: "national".into(),
            team: "leskovac".into(),
            ..f
        };
        assert_eq!(national.parse().unwrap().team, None);
    }
}

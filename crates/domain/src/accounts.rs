//! Accounts: roles and the rules for usernames and passwords.

use crate::validation::FieldError;

coded_enum! {
    /// What a user is in the system; decides, with their team and institution, what they may do.
    /// Declared in the order forms offer them.
    #[derive(serde::Serialize, serde::Deserialize)]
    pub enum Role {
        /// Coordinates a local team: its registry, plan and accounts.
        Coordinator => "coordinator",
        /// Works on cases for an institution (police officer, social worker, health worker).
        CaseWorker => "case-worker",
        /// Takes part in coordination work; never sees case data.
        Member => "member",
        /// The National Coordinator's office: cross-team reports, never personal data.
        National => "national",
        /// The deployment's data-protection officer: reads the audit trail (who did what, when,
        /// from where) and its alerts; never a case's personal data, never anyone's work.
        Auditor => "auditor",
        /// Runs the deployment: teams, accounts, catalogues, settings, the teams' registries.
        /// Sees no team's work: no plan, report, practice or case.
        Admin => "admin",
    }
}

impl Role {
    /// Roles that belong to one team and one institution; the others span the deployment.
    pub fn is_team_bound(self) -> bool {
        matches!(self, Role::Coordinator | Role::CaseWorker | Role::Member)
    }
}

/// Minimum password length (ASVS 2.1.1 asks for at least 12).
pub const PASSWORD_MIN_LEN: usize = 12;
/// Maximum password length, so hashing cost stays bounded.
pub const PASSWORD_MAX_LEN: usize = 128;

/// A username: lower-case ASCII letters, digits, dot, dash, underscore; 3 to 40 characters.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Username(String);

impl Username {
    /// Parses and normalises (trims, lower-cases) a username.
    pub fn parse(raw: &str) -> Result<Username, FieldError> {
        let value = raw.trim().to_ascii_lowercase();
        if value.is_empty() {
            return Err(FieldError::Required);
        }
        if value.len() < 3 || value.len() > 40 {
            return Err(FieldError::Length { min: 3, max: 40 });
        }
        if !value
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '.' | '-' | '_'))
        {
            return Err(FieldError::Invalid);
        }
        Ok(Username(value))
    }

    /// The normalised username.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Checks a new password against the length rules; characters are not restricted (ASVS 2.1).
pub fn check_new_password(password: &str, repeat: &str) -> Result<(), FieldError> {
    let chars = password.chars().count();
    if chars < PASSWORD_MIN_LEN {
        return Err(FieldError::TooShort {
            min: PASSWORD_MIN_LEN,
        });
    }
    if chars > PASSWORD_MAX_LEN {
        return Err(FieldError::TooLong {
            max: PASSWORD_MAX_LEN,
        });
    }
    if password != repeat {
        return Err(FieldError::Mismatch);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn role_codes_round_trip_and_unknown_is_refused() {
        for &role in Role::ALL {
            assert_eq!(Role::from_code(role.code()), Some(role));
        }
        assert_eq!(Role::from_code("root"), None);
    }

    #[test]
    fn usernames_are_normalised_and_checked() {
        assert_eq!(
            Username::parse("  Le-Police ").unwrap().as_str(),
            "le-police"
        );
        assert_eq!(Username::parse(""), Err(FieldError::Required));
        assert_eq!(
            Username::parse("ab"),
            Err(FieldError::Length { min: 3, max: 40 })
        );
        assert_eq!(Username::parse("ana marić"), Err(FieldError::Invalid));
    }

    #[test]
    fn passwords_need_length_and_a_matching_repeat() {
        assert_eq!(
            check_new_password("short", "short"),
            Err(FieldError::TooShort { min: 12 })
        );
        assert_eq!(
            check_new_password("long enough pass", "long enough pasS"),
            Err(FieldError::Mismatch)
        );
        assert!(check_new_password("дугачка лозинка", "дугачка лозинка").is_ok());
    }
}

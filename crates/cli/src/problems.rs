//! Refusals and failures as the operator reads them on standard error: one line for a
//! failure, one "field: problem" line per refused field.

use spona_app::AppError;
use spona_domain::validation::{FieldError, FieldErrors};
use std::fmt;

/// Fields a use case refused; nothing was saved.
#[derive(Debug)]
pub struct Refused(pub FieldErrors);

impl fmt::Display for Refused {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let lines: Vec<String> = self
            .0
            .iter()
            .map(|(field, error)| format!("{}: {}", option_name(field), problem(field, *error)))
            .collect();
        f.write_str(&lines.join("\n"))
    }
}

impl std::error::Error for Refused {}

/// Turns a use case's error into the binary's, keeping refused fields apart for printing.
pub fn app(error: AppError) -> anyhow::Error {
    match error {
        AppError::Invalid(fields) => Refused(fields).into(),
        other => other.into(),
    }
}

/// Prints an error on standard error.
pub fn report(error: &anyhow::Error) {
    match error.downcast_ref::<Refused>() {
        Some(refused) => eprintln!("{refused}"),
        None => eprintln!("error: {error:#}"),
    }
}

/// The command-line option a form field comes from.
fn option_name(field: &str) -> String {
    match field {
        "password_repeat" => "password".into(),
        other => other.replace('_', "-"),
    }
}

/// A short English phrase for a field's problem.
fn problem(field: &str, error: FieldError) -> String {
    match error {
        FieldError::Required => "is required".into(),
        FieldError::TooLong { max } => format!("is too long (at most {max} characters)"),
        FieldError::TooShort { min } => format!("is too short (at least {min} characters)"),
        FieldError::Length { min, max } => {
            format!("must be {min} to {max} characters long")
        }
        FieldError::Invalid if field == "username" => {
            "may contain only lower-case letters a-z, digits, '.', '-' and '_'".into()
        }
        FieldError::Invalid => "is not valid".into(),
        FieldError::InvalidDate => "is not a date (write YYYY-MM-DD)".into(),
        FieldError::InvalidEmail => "is not an e-mail address".into(),
        FieldError::InvalidPhone => "is not a phone number".into(),
        FieldError::DateOrder => "lies before the start date".into(),
        FieldError::DateInFuture => "lies in the future".into(),
        FieldError::Mismatch => "the two entries differ".into(),
        FieldError::Unknown => match field {
            "team" => "no team has this code".into(),
            "institution" => "no active institution of the team has this code".into(),
            "role" => "is not a role".into(),
            _ => "is not one of the choices".into(),
        },
        FieldError::Taken => "is already taken".into(),
        FieldError::FileEmpty => "is an empty file".into(),
        FieldError::FileTooLarge => "is too large".into(),
        FieldError::FileKind => "is not a file of an accepted kind".into(),
        FieldError::BeyondStock => "is more than is in stock".into(),
        FieldError::OutsidePlanPeriod => "is outside the plan's period".into(),
        FieldError::ObjectiveHasActivities => "still has activities".into(),
        FieldError::StillLinked => "other records link to it".into(),
        FieldError::PeriodNotOver => "the period is not over yet".into(),
        FieldError::NoSuchRecord => "names no record".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_refused_field_is_a_line_named_like_its_option() {
        let mut e = FieldErrors::new();
        e.add("display_name", FieldError::Required);
        e.add("password", FieldError::TooShort { min: 12 });
        e.add("team", FieldError::Unknown);
        assert_eq!(
            Refused(e).to_string(),
            "display-name: is required\n\
             password: is too short (at least 12 characters)\n\
             team: no team has this code"
        );
    }

    #[test]
    fn invalid_input_stays_apart_from_other_failures() {
        let refused = app(AppError::Invalid(FieldErrors::new()));
        assert!(refused.downcast_ref::<Refused>().is_some());
        let other = app(AppError::NotFound);
        assert!(other.downcast_ref::<Refused>().is_none());
    }
}

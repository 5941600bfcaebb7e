//! Parsers for the plain fields of forms: text with limits, e-mail, phone, dates.

use crate::validation::FieldError;
use time::{macros::format_description, Date};

/// Trimmed text that must be present and at most `max` characters long.
pub fn required(raw: &str, max: usize) -> Result<String, FieldError> {
    let value = raw.trim();
    if value.is_empty() {
        return Err(FieldError::Required);
    }
    optional(value, max)
}

/// Trimmed text, possibly empty, at most `max` characters long.
pub fn optional(raw: &str, max: usize) -> Result<String, FieldError> {
    let value = raw.trim();
    if value.chars().count() > max {
        return Err(FieldError::TooLong { max });
    }
    if value
        .chars()
        .any(|c| c.is_control() && c != '\n' && c != '\r' && c != '\t')
    {
        return Err(FieldError::Invalid);
    }
    Ok(value.to_string())
}

/// An optional e-mail address: one `@`, something on both sides, a dot in the domain.
pub fn email(raw: &str) -> Result<String, FieldError> {
    let value = optional(raw, 254)?;
    if value.is_empty() {
        return Ok(value);
    }
    let valid = match value.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !domain.contains('@')
                && !value.chars().any(char::is_whitespace)
        }
        None => false,
    };
    if valid {
        Ok(value)
    } else {
        Err(FieldError::InvalidEmail)
    }
}

/// An optional phone number: digits with spaces, dashes, slashes, dots, brackets and a leading +.
pub fn phone(raw: &str) -> Result<String, FieldError> {
    let value = optional(raw, 40)?;
    if value.is_empty() {
        return Ok(value);
    }
    let digits = value.chars().filter(char::is_ascii_digit).count();
    let allowed = value.chars().enumerate().all(|(i, c)| {
        c.is_ascii_digit() || matches!(c, ' ' | '-' | '/' | '.' | '(' | ')') || (c == '+' && i == 0)
    });
    if allowed && (6..=15).contains(&digits) {
        Ok(value)
    } else {
        Err(FieldError::InvalidPhone)
    }
}

/// A date as sent by `<input type="date">` (2013-11-30) or typed the Serbian way (30.11.2013.).
pub fn date(raw: &str) -> Result<Date, FieldError> {
    let value = raw.trim();
    if value.is_empty() {
        return Err(FieldError::Required);
    }
    let iso = format_description!("[year]-[month]-[day]");
    let serbian = format_description!("[day].[month].[year]");
    Date::parse(value, iso)
        .or_else(|_| Date::parse(value.trim_end_matches('.'), serbian))
        .map_err(|_| FieldError::InvalidDate)
}

/// An optional date: empty means none.
pub fn optional_date(raw: &str) -> Result<Option<Date>, FieldError> {
    if raw.trim().is_empty() {
        Ok(None)
    } else {
        date(raw).map(Some)
    }
}

/// The ISO form (2013-11-30) used in storage and in `<input type="date">`.
pub fn iso_date(date: Date) -> String {
    let iso = format_description!("[year]-[month]-[day]");
    date.format(iso).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn required_text_is_trimmed_and_bounded() {
        assert_eq!(required("  Лесковац ", 20), Ok("Лесковац".into()));
        assert_eq!(required("   ", 20), Err(FieldError::Required));
        assert_eq!(required("ђђђ", 2), Err(FieldError::TooLong { max: 2 }));
        assert_eq!(optional("a\u{0}b", 20), Err(FieldError::Invalid));
    }

    #[test]
    fn emails_and_phones() {
        assert_eq!(email(""), Ok(String::new()));
        assert!(email("csr@leskovac.rs").is_ok());
        assert_eq!(email("csr.leskovac.rs"), Err(FieldError::InvalidEmail));
        assert_eq!(email("a@b"), Err(FieldError::InvalidEmail));
        assert!(phone("+381 16 212 345").is_ok());
        assert!(phone("016/212-345").is_ok());
        assert_eq!(phone("call me"), Err(FieldError::InvalidPhone));
        assert_eq!(phone("12"), Err(FieldError::InvalidPhone));
    }

    #[test]
    fn dates_in_both_notations() {
        assert_eq!(date("2013-11-30"), Ok(date!(2013 - 11 - 30)));
        assert_eq!(date("30.11.2013."), Ok(date!(2013 - 11 - 30)));
        assert_eq!(date("31.11.2013."), Err(FieldError::InvalidDate));
        assert_eq!(optional_date(""), Ok(None));
        assert_eq!(iso_date(date!(2013 - 11 - 30)), "2013-11-30");
    }
}

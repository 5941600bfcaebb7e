//! A written reason, asked for wherever someone departs from the ordinary path.

use crate::text;
use crate::validation::FieldError;

/// A written reason (declining a referral, correcting the proceedings stage): trimmed, never
/// empty, at most [`Reason::MAX`] characters. A decision that needs one cannot be made without.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Reason(String);

impl Reason {
    /// Longest reason, in characters.
    pub const MAX: usize = 1000;

    /// Parses a typed reason.
    pub fn parse(raw: &str) -> Result<Reason, FieldError> {
        text::required(raw, Reason::MAX).map(Reason)
    }

    /// The reason's text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The reason's text, owned.
    pub fn into_string(self) -> String {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reason_is_required_trimmed_and_bounded() {
        assert_eq!(
            Reason::parse("  нема капацитета ").unwrap().as_str(),
            "нема капацитета"
        );
        assert_eq!(Reason::parse(" \n\t "), Err(FieldError::Required));
        assert_eq!(
            Reason::parse(&"ђ".repeat(1001)),
            Err(FieldError::TooLong { max: 1000 })
        );
        assert!(Reason::parse(&"ђ".repeat(1000)).is_ok());
    }
}

//! The smallest count that may be published.

use std::fmt;
use std::str::FromStr;

/// The disclosure threshold k: a published count is either 0 or at least k, never 1..k-1.
///
/// The default, 11, is the k that CTDC uses for its k-anonymised data.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
pub struct Threshold(u32);

/// Why a threshold was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ThresholdError {
    /// The text is not a whole number.
    #[error("the threshold must be a whole number")]
    NotANumber,
    /// The number is outside the allowed range.
    #[error("the threshold must be between {min} and {max}", min = Threshold::MIN, max = Threshold::MAX)]
    OutOfRange,
}

impl Threshold {
    /// The smallest threshold allowed: with 1 nothing would be suppressed.
    pub const MIN: u32 = 2;
    /// The largest threshold allowed: beyond it almost every local table would be empty.
    pub const MAX: u32 = 100;
    /// The threshold used unless a team chooses otherwise.
    pub const DEFAULT: Threshold = Threshold(11);

    /// A threshold of `k`, if `k` is in `MIN..=MAX`.
    pub fn new(k: u32) -> Result<Threshold, ThresholdError> {
        if (Self::MIN..=Self::MAX).contains(&k) {
            Ok(Threshold(k))
        } else {
            Err(ThresholdError::OutOfRange)
        }
    }

    /// The value of k.
    pub fn get(self) -> u32 {
        self.0
    }

    /// Whether `count` must not be published: it is 1..k-1. Zero is not small: it reveals
    /// nobody.
    pub fn is_small(self, count: u64) -> bool {
        count >= 1 && count < u64::from(self.0)
    }
}

impl Default for Threshold {
    fn default() -> Threshold {
        Threshold::DEFAULT
    }
}

impl FromStr for Threshold {
    type Err = ThresholdError;

    /// Parses a whole number, ignoring surrounding spaces.
    fn from_str(raw: &str) -> Result<Threshold, ThresholdError> {
        let raw = raw.trim();
        if raw.is_empty() || !raw.bytes().all(|b| b.is_ascii_digit()) {
            return Err(ThresholdError::NotANumber);
        }
        // Many digits are a valid number, just far too large.
        let k = raw.parse::<u32>().map_err(|_| ThresholdError::OutOfRange)?;
        Threshold::new(k)
    }
}

impl fmt::Display for Threshold {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl<'de> serde::Deserialize<'de> for Threshold {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Threshold, D::Error> {
        let k = u32::deserialize(d)?;
        Threshold::new(k).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_is_eleven() {
        assert_eq!(Threshold::default().get(), 11);
    }

    #[test]
    fn parsing_accepts_the_range_and_refuses_the_rest() {
        assert_eq!("11".parse::<Threshold>(), Ok(Threshold(11)));
        assert_eq!(" 2 ".parse::<Threshold>(), Ok(Threshold(2)));
        assert_eq!("100".parse::<Threshold>(), Ok(Threshold(100)));
        assert_eq!("1".parse::<Threshold>(), Err(ThresholdError::OutOfRange));
        assert_eq!("0".parse::<Threshold>(), Err(ThresholdError::OutOfRange));
        assert_eq!("101".parse::<Threshold>(), Err(ThresholdError::OutOfRange));
        assert_eq!(
            "99999999999999999999".parse::<Threshold>(),
            Err(ThresholdError::OutOfRange)
        );
        assert_eq!("".parse::<Threshold>(), Err(ThresholdError::NotANumber));
        assert_eq!("-5".parse::<Threshold>(), Err(ThresholdError::NotANumber));
        assert_eq!("+5".parse::<Threshold>(), Err(ThresholdError::NotANumber));
        assert_eq!("1 1".parse::<Threshold>(), Err(ThresholdError::NotANumber));
        assert_eq!(
            "eleven".parse::<Threshold>(),
            Err(ThresholdError::NotANumber)
        );
    }

    #[test]
    fn a_stored_threshold_is_checked_when_read() {
        use serde::de::{value::Error, IntoDeserializer};
        use serde::Deserialize;
        let read = |k: u32| Threshold::deserialize(IntoDeserializer::<Error>::into_deserializer(k));
        assert_eq!(read(11), Ok(Threshold(11)));
        assert!(read(1).is_err());
    }

    #[test]
    fn zero_is_not_small_and_k_is_not_small() {
        let k = Threshold::DEFAULT;
        assert!(!k.is_small(0));
        assert!(k.is_small(1));
        assert!(k.is_small(10));
        assert!(!k.is_small(11));
    }
}

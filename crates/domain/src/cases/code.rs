//! The pseudonymous code of a case: team prefix, year and sequence, in either script.
//!
//! The code is what people say and write instead of a name ("ЛЕ-2026-0007" or
//! "LE-2026-0007"). Prefix letters are limited to Cyrillic letters whose Latin spelling is one
//! letter (every one but Љ, Њ, Џ), so that a code typed in Latin maps back to exactly one
//! Cyrillic code.

use crate::script::to_latin;
use std::fmt;
use std::str::FromStr;

/// Cyrillic letters allowed in a prefix, paired by position with their Latin spelling.
const CYRILLIC: [char; 27] = [
    'А', 'Б', 'В', 'Г', 'Д', 'Ђ', 'Е', 'Ж', 'З', 'И', 'Ј', 'К', 'Л', 'М', 'Н', 'О', 'П', 'Р', 'С',
    'Т', 'Ћ', 'У', 'Ф', 'Х', 'Ц', 'Ч', 'Ш',
];
const LATIN: [char; 27] = [
    'A', 'B', 'V', 'G', 'D', 'Đ', 'E', 'Ž', 'Z', 'I', 'J', 'K', 'L', 'M', 'N', 'O', 'P', 'R', 'S',
    'T', 'Ć', 'U', 'F', 'H', 'C', 'Č', 'Š',
];

/// A case's pseudonymous code. Stored and shown in Cyrillic; shown in Latin to Latin readers.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CaseCode {
    prefix: String,
    year: i32,
    seq: u32,
}

/// Why a case code was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum CaseCodeError {
    /// The prefix is empty, too long, or has a letter that cannot be used.
    #[error("the team prefix must be 1 to 4 Serbian letters (not Љ, Њ, Џ)")]
    InvalidPrefix,
    /// The year is not a four-digit year.
    #[error("the year must have four digits")]
    InvalidYear,
    /// The sequence is not between 1 and 99,999.
    #[error("the sequence number must be between 0001 and 99999")]
    InvalidSequence,
    /// The text is not `PREFIX-YEAR-SEQUENCE`.
    #[error("a case code looks like ЛЕ-2026-0007")]
    Malformed,
}

impl CaseCode {
    /// Longest team prefix, in letters.
    pub const PREFIX_MAX: usize = 4;
    /// Highest sequence number of a year. Codes have four digits up to 9999 and five after:
    /// a team with more reports in a year (a national deployment's large team) still gives
    /// every case a code.
    pub const SEQ_MAX: u32 = 99_999;

    /// A code from the team's Cyrillic prefix (any case), the year and the sequence number.
    pub fn new(prefix_cyrl: &str, year: i32, seq: u32) -> Result<CaseCode, CaseCodeError> {
        let mut prefix = String::new();
        for c in prefix_cyrl.trim().chars().flat_map(char::to_uppercase) {
            if !CYRILLIC.contains(&c) {
                return Err(CaseCodeError::InvalidPrefix);
            }
            prefix.push(c);
        }
        if prefix.is_empty() || prefix.chars().count() > Self::PREFIX_MAX {
            return Err(CaseCodeError::InvalidPrefix);
        }
        if !(1000..=9999).contains(&year) {
            return Err(CaseCodeError::InvalidYear);
        }
        if !(1..=Self::SEQ_MAX).contains(&seq) {
            return Err(CaseCodeError::InvalidSequence);
        }
        Ok(CaseCode { prefix, year, seq })
    }

    /// Parses a code written in either script, in any case, with letters of both scripts
    /// mixed (Latin `E` typed in a Cyrillic prefix is read as `Е`). Dashes may be `-` or `–`.
    pub fn parse(raw: &str) -> Result<CaseCode, CaseCodeError> {
        let parts: Vec<&str> = raw.trim().split(['-', '–']).collect();
        let [prefix, year, seq] = parts.as_slice() else {
            return Err(CaseCodeError::Malformed);
        };
        let mut cyrillic = String::new();
        for c in prefix.chars().flat_map(char::to_uppercase) {
            let letter = if CYRILLIC.contains(&c) {
                c
            } else {
                match LATIN.iter().position(|l| *l == c) {
                    Some(i) => CYRILLIC[i],
                    None => return Err(CaseCodeError::InvalidPrefix),
                }
            };
            cyrillic.push(letter);
        }
        let year = four_digits(year).ok_or(CaseCodeError::InvalidYear)?;
        let seq = sequence(seq).ok_or(CaseCodeError::InvalidSequence)?;
        CaseCode::new(&cyrillic, i32::from(year), seq)
    }

    /// The team prefix in Cyrillic capitals.
    pub fn prefix(&self) -> &str {
        &self.prefix
    }

    /// The year.
    pub fn year(&self) -> i32 {
        self.year
    }

    /// The sequence number within the team and year.
    pub fn seq(&self) -> u32 {
        self.seq
    }

    /// The code in Cyrillic: `ЛЕ-2026-0007`.
    pub fn to_cyrillic(&self) -> String {
        format!("{}-{}-{:04}", self.prefix, self.year, self.seq)
    }

    /// The code in Latin: `LE-2026-0007`.
    pub fn to_latin(&self) -> String {
        to_latin(&self.to_cyrillic())
    }
}

/// A sequence as codes write it: four digits, or five not starting with 0 (so that each
/// number has one spelling).
fn sequence(s: &str) -> Option<u32> {
    let digits = s.bytes().all(|b| b.is_ascii_digit());
    match s.len() {
        4 if digits => s.parse().ok(),
        5 if digits && !s.starts_with('0') => s.parse().ok(),
        _ => None,
    }
}

/// Exactly four ASCII digits.
fn four_digits(s: &str) -> Option<u16> {
    if s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit()) {
        s.parse().ok()
    } else {
        None
    }
}

impl fmt::Display for CaseCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_cyrillic())
    }
}

impl FromStr for CaseCode {
    type Err = CaseCodeError;

    fn from_str(s: &str) -> Result<CaseCode, CaseCodeError> {
        CaseCode::parse(s)
    }
}

impl serde::Serialize for CaseCode {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.to_cyrillic())
    }
}

impl<'de> serde::Deserialize<'de> for CaseCode {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<CaseCode, D::Error> {
        let s = String::deserialize(deserializer)?;
        CaseCode::parse(&s).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn the_code_is_written_in_both_scripts() {
        let code = CaseCode::new("ЛЕ", 2026, 7).unwrap();
        assert_eq!(code.to_cyrillic(), "ЛЕ-2026-0007");
        assert_eq!(code.to_latin(), "LE-2026-0007");
        assert_eq!(code.to_string(), "ЛЕ-2026-0007");
        assert_eq!(code.prefix(), "ЛЕ");
        assert_eq!((code.year(), code.seq()), (2026, 7));
    }

    #[test]
    fn a_team_past_its_ten_thousandth_case_of_a_year_still_gives_codes() {
        let code = CaseCode::new("ЛЕ", 2026, 10_000).unwrap();
        assert_eq!(code.to_cyrillic(), "ЛЕ-2026-10000");
        assert_eq!(code.to_latin(), "LE-2026-10000");
        assert_eq!(CaseCode::parse("le-2026-10000"), Ok(code));
        assert_eq!(
            CaseCode::parse("ЛЕ-2026-99999").map(|c| c.seq()),
            Ok(CaseCode::SEQ_MAX)
        );
    }

    #[test]
    fn both_scripts_and_any_case_parse_to_the_same_code() {
        let code = CaseCode::new("ле", 2026, 7).unwrap();
        for text in [
            "ЛЕ-2026-0007",
            "LE-2026-0007",
            "le-2026-0007",
            " ЛЕ–2026–0007 ",
            "ЛE-2026-0007",
        ] {
            assert_eq!(CaseCode::parse(text), Ok(code.clone()), "{text}");
        }
        let cacak = CaseCode::parse("čA-2025-0120").unwrap();
        assert_eq!(cacak.to_cyrillic(), "ЧА-2025-0120");
        assert_eq!(cacak.to_latin(), "ČA-2025-0120");
    }

    #[test]
    fn bad_codes_are_refused_with_the_part_that_is_wrong() {
        use CaseCodeError as E;
        assert_eq!(CaseCode::parse("ЛЕ-2026"), Err(E::Malformed));
        assert_eq!(CaseCode::parse("ЛЕ-2026-0007-1"), Err(E::Malformed));
        assert_eq!(CaseCode::parse("-2026-0007"), Err(E::InvalidPrefix));
        assert_eq!(CaseCode::parse("ЊИ-2026-0007"), Err(E::InvalidPrefix));
        // Without Њ in prefixes, Latin "NJ" can only be Н followed by Ј.
        assert_eq!(CaseCode::parse("NJI-2026-0007").unwrap().prefix(), "НЈИ");
        assert_eq!(CaseCode::parse("WX-2026-0007"), Err(E::InvalidPrefix));
        assert_eq!(CaseCode::parse("ЛЕСКО-2026-0007"), Err(E::InvalidPrefix));
        assert_eq!(CaseCode::parse("ЛЕ-26-0007"), Err(E::InvalidYear));
        assert_eq!(CaseCode::parse("ЛЕ-0999-0007"), Err(E::InvalidYear));
        assert_eq!(CaseCode::parse("ЛЕ-2026-7"), Err(E::InvalidSequence));
        assert_eq!(CaseCode::parse("ЛЕ-2026-0000"), Err(E::InvalidSequence));
        assert_eq!(CaseCode::parse("ЛЕ-2026-+007"), Err(E::InvalidSequence));
        assert_eq!(CaseCode::parse("ЛЕ-2026-00007"), Err(E::InvalidSequence));
        assert_eq!(CaseCode::parse("ЛЕ-2026-100000"), Err(E::InvalidSequence));
        assert_eq!(CaseCode::new("ЛЕ", 2026, 100_000), Err(E::InvalidSequence));
        assert_eq!(CaseCode::new("", 2026, 1), Err(E::InvalidPrefix));
    }

    #[test]
    fn the_code_is_read_from_text_in_either_script() {
        use serde::de::{value::Error, IntoDeserializer};
        use serde::Deserialize;
        let code = CaseCode::new("ЛЕ", 2026, 7).unwrap();
        let parsed: CaseCode = "LE-2026-0007".parse().unwrap();
        assert_eq!(parsed, code);
        let de = IntoDeserializer::<Error>::into_deserializer("LE-2026-0007");
        assert_eq!(CaseCode::deserialize(de), Ok(code));
        let bad = IntoDeserializer::<Error>::into_deserializer("LE-2026");
        assert!(CaseCode::deserialize(bad).is_err());
    }

    fn any_code() -> impl Strategy<Value = CaseCode> {
        (
            proptest::collection::vec(proptest::sample::select(CYRILLIC.to_vec()), 1..=4),
            1000i32..=9999,
            1u32..=CaseCode::SEQ_MAX,
        )
            .prop_map(|(letters, year, seq)| {
                let prefix: String = letters.into_iter().collect();
                CaseCode::new(&prefix, year, seq).unwrap()
            })
    }

    proptest! {
        #[test]
        fn codes_round_trip_in_both_scripts(code in any_code()) {
            prop_assert_eq!(CaseCode::parse(&code.to_cyrillic()), Ok(code.clone()));
            prop_assert_eq!(CaseCode::parse(&code.to_latin()), Ok(code.clone()));
            prop_assert_eq!(CaseCode::parse(&code.to_latin().to_lowercase()), Ok(code.clone()));
            prop_assert_eq!(CaseCode::parse(&code.to_cyrillic().to_lowercase()), Ok(code.clone()));
        }

        #[test]
        fn the_latin_code_has_no_cyrillic_and_the_same_shape(code in any_code()) {
            let latin = code.to_latin();
            let cyrillic = '\u{0400}'..='\u{04FF}';
            prop_assert!(!latin.chars().any(|c| cyrillic.contains(&c)));
            prop_assert_eq!(latin.chars().count(), code.to_cyrillic().chars().count());
        }

        #[test]
        fn parsing_never_panics(s in any::<String>()) {
            let _ = CaseCode::parse(&s);
        }
    }
}

//! HTCDS records of cases: only categories, never a name, a date of birth, a place or a
//! narrative; k-anonymised before they leave, so that every combination of values that is
//! released is shared by at least k people (CTDC publishes with k = 11).
//!
//! Mapping from our categories (also in `docs/htcds.md`):
//! - `prs_Gender`: female → Female, male → Male, other or unknown → Unknown (HTCDS also has
//!   Transgender/NonConforming; we record it together with unknown, as a rare value would
//!   single a person out).
//! - `prs_Nationality`: ISO 3166 alpha-2 as recorded; generalised to empty (unknown) when
//!   a class would otherwise be too small.
//! - `spona_AgeBand` (extension: HTCDS has only the birth date, which never leaves): Minor,
//!   Adult, Unknown.
//! - `vic_TraffickingStatus`: identified (and assistance, return, inclusion) → Actual; not a
//!   victim → NotAVictim; every other state → Possible.
//! - `vic_TypeOfExploitation` (the standard's exploitation vocabulary): Sexual, Labour,
//!   Begging, CriminalActivity, ForcedMarriage, IllegalAdoption, OrganRemoval, Pornography,
//!   ArmedConflict, Multiple; empty when none was recorded.
//! - `cas_Status`: closed → Closed; return or inclusion → FollowUp; otherwise Active.
//! - `spona_YearOfRegistration` (extension): the year the case was reported.

use serde::Serialize;
use std::collections::BTreeMap;

/// The fields of a record in the order they are written (CSV columns, JSON keys).
pub const HTCDS_FIELDS: [&str; 7] = [
    "prs_Gender",
    "prs_Nationality",
    "spona_AgeBand",
    "vic_TraffickingStatus",
    "vic_TypeOfExploitation",
    "cas_Status",
    "spona_YearOfRegistration",
];

/// One person's case as HTCDS values.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct HtcdsRecord {
    #[serde(rename = "prs_Gender")]
    pub gender: &'static str,
    #[serde(rename = "prs_Nationality")]
    pub nationality: String,
    #[serde(rename = "spona_AgeBand")]
    pub age_band: &'static str,
    #[serde(rename = "vic_TraffickingStatus")]
    pub trafficking_status: &'static str,
    #[serde(rename = "vic_TypeOfExploitation")]
    pub exploitation: &'static str,
    #[serde(rename = "cas_Status")]
    pub case_status: &'static str,
    #[serde(rename = "spona_YearOfRegistration")]
    pub year: i32,
}

impl HtcdsRecord {
    /// The record of a case from its stored category codes.
    pub fn from_codes(
        sex: &str,
        citizenship: &str,
        age_band: &str,
        state: &str,
        exploitation: &str,
        year: i32,
    ) -> HtcdsRecord {
        HtcdsRecord {
            gender: match sex {
                "female" => "Female",
                "male" => "Male",
                _ => "Unknown",
            },
            nationality: citizenship
                .trim()
                .to_ascii_uppercase()
                .chars()
                .filter(char::is_ascii_alphabetic)
                .take(2)
                .collect(),
            age_band: match age_band {
                "child" => "Minor",
                "adult" => "Adult",
                _ => "Unknown",
            },
            trafficking_status: match state {
                "outcome-identified" | "assistance" | "return-or-inclusion" => "Actual",
                "outcome-not-a-victim" => "NotAVictim",
                _ => "Possible",
            },
            exploitation: match exploitation {
                "sexual" => "Sexual",
                "labour" => "Labour",
                "forced-begging" => "Begging",
                "forced-criminality" => "CriminalActivity",
                "forced-marriage" => "ForcedMarriage",
                "illegal-adoption" => "IllegalAdoption",
                "organ-removal" => "OrganRemoval",
                "pornography" => "Pornography",
                "armed-conflict" => "ArmedConflict",
                "multiple" => "Multiple",
                _ => "",
            },
            case_status: match state {
                "closed" => "Closed",
                "return-or-inclusion" => "FollowUp",
                _ => "Active",
            },
            year,
        }
    }

    /// The values in [`HTCDS_FIELDS`] order, as text.
    pub fn values(&self) -> [String; 7] {
        [
            self.gender.into(),
            self.nationality.clone(),
            self.age_band.into(),
            self.trafficking_status.into(),
            self.exploitation.into(),
            self.case_status.into(),
            self.year.to_string(),
        ]
    }

    /// The record with its rarest values made general: nationality and form of exploitation
    /// unknown.
    fn generalised(&self) -> HtcdsRecord {
        HtcdsRecord {
            nationality: String::new(),
            exploitation: "",
            ..self.clone()
        }
    }
}

/// What may leave: records in classes of at least k, and whether any were withheld (never
/// how many: a count of 1 to k-1 is itself a small number).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Anonymised {
    pub k: u32,
    pub records: Vec<HtcdsRecord>,
    pub withheld: bool,
}

fn classes(records: Vec<HtcdsRecord>) -> BTreeMap<HtcdsRecord, usize> {
    let mut out = BTreeMap::new();
    for r in records {
        *out.entry(r).or_insert(0) += 1;
    }
    out
}

/// k-anonymises records: classes of identical records with at least k members are released
/// as they are; the others are generalised (nationality and form of exploitation made
/// unknown) and released if their generalised class reaches k; the rest are withheld.
pub fn anonymise(records: Vec<HtcdsRecord>, k: u32) -> Anonymised {
    let k = k as usize;
    let mut released = Vec::new();
    let mut small = Vec::new();
    for (record, n) in classes(records) {
        if n >= k {
            released.extend(std::iter::repeat_n(record, n));
        } else {
            small.extend(std::iter::repeat_n(record.generalised(), n));
        }
    }
    let mut withheld = false;
    for (record, n) in classes(small) {
        // A generalised class must not merge into a released detailed one and so reveal
        // the difference: it stands on its own, and only when it is large enough.
        if n >= k {
            released.extend(std::iter::repeat_n(record, n));
        } else {
            withheld = true;
        }
    }
    released.sort();
    Anonymised {
        k: k as u32,
        records: released,
        withheld,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn rec(sex: &str, nat: &str, form: &str) -> HtcdsRecord {
        HtcdsRecord::from_codes(sex, nat, "adult", "referred", form, 2026)
    }

    #[test]
    fn codes_map_to_the_standards_values() {
        let r = HtcdsRecord::from_codes("female", "rs", "child", "assistance", "labour", 2026);
        assert_eq!(
            r.values(),
            ["Female", "RS", "Minor", "Actual", "Labour", "Active", "2026"].map(String::from)
        );
        let r = HtcdsRecord::from_codes("other-or-unknown", "", "unknown", "closed", "", 2025);
        assert_eq!(
            (r.gender, r.trafficking_status, r.case_status),
            ("Unknown", "Possible", "Closed")
        );
    }

    #[test]
    fn small_classes_are_generalised_or_withheld_and_their_number_is_not_told() {
        let mut records = vec![rec("female", "RS", "sexual"); 11];
        records.extend(vec![rec("male", "UA", "labour"); 6]);
        records.extend(vec![rec("male", "MD", "labour"); 5]);
        records.push(rec("female", "AL", "labour"));
        let out = anonymise(records, 11);
        // 11 identical women are released as they are; the 11 men become one class of
        // unknown nationality and form; the one woman is withheld.
        assert_eq!(out.records.len(), 22);
        assert!(out.withheld);
        assert!(out
            .records
            .iter()
            .all(|r| r.nationality != "UA" && r.nationality != "AL"));
        assert_eq!(
            out.records
                .iter()
                .filter(|r| r.gender == "Male" && r.nationality.is_empty())
                .count(),
            11
        );
    }

    proptest! {
        #[test]
        fn every_released_combination_is_shared_by_at_least_k(
            picks in proptest::collection::vec((0usize..3, 0usize..4, 0usize..3), 0..80),
            k in 2u32..12,
        ) {
            let sexes = ["female", "male", "other-or-unknown"];
            let nats = ["RS", "UA", "AL", ""];
            let forms = ["sexual", "labour", ""];
            let records: Vec<HtcdsRecord> = picks
                .iter()
                .map(|(s, n, f)| rec(sexes[*s], nats[*n], forms[*f]))
                .collect();
            let total = records.len();
            let out = anonymise(records, k);
            for (_, n) in classes(out.records.clone()) {
                prop_assert!(n >= k as usize);
            }
            prop_assert!(out.records.len() <= total);
            prop_assert_eq!(out.withheld, out.records.len() < total);
        }
    }
}

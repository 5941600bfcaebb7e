//! The sealed parts of a case record: what each holds, and sealing them under the case's key
//! with the place (table, part, case id) bound into the ciphertext.

use crate::AppError;
use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use serde::{de::DeserializeOwned, Deserialize, Serialize};
use spona_crypto::blind::BlindIndexer;
use spona_crypto::fields::{DataKey, KeyWrapper, Place};
use spona_domain::cases::{CaseId, Part};

/// Names, description, birth date or estimated age, languages.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct IdentityPart {
    pub given_name: String,
    pub family_name: String,
    pub other_names: String,
    pub description: String,
    pub birth_date: Option<String>,
    pub estimated_age: Option<u8>,
    pub languages: Vec<String>,
}

impl IdentityPart {
    /// The name to show: names if known, else the description's start.
    pub fn display_name(&self) -> String {
        let name = format!("{} {}", self.given_name, self.family_name)
            .trim()
            .to_string();
        if !name.is_empty() {
            name
        } else if !self.other_names.is_empty() {
            self.other_names.clone()
        } else {
            self.description.chars().take(40).collect()
        }
    }
}

impl IdentityPart {
    /// The blind index of the person (folded names and birth year) for finding possible
    /// duplicates; computed here alone, so that a report and a key rotation's sweep agree.
    pub(crate) fn person_index(&self, blind: &BlindIndexer) -> Option<String> {
        let names = [self.given_name.as_str(), self.family_name.as_str()];
        let birth_year = self
            .birth_date
            .as_deref()
            .and_then(|d| spona_domain::text::date(d).ok())
            .map(|d| d.year());
        blind.person(&names, birth_year)
    }
}

/// Whereabouts and contact.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContactPart {
    pub whereabouts: String,
    pub contact: String,
}

/// How, where and by whom the person was detected, and the narrative.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CircumstancesPart {
    pub reporter_detail: String,
    pub detected_place: String,
    pub detected_how: String,
    pub narrative: String,
}

/// Indicators present and suspected forms of exploitation.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScreeningPart {
    pub catalogue: Option<String>,
    pub indicators: Vec<String>,
    pub exploitation_forms: Vec<String>,
}

fn place(part: Part, case_id: CaseId) -> Place<'static> {
    Place {
        table: "cases",
        column: part.code(),
        row: case_id.0,
    }
}

/// The place of a case's wrapped data key.
pub(crate) fn key_place(case_id: CaseId) -> Place<'static> {
    Place {
        table: "cases",
        column: "data_key",
        row: case_id.0,
    }
}

/// Seals a part as base64 text.
pub(crate) fn seal<T: Serialize>(
    key: &DataKey,
    part: Part,
    case_id: CaseId,
    value: &T,
) -> Result<String, AppError> {
    seal_at(key, place(part, case_id), value)
}

/// Opens a sealed part; an altered or misplaced value is [`AppError::Unopenable`], never
/// silently empty.
pub(crate) fn open<T: DeserializeOwned + Default>(
    key: &DataKey,
    part: Part,
    case_id: CaseId,
    sealed: &str,
) -> Result<T, AppError> {
    open_at(key, place(part, case_id), sealed)
}

/// The data key of a case from its stored wrapped form.
pub(crate) fn data_key(
    wrapper: &KeyWrapper,
    case_id: CaseId,
    wrapped: &str,
) -> Result<DataKey, AppError> {
    let at = key_place(case_id);
    let bytes = STANDARD.decode(wrapped).map_err(|_| damaged(at))?;
    wrapper.unwrap_key(&bytes, at).map_err(|_| damaged(at))
}

/// The error for a value that does not open at its place: the record (table and id) is
/// damaged. An attachment's place names the attachment; every other place of a case (its
/// parts and key, guardians, consents, notes, follow-ups) names the case, so the case is the
/// damaged record. Nothing of the value goes into it.
fn damaged(at: Place<'_>) -> AppError {
    let table = if at.table == "case_attachments" {
        "case_attachments"
    } else {
        "cases"
    };
    AppError::Unopenable(crate::Damaged {
        table: table.to_string(),
        id: at.row,
    })
}

/// Seals any value of a case for the given place, as base64 text.
pub(crate) fn seal_at<T: Serialize>(
    key: &DataKey,
    at: Place<'_>,
    value: &T,
) -> Result<String, AppError> {
    let json = serde_json::to_string(value).map_err(|e| AppError::Internal(e.to_string()))?;
    Ok(STANDARD.encode(key.seal(&json, at)))
}

/// Opens a value sealed for the given place; an altered or misplaced value is an error.
pub(crate) fn open_at<T: DeserializeOwned + Default>(
    key: &DataKey,
    at: Place<'_>,
    sealed: &str,
) -> Result<T, AppError> {
    if sealed.is_empty() {
        return Ok(T::default());
    }
    let bytes = STANDARD.decode(sealed).map_err(|_| damaged(at))?;
    let json = key.open(&bytes, at).map_err(|_| damaged(at))?;
    serde_json::from_str(&json).map_err(|_| damaged(at))
}

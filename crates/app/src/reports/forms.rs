//! The report forms as typed, parsed into a period or a narrative, or errors at the fields.

use serde::Deserialize;
use spona_domain::reports::{Narrative, PeriodError, ReportPeriod, NARRATIVE_MAX};
use spona_domain::text;
use spona_domain::validation::{FieldError, FieldErrors};

/// The period of a new report, as typed or chosen (`2026-Q3`, `2026`).
#[derive(Clone, Debug, Default, Deserialize)]
pub struct PeriodForm {
    #[serde(default)]
    pub period: String,
}

impl PeriodForm {
    /// The period, or the error at its field.
    pub fn parse(&self) -> Result<ReportPeriod, FieldErrors> {
        let mut e = FieldErrors::new();
        if self.period.trim().is_empty() {
            e.add("period", FieldError::Required);
            return Err(e);
        }
        ReportPeriod::parse(&self.period).map_err(|err| {
            e.add(
                "period",
                match err {
                    PeriodError::Malformed => FieldError::Invalid,
                    PeriodError::YearOutOfRange => FieldError::Invalid,
                },
            );
            e
        })
    }
}

/// The narrative of a draft as typed, with the version it was read at.
#[derive(Clone, Debug, Default, Deserialize)]
pub struct NarrativeForm {
    #[serde(default)]
    pub summary: String,
    #[serde(default)]
    pub cooperation: String,
    #[serde(default)]
    pub challenges: String,
    #[serde(default)]
    pub next_steps: String,
    pub edit_version: Option<i64>,
}

impl NarrativeForm {
    /// The form filled with a stored narrative.
    pub fn from_narrative(n: &Narrative, edit_version: i64) -> NarrativeForm {
        NarrativeForm {
            summary: n.summary.clone(),
            cooperation: n.cooperation.clone(),
            challenges: n.challenges.clone(),
            next_steps: n.next_steps.clone(),
            edit_version: Some(edit_version),
        }
    }

    /// The narrative, or every section that is too long.
    pub fn parse(&self) -> Result<Narrative, FieldErrors> {
        let mut e = FieldErrors::new();
        let summary = e.check("summary", text::optional(&self.summary, NARRATIVE_MAX));
        let cooperation = e.check(
            "cooperation",
            text::optional(&self.cooperation, NARRATIVE_MAX),
        );
        let challenges = e.check(
            "challenges",
            text::optional(&self.challenges, NARRATIVE_MAX),
        );
        let next_steps = e.check(
            "next_steps",
            text::optional(&self.next_steps, NARRATIVE_MAX),
        );
        match (summary, cooperation, challenges, next_steps) {
            (Some(summary), Some(cooperation), Some(challenges), Some(next_steps)) => {
                Ok(Narrative {
                    summary,
                    cooperation,
                    challenges,
                    next_steps,
                })
            }
            _ => Err(e),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_period_is_required_and_must_be_a_quarter_or_a_year() {
        let f = |p: &str| PeriodForm { period: p.into() }.parse();
        assert_eq!(f("").unwrap_err().get("period"), Some(FieldError::Required));
        assert_eq!(
            f("2026-Q9").unwrap_err().get("period"),
            Some(FieldError::Invalid)
        );
        assert_eq!(
            f("1950").unwrap_err().get("period"),
            Some(FieldError::Invalid)
        );
        assert_eq!(f(" 2026-Q3 ").unwrap().code(), "2026-Q3");
    }

    #[test]
    fn an_overlong_section_is_refused_at_its_field() {
        let form = NarrativeForm {
            challenges: "а".repeat(NARRATIVE_MAX + 1),
            ..Default::default()
        };
        let e = form.parse().unwrap_err();
        assert!(e.get("challenges").is_some());
        assert!(e.get("summary").is_none());
    }
}

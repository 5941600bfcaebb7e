//! The planning forms as typed (every field a string), parsed into drafts or field errors.
//! Checks that need stored data (the plan's period, the team's institutions) are made by
//! the use cases.

use crate::forms::TEXT_MAX;
use serde::Deserialize;
use spona_domain::ids::InstitutionId;
use spona_domain::plan::{
    Adoption, FrameworkItemKind, PlanActivityDraft, PlanDraft, PLANNED_EVENTS_MAX,
};
use spona_domain::text;
use spona_domain::validation::{FieldError, FieldErrors};
use time::Date;

/// Longest title of a plan, objective, activity or national document.
pub const TITLE_MAX: usize = 300;

fn year(raw: &str) -> Result<i64, FieldError> {
    let v = raw.trim();
    if v.is_empty() {
        return Err(FieldError::Required);
    }
    match v.parse::<i64>() {
        Ok(y) if (1990..=2100).contains(&y) => Ok(y),
        _ => Err(FieldError::Invalid),
    }
}

/// A whole, non-negative amount of dinars; spaces and dots between thousands are allowed.
pub fn budget(raw: &str) -> Result<i64, FieldError> {
    let digits: String = raw
        .trim()
        .chars()
        .filter(|c| !matches!(c, ' ' | '.' | '\u{a0}'))
        .collect();
    if digits.is_empty() {
        return Ok(0);
    }
    if !digits.chars().all(|c| c.is_ascii_digit()) || digits.len() > 15 {
        return Err(FieldError::Invalid);
    }
    digits.parse().map_err(|_| FieldError::Invalid)
}

/// A percentage 0–100; empty means 0.
fn percent(raw: &str) -> Result<i64, FieldError> {
    let v = raw.trim().trim_end_matches('%').trim();
    if v.is_empty() {
        return Ok(0);
    }
    match v.parse::<i64>() {
        Ok(p) if (0..=100).contains(&p) => Ok(p),
        _ => Err(FieldError::Invalid),
    }
}

/// How many events a plan activity plans: a whole number up to the limit; empty means none
/// (progress entered by hand).
fn planned_events(raw: &str) -> Result<i64, FieldError> {
    let v = raw.trim();
    if v.is_empty() {
        return Ok(0);
    }
    match v.parse::<i64>() {
        Ok(n) if (0..=PLANNED_EVENTS_MAX).contains(&n) => Ok(n),
        _ => Err(FieldError::Invalid),
    }
}

/// An id chosen in a select; empty means none.
fn choice(raw: &str) -> Result<Option<i64>, FieldError> {
    let v = raw.trim();
    if v.is_empty() {
        return Ok(None);
    }
    v.parse().map(Some).map_err(|_| FieldError::Unknown)
}

/// A national document as typed.
#[derive(Clone, Debug, Default, Deserialize)]
pub struct FrameworkDocumentForm {
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub first_year: String,
    #[serde(default)]
    pub last_year: String,
    #[serde(default)]
    pub part_of: String,
    #[serde(default)]
    pub reference: String,
}

/// A national document as parsed.
pub struct FrameworkDocumentDraft {
    pub title: String,
    pub first_year: i64,
    pub last_year: i64,
    pub part_of: Option<i64>,
    pub reference: String,
}

impl FrameworkDocumentForm {
    /// Parses the form; the last year may not come before the first.
    pub fn parse(&self) -> Result<FrameworkDocumentDraft, FieldErrors> {
        let mut e = FieldErrors::new();
        let title = e.check("title", text::required(&self.title, TITLE_MAX));
        let first = e.check("first_year", year(&self.first_year));
        let last = e.check("last_year", year(&self.last_year));
        let part_of = e.check("part_of", choice(&self.part_of));
        let reference = e.check("reference", text::optional(&self.reference, TITLE_MAX));
        if let (Some(f), Some(l)) = (first, last) {
            if l < f {
                e.add("last_year", FieldError::DateOrder);
            }
        }
        e.clone().into_result()?;
        match (title, first, last, part_of, reference) {
            (Some(title), Some(first_year), Some(last_year), Some(part_of), Some(reference)) => {
                Ok(FrameworkDocumentDraft {
                    title,
                    first_year,
                    last_year,
                    part_of,
                    reference,
                })
            }
            _ => Err(e),
        }
    }
}

/// An objective or measure of a national document as typed.
#[derive(Clone, Debug, Default, Deserialize)]
pub struct FrameworkItemForm {
    #[serde(default)]
    pub kind: String,
    #[serde(default)]
    pub code: String,
    #[serde(default)]
    pub title: String,
}

impl FrameworkItemForm {
    /// Parses the form: the code is kept as typed in the document (1.2, 3.1.4).
    pub fn parse(&self) -> Result<(FrameworkItemKind, String, String), FieldErrors> {
        let mut e = FieldErrors::new();
        let kind = e.check(
            "kind",
            FrameworkItemKind::from_code(&self.kind).ok_or(FieldError::Unknown),
        );
        let code = e.check("code", text::required(&self.code, 30));
        let title = e.check("title", text::required(&self.title, TEXT_MAX));
        match (kind, code, title) {
            (Some(k), Some(c), Some(t)) => Ok((k, c, t)),
            _ => Err(e),
        }
    }
}

/// A plan's title and period as typed.
#[derive(Clone, Debug, Default, Deserialize)]
pub struct PlanForm {
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub starts_on: String,
    #[serde(default)]
    pub ends_on: String,
}

impl PlanForm {
    /// Parses the form; the period may not end before it starts.
    pub fn parse(&self) -> Result<PlanDraft, FieldErrors> {
        let mut e = FieldErrors::new();
        let title = e.check("title", text::required(&self.title, TITLE_MAX));
        let starts_on = e.check("starts_on", text::date(&self.starts_on));
        let ends_on = e.check("ends_on", text::date(&self.ends_on));
        match (title, starts_on, ends_on) {
            (Some(title), Some(starts_on), Some(ends_on)) if ends_on >= starts_on => {
                e.into_result()?;
                Ok(PlanDraft {
                    title,
                    starts_on,
                    ends_on,
                })
            }
            (_, Some(_), Some(_)) => {
                e.add("ends_on", FieldError::DateOrder);
                Err(e)
            }
            _ => Err(e),
        }
    }
}

/// The adoption of a plan as typed: the meeting's date and its decision.
#[derive(Clone, Debug, Default, Deserialize)]
pub struct AdoptionForm {
    #[serde(default)]
    pub meeting_on: String,
    #[serde(default)]
    pub decision: String,
}

impl AdoptionForm {
    /// Parses the form; a meeting cannot be held in the future.
    pub fn parse(&self, today: Date) -> Result<Adoption, FieldErrors> {
        let mut e = FieldErrors::new();
        let meeting_on = e.check(
            "meeting_on",
            text::date(&self.meeting_on).and_then(|d| {
                if d > today {
                    Err(FieldError::DateInFuture)
                } else {
                    Ok(d)
                }
            }),
        );
        let decision = e.check("decision", text::required(&self.decision, TEXT_MAX));
        match (meeting_on, decision) {
            (Some(meeting_on), Some(decision)) => Ok(Adoption {
                meeting_on,
                decision,
            }),
            _ => Err(e),
        }
    }
}

/// An objective of a local plan as typed.
#[derive(Clone, Debug, Default, Deserialize)]
pub struct ObjectiveForm {
    #[serde(default)]
    pub title: String,
}

impl ObjectiveForm {
    /// Parses the form.
    pub fn parse(&self) -> Result<String, FieldErrors> {
        let mut e = FieldErrors::new();
        match e.check("title", text::required(&self.title, TITLE_MAX)) {
            Some(t) => Ok(t),
            None => Err(e),
        }
    }
}

/// A plan activity as typed.
#[derive(Clone, Debug, Default, Deserialize)]
pub struct PlanActivityForm {
    #[serde(default)]
    pub objective: String,
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub responsible: String,
    #[serde(default)]
    pub partners: String,
    #[serde(default)]
    pub deadline: String,
    #[serde(default)]
    pub budget: String,
    #[serde(default)]
    pub funding_source: String,
    #[serde(default)]
    pub indicator: String,
    #[serde(default)]
    pub baseline: String,
    #[serde(default)]
    pub target: String,
    #[serde(default)]
    pub verification: String,
    #[serde(default)]
    pub measure: String,
    #[serde(default)]
    pub progress: String,
    /// Ticked when the activity is done (progress 100 whatever was typed).
    pub done: Option<String>,
    /// How many recorded activities or trainings complete it; empty: progress by hand.
    #[serde(default)]
    pub planned_events: String,
}

impl PlanActivityForm {
    /// The form filled with a stored activity, for editing.
    pub fn from_draft(d: &PlanActivityDraft) -> PlanActivityForm {
        PlanActivityForm {
            objective: d.objective_id.to_string(),
            title: d.title.clone(),
            responsible: d.responsible.0.to_string(),
            partners: d.partners.clone(),
            deadline: text::iso_date(d.deadline),
            budget: d.budget.to_string(),
            funding_source: d.funding_source.clone(),
            indicator: d.indicator.clone(),
            baseline: d.baseline.clone(),
            target: d.target.clone(),
            verification: d.verification.clone(),
            measure: d.measure_id.map(|m| m.to_string()).unwrap_or_default(),
            progress: d.progress.to_string(),
            done: (d.progress >= 100).then(|| "on".into()),
            planned_events: if d.planned_events > 0 {
                d.planned_events.to_string()
            } else {
                String::new()
            },
        }
    }

    /// Whether the done box is ticked.
    pub fn is_done(&self) -> bool {
        matches!(self.done.as_deref(), Some("on" | "true" | "1" | "yes"))
    }

    /// Parses the form alone; the use case checks the choices and the period.
    pub fn parse(&self) -> Result<PlanActivityDraft, FieldErrors> {
        let mut e = FieldErrors::new();
        let objective = e.check(
            "objective",
            choice(&self.objective).and_then(|o| o.ok_or(FieldError::Required)),
        );
        let title = e.check("title", text::required(&self.title, TITLE_MAX));
        let responsible = e.check(
            "responsible",
            choice(&self.responsible).and_then(|o| o.ok_or(FieldError::Required)),
        );
        let partners = e.check("partners", text::optional(&self.partners, TEXT_MAX));
        let deadline = e.check("deadline", text::date(&self.deadline));
        let budget = e.check("budget", budget(&self.budget));
        let funding_source = e.check(
            "funding_source",
            text::optional(&self.funding_source, TITLE_MAX),
        );
        let indicator = e.check("indicator", text::optional(&self.indicator, TEXT_MAX));
        let baseline = e.check("baseline", text::optional(&self.baseline, TITLE_MAX));
        let target = e.check("target", text::optional(&self.target, TITLE_MAX));
        let verification = e.check(
            "verification",
            text::optional(&self.verification, TITLE_MAX),
        );
        let measure_id = e.check("measure", choice(&self.measure));
        let progress = if self.is_done() {
            Some(100)
        } else {
            e.check("progress", percent(&self.progress))
        };
        let planned_events = e.check("planned_events", planned_events(&self.planned_events));
        if !e.is_empty() {
            return Err(e);
        }
        match (
            objective,
            title,
            responsible,
            partners,
            deadline,
            budget,
            funding_source,
            indicator,
            baseline,
            target,
            verification,
            measure_id,
            progress,
            planned_events,
        ) {
            (
                Some(objective_id),
                Some(title),
                Some(responsible),
                Some(partners),
                Some(deadline),
                Some(budget),
                Some(funding_source),
                Some(indicator),
                Some(baseline),
                Some(target),
                Some(verification),
                Some(measure_id),
                Some(progress),
                Some(planned_events),
            ) => Ok(PlanActivityDraft {
                objective_id,
                title,
                responsible: InstitutionId(responsible),
                partners,
                deadline,
                budget,
                funding_source,
                indicator,
                baseline,
                target,
                verification,
                measure_id,
                progress,
                planned_events,
            }),
            _ => Err(e),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn budgets_are_whole_non_negative_dinars() {
        assert_eq!(budget("150.000"), Ok(150_000));
        assert_eq!(budget("150 000"), Ok(150_000));
        assert_eq!(budget(""), Ok(0));
        assert_eq!(budget("-5"), Err(FieldError::Invalid));
        assert_eq!(budget("12,50"), Err(FieldError::Invalid));
    }

    #[test]
    fn done_means_full_progress_and_progress_stays_within_a_hundred() {
        let mut f = PlanActivityForm {
            objective: "1".into(),
            title: "Обука".into(),
            responsible: "2".into(),
            deadline: "2026-05-01".into(),
            progress: "140".into(),
            ..Default::default()
        };
        assert_eq!(
            f.parse().unwrap_err().get("progress"),
            Some(FieldError::Invalid)
        );
        f.done = Some("on".into());
        assert_eq!(f.parse().unwrap().progress, 100);
    }

    #[test]
    fn planned_events_are_a_whole_number_within_reason() {
        let mut f = PlanActivityForm {
            objective: "1".into(),
            title: "Трибине".into(),
            responsible: "2".into(),
            deadline: "2026-05-01".into(),
            ..Default::default()
        };
        assert_eq!(f.parse().unwrap().planned_events, 0);
        f.planned_events = " 12 ".into();
        assert_eq!(f.parse().unwrap().planned_events, 12);
        for bad in ["-1", "1001", "два", "2.5"] {
            f.planned_events = bad.into();
            assert_eq!(
                f.parse().unwrap_err().get("planned_events"),
                Some(FieldError::Invalid),
                "{bad}"
            );
        }
    }

    #[test]
    fn a_period_may_not_end_before_it_starts() {
        let f = PlanForm {
            title: "План 2026".into(),
            starts_on: "2026-12-31".into(),
            ends_on: "2026-01-01".into(),
        };
        assert_eq!(
            f.parse().unwrap_err().get("ends_on"),
            Some(FieldError::DateOrder)
        );
    }
}

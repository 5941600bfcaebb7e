//! A training as typed: the plain fields, then one row per institution (parallel lists of
//! institution, participant count and names, as the form posts them).

use serde::Deserialize;
use spona_domain::ids::InstitutionId;
use spona_domain::text;
use spona_domain::trainings::{
    parse_names, parse_participants, parse_score, Attendance, Duration, TrainingDraft, TEXT_MAX,
};
use spona_domain::validation::{FieldError, FieldErrors};

/// The training form.
#[derive(Clone, Debug, Default, Deserialize)]
pub struct TrainingForm {
    #[serde(default)]
    pub topic: String,
    #[serde(default)]
    pub trainer: String,
    #[serde(default)]
    pub held_on: String,
    #[serde(default)]
    pub hours: String,
    #[serde(default)]
    pub score_before: String,
    #[serde(default)]
    pub score_after: String,
    #[serde(default)]
    pub plan_activity_id: String,
    /// Row by row: the institution…
    #[serde(default)]
    pub institution: Vec<i64>,
    /// …how many attended from it…
    #[serde(default)]
    pub participants: Vec<String>,
    /// …and who, one per line (`name` or `name; before %; after %`).
    #[serde(default)]
    pub names: Vec<String>,
}

impl TrainingForm {
    /// What was typed for an institution's row (to fill the form again).
    pub fn row(&self, institution: InstitutionId) -> (String, String) {
        let i = self.institution.iter().position(|i| *i == institution.0);
        let pick = |v: &Vec<String>| i.and_then(|i| v.get(i)).cloned().unwrap_or_default();
        (pick(&self.participants), pick(&self.names))
    }

    /// The checked draft; `today` refuses trainings in the future.
    pub fn parse(&self, today: time::Date) -> Result<TrainingDraft, FieldErrors> {
        let mut e = FieldErrors::new();
        let topic = e.check("topic", text::required(&self.topic, TEXT_MAX));
        let trainer = e.check("trainer", text::required(&self.trainer, TEXT_MAX));
        let held_on = e.check(
            "held_on",
            text::date(&self.held_on).and_then(|d| {
                if d > today {
                    Err(FieldError::DateInFuture)
                } else {
                    Ok(d)
                }
            }),
        );
        let duration = e.check("hours", Duration::parse_hours(&self.hours));
        let score_before = e.check("score_before", parse_score(&self.score_before));
        let score_after = e.check("score_after", parse_score(&self.score_after));
        let plan_activity_id = e.check(
            "plan_activity_id",
            match self.plan_activity_id.trim() {
                "" => Ok(None),
                s => s
                    .parse::<i64>()
                    .ok()
                    .filter(|n| *n > 0)
                    .map(Some)
                    .ok_or(FieldError::Invalid),
            },
        );
        let attendance = self.attendance(&mut e);
        let (
            Some(topic),
            Some(trainer),
            Some(held_on),
            Some(duration),
            Some(score_before),
            Some(score_after),
            Some(plan_activity_id),
        ) = (
            topic,
            trainer,
            held_on,
            duration,
            score_before,
            score_after,
            plan_activity_id,
        )
        else {
            return Err(e);
        };
        let draft = TrainingDraft {
            topic,
            trainer,
            held_on,
            duration,
            score_before,
            score_after,
            plan_activity_id,
            attendance,
        };
        if let Err(more) = draft.check() {
            for (field, err) in more.iter() {
                e.add(field, *err);
            }
        }
        e.into_result().map(|()| draft)
    }

    /// The rows with anyone in them; errors go to the table's `participants` and `names`.
    fn attendance(&self, e: &mut FieldErrors) -> Vec<Attendance> {
        let mut out: Vec<Attendance> = Vec::new();
        let mut bad_names = false;
        let mut bad_count = false;
        for (i, institution) in self.institution.iter().enumerate() {
            let names = match parse_names(self.names.get(i).map(String::as_str).unwrap_or("")) {
                Ok(n) => n,
                Err(_) => {
                    bad_names = true;
                    continue;
                }
            };
            let raw = self.participants.get(i).map(String::as_str).unwrap_or("");
            let participants = match parse_participants(raw, names.len()) {
                Ok(n) => n,
                Err(_) => {
                    bad_count = true;
                    continue;
                }
            };
            if participants == 0 || out.iter().any(|a| a.institution.0 == *institution) {
                continue;
            }
            out.push(Attendance {
                institution: InstitutionId(*institution),
                participants,
                names,
            });
        }
        if bad_count {
            e.add("participants", FieldError::Invalid);
        }
        if bad_names {
            e.add("names", FieldError::Invalid);
        }
        out
    }
}

/// Staff numbers as typed on the coverage page, one row per institution.
#[derive(Clone, Debug, Default, Deserialize)]
pub struct StaffForm {
    #[serde(default)]
    pub institution: Vec<i64>,
    #[serde(default)]
    pub staff: Vec<String>,
}

impl StaffForm {
    /// Institution and staff (none when left empty), or an error at `staff`.
    pub fn parse(&self) -> Result<Vec<(InstitutionId, Option<i64>)>, FieldErrors> {
        let mut e = FieldErrors::new();
        let mut out = Vec::new();
        for (i, institution) in self.institution.iter().enumerate() {
            let raw = self.staff.get(i).map(|s| s.trim()).unwrap_or("");
            let staff = if raw.is_empty() {
                None
            } else {
                match raw.parse::<i64>() {
                    Ok(n) if (1..=1_000_000).contains(&n) => Some(n),
                    _ => {
                        e.add("staff", FieldError::Invalid);
                        continue;
                    }
                }
            };
            out.push((InstitutionId(*institution), staff));
        }
        e.into_result().map(|()| out)
    }
}

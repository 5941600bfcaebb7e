//! Trainings of officials on treating victims (children above all): what a training was,
//! who attended by institution, and how much of each institution's staff has been trained.

use crate::ids::{InstitutionId, TeamId};
use crate::text;
use crate::validation::{FieldError, FieldErrors};
use time::Date;

crate::ids::id_type!(
    /// A training of a team.
    TrainingId,
);

/// Longest topic, trainer or participant name.
pub const TEXT_MAX: usize = 200;
/// Most named participants from one institution in one training.
pub const NAMES_MAX: usize = 300;
/// Most participants from one institution in one training.
pub const PARTICIPANTS_MAX: i64 = 10_000;

/// A training's length: half an hour to forty hours, kept in minutes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Duration {
    minutes: i64,
}

impl Duration {
    /// Hours as typed, with a decimal point or comma ("2,5").
    pub fn parse_hours(raw: &str) -> Result<Duration, FieldError> {
        let value = raw.trim().replace(',', ".");
        if value.is_empty() {
            return Err(FieldError::Required);
        }
        let hours: f64 = value.parse().map_err(|_| FieldError::Invalid)?;
        if !hours.is_finite() || !(0.5..=40.0).contains(&hours) {
            return Err(FieldError::Invalid);
        }
        Ok(Duration {
            minutes: (hours * 60.0).round() as i64,
        })
    }

    /// From stored minutes.
    pub fn from_minutes(minutes: i64) -> Duration {
        Duration { minutes }
    }

    /// In minutes, for storage.
    pub fn minutes(self) -> i64 {
        self.minutes
    }

    /// Hours in hundredths, rounded (150 for an hour and a half), for showing in a locale.
    pub fn hours_hundredths(self) -> i64 {
        (self.minutes * 100 + 30) / 60
    }

    /// Hours with at most two decimals, a decimal point and no trailing zeros ("6", "2.5"),
    /// as machines read them; pages write them the locale's way from [`Self::hours_hundredths`].
    pub fn hours_text(self) -> String {
        let hundredths = self.hours_hundredths();
        let whole = hundredths / 100;
        let frac = hundredths % 100;
        if frac == 0 {
            whole.to_string()
        } else if frac % 10 == 0 {
            format!("{whole}.{}", frac / 10)
        } else {
            format!("{whole}.{frac:02}")
        }
    }
}

/// A knowledge-test score as an average percent (0–100); empty means not tested.
pub fn parse_score(raw: &str) -> Result<Option<i64>, FieldError> {
    let value = raw.trim().trim_end_matches('%').trim();
    if value.is_empty() {
        return Ok(None);
    }
    let n: i64 = value.parse().map_err(|_| FieldError::Invalid)?;
    if (0..=100).contains(&n) {
        Ok(Some(n))
    } else {
        Err(FieldError::Invalid)
    }
}

/// A participant named on the training's list, with their own test scores if known.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NamedParticipant {
    pub name: String,
    pub score_before: Option<i64>,
    pub score_after: Option<i64>,
}

/// Parses one participant per line: `name`, or `name; before; after` with scores in percent.
pub fn parse_names(raw: &str) -> Result<Vec<NamedParticipant>, FieldError> {
    let mut out = Vec::new();
    for line in raw.lines() {
        if line.trim().is_empty() {
            continue;
        }
        let mut parts = line.split(';');
        let name = text::required(parts.next().unwrap_or_default(), TEXT_MAX)?;
        let score_before = parse_score(parts.next().unwrap_or_default())?;
        let score_after = parse_score(parts.next().unwrap_or_default())?;
        if parts.next().is_some() {
            return Err(FieldError::Invalid);
        }
        out.push(NamedParticipant {
            name,
            score_before,
            score_after,
        });
    }
    if out.len() > NAMES_MAX {
        return Err(FieldError::TooLong { max: NAMES_MAX });
    }
    Ok(out)
}

/// Who attended from one institution: always how many, names where known.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Attendance {
    pub institution: InstitutionId,
    pub participants: i64,
    pub names: Vec<NamedParticipant>,
}

/// The number of participants as typed; empty means as many as were named.
pub fn parse_participants(raw: &str, named: usize) -> Result<i64, FieldError> {
    let value = raw.trim();
    let named = i64::try_from(named).unwrap_or(i64::MAX);
    if value.is_empty() {
        return Ok(named);
    }
    let n: i64 = value.parse().map_err(|_| FieldError::Invalid)?;
    if !(0..=PARTICIPANTS_MAX).contains(&n) || n < named {
        return Err(FieldError::Invalid);
    }
    Ok(n)
}

/// A training as entered, checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TrainingDraft {
    pub topic: String,
    pub trainer: String,
    pub held_on: Date,
    pub duration: Duration,
    /// Average knowledge-test score before and after, in percent, if tested.
    pub score_before: Option<i64>,
    pub score_after: Option<i64>,
    /// The plan activity this training carries out, if any.
    pub plan_activity_id: Option<i64>,
    /// Institutions that sent anyone (no rows with zero participants).
    pub attendance: Vec<Attendance>,
}

impl TrainingDraft {
    /// Whole-draft rules: someone attended (that the institutions belong to the team is
    /// checked by the caller, who knows the team).
    pub fn check(&self) -> Result<(), FieldErrors> {
        let mut e = FieldErrors::new();
        if self.attendance.iter().all(|a| a.participants == 0) {
            e.add("participants", FieldError::Required);
        }
        e.into_result()
    }

    /// All participants.
    pub fn participants(&self) -> i64 {
        self.attendance.iter().map(|a| a.participants).sum()
    }
}

/// A recorded training.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Training {
    pub id: TrainingId,
    pub team_id: TeamId,
    pub topic: String,
    pub trainer: String,
    pub held_on: Date,
    pub duration: Duration,
    pub score_before: Option<i64>,
    pub score_after: Option<i64>,
    pub plan_activity_id: Option<i64>,
    /// Participants from all institutions.
    pub participants: i64,
}

/// An institution that would send more people to a training than it has staff to train.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OverStaff {
    pub institution: InstitutionId,
    pub participants: i64,
    pub staff: i64,
}

/// The institutions of a draft with more participants than their known staff.
pub fn over_staff(
    attendance: &[Attendance],
    staff_of: impl Fn(InstitutionId) -> Option<i64>,
) -> Vec<OverStaff> {
    attendance
        .iter()
        .filter_map(|a| {
            let staff = staff_of(a.institution)?;
            (a.participants > staff).then_some(OverStaff {
                institution: a.institution,
                participants: a.participants,
                staff,
            })
        })
        .collect()
}

/// How much of an institution's staff was trained in a year.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Coverage {
    pub institution: InstitutionId,
    /// Participants in the year's trainings (a person at two trainings counts twice).
    pub trained: i64,
    /// Relevant staff, if the coordinator entered it.
    pub staff: Option<i64>,
}

impl Coverage {
    /// Trained as a whole percent of staff; none when staff is unknown or zero.
    pub fn share_percent(&self) -> Option<i64> {
        match self.staff {
            Some(staff) if staff > 0 => Some((self.trained * 100 + staff / 2) / staff),
            _ => None,
        }
    }
}

/// The average of the scores that are known.
pub fn average(scores: impl Iterator<Item = Option<i64>>) -> Option<i64> {
    let known: Vec<i64> = scores.flatten().collect();
    let n = i64::try_from(known.len()).ok().filter(|n| *n > 0)?;
    Some((known.iter().sum::<i64>() + n / 2) / n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hours_from_half_to_forty_with_comma_or_point() {
        assert_eq!(Duration::parse_hours("2,5").unwrap().minutes(), 150);
        assert_eq!(Duration::parse_hours("6").unwrap().hours_text(), "6");
        assert_eq!(Duration::parse_hours("1.25").unwrap().hours_text(), "1.25");
        assert_eq!(Duration::parse_hours("0.5").unwrap().hours_text(), "0.5");
        assert_eq!(Duration::parse_hours("40").unwrap().minutes(), 2400);
        for bad in ["0.4", "40.5", "-1", "six", "NaN", "inf"] {
            assert_eq!(
                Duration::parse_hours(bad),
                Err(FieldError::Invalid),
                "{bad}"
            );
        }
        assert_eq!(Duration::parse_hours(" "), Err(FieldError::Required));
    }

    #[test]
    fn scores_are_percentages() {
        assert_eq!(parse_score(""), Ok(None));
        assert_eq!(parse_score("85%"), Ok(Some(85)));
        assert_eq!(parse_score("101"), Err(FieldError::Invalid));
        assert_eq!(parse_score("-1"), Err(FieldError::Invalid));
    }

    #[test]
    fn names_one_per_line_with_optional_scores() {
        let names = parse_names("Ана Петровић; 40; 90\n\n  Marko Jović \n").unwrap();
        assert_eq!(names.len(), 2);
        assert_eq!(names[0].name, "Ана Петровић");
        assert_eq!(names[0].score_before, Some(40));
        assert_eq!(names[0].score_after, Some(90));
        assert_eq!(names[1].name, "Marko Jović");
        assert_eq!(names[1].score_after, None);
        assert_eq!(parse_names("X; 200"), Err(FieldError::Invalid));
        assert_eq!(parse_names("X; 1; 2; 3"), Err(FieldError::Invalid));
    }

    #[test]
    fn participants_default_to_the_named_and_never_fewer() {
        assert_eq!(parse_participants("", 3), Ok(3));
        assert_eq!(parse_participants("5", 3), Ok(5));
        assert_eq!(parse_participants("2", 3), Err(FieldError::Invalid));
        assert_eq!(parse_participants("x", 0), Err(FieldError::Invalid));
    }

    #[test]
    fn more_participants_than_known_staff_is_flagged() {
        let a = |i, n| Attendance {
            institution: InstitutionId(i),
            participants: n,
            names: vec![],
        };
        let flagged = over_staff(&[a(1, 5), a(2, 50), a(3, 9)], |i| match i.0 {
            1 => Some(5),
            2 => Some(10),
            _ => None,
        });
        assert_eq!(
            flagged,
            vec![OverStaff {
                institution: InstitutionId(2),
                participants: 50,
                staff: 10
            }]
        );
    }

    #[test]
    fn share_is_rounded_and_unknown_without_staff() {
        let c = |trained, staff| Coverage {
            institution: InstitutionId(1),
            trained,
            staff,
        };
        assert_eq!(c(1, Some(3)).share_percent(), Some(33));
        assert_eq!(c(2, Some(3)).share_percent(), Some(67));
        assert_eq!(c(2, None).share_percent(), None);
        assert_eq!(c(2, Some(0)).share_percent(), None);
        assert_eq!(average([Some(40), None, Some(61)].into_iter()), Some(51));
        assert_eq!(average([None].into_iter()), None);
    }
}

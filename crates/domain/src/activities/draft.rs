//! An activity as recorded, and the audience it reached.

use super::{ActivityId, ActivityKind, AudienceGroup, Medium, VenueId};
use crate::ids::TeamId;
use crate::validation::FieldError;
use time::Date;

/// The largest count of one audience group; anything above is a typing error.
pub const AUDIENCE_MAX: i64 = 100_000;

/// How many people of each group an activity reached.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Audience {
    pub pupils: i64,
    pub teachers: i64,
    pub parents: i64,
    pub officials: i64,
    pub public: i64,
}

impl Audience {
    /// The count of one group.
    pub fn get(&self, group: AudienceGroup) -> i64 {
        match group {
            AudienceGroup::Pupils => self.pupils,
            AudienceGroup::Teachers => self.teachers,
            AudienceGroup::Parents => self.parents,
            AudienceGroup::Officials => self.officials,
            AudienceGroup::Public => self.public,
        }
    }

    /// Sets the count of one group.
    pub fn set(&mut self, group: AudienceGroup, n: i64) {
        match group {
            AudienceGroup::Pupils => self.pupils = n,
            AudienceGroup::Teachers => self.teachers = n,
            AudienceGroup::Parents => self.parents = n,
            AudienceGroup::Officials => self.officials = n,
            AudienceGroup::Public => self.public = n,
        }
    }

    /// Everyone reached.
    pub fn total(&self) -> i64 {
        AudienceGroup::ALL.iter().map(|g| self.get(*g)).sum()
    }
}

/// A count as typed: empty is none (0); otherwise a whole number from 0 to [`AUDIENCE_MAX`].
pub fn parse_count(raw: &str) -> Result<i64, FieldError> {
    let value: String = raw
        .trim()
        .chars()
        .filter(|c| *c != ' ' && *c != '.')
        .collect();
    if value.is_empty() {
        return Ok(0);
    }
    match value.parse::<i64>() {
        Ok(n) if (0..=AUDIENCE_MAX).contains(&n) => Ok(n),
        _ => Err(FieldError::Invalid),
    }
}

/// An activity as parsed from a form, before it is stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ActivityDraft {
    pub title: String,
    pub kind: ActivityKind,
    /// Only for media appearances.
    pub medium: Option<Medium>,
    pub held_on: Date,
    /// A venue from the team's list, or none when the place is typed.
    pub venue_id: Option<VenueId>,
    /// The place in free text when it is not in the list.
    pub place: String,
    pub partners: String,
    pub audience: Audience,
    pub description: String,
    pub materials: String,
    /// The activity of the team's coordination plan this one carries out, if any.
    pub plan_activity_id: Option<i64>,
}

/// A stored activity.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Activity {
    pub id: ActivityId,
    pub team_id: TeamId,
    pub title: String,
    pub kind: ActivityKind,
    pub medium: Option<Medium>,
    pub held_on: Date,
    pub venue_id: Option<VenueId>,
    /// The venue's name when it is from the list, else the typed place.
    pub place: String,
    pub partners: String,
    pub audience: Audience,
    pub description: String,
    pub materials: String,
    pub plan_activity_id: Option<i64>,
    pub version: i64,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_are_whole_numbers_in_range() {
        assert_eq!(parse_count(""), Ok(0));
        assert_eq!(parse_count(" 120 "), Ok(120));
        assert_eq!(parse_count("1 200"), Ok(1200));
        assert_eq!(parse_count("100000"), Ok(AUDIENCE_MAX));
        for bad in ["-1", "100001", "12a", "1e9", "99999999999999999999"] {
            assert_eq!(parse_count(bad), Err(FieldError::Invalid), "{bad}");
        }
    }

    #[test]
    fn total_sums_every_group() {
        let mut a = Audience::default();
        for (i, g) in AudienceGroup::ALL.iter().enumerate() {
            a.set(*g, i as i64 + 1);
        }
        assert_eq!(a.total(), 15);
        assert_eq!(a.get(AudienceGroup::Parents), 3);
    }
}

//! Prevention and awareness work of a team: public talks, exhibitions, screenings, media
//! appearances, the marking of the two anti-trafficking days; where they took place and whom
//! they reached. Nothing here is about persons in cases.

mod calendar;
mod draft;
mod kinds;

pub use calendar::{month_weeks, Month, RecurringDay, UpcomingDay, REMIND_WITHIN_DAYS};
pub use draft::{parse_count, Activity, ActivityDraft, Audience, AUDIENCE_MAX};
pub use kinds::{ActivityKind, AudienceGroup, Medium, Venue, VenueKind};

/// An activity of a team.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[serde(transparent)]
pub struct ActivityId(pub i64);

/// A school or venue of a team's city, to choose as an activity's place.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[serde(transparent)]
pub struct VenueId(pub i64);

impl std::fmt::Display for ActivityId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

impl std::fmt::Display for VenueId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

//! Prevention and awareness work of a team: public talks, exhibitions, screenings, media
//! appearances, the marking of the two anti-trafficking days; where they took place and whom
//! they reached. Nothing here is about persons in cases.

mod calendar;
mod draft;
mod kinds;

pub use calendar::{month_weeks, Month, RecurringDay, UpcomingDay, REMIND_WITHIN_DAYS};
pub use draft::{parse_count, Activity, ActivityDraft, Audience, AUDIENCE_MAX};
pub use kinds::{ActivityKind, AudienceGroup, Medium, Venue, VenueKind};

crate::ids::id_type!(
    /// An activity of a team.
    ActivityId,
    /// A school or venue of a team's city, to choose as an activity's place.
    VenueId,
);

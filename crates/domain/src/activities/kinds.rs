//! The closed vocabularies of activities: kinds, media, audience groups, kinds of venue.

use super::VenueId;
use crate::ids::TeamId;

coded_enum! {
    /// What sort of activity it was.
    pub enum ActivityKind {
        /// A public talk (трибина), in schools above all.
        PublicTalk => "public-talk",
        /// A lecture (предавање): one speaker to a group, for staff or pupils.
        Lecture => "lecture",
        /// A workshop (радионица): a small group working with a facilitator.
        Workshop => "workshop",
        Exhibition => "exhibition",
        FilmScreening => "film-screening",
        Campaign => "campaign",
        /// TV, radio, press or online; the medium says which.
        MediaAppearance => "media",
        Conference => "conference",
        /// Marking of 18 October, the European Anti-Trafficking Day.
        EuDay => "eu-day",
        /// Marking of 30 July, the World Day against Trafficking in Persons.
        WorldDay => "world-day",
        Other => "other",
    }
}

coded_enum! {
    /// Where a media appearance was.
    pub enum Medium {
        Tv => "tv",
        Radio => "radio",
        Press => "press",
        Online => "online",
    }
}

coded_enum! {
    /// Who was reached, counted per group.
    pub enum AudienceGroup {
        Pupils => "pupils",
        Teachers => "teachers",
        Parents => "parents",
        Officials => "officials",
        Public => "public",
    }
}

coded_enum! {
    /// A school or another venue (cultural centre, theatre, hall).
    pub enum VenueKind {
        School => "school",
        Venue => "venue",
    }
}

/// A school or venue of a team's city.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Venue {
    pub id: VenueId,
    pub team_id: TeamId,
    pub name: String,
    pub kind: VenueKind,
    /// Inactive venues are no longer offered but stay on past activities.
    pub active: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        for k in ActivityKind::ALL {
            assert_eq!(ActivityKind::from_code(k.code()), Some(*k));
        }
        for m in Medium::ALL {
            assert_eq!(Medium::from_code(m.code()), Some(*m));
        }
        assert_eq!(ActivityKind::from_code("party"), None);
    }

    #[test]
    fn lectures_and_workshops_are_kinds_of_their_own() {
        assert_eq!(
            ActivityKind::from_code("lecture"),
            Some(ActivityKind::Lecture)
        );
        assert_eq!(
            ActivityKind::from_code("workshop"),
            Some(ActivityKind::Workshop)
        );
        assert_eq!(ActivityKind::Workshop.code(), "workshop");
        assert_ne!(ActivityKind::Workshop, ActivityKind::PublicTalk);
    }
}

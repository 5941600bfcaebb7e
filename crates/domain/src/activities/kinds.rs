//! The closed vocabularies of activities: kinds, media, audience groups, kinds of venue.

use super::VenueId;
use crate::ids::TeamId;

macro_rules! coded {
    ($(#[$doc:meta])* $name:ident { $($(#[$vdoc:meta])* $variant:ident = $code:literal),* $(,)? }) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum $name { $($(#[$vdoc])* $variant),* }

        impl $name {
            /// Every value, in the order forms show them.
            pub const ALL: &'static [$name] = &[$($name::$variant),*];

            /// The stable code stored and sent in forms.
            pub fn code(self) -> &'static str {
                match self { $($name::$variant => $code),* }
            }

            /// The value of a code; None for anything else.
            pub fn from_code(code: &str) -> Option<$name> {
                match code { $($code => Some($name::$variant),)* _ => None }
            }
        }
    };
}

coded!(
    /// What sort of activity it was.
    ActivityKind {
        /// A public talk (трибина), in schools above all.
        PublicTalk = "public-talk",
        Exhibition = "exhibition",
        FilmScreening = "film-screening",
        Campaign = "campaign",
        /// TV, radio, press or online; the medium says which.
        MediaAppearance = "media",
        Conference = "conference",
        /// Marking of 18 October, the European Anti-Trafficking Day.
        EuDay = "eu-day",
        /// Marking of 30 July, the World Day against Trafficking in Persons.
        WorldDay = "world-day",
        Other = "other",
    }
);

coded!(
    /// Where a media appearance was.
    Medium {
        Tv = "tv",
        Radio = "radio",
        Press = "press",
        Online = "online",
    }
);

coded!(
    /// Who was reached, counted per group.
    AudienceGroup {
        Pupils = "pupils",
        Teachers = "teachers",
        Parents = "parents",
        Officials = "officials",
        Public = "public",
    }
);

coded!(
    /// A school or another venue (cultural centre, theatre, hall).
    VenueKind {
        School = "school",
        Venue = "venue",
    }
);

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
}

//! What a team shows beyond itself: a calendar feed of its public work, behind a secret link,
//! and a public page. Neither ever holds personal data; these rules say what they may hold.

use crate::activities::ActivityKind;
use time::{Date, Duration};

/// How far back a calendar feed reaches, in days.
pub const FEED_DAYS_BACK: i64 = 60;
/// How far ahead a calendar feed reaches, in days.
pub const FEED_DAYS_AHEAD: i64 = 365;
/// How far ahead the public page lists activities, in days.
pub const PAGE_DAYS_AHEAD: i64 = 90;
/// The longest introduction of a public page, in characters.
pub const INTRO_MAX: usize = 2000;
/// The longest label of a calendar feed, in characters.
pub const FEED_LABEL_MAX: usize = 100;

/// Whether activities of this kind are shown in the team's feed and on its public page.
///
/// Awareness work is done in public, so its kinds are public; "other" may be anything (an
/// internal working visit, say) and stays inside the team. The match is exhaustive on
/// purpose: a new kind must be decided here.
pub fn is_public(kind: ActivityKind) -> bool {
    match kind {
        ActivityKind::PublicTalk
        | ActivityKind::Lecture
        | ActivityKind::Workshop
        | ActivityKind::Exhibition
        | ActivityKind::FilmScreening
        | ActivityKind::Campaign
        | ActivityKind::MediaAppearance
        | ActivityKind::Conference
        | ActivityKind::EuDay
        | ActivityKind::WorldDay => true,
        ActivityKind::Other => false,
    }
}

/// Days from `from` up to but not including `until`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Window {
    pub from: Date,
    pub until: Date,
}

impl Window {
    /// The days a feed shows around `today`: [`FEED_DAYS_BACK`] back to
    /// [`FEED_DAYS_AHEAD`] ahead, both ends included.
    pub fn feed(today: Date) -> Window {
        Window {
            from: today.saturating_sub(Duration::days(FEED_DAYS_BACK)),
            until: today.saturating_add(Duration::days(FEED_DAYS_AHEAD + 1)),
        }
    }

    /// The days the public page lists: from `today` to [`PAGE_DAYS_AHEAD`] ahead, included.
    pub fn page(today: Date) -> Window {
        Window {
            from: today,
            until: today.saturating_add(Duration::days(PAGE_DAYS_AHEAD + 1)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn awareness_kinds_are_public_and_other_is_not() {
        for kind in ActivityKind::ALL {
            assert_eq!(is_public(*kind), *kind != ActivityKind::Other, "{kind:?}");
        }
    }

    #[test]
    fn windows_include_both_ends() {
        let w = Window::feed(date!(2026 - 11 - 28));
        assert_eq!(w.from, date!(2026 - 09 - 29));
        assert_eq!(w.until, date!(2027 - 11 - 29));
        let p = Window::page(date!(2026 - 11 - 28));
        assert_eq!(p.from, date!(2026 - 11 - 28));
        assert_eq!(p.until, date!(2027 - 02 - 27));
    }
}

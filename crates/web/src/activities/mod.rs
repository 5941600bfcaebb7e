//! The activities register of a team: the list with filters and reach, the form, the month
//! calendar, and the city's schools and venues.

mod calendar;
mod edit;
mod list;
mod venues;

use crate::routes::Routes;
use crate::shell::tr::Tr;
use spona_domain::activities::{
    Activity, ActivityKind, AudienceGroup, Medium, UpcomingDay, VenueKind,
};

pub use calendar::reminders;

/// The routes of this feature.
pub fn routes() -> Routes {
    Routes::new()
        .get("/activities", list::list)
        .post("/activities", edit::create)
        .get("/activities/new", edit::new)
        .get("/activities/calendar", calendar::month)
        .get("/activities/venues", venues::list)
        .post("/activities/venues", venues::add)
        .post("/activities/venues/{id}/active", venues::set_active)
        .get("/activities/{id}", edit::show)
        .post("/activities/{id}", edit::update)
        .get("/activities/{id}/edit", edit::edit)
        .get("/activities/{id}/delete", edit::confirm_delete)
        .post("/activities/{id}/delete", edit::delete)
}

/// A choice in a select.
pub struct Choice {
    pub value: String,
    pub label: String,
    pub selected: bool,
}

/// The kinds of activity as choices.
fn kind_choices(tr: &Tr, selected: &str) -> Vec<Choice> {
    ActivityKind::ALL
        .iter()
        .map(|k| Choice {
            value: k.code().into(),
            label: kind_label(tr, *k),
            selected: k.code() == selected,
        })
        .collect()
}

/// The media as choices.
fn medium_choices(tr: &Tr, selected: &str) -> Vec<Choice> {
    Medium::ALL
        .iter()
        .map(|m| Choice {
            value: m.code().into(),
            label: tr.t(&format!("activity-medium-{}", m.code())),
            selected: m.code() == selected,
        })
        .collect()
}

/// The venue kinds as choices.
fn venue_kind_choices(tr: &Tr, selected: &str) -> Vec<Choice> {
    VenueKind::ALL
        .iter()
        .map(|k| Choice {
            value: k.code().into(),
            label: tr.t(&format!("venue-kind-{}", k.code())),
            selected: k.code() == selected,
        })
        .collect()
}

/// The name of a kind of activity.
fn kind_label(tr: &Tr, kind: ActivityKind) -> String {
    tr.t(&format!("activity-kind-{}", kind.code()))
}

/// An activity as a line of a list or calendar.
pub struct ActivityLine {
    pub id: i64,
    pub title: String,
    pub date: String,
    pub kind: String,
    pub place: String,
    pub reach: i64,
}

impl ActivityLine {
    fn of(tr: &Tr, a: &Activity) -> ActivityLine {
        let kind = match a.medium {
            Some(m) => format!(
                "{} ({})",
                kind_label(tr, a.kind),
                tr.t(&format!("activity-medium-{}", m.code()))
            ),
            None => kind_label(tr, a.kind),
        };
        ActivityLine {
            id: a.id.0,
            title: a.title.clone(),
            date: tr.date(&a.held_on),
            kind,
            place: a.place.clone(),
            reach: a.audience.total(),
        }
    }
}

/// The audience groups with their labels and form fields.
pub struct GroupField {
    pub field: &'static str,
    pub label: String,
    pub value: String,
}

fn group_label(tr: &Tr, g: AudienceGroup) -> String {
    tr.t(&format!("activity-audience-{}", g.code()))
}

/// A reminder of a recurring day, in words.
pub struct Reminder {
    pub text: String,
    pub planned: bool,
    pub month: String,
}

impl Reminder {
    fn of(tr: &Tr, d: &UpcomingDay) -> Reminder {
        let day = tr.t(&format!("activities-day-{}", d.day.code()));
        let id = match (d.days_left, d.planned) {
            (0, true) => "activities-reminder-today-planned",
            (0, false) => "activities-reminder-today",
            (_, true) => "activities-reminder-planned",
            (_, false) => "activities-reminder",
        };
        Reminder {
            text: tr.with(
                id,
                &[("day", day.as_str().into()), ("days", d.days_left.into())],
            ),
            planned: d.planned,
            month: spona_domain::activities::Month::of(d.date).code(),
        }
    }
}

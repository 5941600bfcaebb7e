//! The month calendar (a table that reads as a list on a phone) and the dashboard's
//! reminders of the recurring days.

use super::{ActivityLine, Reminder};
use crate::shell::chrome::{Chrome, Nav};
use crate::shell::errors::WebError;
use crate::shell::render::html;
use crate::shell::tr::Tr;
use crate::shell::viewer::Signed;
use crate::WebState;
use askama::Template;
use axum::extract::{Query, State};
use axum::response::Response;
use serde::Deserialize;
use spona_app::App;
use spona_domain::access::Actor;
use spona_domain::activities::Month;

/// `?month=2026-10`.
#[derive(Deserialize, Default)]
pub struct MonthQuery {
    #[serde(default)]
    month: String,
}

/// One cell of the grid.
pub struct Cell {
    pub day: u8,
    pub date: String,
    pub iso: String,
    pub recurring: Option<String>,
    pub activities: Vec<ActivityLine>,
}

#[derive(Template)]
#[template(path = "activities/calendar.html")]
struct CalendarPage {
    chrome: Chrome,
    title: String,
    weekdays: Vec<String>,
    weeks: Vec<Vec<Option<Cell>>>,
    prev: String,
    next: String,
    can_record: bool,
}

/// `/activities/calendar?month=2026-10`; the current month when none or not a month.
pub async fn month(
    State(state): State<WebState>,
    s: Signed,
    Query(q): Query<MonthQuery>,
) -> Result<Response, WebError> {
    let month = Month::parse(&q.month).unwrap_or_else(|| Month::of(state.app.today()));
    let cal = state.app.activity_calendar(s.actor(), month).await?;
    let tr = &s.viewer.tr;
    let weeks = cal
        .weeks
        .iter()
        .map(|week| {
            week.iter()
                .map(|day| {
                    day.as_ref().map(|d| Cell {
                        day: d.date.day(),
                        date: tr.date(&d.date),
                        iso: spona_domain::text::iso_date(d.date),
                        recurring: d
                            .recurring
                            .map(|r| tr.t(&format!("activities-day-{}", r.code()))),
                        activities: d
                            .activities
                            .iter()
                            .map(|a| ActivityLine::of(tr, a))
                            .collect(),
                    })
                })
                .collect()
        })
        .collect();
    html(&CalendarPage {
        chrome: s.viewer.chrome(Nav::Activities),
        title: tr.with(
            "activities-calendar-month",
            &[
                (
                    "month",
                    tr.t(&format!("activities-month-{}", u8::from(month.month)))
                        .into(),
                ),
                ("year", month.year.to_string().into()),
            ],
        ),
        weekdays: (1..=7)
            .map(|d| tr.t(&format!("activities-weekday-{d}")))
            .collect(),
        weeks,
        prev: month.previous().code(),
        next: month.next().code(),
        can_record: state.app.can_record_activities(s.actor()),
    })
}

/// The reminders of recurring days for the dashboard (none outside a team).
pub async fn reminders(app: &App, tr: &Tr, actor: &Actor) -> Result<Vec<Reminder>, WebError> {
    let days = app.upcoming_days(actor, app.today()).await?;
    Ok(days.iter().map(|d| Reminder::of(tr, d)).collect())
}

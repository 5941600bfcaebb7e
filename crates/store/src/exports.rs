//! The team's lists as exports read them: in pages that start after the last row of the page
//! before (its date and id, newest first), so an export of any length holds one page at a
//! time, and a row added or removed meanwhile neither repeats nor skips another, as a page
//! counted by offset would.

use crate::activities::Filter;
use crate::institutions::like_pattern;
use crate::{dates, StoreError};
use spona_domain::access::TeamScope;
use spona_domain::activities::{ActivityKind, Audience, Medium};
use spona_domain::trainings::Duration;
use sqlx::AnyConnection;
use time::Date;

/// Where a page starts: after the row with this date and id in the list's order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct After {
    pub on: String,
    pub id: i64,
}

impl After {
    /// The date to bind for [`after_sql`]: past every date on the first page (`~` sorts after
    /// every digit), so that one condition serves all pages.
    fn bound(&self) -> &str {
        if self.on.is_empty() {
            "~"
        } else {
            &self.on
        }
    }
}

/// The order key of a row (newest first), and the condition for rows after `$n` (the
/// [`After::bound`]), `$n+1`. The date's own bound comes first so that the walk down the
/// (team, date) index starts at the page instead of at the newest row: an export of 100,000
/// rows would otherwise read the rows before each page again.
fn after_sql(date: &str, id: &str, n: usize) -> String {
    format!(
        "{date} <= ${n} AND ({date} < ${n} OR {id} < ${m})",
        m = n + 1
    )
}

/// An activity of the register with the title of the plan activity it carries out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ActivityLine {
    pub id: i64,
    pub held_on: Date,
    pub kind: ActivityKind,
    pub medium: Option<Medium>,
    pub title: String,
    /// The venue's name when it is from the list, else the typed place.
    pub place: String,
    pub partners: String,
    pub audience: Audience,
    pub materials: String,
    pub plan_activity: Option<String>,
}

#[derive(sqlx::FromRow)]
struct ActivityRow {
    id: i64,
    held_on: String,
    kind: String,
    medium: String,
    title: String,
    place: String,
    partners: String,
    pupils: i64,
    teachers: i64,
    parents: i64,
    officials: i64,
    general_public: i64,
    materials: String,
    plan_activity: Option<String>,
}

impl TryFrom<ActivityRow> for ActivityLine {
    type Error = StoreError;
    fn try_from(r: ActivityRow) -> Result<ActivityLine, StoreError> {
        Ok(ActivityLine {
            id: r.id,
            held_on: dates::parse(&r.held_on)?,
            kind: ActivityKind::from_code(&r.kind)
                .ok_or_else(|| StoreError::Corrupt(format!("activity kind {:?}", r.kind)))?,
            medium: Medium::from_code(&r.medium),
            title: r.title,
            place: r.place,
            partners: r.partners,
            audience: Audience {
                pupils: r.pupils,
                teachers: r.teachers,
                parents: r.parents,
                officials: r.officials,
                public: r.general_public,
            },
            materials: r.materials,
            plan_activity: r.plan_activity,
        })
    }
}

/// A page of the team's activities that match the filter (as the list page filters them),
/// newest first; `filter.limit` is the page size, its offset is not used.
pub async fn activities(
    c: &mut AnyConnection,
    scope: &TeamScope,
    filter: &Filter,
    after: &After,
) -> Result<Vec<ActivityLine>, StoreError> {
    let kind = filter.kind.map(ActivityKind::code).unwrap_or("");
    let (year, next_year) = dates::year_range(filter.year);
    let rows: Vec<ActivityRow> = sqlx::query_as(&format!(
        "SELECT a.id, a.held_on, a.kind, a.medium, a.title, COALESCE(v.name, a.place) AS place, \
         a.partners, a.pupils, a.teachers, a.parents, a.officials, a.general_public, \
         a.materials, pa.title AS plan_activity \
         FROM activities a LEFT JOIN venues v ON v.id = a.venue_id \
         LEFT JOIN plan_activities pa ON pa.id = a.plan_activity_id \
         WHERE a.team_id = $1 AND a.search_key LIKE $2 ESCAPE '\\' \
         AND ($3 = '' OR a.kind = $3) AND ($4 = '' OR (a.held_on >= $4 AND a.held_on < $8)) \
         AND {} ORDER BY a.held_on DESC, a.id DESC LIMIT $7",
        after_sql("a.held_on", "a.id", 5)
    ))
    .bind(scope.team().0)
    .bind(like_pattern(&filter.query))
    .bind(kind)
    .bind(&year)
    .bind(after.bound())
    .bind(after.id)
    .bind(filter.limit.max(1))
    .bind(&next_year)
    .fetch_all(c)
    .await?;
    rows.into_iter().map(ActivityLine::try_from).collect()
}

/// A training with its participants and the title of the plan activity it carries out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TrainingLine {
    pub id: i64,
    pub held_on: Date,
    pub topic: String,
    pub trainer: String,
    pub duration: Duration,
    pub participants: i64,
    pub score_before: Option<i64>,
    pub score_after: Option<i64>,
    pub plan_activity: Option<String>,
}

#[derive(sqlx::FromRow)]
struct TrainingRow {
    id: i64,
    held_on: String,
    topic: String,
    trainer: String,
    minutes: i64,
    participants: i64,
    score_before: Option<i64>,
    score_after: Option<i64>,
    plan_activity: Option<String>,
}

/// A page of the team's trainings, newest first.
pub async fn trainings(
    c: &mut AnyConnection,
    scope: &TeamScope,
    after: &After,
    limit: i64,
) -> Result<Vec<TrainingLine>, StoreError> {
    let rows: Vec<TrainingRow> = sqlx::query_as(&format!(
        "SELECT t.id, t.held_on, t.topic, t.trainer, t.minutes, \
         CAST(COALESCE((SELECT SUM(x.participants) FROM training_attendance x \
         WHERE x.training_id = t.id), 0) AS BIGINT) AS participants, \
         t.score_before, t.score_after, pa.title AS plan_activity \
         FROM trainings t LEFT JOIN plan_activities pa ON pa.id = t.plan_activity_id \
         WHERE t.team_id = $1 AND {} ORDER BY t.held_on DESC, t.id DESC LIMIT $4",
        after_sql("t.held_on", "t.id", 2)
    ))
    .bind(scope.team().0)
    .bind(after.bound())
    .bind(after.id)
    .bind(limit.max(1))
    .fetch_all(c)
    .await?;
    rows.into_iter()
        .map(|r| {
            Ok(TrainingLine {
                id: r.id,
                held_on: dates::parse(&r.held_on)?,
                topic: r.topic,
                trainer: r.trainer,
                duration: Duration::from_minutes(r.minutes),
                participants: r.participants,
                score_before: r.score_before,
                score_after: r.score_after,
                plan_activity: r.plan_activity,
            })
        })
        .collect()
}

/// A meeting with how many attended and what became of its action items.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MeetingLine {
    pub id: i64,
    pub held_on: Date,
    pub place: String,
    pub agenda: String,
    pub decisions: String,
    /// Institutions present.
    pub present: i64,
    /// Action items not done yet.
    pub open_actions: i64,
    /// Of those, the ones past their deadline.
    pub overdue_actions: i64,
}

#[derive(sqlx::FromRow)]
struct MeetingRow {
    id: i64,
    held_on: String,
    place: String,
    agenda: String,
    decisions: String,
    present: i64,
    open_actions: i64,
    overdue_actions: i64,
}

/// A page of the team's meetings, the latest first; action items are overdue when open with
/// a deadline before `today`.
pub async fn meetings(
    c: &mut AnyConnection,
    scope: &TeamScope,
    today: Date,
    after: &After,
    limit: i64,
) -> Result<Vec<MeetingLine>, StoreError> {
    let rows: Vec<MeetingRow> = sqlx::query_as(&format!(
        "SELECT m.id, m.held_on, m.place, m.agenda, m.decisions, \
         (SELECT COUNT(*) FROM meeting_attendance a WHERE a.meeting_id = m.id) AS present, \
         (SELECT COUNT(*) FROM meeting_actions x WHERE x.meeting_id = m.id \
         AND x.done_on IS NULL) AS open_actions, \
         (SELECT COUNT(*) FROM meeting_actions x WHERE x.meeting_id = m.id \
         AND x.done_on IS NULL AND x.deadline < $2) AS overdue_actions \
         FROM meetings m WHERE m.team_id = $1 AND {} \
         ORDER BY m.held_on DESC, m.id DESC LIMIT $5",
        after_sql("m.held_on", "m.id", 3)
    ))
    .bind(scope.team().0)
    .bind(dates::iso(today))
    .bind(after.bound())
    .bind(after.id)
    .bind(limit.max(1))
    .fetch_all(c)
    .await?;
    rows.into_iter()
        .map(|r| {
            Ok(MeetingLine {
                id: r.id,
                held_on: dates::parse(&r.held_on)?,
                place: r.place,
                agenda: r.agenda,
                decisions: r.decisions,
                present: r.present,
                open_actions: r.open_actions,
                overdue_actions: r.overdue_actions,
            })
        })
        .collect()
}

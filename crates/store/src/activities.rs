//! The prevention and awareness activities of a team.

use crate::dates;
use crate::institutions::like_pattern;
use crate::{Page, StoreError};
use spona_domain::access::TeamScope;
use spona_domain::activities::{
    Activity, ActivityDraft, ActivityId, ActivityKind, Audience, Medium, VenueId,
};
use spona_domain::ids::{TeamId, UserId};
use spona_domain::outreach::is_public;
use spona_domain::script::fold;
use sqlx::AnyConnection;
use time::Date;

#[derive(sqlx::FromRow)]
struct ActivityRow {
    id: i64,
    team_id: i64,
    title: String,
    kind: String,
    medium: String,
    held_on: String,
    venue_id: Option<i64>,
    place: String,
    partners: String,
    pupils: i64,
    teachers: i64,
    parents: i64,
    officials: i64,
    general_public: i64,
    description: String,
    materials: String,
    plan_activity_id: Option<i64>,
    version: i64,
}

impl TryFrom<ActivityRow> for Activity {
    type Error = StoreError;
    fn try_from(r: ActivityRow) -> Result<Activity, StoreError> {
        Ok(Activity {
            id: ActivityId(r.id),
            team_id: TeamId(r.team_id),
            kind: ActivityKind::from_code(&r.kind)
                .ok_or_else(|| StoreError::Corrupt(format!("activity kind {:?}", r.kind)))?,
            medium: Medium::from_code(&r.medium),
            held_on: dates::parse(&r.held_on)?,
            venue_id: r.venue_id.map(VenueId),
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
            description: r.description,
            materials: r.materials,
            plan_activity_id: r.plan_activity_id,
            version: r.version,
        })
    }
}

/// The columns, with the venue's name as the place when a venue was chosen.
const COLUMNS: &str = "a.id, a.team_id, a.title, a.kind, a.medium, a.held_on, a.venue_id, \
     COALESCE(v.name, a.place) AS place, a.partners, a.pupils, a.teachers, a.parents, \
     a.officials, a.general_public, a.description, a.materials, a.plan_activity_id, a.version";
const FROM: &str = "activities a LEFT JOIN venues v ON v.id = a.venue_id";
const REACH: &str = "a.pupils + a.teachers + a.parents + a.officials + a.general_public";

/// Title, place and partners folded, so that a search finds them in either script.
fn search_key(d: &ActivityDraft, place: &str) -> String {
    fold(&format!("{} {} {}", d.title, place, d.partners))
}

/// Which activities a list shows (newest first).
#[derive(Clone, Debug, Default)]
pub struct Filter {
    pub kind: Option<ActivityKind>,
    pub year: Option<i32>,
    /// Text to find in the title, place or partners, in any script.
    pub query: String,
    pub limit: i64,
    pub offset: i64,
}

/// A page of activities and the audience reached by all that matched.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Listed {
    /// Its total is exact without a search; a search counts up to [`SEARCH_COUNT_LIMIT`] + 1.
    pub page: Page<Activity>,
    /// The audience of all that matched; unknown when a search found more than it counts.
    pub reach: Option<i64>,
}

/// A search counts its matches up to this many; beyond it the list says "more than" (each
/// match is found by testing the team's activities one by one, so a full count would test
/// the whole register on every page).
pub const SEARCH_COUNT_LIMIT: i64 = 1_000;

/// Records an activity; `place` is the venue's name or the typed place (for the search).
pub async fn insert(
    c: &mut AnyConnection,
    scope: &TeamScope,
    d: &ActivityDraft,
    place: &str,
    by: UserId,
    now: i64,
) -> Result<ActivityId, StoreError> {
    insert_by(c, scope, d, place, Some(by), now).await
}

/// Records an activity whose author may have no account (an import at the console).
pub async fn insert_by(
    c: &mut AnyConnection,
    scope: &TeamScope,
    d: &ActivityDraft,
    place: &str,
    by: Option<UserId>,
    now: i64,
) -> Result<ActivityId, StoreError> {
    let a = &d.audience;
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO activities (team_id, title, kind, medium, held_on, venue_id, place, partners, \
         pupils, teachers, parents, officials, general_public, description, materials, \
         plan_activity_id, search_key, created_by, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, \
         $19, $19) RETURNING id",
    )
    .bind(scope.team().0)
    .bind(&d.title)
    .bind(d.kind.code())
    .bind(d.medium.map(Medium::code).unwrap_or(""))
    .bind(dates::iso(d.held_on))
    .bind(d.venue_id.map(|v| v.0))
    .bind(&d.place)
    .bind(&d.partners)
    .bind(a.pupils)
    .bind(a.teachers)
    .bind(a.parents)
    .bind(a.officials)
    .bind(a.public)
    .bind(&d.description)
    .bind(&d.materials)
    .bind(d.plan_activity_id)
    .bind(search_key(d, place))
    .bind(by.map(|u| u.0))
    .bind(now)
    .fetch_one(c)
    .await?;
    Ok(ActivityId(id))
}

/// Changes an activity, if it is still at `version`.
pub async fn update(
    c: &mut AnyConnection,
    scope: &TeamScope,
    id: ActivityId,
    version: i64,
    d: &ActivityDraft,
    place: &str,
    now: i64,
) -> Result<(), StoreError> {
    let a = &d.audience;
    let done = sqlx::query(
        "UPDATE activities SET title = $1, kind = $2, medium = $3, held_on = $4, venue_id = $5, \
         place = $6, partners = $7, pupils = $8, teachers = $9, parents = $10, officials = $11, \
         general_public = $12, description = $13, materials = $14, plan_activity_id = $15, \
         search_key = $16, updated_at = $17, version = version + 1 \
         WHERE team_id = $18 AND id = $19 AND version = $20",
    )
    .bind(&d.title)
    .bind(d.kind.code())
    .bind(d.medium.map(Medium::code).unwrap_or(""))
    .bind(dates::iso(d.held_on))
    .bind(d.venue_id.map(|v| v.0))
    .bind(&d.place)
    .bind(&d.partners)
    .bind(a.pupils)
    .bind(a.teachers)
    .bind(a.parents)
    .bind(a.officials)
    .bind(a.public)
    .bind(&d.description)
    .bind(&d.materials)
    .bind(d.plan_activity_id)
    .bind(search_key(d, place))
    .bind(now)
    .bind(scope.team().0)
    .bind(id.0)
    .bind(version)
    .execute(c)
    .await?;
    StoreError::one_row(done.rows_affected())
}

/// Deletes an activity, if it is still at `version`.
pub async fn delete(
    c: &mut AnyConnection,
    scope: &TeamScope,
    id: ActivityId,
    version: i64,
) -> Result<(), StoreError> {
    let done =
        sqlx::query("DELETE FROM activities WHERE team_id = $1 AND id = $2 AND version = $3")
            .bind(scope.team().0)
            .bind(id.0)
            .bind(version)
            .execute(c)
            .await?;
    StoreError::one_row(done.rows_affected())
}

/// An activity of the team; another team's id finds nothing.
pub async fn find(
    c: &mut AnyConnection,
    scope: &TeamScope,
    id: ActivityId,
) -> Result<Option<Activity>, StoreError> {
    let row: Option<ActivityRow> = sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM {FROM} WHERE a.team_id = $1 AND a.id = $2"
    ))
    .bind(scope.team().0)
    .bind(id.0)
    .fetch_optional(c)
    .await?;
    row.map(Activity::try_from).transpose()
}

/// A page of the team's activities that match, newest first, with their total reach.
pub async fn list(
    c: &mut AnyConnection,
    scope: &TeamScope,
    f: &Filter,
) -> Result<Listed, StoreError> {
    let pattern = like_pattern(&f.query);
    let kind = f.kind.map(ActivityKind::code).unwrap_or("");
    let (year, next_year) = dates::year_range(f.year);
    let (total, reach) = if pattern == "%%" {
        tallied(c, scope, kind, &year).await?
    } else {
        // Planned for its values, as the page below.
        let (found, reach): (i64, i64) = sqlx::query_as(&search_count_sql())
            .persistent(false)
            .bind(scope.team().0)
            .bind(&pattern)
            .bind(kind)
            .bind(&year)
            .bind(&next_year)
            .bind(SEARCH_COUNT_LIMIT + 1)
            .fetch_one(&mut *c)
            .await?;
        (found, (found <= SEARCH_COUNT_LIMIT).then_some(reach))
    };
    // Planned for its values each time, not prepared once: PostgreSQL keeps one plan for a
    // prepared statement after its fifth run, and the optional filters (`$3 = '' OR …`) then
    // look as if they chose one row, so every page sorted the team's activities in full
    // (29 ms instead of 0.3 at national scale). Unprepared, each run is planned for its own.
    let rows: Vec<ActivityRow> = sqlx::query_as(&page_sql())
        .persistent(false)
        .bind(scope.team().0)
        .bind(&pattern)
        .bind(kind)
        .bind(&year)
        .bind(&next_year)
        .bind(f.limit.max(1))
        .bind(f.offset.max(0))
        .fetch_all(c)
        .await?;
    Ok(Listed {
        page: Page {
            items: rows
                .into_iter()
                .map(Activity::try_from)
                .collect::<Result<_, _>>()?,
            total,
        },
        reach,
    })
}

/// The activities a list shows: the team's, found by the folded text ($2), of a kind ($3,
/// or all), held in a year ($4 to $5, as a range of dates, or all).
const MATCHING: &str = "a.team_id = $1 AND a.search_key LIKE $2 ESCAPE '\\' \
     AND ($3 = '' OR a.kind = $3) AND ($4 = '' OR (a.held_on >= $4 AND a.held_on < $5))";

/// A page of [`MATCHING`] ($6 rows after $7): chosen in `activities_searched` alone, which
/// holds all that the choice tests and orders by, so only the page's own rows are read.
fn page_sql() -> String {
    format!(
        "SELECT {COLUMNS} FROM {FROM} JOIN (SELECT a.id AS page_id FROM activities a \
         WHERE {MATCHING} ORDER BY a.held_on DESC, a.id DESC LIMIT $6 OFFSET $7) p \
         ON p.page_id = a.id ORDER BY a.held_on DESC, a.id DESC"
    )
}

/// How many of [`MATCHING`] there are, up to $6, and their audience: in the index alone.
fn search_count_sql() -> String {
    // The sum is cast: PostgreSQL sums BIGINT as NUMERIC.
    format!(
        "SELECT COUNT(*), CAST(COALESCE(SUM(reach), 0) AS BIGINT) FROM \
         (SELECT {REACH} AS reach FROM activities a WHERE {MATCHING} LIMIT $6) counted"
    )
}

/// How many activities of a kind and year (either may be empty: all) the team recorded, and
/// their audience, from the tallies the database keeps (migration 0044).
async fn tallied(
    c: &mut AnyConnection,
    scope: &TeamScope,
    kind: &str,
    year: &str,
) -> Result<(i64, Option<i64>), StoreError> {
    let (count, reach): (i64, i64) = sqlx::query_as(
        "SELECT CAST(COALESCE(SUM(activities), 0) AS BIGINT), \
         CAST(COALESCE(SUM(reach), 0) AS BIGINT) FROM activity_tallies \
         WHERE team_id = $1 AND ($2 = '' OR kind = $2) AND ($3 = '' OR year = $3)",
    )
    .bind(scope.team().0)
    .bind(kind)
    .bind(year)
    .fetch_one(c)
    .await?;
    Ok((count, Some(reach)))
}

/// The team's activities from `from` up to but not including `until`, oldest first.
pub async fn between(
    c: &mut AnyConnection,
    scope: &TeamScope,
    from: Date,
    until: Date,
) -> Result<Vec<Activity>, StoreError> {
    held_between(c, scope.team(), from, until).await
}

/// The team's public activities (those [`is_public`] names) from `from` up to but not
/// including `until`, oldest first, for its public page and calendar feeds.
///
/// It takes the team's id, not a scope: those are read by anyone, without an account for
/// the access check to decide on, and only the kinds of work done in public leave here.
pub async fn public_between(
    c: &mut AnyConnection,
    team: TeamId,
    from: Date,
    until: Date,
) -> Result<Vec<Activity>, StoreError> {
    let mut held = held_between(c, team, from, until).await?;
    held.retain(|a| is_public(a.kind));
    Ok(held)
}

async fn held_between(
    c: &mut AnyConnection,
    team: TeamId,
    from: Date,
    until: Date,
) -> Result<Vec<Activity>, StoreError> {
    let rows: Vec<ActivityRow> = sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM {FROM} WHERE a.team_id = $1 AND a.held_on >= $2 \
         AND a.held_on < $3 ORDER BY a.held_on, a.id"
    ))
    .bind(team.0)
    .bind(dates::iso(from))
    .bind(dates::iso(until))
    .fetch_all(c)
    .await?;
    rows.into_iter().map(Activity::try_from).collect()
}

/// The years in which the team recorded activities, latest first.
pub async fn years(c: &mut AnyConnection, scope: &TeamScope) -> Result<Vec<i32>, StoreError> {
    let years: Vec<String> = sqlx::query_scalar(
        "SELECT DISTINCT year FROM activity_tallies WHERE team_id = $1 AND activities > 0 \
         ORDER BY year DESC",
    )
    .bind(scope.team().0)
    .fetch_all(c)
    .await?;
    Ok(years.iter().filter_map(|y| y.parse().ok()).collect())
}

/// Whether the team recorded something for a recurring day: anything on the date itself,
/// or an activity of the day's kind in that year.
pub async fn marks_day(
    c: &mut AnyConnection,
    scope: &TeamScope,
    date: Date,
    kind: ActivityKind,
) -> Result<bool, StoreError> {
    let n: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM activities WHERE team_id = $1 \
         AND (held_on = $2 OR (kind = $3 AND substr(held_on, 1, 4) = $4))",
    )
    .bind(scope.team().0)
    .bind(dates::iso(date))
    .bind(kind.code())
    .bind(format!("{:04}", date.year()))
    .fetch_one(c)
    .await?;
    Ok(n > 0)
}

/// Every activity of the team by an import's key: its day (ISO), title and place (the place
/// typed, or the chosen venue's name), read in one query, so that a file read twice records
/// nothing twice.
pub async fn recorded_keys(
    c: &mut AnyConnection,
    scope: &TeamScope,
) -> Result<Vec<(String, String, String)>, StoreError> {
    Ok(sqlx::query_as(&format!(
        "SELECT a.held_on, a.title, COALESCE(v.name, a.place) FROM {FROM} WHERE a.team_id = $1"
    ))
    .bind(scope.team().0)
    .fetch_all(c)
    .await?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query_plans::{fresh_sqlite, plan};

    #[tokio::test]
    async fn a_page_and_a_search_read_the_searched_index_not_the_activities() {
        let (db, _dir) = fresh_sqlite().await;
        let page = plan(&db, &page_sql()).await;
        // Chosen in the index in its order; the one sort is of the page's own rows.
        assert!(
            page.contains("COVERING INDEX activities_searched")
                && page.matches("TEMP B-TREE").count() == 1,
            "{page}"
        );
        let count = plan(&db, &search_count_sql()).await;
        assert!(
            count.contains("COVERING INDEX activities_searched"),
            "{count}"
        );
        db.close().await;
    }
}

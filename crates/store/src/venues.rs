//! The schools and venues of a team's city, offered as places of activities.

use crate::StoreError;
use spona_domain::access::TeamScope;
use spona_domain::activities::{Venue, VenueId, VenueKind};
use spona_domain::ids::TeamId;
use spona_domain::script::fold;
use sqlx::AnyConnection;

#[derive(sqlx::FromRow)]
struct VenueRow {
    id: i64,
    team_id: i64,
    name: String,
    kind: String,
    active: i64,
}

impl TryFrom<VenueRow> for Venue {
    type Error = StoreError;
    fn try_from(r: VenueRow) -> Result<Venue, StoreError> {
        Ok(Venue {
            id: VenueId(r.id),
            team_id: TeamId(r.team_id),
            kind: VenueKind::from_code(&r.kind)
                .ok_or_else(|| StoreError::Corrupt(format!("venue kind {:?}", r.kind)))?,
            name: r.name,
            active: r.active != 0,
        })
    }
}

const COLUMNS: &str = "id, team_id, name, kind, active";

/// Adds a venue; a name the team already has is refused at the field `name`.
pub async fn insert(
    c: &mut AnyConnection,
    scope: &TeamScope,
    name: &str,
    kind: VenueKind,
    now: i64,
) -> Result<VenueId, StoreError> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO venues (team_id, name, kind, search_key, created_at) \
         VALUES ($1, $2, $3, $4, $5) RETURNING id",
    )
    .bind(scope.team().0)
    .bind(name)
    .bind(kind.code())
    .bind(fold(name))
    .bind(now)
    .fetch_one(c)
    .await
    .map_err(|e| StoreError::unique(e, "name"))?;
    Ok(VenueId(id))
}

/// Offers a venue again, or no longer.
pub async fn set_active(
    c: &mut AnyConnection,
    scope: &TeamScope,
    id: VenueId,
    active: bool,
) -> Result<(), StoreError> {
    let done = sqlx::query("UPDATE venues SET active = $1 WHERE team_id = $2 AND id = $3")
        .bind(i64::from(active))
        .bind(scope.team().0)
        .bind(id.0)
        .execute(c)
        .await?;
    StoreError::one_row(done.rows_affected())
}

/// A venue of the team; another team's id finds nothing.
pub async fn find(
    c: &mut AnyConnection,
    scope: &TeamScope,
    id: VenueId,
) -> Result<Option<Venue>, StoreError> {
    let row: Option<VenueRow> = sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM venues WHERE team_id = $1 AND id = $2"
    ))
    .bind(scope.team().0)
    .bind(id.0)
    .fetch_optional(c)
    .await?;
    row.map(Venue::try_from).transpose()
}

/// The team's venues, schools first, by name; inactive ones only when asked.
pub async fn list(
    c: &mut AnyConnection,
    scope: &TeamScope,
    include_inactive: bool,
) -> Result<Vec<Venue>, StoreError> {
    let rows: Vec<VenueRow> = sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM venues WHERE team_id = $1 AND ($2 = 1 OR active = 1) \
         ORDER BY active DESC, kind, search_key, id"
    ))
    .bind(scope.team().0)
    .bind(i64::from(include_inactive))
    .fetch_all(c)
    .await?;
    rows.into_iter().map(Venue::try_from).collect()
}

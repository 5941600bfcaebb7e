//! Calendar feeds: secret links to a team's calendar of public work. Only the SHA-256 of a
//! link's token is stored, so a copy of the database does not open any feed.

use crate::{dates, StoreError};
use spona_domain::access::TeamScope;
use spona_domain::ids::{TeamId, UserId};
use sqlx::AnyConnection;
use time::Date;

/// A feed as its team's coordinator sees it (never its token, which is not kept).
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct FeedRow {
    pub id: i64,
    pub label: String,
    pub created_at: i64,
    pub revoked_at: Option<i64>,
}

/// A training as a feed shows it: what about and when, nothing of who.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FeedTraining {
    pub id: i64,
    pub topic: String,
    pub held_on: Date,
}

/// Adds a feed whose token hashes to `token_hash`.
pub async fn insert(
    c: &mut AnyConnection,
    scope: &TeamScope,
    token_hash: &str,
    label: &str,
    by: UserId,
    at: i64,
) -> Result<i64, StoreError> {
    Ok(sqlx::query_scalar(
        "INSERT INTO calendar_feeds (team_id, token_hash, label, created_by, created_at) \
         VALUES ($1, $2, $3, $4, $5) RETURNING id",
    )
    .bind(scope.team().0)
    .bind(token_hash)
    .bind(label)
    .bind(by.0)
    .bind(at)
    .fetch_one(c)
    .await?)
}

/// The team's feeds, newest first.
pub async fn list(c: &mut AnyConnection, scope: &TeamScope) -> Result<Vec<FeedRow>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT id, label, created_at, revoked_at FROM calendar_feeds WHERE team_id = $1 \
         ORDER BY created_at DESC, id DESC",
    )
    .bind(scope.team().0)
    .fetch_all(c)
    .await?)
}

/// One feed of the team.
pub async fn find(
    c: &mut AnyConnection,
    scope: &TeamScope,
    id: i64,
) -> Result<Option<FeedRow>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT id, label, created_at, revoked_at FROM calendar_feeds \
         WHERE team_id = $1 AND id = $2",
    )
    .bind(scope.team().0)
    .bind(id)
    .fetch_optional(c)
    .await?)
}

/// Revokes a feed of the team; false when there is no such live feed.
pub async fn revoke(
    c: &mut AnyConnection,
    scope: &TeamScope,
    id: i64,
    at: i64,
) -> Result<bool, StoreError> {
    let done = sqlx::query(
        "UPDATE calendar_feeds SET revoked_at = $1 \
         WHERE team_id = $2 AND id = $3 AND revoked_at IS NULL",
    )
    .bind(at)
    .bind(scope.team().0)
    .bind(id)
    .execute(c)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// The team of the live (not revoked) feed whose token hashes to `token_hash`.
pub async fn team_of_live(
    c: &mut AnyConnection,
    token_hash: &str,
) -> Result<Option<TeamId>, StoreError> {
    let team: Option<i64> = sqlx::query_scalar(
        "SELECT team_id FROM calendar_feeds WHERE token_hash = $1 AND revoked_at IS NULL",
    )
    .bind(token_hash)
    .fetch_optional(c)
    .await?;
    Ok(team.map(TeamId))
}

/// The team's trainings from `from` up to but not including `until`, oldest first: only the
/// topic and date are read, so that no trainer's or participant's name can reach a feed.
///
/// It takes the team's id, not a scope: a feed is read by whoever holds its secret link,
/// without an account for the access check to decide on, and the team comes from the live
/// feed ([`team_of_live`]); what it reads is what a feed may show to anyone.
pub async fn trainings_between(
    c: &mut AnyConnection,
    team: TeamId,
    from: Date,
    until: Date,
) -> Result<Vec<FeedTraining>, StoreError> {
    let rows: Vec<(i64, String, String)> = sqlx::query_as(
        "SELECT id, topic, held_on FROM trainings WHERE team_id = $1 AND held_on >= $2 \
         AND held_on < $3 ORDER BY held_on, id",
    )
    .bind(team.0)
    .bind(dates::iso(from))
    .bind(dates::iso(until))
    .fetch_all(c)
    .await?;
    rows.into_iter()
        .map(|(id, topic, held_on)| {
            Ok(FeedTraining {
                id,
                topic,
                held_on: dates::parse(&held_on)?,
            })
        })
        .collect()
}

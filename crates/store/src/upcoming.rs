//! What is coming up for a team: activities, trainings and meetings from a date on, in one
//! list (for the coordinator's dashboard).

use crate::StoreError;
use spona_domain::access::TeamScope;
use sqlx::AnyConnection;

/// One thing coming up: `activity`, `training` or `meeting`, its id, date and label.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct UpcomingRow {
    pub kind: String,
    pub id: i64,
    pub held_on: String,
    pub label: String,
}

/// The team's activities, trainings and meetings on or after `from` (ISO), soonest first.
pub async fn from(
    c: &mut AnyConnection,
    scope: &TeamScope,
    from: &str,
    limit: i64,
) -> Result<Vec<UpcomingRow>, StoreError> {
    // Each kind's first `limit` are taken from its (team, date) index before the three are
    // merged: merged first, every activity still to come of a large team was read and sorted.
    Ok(sqlx::query_as(
        "SELECT kind, id, held_on, label FROM ( \
         SELECT * FROM (SELECT 'activity' AS kind, id, held_on, title AS label FROM activities \
           WHERE team_id = $1 AND held_on >= $2 ORDER BY held_on, id LIMIT $3) a \
         UNION ALL SELECT * FROM (SELECT 'training' AS kind, id, held_on, topic AS label \
           FROM trainings WHERE team_id = $1 AND held_on >= $2 ORDER BY held_on, id LIMIT $3) t \
         UNION ALL SELECT * FROM (SELECT 'meeting' AS kind, id, held_on, agenda AS label \
           FROM meetings WHERE team_id = $1 AND held_on >= $2 ORDER BY held_on, id LIMIT $3) m \
         ) upcoming ORDER BY held_on, kind, id LIMIT $3",
    )
    .bind(scope.team().0)
    .bind(from)
    .bind(limit)
    .fetch_all(c)
    .await?)
}

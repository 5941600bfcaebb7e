//! The guidelines library: documents with versions, and who read which version.

use crate::{StoreError, Tx};
use spona_domain::access::TeamScope;
use spona_domain::ids::UserId;
use sqlx::AnyConnection;

/// A guideline with its current version's text.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct GuidelineRow {
    pub id: i64,
    pub kind: String,
    pub title: String,
    pub addressed: String,
    pub language: String,
    pub in_force_from: String,
    pub in_force_to: Option<String>,
    pub current_version: i64,
    pub body: String,
}

/// A new guideline and its first version.
pub struct NewGuideline<'a> {
    pub team: &'a TeamScope,
    pub kind: &'a str,
    pub title: &'a str,
    pub addressed: &'a str,
    pub language: &'a str,
    pub in_force_from: &'a str,
    pub in_force_to: Option<&'a str>,
    pub body: &'a str,
    pub by: UserId,
    pub at: i64,
}

const SELECT: &str = "SELECT g.id, g.kind, g.title, g.addressed, g.language, g.in_force_from, \
     g.in_force_to, g.current_version, v.body FROM guidelines g \
     JOIN guideline_versions v ON v.guideline_id = g.id AND v.version_no = g.current_version";

/// Adds a guideline with its first version.
pub async fn insert(tx: &mut Tx, n: &NewGuideline<'_>) -> Result<i64, StoreError> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO guidelines (team_id, kind, title, addressed, language, in_force_from, \
         in_force_to, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
    )
    .bind(n.team.team().0)
    .bind(n.kind)
    .bind(n.title)
    .bind(n.addressed)
    .bind(n.language)
    .bind(n.in_force_from)
    .bind(n.in_force_to)
    .bind(n.at)
    .fetch_one(&mut **tx)
    .await?;
    add_version(tx, id, 1, n.body, "", n.by, n.at).await?;
    Ok(id)
}

async fn add_version(
    tx: &mut Tx,
    id: i64,
    no: i64,
    body: &str,
    note: &str,
    by: UserId,
    at: i64,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO guideline_versions (guideline_id, version_no, body, note, created_by, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(id)
    .bind(no)
    .bind(body)
    .bind(note)
    .bind(by.0)
    .bind(at)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// A new version's text and who wrote it when.
pub struct Revision<'a> {
    pub body: &'a str,
    pub note: &'a str,
    pub by: UserId,
    pub at: i64,
}

/// A new version, if the current one is still `current` (another revision in between is a
/// conflict).
pub async fn revise(
    tx: &mut Tx,
    scope: &TeamScope,
    id: i64,
    current: i64,
    r: &Revision<'_>,
) -> Result<i64, StoreError> {
    let done = sqlx::query(
        "UPDATE guidelines SET current_version = current_version + 1 \
         WHERE team_id = $1 AND id = $2 AND current_version = $3",
    )
    .bind(scope.team().0)
    .bind(id)
    .bind(current)
    .execute(&mut **tx)
    .await?;
    StoreError::one_row(done.rows_affected())?;
    add_version(tx, id, current + 1, r.body, r.note, r.by, r.at).await?;
    Ok(current + 1)
}

/// The team's guidelines with their current text, by title.
pub async fn list(
    c: &mut AnyConnection,
    scope: &TeamScope,
) -> Result<Vec<GuidelineRow>, StoreError> {
    Ok(sqlx::query_as(&format!(
        "{SELECT} WHERE g.team_id = $1 ORDER BY g.title, g.id"
    ))
    .bind(scope.team().0)
    .fetch_all(c)
    .await?)
}

/// One guideline of the team.
pub async fn find(
    c: &mut AnyConnection,
    scope: &TeamScope,
    id: i64,
) -> Result<Option<GuidelineRow>, StoreError> {
    Ok(
        sqlx::query_as(&format!("{SELECT} WHERE g.team_id = $1 AND g.id = $2"))
            .bind(scope.team().0)
            .bind(id)
            .fetch_optional(c)
            .await?,
    )
}

/// The versions of a guideline: number, date, note; newest first.
pub async fn versions(
    c: &mut AnyConnection,
    id: i64,
) -> Result<Vec<(i64, i64, String)>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT version_no, created_at, note FROM guideline_versions WHERE guideline_id = $1 \
         ORDER BY version_no DESC",
    )
    .bind(id)
    .fetch_all(c)
    .await?)
}

/// Records that the user read a version (once).
pub async fn mark_read(
    tx: &mut Tx,
    id: i64,
    version: i64,
    user: UserId,
    at: i64,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO guideline_reads (guideline_id, version_no, user_id, read_at) \
         VALUES ($1, $2, $3, $4) ON CONFLICT (guideline_id, version_no, user_id) DO NOTHING",
    )
    .bind(id)
    .bind(version)
    .bind(user.0)
    .bind(at)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// The guidelines of the team whose current version the user has read.
pub async fn read_by(
    c: &mut AnyConnection,
    scope: &TeamScope,
    user: UserId,
) -> Result<Vec<i64>, StoreError> {
    Ok(sqlx::query_scalar(
        "SELECT g.id FROM guidelines g JOIN guideline_reads r ON r.guideline_id = g.id \
         AND r.version_no = g.current_version WHERE g.team_id = $1 AND r.user_id = $2",
    )
    .bind(scope.team().0)
    .bind(user.0)
    .fetch_all(c)
    .await?)
}

/// The team's active accounts with their institution's kind, and whether each read the
/// guideline's current version: (display name, institution kind, read).
pub async fn readers(
    c: &mut AnyConnection,
    scope: &TeamScope,
    id: i64,
) -> Result<Vec<(String, String, i64)>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT u.display_name, COALESCE(i.kind, ''), \
         CASE WHEN EXISTS (SELECT 1 FROM guideline_reads r JOIN guidelines g ON g.id = r.guideline_id \
           WHERE r.guideline_id = $2 AND r.version_no = g.current_version AND r.user_id = u.id) \
         THEN 1 ELSE 0 END \
         FROM users u LEFT JOIN institutions i ON i.id = u.institution_id \
         WHERE u.team_id = $1 AND u.active = 1 ORDER BY u.display_name",
    )
    .bind(scope.team().0)
    .bind(id)
    .fetch_all(c)
    .await?)
}

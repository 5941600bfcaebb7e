//! Files on a guideline's versions and on a team's founding decision, as stored: the clear
//! columns, and the name, data key and content, sealed or not (the app seals and opens them).

use crate::{StoreError, Tx};
use spona_domain::ids::{TeamId, UserId};
use sqlx::AnyConnection;

/// What a file is on: a guideline of the team, or the team's founding decision.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Holder {
    Guideline(i64),
    Founding,
}

impl Holder {
    fn guideline(self) -> Option<i64> {
        match self {
            Holder::Guideline(id) => Some(id),
            Holder::Founding => None,
        }
    }
}

/// A version's file without its content (for lists).
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct OfficialFileRow {
    pub id: i64,
    pub version_no: i64,
    pub kind: String,
    pub size: i64,
    /// 1 when the file holds personal data (and is sealed).
    pub personal: i64,
    /// The name as uploaded; empty when sealed.
    pub name: String,
    /// The wrapped data key; empty when not sealed.
    pub data_key: String,
    /// The sealed name; empty when not sealed.
    pub sealed_name: String,
    pub uploaded_by: String,
    pub uploaded_at: i64,
}

/// A new file's clear columns; name, key and content follow with [`store_content`].
pub struct NewOfficialFile<'a> {
    pub team: TeamId,
    pub holder: Holder,
    pub version_no: i64,
    pub kind: &'a str,
    pub size: i64,
    pub personal: bool,
    pub by: UserId,
    pub at: i64,
}

/// What is kept of a file besides its clear columns.
pub struct FileContent<'a> {
    pub name: &'a str,
    pub data_key: &'a str,
    pub sealed_name: &'a str,
    /// Base64 of the content, or of its sealed form.
    pub content: &'a str,
}

const SELECT: &str = "SELECT f.id, f.version_no, f.kind, f.size, f.personal, f.name, f.data_key, \
     f.sealed_name, COALESCE(u.display_name, '') AS uploaded_by, f.uploaded_at \
     FROM official_files f LEFT JOIN users u ON u.id = f.uploaded_by";

/// The number the next founding decision file of the team takes.
pub async fn next_founding_version(tx: &mut Tx, team: TeamId) -> Result<i64, StoreError> {
    Ok(sqlx::query_scalar(
        "SELECT COALESCE(MAX(version_no), 0) + 1 FROM official_files \
         WHERE team_id = $1 AND guideline_id IS NULL",
    )
    .bind(team.0)
    .fetch_one(&mut **tx)
    .await?)
}

/// Adds a file; a version number taken meanwhile by another upload is a conflict.
pub async fn insert(tx: &mut Tx, n: &NewOfficialFile<'_>) -> Result<i64, StoreError> {
    sqlx::query_scalar(
        "INSERT INTO official_files (team_id, guideline_id, version_no, kind, size, personal, \
         uploaded_by, uploaded_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
    )
    .bind(n.team.0)
    .bind(n.holder.guideline())
    .bind(n.version_no)
    .bind(n.kind)
    .bind(n.size)
    .bind(i64::from(n.personal))
    .bind(n.by.0)
    .bind(n.at)
    .fetch_one(&mut **tx)
    .await
    .map_err(|e| match StoreError::unique(e, "official file version") {
        StoreError::Duplicate(_) => StoreError::Conflict,
        other => other,
    })
}

/// Stores a file's name, key and content once its id (bound into what is sealed) is known.
pub async fn store_content(tx: &mut Tx, id: i64, c: &FileContent<'_>) -> Result<(), StoreError> {
    let done = sqlx::query(
        "UPDATE official_files SET name = $1, data_key = $2, sealed_name = $3, content = $4 \
         WHERE id = $5",
    )
    .bind(c.name)
    .bind(c.data_key)
    .bind(c.sealed_name)
    .bind(c.content)
    .bind(id)
    .execute(&mut **tx)
    .await?;
    StoreError::one_row(done.rows_affected())
}

/// Matches a holder by its guideline, 0 standing for the founding decision (guideline ids
/// are positive), so that both shapes bind alike.
const HOLDER: &str = "COALESCE(f.guideline_id, 0) = $2";

/// The files on a guideline or on the founding decision of the team, newest first.
pub async fn list(
    c: &mut AnyConnection,
    team: TeamId,
    holder: Holder,
) -> Result<Vec<OfficialFileRow>, StoreError> {
    Ok(sqlx::query_as(&format!(
        "{SELECT} WHERE f.team_id = $1 AND {HOLDER} ORDER BY f.version_no DESC"
    ))
    .bind(team.0)
    .bind(holder.guideline().unwrap_or(0))
    .fetch_all(c)
    .await?)
}

/// One version's file of the team, with its content.
pub async fn find(
    c: &mut AnyConnection,
    team: TeamId,
    holder: Holder,
    version_no: i64,
) -> Result<Option<(OfficialFileRow, String)>, StoreError> {
    let row: Option<OfficialFileRow> = sqlx::query_as(&format!(
        "{SELECT} WHERE f.team_id = $1 AND {HOLDER} AND f.version_no = $3"
    ))
    .bind(team.0)
    .bind(holder.guideline().unwrap_or(0))
    .bind(version_no)
    .fetch_optional(&mut *c)
    .await?;
    let Some(row) = row else {
        return Ok(None);
    };
    let content: String = sqlx::query_scalar("SELECT content FROM official_files WHERE id = $1")
        .bind(row.id)
        .fetch_one(c)
        .await?;
    Ok(Some((row, content)))
}

/// Every sealed file's wrapped data key, for a key rotation: (id, data key).
pub async fn sealed_keys(tx: &mut Tx) -> Result<Vec<(i64, String)>, StoreError> {
    Ok(
        sqlx::query_as("SELECT id, data_key FROM official_files WHERE data_key <> '' ORDER BY id")
            .fetch_all(&mut **tx)
            .await?,
    )
}

/// Replaces a sealed file's wrapped data key (wrapped anew under the next master key).
pub async fn rewrap(tx: &mut Tx, id: i64, data_key: &str) -> Result<(), StoreError> {
    let done = sqlx::query("UPDATE official_files SET data_key = $1 WHERE id = $2")
        .bind(data_key)
        .bind(id)
        .execute(&mut **tx)
        .await?;
    StoreError::one_row(done.rows_affected())
}

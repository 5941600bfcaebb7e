//! Files attached to a case, sealed (the app layer seals and opens them).

use crate::{StoreError, Tx};
use spona_domain::access::TeamCases;
use spona_domain::cases::{AttachmentId, CaseId};
use spona_domain::ids::{InstitutionId, UserId};
use sqlx::AnyConnection;

/// An attachment without its content (for lists).
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct AttachmentRow {
    #[sqlx(try_from = "i64")]
    pub id: AttachmentId,
    #[sqlx(try_from = "i64")]
    pub case_id: CaseId,
    pub part: String,
    pub institution_id: i64,
    pub uploaded_by: i64,
    pub uploaded_at: i64,
    pub size: i64,
    pub meta: String,
}

/// A new attachment's clear columns.
pub struct NewAttachment<'a> {
    pub team: TeamCases,
    pub case_id: CaseId,
    pub part: &'a str,
    pub institution: InstitutionId,
    pub by: UserId,
    pub at: i64,
    pub size: i64,
}

const COLUMNS: &str = "id, case_id, part, institution_id, uploaded_by, uploaded_at, size, meta";

/// Adds an attachment; its sealed meta and content follow with [`seal`], once the id is known.
pub async fn insert(tx: &mut Tx, n: &NewAttachment<'_>) -> Result<AttachmentId, StoreError> {
    Ok(AttachmentId(
        sqlx::query_scalar(
            "INSERT INTO case_attachments (team_id, case_id, part, institution_id, uploaded_by, \
         uploaded_at, size) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
        )
        .bind(n.team.team().0)
        .bind(n.case_id.0)
        .bind(n.part)
        .bind(n.institution.0)
        .bind(n.by.0)
        .bind(n.at)
        .bind(n.size)
        .fetch_one(&mut **tx)
        .await?,
    ))
}

/// Stores an attachment's sealed meta and content.
pub async fn seal(
    tx: &mut Tx,
    id: AttachmentId,
    meta: &str,
    content: &str,
) -> Result<(), StoreError> {
    let done = sqlx::query("UPDATE case_attachments SET meta = $1, content = $2 WHERE id = $3")
        .bind(meta)
        .bind(content)
        .bind(id.0)
        .execute(&mut **tx)
        .await?;
    StoreError::one_row(done.rows_affected())
}

/// The attachments of a case, newest first, without content.
pub async fn for_case(
    c: &mut AnyConnection,
    team: &TeamCases,
    case_id: CaseId,
) -> Result<Vec<AttachmentRow>, StoreError> {
    Ok(sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM case_attachments WHERE team_id = $1 AND case_id = $2 \
         ORDER BY uploaded_at DESC, id DESC"
    ))
    .bind(team.team().0)
    .bind(case_id.0)
    .fetch_all(c)
    .await?)
}

/// One attachment of the team, with its sealed content.
/// The case of an attachment, when that case was referred to the receiving institution (in
/// any team): how a receiver outside the case's team reaches a file of a part shared with it.
pub async fn case_of_received(
    c: &mut AnyConnection,
    receiving: &spona_domain::access::Receiving,
    id: AttachmentId,
) -> Result<Option<spona_domain::cases::CaseId>, StoreError> {
    let case: Option<i64> = sqlx::query_scalar(
        "SELECT a.case_id FROM case_attachments a WHERE a.id = $1 AND (EXISTS \
         (SELECT 1 FROM referrals r WHERE r.case_id = a.case_id AND r.to_institution_id = $2) \
         OR EXISTS (SELECT 1 FROM cases c WHERE c.id = a.case_id \
         AND (c.owner_institution_id = $2 OR c.former_owner_institution_id = $2)))",
    )
    .bind(id.0)
    .bind(receiving.institution().0)
    .fetch_optional(c)
    .await?;
    Ok(case.map(spona_domain::cases::CaseId))
}

pub async fn find(
    c: &mut AnyConnection,
    team: &TeamCases,
    id: AttachmentId,
) -> Result<Option<(AttachmentRow, String)>, StoreError> {
    let row: Option<AttachmentRow> = sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM case_attachments WHERE team_id = $1 AND id = $2"
    ))
    .bind(team.team().0)
    .bind(id.0)
    .fetch_optional(&mut *c)
    .await?;
    let Some(row) = row else {
        return Ok(None);
    };
    let content: String = sqlx::query_scalar("SELECT content FROM case_attachments WHERE id = $1")
        .bind(id.0)
        .fetch_one(c)
        .await?;
    Ok(Some((row, content)))
}

/// Removes an attachment (its ciphertext goes with it; the audit trail keeps that it was).
pub async fn remove(tx: &mut Tx, team: &TeamCases, id: AttachmentId) -> Result<(), StoreError> {
    let done = sqlx::query("DELETE FROM case_attachments WHERE team_id = $1 AND id = $2")
        .bind(team.team().0)
        .bind(id.0)
        .execute(&mut **tx)
        .await?;
    StoreError::one_row(done.rows_affected())
}

//! Services given to a person, notes on a case, the recovery period and follow-ups.

use crate::{StoreError, Tx};
use spona_domain::access::TeamCases;
use spona_domain::cases::{CaseId, NoteId, ServiceId, TaskId};
use spona_domain::ids::{InstitutionId, UserId};
use sqlx::AnyConnection;

/// A service as stored.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct ServiceRow {
    #[sqlx(try_from = "i64")]
    pub id: ServiceId,
    pub institution_id: i64,
    pub service_type: String,
    pub provider: String,
    pub starts_on: String,
    pub ends_on: Option<String>,
    pub status: String,
    pub version: i64,
}

/// The fields of a new service.
#[derive(Clone, Debug)]
pub struct NewService<'a> {
    pub team: TeamCases,
    pub case_id: CaseId,
    pub institution: InstitutionId,
    pub service_type: &'a str,
    pub provider: &'a str,
    pub starts_on: &'a str,
    pub ends_on: Option<&'a str>,
    pub status: &'a str,
    pub by: UserId,
    pub at: i64,
}

/// Adds a service.
pub async fn insert(tx: &mut Tx, n: &NewService<'_>) -> Result<ServiceId, StoreError> {
    Ok(ServiceId(sqlx::query_scalar(
        "INSERT INTO case_services (team_id, case_id, institution_id, service_type, provider, starts_on, \
         ends_on, status, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
    )
    .bind(n.team.team().0)
    .bind(n.case_id.0)
    .bind(n.institution.0)
    .bind(n.service_type)
    .bind(n.provider)
    .bind(n.starts_on)
    .bind(n.ends_on)
    .bind(n.status)
    .bind(n.by.0)
    .bind(n.at)
    .fetch_one(&mut **tx)
    .await?))
}

/// The services of a case, in order of start.
pub async fn for_case(
    c: &mut AnyConnection,
    team: &TeamCases,
    case_id: CaseId,
) -> Result<Vec<ServiceRow>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT id, institution_id, service_type, provider, starts_on, ends_on, status, version \
         FROM case_services WHERE team_id = $1 AND case_id = $2 ORDER BY starts_on, id",
    )
    .bind(team.team().0)
    .bind(case_id.0)
    .fetch_all(c)
    .await?)
}

/// Changes a service's status (and end date), if still at `version`.
pub async fn set_status(
    tx: &mut Tx,
    team: &TeamCases,
    case_id: CaseId,
    id: ServiceId,
    version: i64,
    status: &str,
    ends_on: Option<&str>,
) -> Result<(), StoreError> {
    let done = sqlx::query(
        "UPDATE case_services SET status = $1, ends_on = COALESCE($2, ends_on), version = version + 1 \
         WHERE team_id = $3 AND case_id = $4 AND id = $5 AND version = $6",
    )
    .bind(status)
    .bind(ends_on)
    .bind(team.team().0)
    .bind(case_id.0)
    .bind(id.0)
    .bind(version)
    .execute(&mut **tx)
    .await?;
    StoreError::one_row(done.rows_affected())
}

/// A note as stored (its text sealed).
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct NoteRow {
    #[sqlx(try_from = "i64")]
    pub id: NoteId,
    pub institution_id: i64,
    pub sealed: String,
    pub shared: i64,
    pub created_by: i64,
    pub created_at: i64,
}

/// The fields of a new note.
#[derive(Clone, Debug)]
pub struct NewNote<'a> {
    pub team: TeamCases,
    pub case_id: CaseId,
    pub institution: InstitutionId,
    pub sealed: &'a str,
    pub shared: bool,
    pub by: UserId,
    pub at: i64,
}

/// Adds a note.
pub async fn add_note(tx: &mut Tx, n: &NewNote<'_>) -> Result<NoteId, StoreError> {
    Ok(NoteId(sqlx::query_scalar(
        "INSERT INTO case_notes (team_id, case_id, institution_id, sealed, shared, created_by, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
    )
    .bind(n.team.team().0)
    .bind(n.case_id.0)
    .bind(n.institution.0)
    .bind(n.sealed)
    .bind(i64::from(n.shared))
    .bind(n.by.0)
    .bind(n.at)
    .fetch_one(&mut **tx)
    .await?))
}

/// The notes of a case a reader's institution may see: its own and the shared ones.
pub async fn notes_for(
    c: &mut AnyConnection,
    team: &TeamCases,
    case_id: CaseId,
    reader: InstitutionId,
) -> Result<Vec<NoteRow>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT id, institution_id, sealed, shared, created_by, created_at FROM case_notes \
         WHERE team_id = $1 AND case_id = $2 AND (institution_id = $3 OR shared = 1) \
         ORDER BY created_at DESC, id DESC",
    )
    .bind(team.team().0)
    .bind(case_id.0)
    .bind(reader.0)
    .fetch_all(c)
    .await?)
}

/// Sets the recovery and reflection period of a case.
pub async fn set_recovery(
    tx: &mut Tx,
    team: &TeamCases,
    case_id: CaseId,
    starts: &str,
    ends: &str,
) -> Result<(), StoreError> {
    sqlx::query(
        "UPDATE cases SET recovery_starts = $1, recovery_ends = $2, recovery_reminded = 0 \
         WHERE team_id = $3 AND id = $4",
    )
    .bind(starts)
    .bind(ends)
    .bind(team.team().0)
    .bind(case_id.0)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// The recovery period of a case, if set.
pub async fn recovery(
    c: &mut AnyConnection,
    team: &TeamCases,
    case_id: CaseId,
) -> Result<Option<(String, String)>, StoreError> {
    let row: Option<(Option<String>, Option<String>)> = sqlx::query_as(
        "SELECT recovery_starts, recovery_ends FROM cases WHERE team_id = $1 AND id = $2",
    )
    .bind(team.team().0)
    .bind(case_id.0)
    .fetch_optional(c)
    .await?;
    Ok(row.and_then(|(s, e)| Some((s?, e?))))
}

/// A recovery period ending soon whose owner was not yet reminded.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct Ending {
    #[sqlx(try_from = "i64")]
    pub id: CaseId,
    pub team_id: i64,
    pub owner_institution_id: i64,
}

/// Cases whose recovery period ends on or before `by` (ISO date) and were not reminded.
pub async fn recovery_ending(c: &mut AnyConnection, by: &str) -> Result<Vec<Ending>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT id, team_id, owner_institution_id FROM cases WHERE recovery_ends IS NOT NULL \
         AND recovery_ends <= $1 AND recovery_reminded = 0 AND state <> 'closed' ORDER BY id",
    )
    .bind(by)
    .fetch_all(c)
    .await?)
}

/// Marks a case's recovery reminder sent.
pub async fn mark_recovery_reminded(tx: &mut Tx, case_id: CaseId) -> Result<(), StoreError> {
    sqlx::query("UPDATE cases SET recovery_reminded = 1 WHERE id = $1")
        .bind(case_id.0)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// Adds a follow-up due on a date (a task with its sealed note).
pub async fn add_follow_up(
    tx: &mut Tx,
    team: &TeamCases,
    case_id: CaseId,
    institution: InstitutionId,
    due_on: &str,
    sealed: &str,
    at: i64,
) -> Result<TaskId, StoreError> {
    Ok(TaskId(sqlx::query_scalar(
        "INSERT INTO case_tasks (team_id, case_id, kind, institution_id, created_at, due_on, sealed) \
         VALUES ($1, $2, 'follow-up', $3, $4, $5, $6) RETURNING id",
    )
    .bind(team.team().0)
    .bind(case_id.0)
    .bind(institution.0)
    .bind(at)
    .bind(due_on)
    .bind(sealed)
    .fetch_one(&mut **tx)
    .await?))
}

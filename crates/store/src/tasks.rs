//! Tasks on a case that someone must do (record the temporary guardian, …).

use crate::{StoreError, Tx};
use spona_domain::access::TeamCases;
use spona_domain::cases::{CaseId, TaskId};
use spona_domain::ids::{InstitutionId, UserId};
use sqlx::AnyConnection;

/// A task as stored.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct TaskRow {
    #[sqlx(try_from = "i64")]
    pub id: TaskId,
    #[sqlx(try_from = "i64")]
    pub case_id: CaseId,
    pub kind: String,
    pub institution_id: i64,
    pub created_at: i64,
    pub done_at: Option<i64>,
    pub due_on: Option<String>,
    pub sealed: String,
}

/// Opens a task for an institution.
pub async fn insert(
    tx: &mut Tx,
    team: &TeamCases,
    case_id: CaseId,
    kind: &str,
    institution: InstitutionId,
    now: i64,
) -> Result<TaskId, StoreError> {
    Ok(TaskId(
        sqlx::query_scalar(
            "INSERT INTO case_tasks (team_id, case_id, kind, institution_id, created_at) \
         VALUES ($1, $2, $3, $4, $5) RETURNING id",
        )
        .bind(team.team().0)
        .bind(case_id.0)
        .bind(kind)
        .bind(institution.0)
        .bind(now)
        .fetch_one(&mut **tx)
        .await?,
    ))
}

/// The tasks of a case, open ones first.
pub async fn for_case(
    c: &mut AnyConnection,
    team: &TeamCases,
    case_id: CaseId,
) -> Result<Vec<TaskRow>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT id, case_id, kind, institution_id, created_at, done_at, due_on, sealed FROM case_tasks \
         WHERE team_id = $1 AND case_id = $2 ORDER BY CASE WHEN done_at IS NULL THEN 0 ELSE 1 END, id",
    )
    .bind(team.team().0)
    .bind(case_id.0)
    .fetch_all(c)
    .await?)
}

/// Marks a task done.
pub async fn complete(
    tx: &mut Tx,
    team: &TeamCases,
    id: TaskId,
    by: UserId,
    now: i64,
) -> Result<(), StoreError> {
    let done = sqlx::query(
        "UPDATE case_tasks SET done_at = $1, done_by = $2 WHERE team_id = $3 AND id = $4 AND done_at IS NULL",
    )
    .bind(now)
    .bind(by.0)
    .bind(team.team().0)
    .bind(id.0)
    .execute(&mut **tx)
    .await?;
    StoreError::one_row(done.rows_affected())
}

//! Coordinators assigned to cases.

use crate::{StoreError, Tx};
use spona_domain::access::TeamCases;
use spona_domain::cases::CaseId;
use spona_domain::ids::UserId;
use sqlx::AnyConnection;

/// Assigns a user to a case (once; assigning again changes nothing).
pub async fn assign(
    tx: &mut Tx,
    team: &TeamCases,
    case_id: CaseId,
    user: UserId,
    by: UserId,
    at: i64,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO case_assignments (team_id, case_id, user_id, assigned_by, assigned_at) \
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (case_id, user_id) DO NOTHING",
    )
    .bind(team.team().0)
    .bind(case_id.0)
    .bind(user.0)
    .bind(by.0)
    .bind(at)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Ends an assignment.
pub async fn unassign(
    tx: &mut Tx,
    team: &TeamCases,
    case_id: CaseId,
    user: UserId,
) -> Result<(), StoreError> {
    sqlx::query(
        "DELETE FROM case_assignments WHERE team_id = $1 AND case_id = $2 AND user_id = $3",
    )
    .bind(team.team().0)
    .bind(case_id.0)
    .bind(user.0)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Whether the user is assigned to the case.
pub async fn is_assigned(
    c: &mut AnyConnection,
    case_id: CaseId,
    user: UserId,
) -> Result<bool, StoreError> {
    let n: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM case_assignments WHERE case_id = $1 AND user_id = $2",
    )
    .bind(case_id.0)
    .bind(user.0)
    .fetch_one(c)
    .await?;
    Ok(n > 0)
}

/// The users assigned to a case, with their display names.
pub async fn for_case(
    c: &mut AnyConnection,
    team: &TeamCases,
    case_id: CaseId,
) -> Result<Vec<(i64, String)>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT u.id, u.display_name FROM case_assignments a JOIN users u ON u.id = a.user_id \
         WHERE a.team_id = $1 AND a.case_id = $2 ORDER BY u.display_name",
    )
    .bind(team.team().0)
    .bind(case_id.0)
    .fetch_all(c)
    .await?)
}

//! Possible duplicates: pairs of cases whose blind person index matched, and their review by
//! the institution that already held the person (the owner of the pair's held case).

use crate::{StoreError, Tx};
use spona_domain::access::TeamCases;
use spona_domain::cases::{CaseId, DuplicateId};
use spona_domain::ids::{InstitutionId, UserId};
use sqlx::AnyConnection;

/// A pair as its reviewers see it: the ids and owners of both cases, never their content.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct DuplicateRow {
    #[sqlx(try_from = "i64")]
    pub id: DuplicateId,
    #[sqlx(try_from = "i64")]
    pub case_id: CaseId,
    pub case_owner: i64,
    pub case_year: i64,
    pub case_seq: i64,
    #[sqlx(try_from = "i64")]
    pub other_case_id: CaseId,
    pub other_owner: i64,
    pub other_year: i64,
    pub other_seq: i64,
    /// The case that was there before the match (one of the two); its owner reviews.
    #[sqlx(try_from = "i64")]
    pub held_case_id: CaseId,
    pub found_at: i64,
    pub outcome: String,
    pub version: i64,
}

const SELECT: &str = "SELECT d.id, d.case_id, a.owner_institution_id AS case_owner, \
     a.year AS case_year, a.seq AS case_seq, d.other_case_id, b.owner_institution_id AS other_owner, \
     b.year AS other_year, b.seq AS other_seq, COALESCE(d.held_case_id, d.case_id) AS held_case_id, \
     d.found_at, d.outcome, d.version \
     FROM possible_duplicates d JOIN cases a ON a.id = d.case_id JOIN cases b ON b.id = d.other_case_id";

/// Records that the case just reported or edited (`new`) may be about the person of `held`,
/// unless the pair is already known (pending or reviewed). True when it is new.
pub async fn raise(
    tx: &mut Tx,
    team: &TeamCases,
    new: CaseId,
    held: CaseId,
    now: i64,
) -> Result<bool, StoreError> {
    let (low, high) = if new < held { (new, held) } else { (held, new) };
    let done = sqlx::query(
        "INSERT INTO possible_duplicates (team_id, case_id, other_case_id, held_case_id, found_at) \
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (case_id, other_case_id) DO NOTHING",
    )
    .bind(team.team().0)
    .bind(low.0)
    .bind(high.0)
    .bind(held.0)
    .bind(now)
    .execute(&mut **tx)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// The pending pairs whose held case the institution owns (only they review).
pub async fn pending_for(
    c: &mut AnyConnection,
    team: &TeamCases,
    institution: InstitutionId,
) -> Result<Vec<DuplicateRow>, StoreError> {
    Ok(sqlx::query_as(&format!(
        "{SELECT} JOIN cases h ON h.id = COALESCE(d.held_case_id, d.case_id) \
         WHERE d.team_id = $1 AND d.outcome = 'pending' AND h.owner_institution_id = $2 \
         ORDER BY d.found_at, d.id"
    ))
    .bind(team.team().0)
    .bind(institution.0)
    .fetch_all(c)
    .await?)
}

/// How many pairs of the team wait for review, per reviewing institution (id, count): the
/// coordinator's overview, which names no case.
pub async fn pending_counts(
    c: &mut AnyConnection,
    team: &TeamCases,
) -> Result<Vec<(i64, i64)>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT h.owner_institution_id, COUNT(*) FROM possible_duplicates d \
         JOIN cases h ON h.id = COALESCE(d.held_case_id, d.case_id) \
         WHERE d.team_id = $1 AND d.outcome = 'pending' \
         GROUP BY h.owner_institution_id ORDER BY h.owner_institution_id",
    )
    .bind(team.team().0)
    .fetch_all(c)
    .await?)
}

/// One pair of the team.
pub async fn find(
    c: &mut AnyConnection,
    team: &TeamCases,
    id: DuplicateId,
) -> Result<Option<DuplicateRow>, StoreError> {
    Ok(
        sqlx::query_as(&format!("{SELECT} WHERE d.team_id = $1 AND d.id = $2"))
            .bind(team.team().0)
            .bind(id.0)
            .fetch_optional(c)
            .await?,
    )
}

/// Records the review of a pending pair, if still at `version`.
pub async fn review(
    tx: &mut Tx,
    id: DuplicateId,
    version: i64,
    outcome: &str,
    reason: &str,
    by: UserId,
    at: i64,
) -> Result<(), StoreError> {
    let done = sqlx::query(
        "UPDATE possible_duplicates SET outcome = $1, reason = $2, reviewed_by = $3, reviewed_at = $4, \
         version = version + 1 WHERE id = $5 AND version = $6 AND outcome = 'pending'",
    )
    .bind(outcome)
    .bind(reason)
    .bind(by.0)
    .bind(at)
    .bind(id.0)
    .bind(version)
    .execute(&mut **tx)
    .await?;
    StoreError::one_row(done.rows_affected())
}

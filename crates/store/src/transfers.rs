//! Offers to transfer a case's ownership: to whom, why (sealed), and the answer.

use crate::{StoreError, Tx};
use spona_domain::access::{Receiving, TeamCases};
use spona_domain::cases::{CaseId, TransferId};
use spona_domain::ids::{InstitutionId, UserId};
use sqlx::AnyConnection;

/// An offer of transfer as stored, with both institutions' short names and what names the
/// case (its code's parts, the child flag) and opens the reason (the case's wrapped key).
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct TransferRow {
    #[sqlx(try_from = "i64")]
    pub id: TransferId,
    pub team_id: i64,
    #[sqlx(try_from = "i64")]
    pub case_id: CaseId,
    pub from_institution_id: i64,
    pub from_short: String,
    pub to_institution_id: i64,
    pub to_short: String,
    /// The reason, sealed under the case's key.
    pub reason: String,
    pub status: String,
    pub former_reads: i64,
    pub offered_at: i64,
    pub answered_at: Option<i64>,
    pub decline_reason: String,
    pub version: i64,
    pub case_data_key: String,
    pub case_year: i64,
    pub case_seq: i64,
    pub case_child: i64,
    pub case_city: String,
}

const SELECT: &str =
    "SELECT t.id, t.team_id, t.case_id, t.from_institution_id, f.short_name AS from_short, \
     t.to_institution_id, r.short_name AS to_short, t.reason, t.status, t.former_reads, \
     t.offered_at, t.answered_at, t.decline_reason, t.version, c.data_key AS case_data_key, \
     c.year AS case_year, c.seq AS case_seq, c.may_be_child AS case_child, tm.city AS case_city \
     FROM case_transfers t JOIN institutions f ON f.id = t.from_institution_id \
     JOIN institutions r ON r.id = t.to_institution_id JOIN cases c ON c.id = t.case_id \
     JOIN teams tm ON tm.id = t.team_id";

/// The fields of a new offer.
#[derive(Clone, Copy, Debug)]
pub struct NewTransfer {
    pub team: TeamCases,
    pub case_id: CaseId,
    pub from: InstitutionId,
    pub to: InstitutionId,
    pub by: UserId,
    pub at: i64,
}

/// Offers the case (status "offered"); its reason follows with [`seal_reason`], once the id
/// it is bound to is known. A case with an offer waiting is refused as a duplicate.
pub async fn insert(tx: &mut Tx, n: &NewTransfer) -> Result<TransferId, StoreError> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO case_transfers (team_id, case_id, from_institution_id, to_institution_id, \
         status, offered_by, offered_at) VALUES ($1, $2, $3, $4, 'offered', $5, $6) RETURNING id",
    )
    .bind(n.team.team().0)
    .bind(n.case_id.0)
    .bind(n.from.0)
    .bind(n.to.0)
    .bind(n.by.0)
    .bind(n.at)
    .fetch_one(&mut **tx)
    .await
    .map_err(|e| StoreError::unique(e, "transfer"))?;
    Ok(TransferId(id))
}

/// Stores an offer's sealed reason.
pub async fn seal_reason(
    tx: &mut Tx,
    team: &TeamCases,
    id: TransferId,
    sealed: &str,
) -> Result<(), StoreError> {
    let done = sqlx::query("UPDATE case_transfers SET reason = $1 WHERE team_id = $2 AND id = $3")
        .bind(sealed)
        .bind(team.team().0)
        .bind(id.0)
        .execute(&mut **tx)
        .await?;
    StoreError::one_row(done.rows_affected())
}

/// The case's offers, newest first.
pub async fn for_case(
    c: &mut AnyConnection,
    team: &TeamCases,
    case_id: CaseId,
) -> Result<Vec<TransferRow>, StoreError> {
    Ok(sqlx::query_as(&format!(
        "{SELECT} WHERE t.team_id = $1 AND t.case_id = $2 ORDER BY t.offered_at DESC, t.id DESC"
    ))
    .bind(team.team().0)
    .bind(case_id.0)
    .fetch_all(c)
    .await?)
}

/// An offer of the team's.
pub async fn find(
    c: &mut AnyConnection,
    team: &TeamCases,
    id: TransferId,
) -> Result<Option<TransferRow>, StoreError> {
    Ok(
        sqlx::query_as(&format!("{SELECT} WHERE t.team_id = $1 AND t.id = $2"))
            .bind(team.team().0)
            .bind(id.0)
            .fetch_optional(c)
            .await?,
    )
}

/// An offer made to the receiving institution, of any team.
pub async fn find_offered_to(
    c: &mut AnyConnection,
    receiving: &Receiving,
    id: TransferId,
) -> Result<Option<TransferRow>, StoreError> {
    Ok(sqlx::query_as(&format!(
        "{SELECT} WHERE t.to_institution_id = $1 AND t.id = $2"
    ))
    .bind(receiving.institution().0)
    .bind(id.0)
    .fetch_optional(c)
    .await?)
}

/// The offers waiting for the receiving institution's answer, children's first, oldest first.
pub async fn waiting_for(
    c: &mut AnyConnection,
    receiving: &Receiving,
    limit: i64,
) -> Result<Vec<TransferRow>, StoreError> {
    Ok(sqlx::query_as(&format!(
        "{SELECT} WHERE t.to_institution_id = $1 AND t.status = 'offered' \
         ORDER BY c.may_be_child DESC, t.offered_at, t.id LIMIT $2"
    ))
    .bind(receiving.institution().0)
    .bind(limit.max(1))
    .fetch_all(c)
    .await?)
}

/// An answer to an offer.
#[derive(Clone, Copy, Debug)]
pub struct TransferAnswer<'a> {
    pub status: &'a str,
    pub former_reads: bool,
    pub reason: &'a str,
    pub by: UserId,
    pub at: i64,
}

/// Records an answer, if the offer is still at `version`.
pub async fn answer(
    tx: &mut Tx,
    team: &TeamCases,
    id: TransferId,
    version: i64,
    a: &TransferAnswer<'_>,
) -> Result<(), StoreError> {
    let done = sqlx::query(
        "UPDATE case_transfers SET status = $1, former_reads = $2, decline_reason = $3, \
         answered_by = $4, answered_at = $5, version = version + 1 \
         WHERE team_id = $6 AND id = $7 AND version = $8",
    )
    .bind(a.status)
    .bind(i64::from(a.former_reads))
    .bind(a.reason)
    .bind(a.by.0)
    .bind(a.at)
    .bind(team.team().0)
    .bind(id.0)
    .bind(version)
    .execute(&mut **tx)
    .await?;
    StoreError::one_row(done.rows_affected())
}

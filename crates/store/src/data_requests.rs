//! Requests of a person about their data in a case: the kind, when it came in and by when it
//! is to be answered, the legal basis (sealed), and the outcome with its reason (sealed).

use crate::{StoreError, Tx};
use spona_domain::access::{Receiving, TeamCases};
use spona_domain::cases::{CaseId, DataRequestId};
use spona_domain::ids::UserId;
use sqlx::AnyConnection;

/// A request as stored, with what names its case (the code's parts, the child flag) and opens
/// its sealed texts (the case's wrapped key, empty once the case's personal data is gone).
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct DataRequestRow {
    #[sqlx(try_from = "i64")]
    pub id: DataRequestId,
    pub team_id: i64,
    #[sqlx(try_from = "i64")]
    pub case_id: CaseId,
    pub kind: String,
    pub received_on: String,
    pub due_on: String,
    /// The legal basis, sealed under the case's key.
    pub legal_basis: String,
    pub recorded_at: i64,
    pub outcome: Option<String>,
    /// The outcome's reason, sealed under the case's key.
    pub reason: String,
    pub decided_on: Option<String>,
    pub version: i64,
    pub case_data_key: String,
    pub case_year: i64,
    pub case_seq: i64,
    pub case_child: i64,
    pub case_city: String,
}

const COLUMNS: &str =
    "SELECT r.id, r.team_id, r.case_id, r.kind, r.received_on, r.due_on, r.legal_basis, \
     r.recorded_at, r.outcome, r.reason, r.decided_on, r.version, c.data_key AS case_data_key, \
     c.year AS case_year, c.seq AS case_seq, c.may_be_child AS case_child, tm.city AS case_city";

const JOINED: &str =
    "FROM data_requests r JOIN cases c ON c.id = r.case_id JOIN teams tm ON tm.id = r.team_id";

/// The fields of a new request; its legal basis follows with [`seal_basis`], once the id it
/// is bound to is known.
#[derive(Clone, Copy, Debug)]
pub struct NewDataRequest<'a> {
    pub team: TeamCases,
    pub case_id: CaseId,
    pub kind: &'a str,
    pub received_on: &'a str,
    pub due_on: &'a str,
    pub by: UserId,
    pub at: i64,
}

/// Records a request, open.
pub async fn insert(tx: &mut Tx, n: &NewDataRequest<'_>) -> Result<DataRequestId, StoreError> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO data_requests (team_id, case_id, kind, received_on, due_on, recorded_by, \
         recorded_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
    )
    .bind(n.team.team().0)
    .bind(n.case_id.0)
    .bind(n.kind)
    .bind(n.received_on)
    .bind(n.due_on)
    .bind(n.by.0)
    .bind(n.at)
    .fetch_one(&mut **tx)
    .await?;
    Ok(DataRequestId(id))
}

/// Stores a request's sealed legal basis.
pub async fn seal_basis(
    tx: &mut Tx,
    team: &TeamCases,
    id: DataRequestId,
    sealed: &str,
) -> Result<(), StoreError> {
    let done =
        sqlx::query("UPDATE data_requests SET legal_basis = $1 WHERE team_id = $2 AND id = $3")
            .bind(sealed)
            .bind(team.team().0)
            .bind(id.0)
            .execute(&mut **tx)
            .await?;
    StoreError::one_row(done.rows_affected())
}

/// The outcome of a request as decided.
#[derive(Clone, Copy, Debug)]
pub struct Decision<'a> {
    pub outcome: &'a str,
    /// The reason, sealed under the case's key.
    pub sealed_reason: &'a str,
    pub decided_on: &'a str,
    pub by: UserId,
    pub at: i64,
}

/// Records the outcome of an open request at `version`; a request already decided, or
/// changed since, is a conflict.
pub async fn decide(
    tx: &mut Tx,
    team: &TeamCases,
    id: DataRequestId,
    version: i64,
    d: &Decision<'_>,
) -> Result<(), StoreError> {
    let done = sqlx::query(
        "UPDATE data_requests SET outcome = $1, reason = $2, decided_on = $3, decided_by = $4, \
         decided_at = $5, version = version + 1 \
         WHERE team_id = $6 AND id = $7 AND version = $8 AND outcome IS NULL",
    )
    .bind(d.outcome)
    .bind(d.sealed_reason)
    .bind(d.decided_on)
    .bind(d.by.0)
    .bind(d.at)
    .bind(team.team().0)
    .bind(id.0)
    .bind(version)
    .execute(&mut **tx)
    .await?;
    if done.rows_affected() == 1 {
        Ok(())
    } else {
        Err(StoreError::Conflict)
    }
}

/// The case's requests, newest first.
pub async fn for_case(
    c: &mut AnyConnection,
    team: &TeamCases,
    case_id: CaseId,
) -> Result<Vec<DataRequestRow>, StoreError> {
    Ok(sqlx::query_as(&format!(
        "{COLUMNS} {JOINED} WHERE r.team_id = $1 AND r.case_id = $2 \
         ORDER BY r.received_on DESC, r.id DESC"
    ))
    .bind(team.team().0)
    .bind(case_id.0)
    .fetch_all(c)
    .await?)
}

/// One request of the case.
pub async fn find(
    c: &mut AnyConnection,
    team: &TeamCases,
    case_id: CaseId,
    id: DataRequestId,
) -> Result<Option<DataRequestRow>, StoreError> {
    Ok(sqlx::query_as(&format!(
        "{COLUMNS} {JOINED} WHERE r.team_id = $1 AND r.case_id = $2 AND r.id = $3"
    ))
    .bind(team.team().0)
    .bind(case_id.0)
    .bind(id.0)
    .fetch_optional(c)
    .await?)
}

/// Every dashboard of a case owner asks this. The cross join keeps SQLite walking the few
/// open requests (`data_requests_open`) and looking their cases up, rather than walking
/// all of the institution's cases (tens of thousands) and looking for a request of each:
/// with no statistics on an empty `data_requests`, it chose the latter.
const OPEN_FOR_OWNER: &str = "FROM data_requests r CROSS JOIN cases c \
     JOIN teams tm ON tm.id = r.team_id WHERE c.id = r.case_id \
     AND c.owner_institution_id = $1 AND r.outcome IS NULL AND c.shredded_at IS NULL \
     ORDER BY r.due_on, c.may_be_child DESC, r.id LIMIT $2";

/// The open requests about the cases the institution owns (of any team), earliest deadline
/// first, children's first on the same day.
pub async fn open_for_owner(
    c: &mut AnyConnection,
    owner: &Receiving,
    limit: i64,
) -> Result<Vec<DataRequestRow>, StoreError> {
    Ok(sqlx::query_as(&format!("{COLUMNS} {OPEN_FOR_OWNER}"))
        .bind(owner.institution().0)
        .bind(limit.max(1))
        .fetch_all(c)
        .await?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn the_open_requests_of_an_owner_are_walked_from_the_requests() {
        let (db, _dir) = crate::query_plans::fresh_sqlite().await;
        let shown = crate::query_plans::plan(&db, &format!("{COLUMNS} {OPEN_FOR_OWNER}")).await;
        assert!(
            shown.starts_with("SCAN r USING INDEX data_requests_open"),
            "{shown}"
        );
        // What it was: every case of the owner, each looked for a request.
        let before = crate::query_plans::plan(
            &db,
            &format!(
                "{COLUMNS} {JOINED} WHERE c.owner_institution_id = $1 AND r.outcome IS NULL \
                 AND c.shredded_at IS NULL ORDER BY r.due_on, c.may_be_child DESC, r.id LIMIT $2"
            ),
        )
        .await;
        assert!(
            before.starts_with("SEARCH c USING INDEX cases_by_owner"),
            "{before}"
        );
        db.close().await;
    }
}

//! Referrals of a case to an institution: what is shared, by when an answer is due, the answer.

use crate::{StoreError, Tx};
use spona_domain::access::{Receiving, TeamCases};
use spona_domain::cases::{CaseId, ReferralId};
use spona_domain::ids::{InstitutionId, UserId};
use sqlx::AnyConnection;

/// A referral as stored, with the short names of both institutions.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct ReferralRow {
    #[sqlx(try_from = "i64")]
    pub id: ReferralId,
    pub team_id: i64,
    #[sqlx(try_from = "i64")]
    pub case_id: CaseId,
    pub from_institution_id: i64,
    pub from_short: String,
    pub to_institution_id: i64,
    pub to_short: String,
    /// The kind of the receiving institution (the Centre decides on identification).
    pub to_kind: String,
    /// The purpose as plain text: only in rows written by releases before purposes were
    /// sealed, until the start-up step seals it (see [`plain_purposes`]).
    pub purpose: String,
    /// The purpose sealed under the case's key (the app opens it for those it is shared with).
    pub sealed_purpose: String,
    /// The case's wrapped data key, which opens the purpose.
    pub case_data_key: String,
    pub shared_parts: String,
    pub urgency: String,
    pub status: String,
    pub protocol: i64,
    pub sent_at: i64,
    pub deadline_at: i64,
    pub answered_at: Option<i64>,
    pub decline_reason: String,
    pub version: i64,
    pub case_year: i64,
    pub case_seq: i64,
    /// Whether the case is (or may be) a child's; a person without legal capacity is not
    /// marked a child (the protocol that protects them has its own name).
    pub case_child: i64,
    /// The city of the case's team (its code's prefix).
    pub case_city: String,
    /// The Centre's decision on a referral for formal identification (empty until taken).
    pub decision: String,
    /// The day the decision was taken (ISO date).
    pub decided_on: Option<String>,
    /// The consent the referral relies on (none under the child protocol, or when it went
    /// without one for a written reason).
    pub consent_id: Option<i64>,
}

/// The fields of a new referral.
#[derive(Clone, Debug)]
pub struct NewReferral<'a> {
    pub team: TeamCases,
    pub case_id: CaseId,
    pub from: InstitutionId,
    pub to: InstitutionId,
    pub shared_parts: &'a str,
    pub urgency: &'a str,
    pub protocol: bool,
    pub sent_by: UserId,
    pub sent_at: i64,
    pub deadline_at: i64,
}

const SELECT: &str =
    "SELECT r.id, r.team_id, r.case_id, r.from_institution_id, f.short_name AS from_short, \
     r.to_institution_id, t.short_name AS to_short, t.kind AS to_kind, r.purpose, r.sealed_purpose, \
     c.data_key AS case_data_key, r.shared_parts, r.urgency, r.status, \
     r.protocol, r.sent_at, r.deadline_at, r.answered_at, r.decline_reason, r.version, \
     c.year AS case_year, c.seq AS case_seq, c.may_be_child AS case_child, \
     tm.city AS case_city, r.decision, r.decided_on, r.consent_id \
     FROM referrals r JOIN institutions f ON f.id = r.from_institution_id \
     JOIN institutions t ON t.id = r.to_institution_id JOIN cases c ON c.id = r.case_id \
     JOIN teams tm ON tm.id = c.team_id";

/// Sends a referral (status "sent"); its purpose follows with [`seal_purpose`], once its id
/// (which the sealing binds) is known.
pub async fn insert(tx: &mut Tx, n: &NewReferral<'_>) -> Result<ReferralId, StoreError> {
    let id = ReferralId(sqlx::query_scalar(
        "INSERT INTO referrals (team_id, case_id, from_institution_id, to_institution_id, purpose, \
         shared_parts, urgency, status, protocol, sent_by, sent_at, deadline_at) \
         VALUES ($1, $2, $3, $4, '', $5, $6, 'sent', $7, $8, $9, $10) RETURNING id",
    )
    .bind(n.team.team().0)
    .bind(n.case_id.0)
    .bind(n.from.0)
    .bind(n.to.0)
    .bind(n.shared_parts)
    .bind(n.urgency)
    .bind(i64::from(n.protocol))
    .bind(n.sent_by.0)
    .bind(n.sent_at)
    .bind(n.deadline_at)
    .fetch_one(&mut **tx)
    .await?);
    crate::listing::refresh(tx, n.case_id).await?;
    Ok(id)
}

/// Stores a referral's sealed purpose.
pub async fn seal_purpose(
    tx: &mut Tx,
    team: &TeamCases,
    id: ReferralId,
    sealed: &str,
) -> Result<(), StoreError> {
    let done = sqlx::query(
        "UPDATE referrals SET sealed_purpose = $1, purpose = '' WHERE team_id = $2 AND id = $3",
    )
    .bind(sealed)
    .bind(team.team().0)
    .bind(id.0)
    .execute(&mut **tx)
    .await?;
    StoreError::one_row(done.rows_affected())
}

/// A purpose still in plain text, written by an earlier release.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct PlainPurpose {
    #[sqlx(try_from = "i64")]
    pub id: ReferralId,
    pub team_id: i64,
    #[sqlx(try_from = "i64")]
    pub case_id: CaseId,
    pub purpose: String,
    pub case_data_key: String,
}

/// Up to `limit` referrals, of any team, whose purpose is still plain text (the start-up
/// upgrade's own reading: server work, not a team's, so it takes no scope).
pub async fn plain_purposes(
    c: &mut AnyConnection,
    limit: i64,
) -> Result<Vec<PlainPurpose>, StoreError> {
    Ok(sqlx::query_as(PLAIN_PURPOSES)
        .bind(limit)
        .fetch_all(c)
        .await?)
}

/// Run at every start: through the partial index `referrals_plain_purpose`, which holds
/// only such referrals, not through all of them.
const PLAIN_PURPOSES: &str = "SELECT r.id, r.team_id, r.case_id, r.purpose, \
     c.data_key AS case_data_key FROM referrals r JOIN cases c ON c.id = r.case_id \
     WHERE r.purpose <> '' ORDER BY r.id LIMIT $1";

/// Replaces a plain purpose by its sealed form, if it is still the plain text read; whether
/// it was (an instance starting at the same moment may have done it first).
pub async fn replace_plain_purpose(
    tx: &mut Tx,
    id: ReferralId,
    plain: &str,
    sealed: &str,
) -> Result<bool, StoreError> {
    let done = sqlx::query(
        "UPDATE referrals SET sealed_purpose = $1, purpose = '' WHERE id = $2 AND purpose = $3",
    )
    .bind(sealed)
    .bind(id.0)
    .bind(plain)
    .execute(&mut **tx)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// The referrals of a case, newest first.
pub async fn for_case(
    c: &mut AnyConnection,
    team: &TeamCases,
    case_id: CaseId,
) -> Result<Vec<ReferralRow>, StoreError> {
    Ok(sqlx::query_as(&format!("{SELECT} {OF_CASE}"))
        .bind(team.team().0)
        .bind(case_id.0)
        .fetch_all(c)
        .await?)
}

/// A case's referrals (a handful), found by the case. The unary plus keeps SQLite from
/// reaching them through the team's index instead: without fresh statistics (a new or fast
/// growing deployment) it took that index for its order and read every referral of the
/// team on each view of a case.
const OF_CASE: &str = "WHERE +r.team_id = $1 AND r.case_id = $2 ORDER BY r.sent_at DESC, r.id DESC";

/// The referrals an institution received, from its own team or any other, those awaiting an
/// answer first, the child protocol's first among them, then by deadline (the order of
/// `referrals_inbox_order`).
pub async fn for_receiver(
    c: &mut AnyConnection,
    receiving: &Receiving,
    limit: i64,
) -> Result<Vec<ReferralRow>, StoreError> {
    Ok(sqlx::query_as(&format!(
        "{SELECT} WHERE r.to_institution_id = $1 ORDER BY {INBOX_ORDER} LIMIT $2"
    ))
    .bind(receiving.institution().0)
    .bind(limit)
    .fetch_all(c)
    .await?)
}

/// One referral sent to the receiving institution, whatever team its case belongs to.
pub async fn find_received(
    c: &mut AnyConnection,
    receiving: &Receiving,
    id: ReferralId,
) -> Result<Option<ReferralRow>, StoreError> {
    Ok(sqlx::query_as(&format!(
        "{SELECT} WHERE r.to_institution_id = $1 AND r.id = $2"
    ))
    .bind(receiving.institution().0)
    .bind(id.0)
    .fetch_optional(c)
    .await?)
}

/// The referrals of one case sent to the receiving institution, whatever team the case
/// belongs to: what opens another team's case to it, as far as they share.
pub async fn received_about(
    c: &mut AnyConnection,
    receiving: &Receiving,
    case_id: CaseId,
) -> Result<Vec<ReferralRow>, StoreError> {
    Ok(sqlx::query_as(&format!(
        "{SELECT} WHERE r.to_institution_id = $1 AND r.case_id = $2"
    ))
    .bind(receiving.institution().0)
    .bind(case_id.0)
    .fetch_all(c)
    .await?)
}

/// Records the Centre's decision on a referral for formal identification.
pub async fn record_decision(
    tx: &mut Tx,
    team: &TeamCases,
    id: ReferralId,
    decision: &str,
    decided_on: &str,
) -> Result<(), StoreError> {
    let done = sqlx::query(
        "UPDATE referrals SET decision = $1, decided_on = $2 WHERE team_id = $3 AND id = $4",
    )
    .bind(decision)
    .bind(decided_on)
    .bind(team.team().0)
    .bind(id.0)
    .execute(&mut **tx)
    .await?;
    StoreError::one_row(done.rows_affected())
}

const INBOX_ORDER: &str =
    "(CASE WHEN r.status = 'sent' THEN 0 ELSE 1 END), r.protocol DESC, r.deadline_at, r.id";

/// The referrals to the receiving institution about the given cases, of any team (one query
/// for a page of cases).
pub async fn to_institution_about(
    c: &mut AnyConnection,
    receiving: &Receiving,
    case_ids: &[CaseId],
) -> Result<Vec<ReferralRow>, StoreError> {
    if case_ids.is_empty() {
        return Ok(Vec::new());
    }
    // Placeholders $2, $3, … for the ids: written once, valid on both engines.
    let list: Vec<String> = (0..case_ids.len()).map(|i| format!("${}", i + 2)).collect();
    let sql = format!(
        "{SELECT} WHERE r.to_institution_id = $1 AND r.case_id IN ({})",
        list.join(", ")
    );
    let mut query = sqlx::query_as(&sql).bind(receiving.institution().0);
    for id in case_ids {
        query = query.bind(id.0);
    }
    Ok(query.fetch_all(c).await?)
}

/// One referral of the team.
pub async fn find(
    c: &mut AnyConnection,
    team: &TeamCases,
    id: ReferralId,
) -> Result<Option<ReferralRow>, StoreError> {
    Ok(
        sqlx::query_as(&format!("{SELECT} WHERE r.team_id = $1 AND r.id = $2"))
            .bind(team.team().0)
            .bind(id.0)
            .fetch_optional(c)
            .await?,
    )
}

/// An answer to a referral.
#[derive(Clone, Copy, Debug)]
pub struct Answer<'a> {
    pub status: &'a str,
    pub reason: &'a str,
    pub by: UserId,
    pub at: i64,
}

/// Records an answer, if the referral is still at `version`.
pub async fn answer(
    tx: &mut Tx,
    team: &TeamCases,
    id: ReferralId,
    version: i64,
    a: &Answer<'_>,
) -> Result<(), StoreError> {
    let done = sqlx::query(
        "UPDATE referrals SET status = $1, decline_reason = $2, answered_by = $3, answered_at = $4, \
         version = version + 1 WHERE team_id = $5 AND id = $6 AND version = $7",
    )
    .bind(a.status)
    .bind(a.reason)
    .bind(a.by.0)
    .bind(a.at)
    .bind(team.team().0)
    .bind(id.0)
    .bind(version)
    .execute(&mut **tx)
    .await?;
    StoreError::one_row(done.rows_affected())?;
    // A declined referral takes the case out of the receiver's list.
    let case_id: i64 = sqlx::query_scalar("SELECT case_id FROM referrals WHERE id = $1")
        .bind(id.0)
        .fetch_one(&mut **tx)
        .await?;
    crate::listing::refresh(tx, CaseId(case_id)).await
}

/// The team's referrals waiting for an answer, counted per receiving institution: (institution,
/// urgent ones, ones past their deadline at `now`). Counts only: no case, code or person.
pub async fn waiting_by_receiver(
    c: &mut AnyConnection,
    team: &TeamCases,
    now: i64,
) -> Result<Vec<(i64, i64, i64)>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT to_institution_id, \
         SUM(CASE WHEN urgency = 'urgent' THEN 1 ELSE 0 END), \
         SUM(CASE WHEN deadline_at < $2 THEN 1 ELSE 0 END) \
         FROM referrals WHERE team_id = $1 AND status = 'sent' \
         GROUP BY to_institution_id ORDER BY to_institution_id",
    )
    .bind(team.team().0)
    .bind(now)
    .fetch_all(c)
    .await?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query_plans::{fresh_sqlite, plan};

    #[tokio::test]
    async fn a_cases_referrals_and_plain_purposes_are_found_by_their_indexes() {
        let (db, _dir) = fresh_sqlite().await;
        let shown = plan(&db, &format!("{SELECT} {OF_CASE}")).await;
        assert!(shown.contains("referrals_by_case"), "{shown}");
        // What it was: the team's index, for its order.
        let before = plan(
            &db,
            &format!(
                "{SELECT} WHERE r.team_id = $1 AND r.case_id = $2 \
                 ORDER BY r.sent_at DESC, r.id DESC"
            ),
        )
        .await;
        assert!(before.contains("referrals_by_sent"), "{before}");
        // The start's search for purposes still in plain text reads only those.
        let start = plan(&db, PLAIN_PURPOSES).await;
        assert!(start.contains("referrals_plain_purpose"), "{start}");
        db.close().await;
    }
}

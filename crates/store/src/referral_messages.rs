//! Messages on a referral between its two sides: questions, answers and the Centre's summary
//! of its protection and assistance plan. The text is sealed (opaque here).

use crate::{StoreError, Tx};
use spona_domain::access::TeamCases;
use spona_domain::cases::{CaseId, ReferralId};
use spona_domain::ids::{InstitutionId, UserId};
use sqlx::AnyConnection;

/// A message as stored, with the writing institution's short name.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct MessageRow {
    pub id: i64,
    #[sqlx(try_from = "i64")]
    pub referral_id: ReferralId,
    pub kind: String,
    pub from_institution_id: i64,
    pub from_short: String,
    /// Sealed under the case's key.
    pub text: String,
    pub written_at: i64,
}

/// The fields of a new message; its text follows with [`seal_text`], once the id it is
/// bound to is known.
#[derive(Clone, Copy, Debug)]
pub struct NewMessage<'a> {
    pub team: TeamCases,
    pub referral: ReferralId,
    pub case_id: CaseId,
    pub kind: &'a str,
    pub from: InstitutionId,
    pub by: UserId,
    pub at: i64,
}

/// Adds a message; its id.
pub async fn insert(tx: &mut Tx, n: &NewMessage<'_>) -> Result<i64, StoreError> {
    Ok(sqlx::query_scalar(
        "INSERT INTO referral_messages (team_id, referral_id, case_id, kind, from_institution_id, \
         written_by, written_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
    )
    .bind(n.team.team().0)
    .bind(n.referral.0)
    .bind(n.case_id.0)
    .bind(n.kind)
    .bind(n.from.0)
    .bind(n.by.0)
    .bind(n.at)
    .fetch_one(&mut **tx)
    .await?)
}

/// Stores a message's sealed text.
pub async fn seal_text(
    tx: &mut Tx,
    team: &TeamCases,
    id: i64,
    sealed: &str,
) -> Result<(), StoreError> {
    let done = sqlx::query("UPDATE referral_messages SET text = $1 WHERE team_id = $2 AND id = $3")
        .bind(sealed)
        .bind(team.team().0)
        .bind(id)
        .execute(&mut **tx)
        .await?;
    StoreError::one_row(done.rows_affected())
}

/// The messages on the case's referrals, oldest first.
pub async fn for_case(
    c: &mut AnyConnection,
    team: &TeamCases,
    case_id: CaseId,
) -> Result<Vec<MessageRow>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT m.id, m.referral_id, m.kind, m.from_institution_id, i.short_name AS from_short, \
         m.text, m.written_at FROM referral_messages m \
         JOIN institutions i ON i.id = m.from_institution_id \
         WHERE m.team_id = $1 AND m.case_id = $2 ORDER BY m.written_at, m.id",
    )
    .bind(team.team().0)
    .bind(case_id.0)
    .fetch_all(c)
    .await?)
}

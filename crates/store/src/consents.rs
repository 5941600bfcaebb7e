//! Guardians and consents of a case (sealed details are opaque here).

use crate::{StoreError, Tx};
use spona_domain::access::TeamCases;
use spona_domain::cases::{CaseId, ConsentId, GuardianId, ReferralId};
use spona_domain::ids::UserId;
use sqlx::AnyConnection;

/// A recorded guardian.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct GuardianRow {
    #[sqlx(try_from = "i64")]
    pub id: GuardianId,
    #[sqlx(try_from = "i64")]
    pub case_id: CaseId,
    pub sealed: String,
    pub appointed_on: String,
    pub recorded_at: i64,
}

/// A recorded consent.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct ConsentRow {
    #[sqlx(try_from = "i64")]
    pub id: ConsentId,
    #[sqlx(try_from = "i64")]
    pub case_id: CaseId,
    pub given_by: String,
    pub sealed: String,
    pub parts: String,
    pub institutions: String,
    pub given_on: String,
    pub recorded_at: i64,
    pub withdrawn_at: Option<i64>,
}

/// Records a guardian.
pub async fn insert_guardian(
    tx: &mut Tx,
    team: &TeamCases,
    case_id: CaseId,
    sealed: &str,
    appointed_on: &str,
    by: UserId,
    now: i64,
) -> Result<GuardianId, StoreError> {
    Ok(GuardianId(sqlx::query_scalar(
        "INSERT INTO case_guardians (team_id, case_id, sealed, appointed_on, recorded_by, recorded_at) \
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
    )
    .bind(team.team().0)
    .bind(case_id.0)
    .bind(sealed)
    .bind(appointed_on)
    .bind(by.0)
    .bind(now)
    .fetch_one(&mut **tx)
    .await?))
}

/// The guardians of a case, newest first.
pub async fn guardians(
    c: &mut AnyConnection,
    team: &TeamCases,
    case_id: CaseId,
) -> Result<Vec<GuardianRow>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT id, case_id, sealed, appointed_on, recorded_at FROM case_guardians \
         WHERE team_id = $1 AND case_id = $2 ORDER BY recorded_at DESC, id DESC",
    )
    .bind(team.team().0)
    .bind(case_id.0)
    .fetch_all(c)
    .await?)
}

/// The fields of a new consent.
#[derive(Clone, Debug)]
pub struct NewConsent<'a> {
    pub team: TeamCases,
    pub case_id: CaseId,
    pub given_by: &'a str,
    pub sealed: &'a str,
    pub parts: &'a str,
    pub institutions: &'a str,
    pub given_on: &'a str,
    pub by: UserId,
    pub at: i64,
}

/// Records a consent.
pub async fn insert_consent(tx: &mut Tx, n: &NewConsent<'_>) -> Result<ConsentId, StoreError> {
    Ok(ConsentId(sqlx::query_scalar(
        "INSERT INTO case_consents (team_id, case_id, given_by, sealed, parts, institutions, given_on, \
         recorded_by, recorded_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
    )
    .bind(n.team.team().0)
    .bind(n.case_id.0)
    .bind(n.given_by)
    .bind(n.sealed)
    .bind(n.parts)
    .bind(n.institutions)
    .bind(n.given_on)
    .bind(n.by.0)
    .bind(n.at)
    .fetch_one(&mut **tx)
    .await?))
}

/// The consents of a case, newest first (withdrawn ones included, for the record).
pub async fn consents(
    c: &mut AnyConnection,
    team: &TeamCases,
    case_id: CaseId,
) -> Result<Vec<ConsentRow>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT id, case_id, given_by, sealed, parts, institutions, given_on, recorded_at, withdrawn_at \
         FROM case_consents WHERE team_id = $1 AND case_id = $2 ORDER BY recorded_at DESC, id DESC",
    )
    .bind(team.team().0)
    .bind(case_id.0)
    .fetch_all(c)
    .await?)
}

/// Withdraws a consent (once).
pub async fn withdraw(
    tx: &mut Tx,
    team: &TeamCases,
    id: ConsentId,
    by: UserId,
    now: i64,
) -> Result<(), StoreError> {
    let done = sqlx::query(
        "UPDATE case_consents SET withdrawn_at = $1, withdrawn_by = $2 \
         WHERE team_id = $3 AND id = $4 AND withdrawn_at IS NULL",
    )
    .bind(now)
    .bind(by.0)
    .bind(team.team().0)
    .bind(id.0)
    .execute(&mut **tx)
    .await?;
    StoreError::one_row(done.rows_affected())
}

/// Links a referral to the consent it relies on, or records why it went without one.
pub async fn mark_referral(
    tx: &mut Tx,
    referral: ReferralId,
    consent: Option<ConsentId>,
    override_reason: &str,
) -> Result<(), StoreError> {
    sqlx::query("UPDATE referrals SET consent_id = $1, override_reason = $2 WHERE id = $3")
        .bind(consent.map(|c| c.0))
        .bind(override_reason)
        .bind(referral.0)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

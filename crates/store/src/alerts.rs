//! Emergency-access grants, in-app notifications and overdue referrals.

use crate::leases::{still_held, JobLease};
use crate::{StoreError, Tx};
use spona_domain::cases::{CaseId, ReferralId};
use spona_domain::ids::{InstitutionId, TeamId, UserId};
use sqlx::AnyConnection;

/// Grants an actor emergency access to a case until `expires_at`.
pub async fn grant(
    tx: &mut Tx,
    team: TeamId,
    case_id: CaseId,
    user: UserId,
    reason: &str,
    now: i64,
    expires_at: i64,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO break_glass (team_id, case_id, user_id, reason, granted_at, expires_at) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(team.0)
    .bind(case_id.0)
    .bind(user.0)
    .bind(reason)
    .bind(now)
    .bind(expires_at)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Whether the user holds a live emergency grant for the case.
pub async fn has_grant(
    c: &mut AnyConnection,
    case_id: CaseId,
    user: UserId,
    now: i64,
) -> Result<bool, StoreError> {
    let n: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM break_glass WHERE case_id = $1 AND user_id = $2 AND expires_at > $3",
    )
    .bind(case_id.0)
    .bind(user.0)
    .bind(now)
    .fetch_one(c)
    .await?;
    Ok(n > 0)
}

/// Whom a notification is for: an institution (all its case workers) or one user.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Recipient {
    Institution(InstitutionId),
    User(UserId),
}

/// Adds a notification.
pub async fn notify(
    tx: &mut Tx,
    team: TeamId,
    to: Recipient,
    kind: &str,
    case_id: Option<CaseId>,
    now: i64,
) -> Result<(), StoreError> {
    notify_about(tx, team, to, kind, case_id, None, now).await
}

/// Adds a notification that names an institution (the one to coordinate with).
pub async fn notify_about(
    tx: &mut Tx,
    team: TeamId,
    to: Recipient,
    kind: &str,
    case_id: Option<CaseId>,
    about: Option<InstitutionId>,
    now: i64,
) -> Result<(), StoreError> {
    let (institution, user) = match to {
        Recipient::Institution(i) => (Some(i.0), None),
        Recipient::User(u) => (None, Some(u.0)),
    };
    sqlx::query(
        "INSERT INTO notifications (team_id, institution_id, user_id, kind, case_id, \
         about_institution_id, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(team.0)
    .bind(institution)
    .bind(user)
    .bind(kind)
    .bind(case_id.map(|c| c.0))
    .bind(about.map(|i| i.0))
    .bind(now)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// A notification as stored.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct NotificationRow {
    pub id: i64,
    pub kind: String,
    pub case_id: Option<i64>,
    /// The institution the notification names, if any.
    pub about_institution_id: Option<i64>,
    pub created_at: i64,
    pub read_at: Option<i64>,
}

/// The newest notifications for a user or their institution.
pub async fn for_reader(
    c: &mut AnyConnection,
    team: TeamId,
    user: UserId,
    institution: Option<InstitutionId>,
    limit: i64,
) -> Result<Vec<NotificationRow>, StoreError> {
    // Two index ranges (the user's, the institution's), each already in order, merged.
    let order = "CASE WHEN read_at IS NULL THEN 0 ELSE 1 END, created_at DESC, id DESC";
    let arm = |who: &str| {
        format!(
            "SELECT * FROM (SELECT id, kind, case_id, about_institution_id, created_at, read_at \
             FROM notifications \
             WHERE team_id = $1 AND {who} ORDER BY {order} LIMIT $4)"
        )
    };
    Ok(sqlx::query_as(&format!(
        "SELECT id, kind, case_id, about_institution_id, created_at, read_at \
         FROM ({} a UNION {} b) u \
         ORDER BY {order} LIMIT $4",
        arm("user_id = $2"),
        arm("institution_id = $3")
    ))
    .bind(team.0)
    .bind(user.0)
    .bind(institution.map(|i| i.0).unwrap_or(0))
    .bind(limit)
    .fetch_all(c)
    .await?)
}

/// Marks the reader's notifications read.
pub async fn mark_read(
    tx: &mut Tx,
    team: TeamId,
    user: UserId,
    institution: Option<InstitutionId>,
    now: i64,
) -> Result<(), StoreError> {
    sqlx::query(
        "UPDATE notifications SET read_at = $1 WHERE team_id = $2 AND read_at IS NULL \
         AND (user_id = $3 OR institution_id = $4)",
    )
    .bind(now)
    .bind(team.0)
    .bind(user.0)
    .bind(institution.map(|i| i.0).unwrap_or(0))
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// An overdue referral that was not yet escalated.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct Overdue {
    #[sqlx(try_from = "i64")]
    pub id: ReferralId,
    pub team_id: i64,
    #[sqlx(try_from = "i64")]
    pub case_id: CaseId,
    /// The institution that has not answered, and its team (another team's or the national
    /// level's for a referral across teams).
    pub to_institution_id: i64,
    pub to_team_id: i64,
}

/// Referrals still unanswered past their deadline and not yet escalated (deployment-wide).
pub async fn overdue(
    c: &mut AnyConnection,
    now: i64,
    limit: i64,
) -> Result<Vec<Overdue>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT r.id, r.team_id, r.case_id, r.to_institution_id, i.team_id AS to_team_id \
         FROM referrals r JOIN institutions i ON i.id = r.to_institution_id \
         WHERE r.status = 'sent' AND r.deadline_at < $1 AND r.escalated_at IS NULL \
         ORDER BY r.deadline_at LIMIT $2",
    )
    .bind(now)
    .bind(limit)
    .fetch_all(c)
    .await?)
}

/// Marks a referral escalated (once), if the escalation job's lease is still held with its
/// fence: an instance that lost the lease escalates nothing.
pub async fn mark_escalated(
    tx: &mut Tx,
    lease: &JobLease,
    referral: ReferralId,
    now: i64,
) -> Result<bool, StoreError> {
    let done = sqlx::query(&format!(
        "UPDATE referrals SET escalated_at = $1 WHERE id = $2 AND escalated_at IS NULL AND {}",
        still_held(3)
    ))
    .bind(now)
    .bind(referral.0)
    .bind(&lease.job)
    .bind(&lease.holder)
    .bind(lease.fence)
    .bind(now)
    .execute(&mut **tx)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// How many of the reader's notifications (their own and their institution's) are unread,
/// counted up to `up_to` + 1.
pub async fn unread_for_reader(
    c: &mut AnyConnection,
    team: TeamId,
    user: UserId,
    institution: Option<InstitutionId>,
    up_to: i64,
) -> Result<i64, StoreError> {
    Ok(sqlx::query_scalar(
        "SELECT COUNT(*) FROM (SELECT 1 FROM notifications WHERE team_id = $1 \
         AND (user_id = $2 OR institution_id = $3) AND read_at IS NULL LIMIT $4) counted",
    )
    .bind(team.0)
    .bind(user.0)
    .bind(institution.map(|i| i.0).unwrap_or(0))
    .bind(up_to + 1)
    .fetch_one(c)
    .await?)
}

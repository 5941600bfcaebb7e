//! Team meetings with their attendance and action items, and the log of cooperation with
//! the National Coordinator.

use crate::{Page, StoreError, Tx};
use spona_domain::access::TeamScope;
use spona_domain::ids::{InstitutionId, UserId};
use sqlx::AnyConnection;

/// A meeting as stored.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct MeetingRow {
    pub id: i64,
    pub held_on: String,
    pub place: String,
    pub agenda: String,
    pub minutes: String,
    pub decisions: String,
    pub version: i64,
    /// How many institutions attended.
    pub present: i64,
}

/// A new meeting.
pub struct NewMeeting<'a> {
    pub team: &'a TeamScope,
    pub held_on: &'a str,
    pub place: &'a str,
    pub agenda: &'a str,
    pub by: UserId,
    pub at: i64,
}

const MEETING: &str = "SELECT m.id, m.held_on, m.place, m.agenda, m.minutes, m.decisions, m.version, \
     (SELECT COUNT(*) FROM meeting_attendance a WHERE a.meeting_id = m.id) AS present FROM meetings m";

/// Adds a meeting with the institutions present.
pub async fn insert(
    tx: &mut Tx,
    n: &NewMeeting<'_>,
    present: &[InstitutionId],
) -> Result<i64, StoreError> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO meetings (team_id, held_on, place, agenda, created_by, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
    )
    .bind(n.team.team().0)
    .bind(n.held_on)
    .bind(n.place)
    .bind(n.agenda)
    .bind(n.by.0)
    .bind(n.at)
    .fetch_one(&mut **tx)
    .await?;
    for institution in present {
        sqlx::query("INSERT INTO meeting_attendance (meeting_id, institution_id) VALUES ($1, $2)")
            .bind(id)
            .bind(institution.0)
            .execute(&mut **tx)
            .await?;
    }
    Ok(id)
}

/// A page of the team's meetings, the latest first.
pub async fn list(
    c: &mut AnyConnection,
    team: &TeamScope,
    limit: i64,
    offset: i64,
) -> Result<Page<MeetingRow>, StoreError> {
    let total: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM meetings WHERE team_id = $1")
        .bind(team.team().0)
        .fetch_one(&mut *c)
        .await?;
    let items = sqlx::query_as(&format!(
        "{MEETING} WHERE m.team_id = $1 ORDER BY m.held_on DESC, m.id DESC LIMIT $2 OFFSET $3"
    ))
    .bind(team.team().0)
    .bind(limit)
    .bind(offset.max(0))
    .fetch_all(c)
    .await?;
    Ok(Page { items, total })
}

/// One meeting of the team.
pub async fn find(
    c: &mut AnyConnection,
    team: &TeamScope,
    id: i64,
) -> Result<Option<MeetingRow>, StoreError> {
    Ok(
        sqlx::query_as(&format!("{MEETING} WHERE m.team_id = $1 AND m.id = $2"))
            .bind(team.team().0)
            .bind(id)
            .fetch_optional(c)
            .await?,
    )
}

/// The institutions present at a meeting.
pub async fn attendance(c: &mut AnyConnection, meeting: i64) -> Result<Vec<i64>, StoreError> {
    Ok(sqlx::query_scalar(
        "SELECT institution_id FROM meeting_attendance WHERE meeting_id = $1 ORDER BY institution_id",
    )
    .bind(meeting)
    .fetch_all(c)
    .await?)
}

/// Records the minutes and decisions, if the meeting is still at `version`.
pub async fn record_minutes(
    tx: &mut Tx,
    team: &TeamScope,
    id: i64,
    version: i64,
    minutes: &str,
    decisions: &str,
    at: i64,
) -> Result<(), StoreError> {
    let done = sqlx::query(
        "UPDATE meetings SET minutes = $1, decisions = $2, updated_at = $3, version = version + 1 \
         WHERE team_id = $4 AND id = $5 AND version = $6",
    )
    .bind(minutes)
    .bind(decisions)
    .bind(at)
    .bind(team.team().0)
    .bind(id)
    .bind(version)
    .execute(&mut **tx)
    .await?;
    StoreError::one_row(done.rows_affected())
}

/// An action item as stored, with its owner's short name.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct ActionRow {
    pub id: i64,
    pub meeting_id: i64,
    pub task: String,
    pub owner_institution_id: i64,
    pub owner_short: String,
    pub deadline: String,
    pub done_on: Option<String>,
    pub follow_up: String,
}

const ACTION: &str =
    "SELECT x.id, x.meeting_id, x.task, x.owner_institution_id, i.short_name AS owner_short, \
     x.deadline, x.done_on, x.follow_up FROM meeting_actions x \
     JOIN institutions i ON i.id = x.owner_institution_id";

/// Adds an action item to a meeting.
pub async fn add_action(
    tx: &mut Tx,
    team: &TeamScope,
    meeting: i64,
    task: &str,
    owner: InstitutionId,
    deadline: &str,
) -> Result<i64, StoreError> {
    Ok(sqlx::query_scalar(
        "INSERT INTO meeting_actions (team_id, meeting_id, task, owner_institution_id, deadline) \
         VALUES ($1, $2, $3, $4, $5) RETURNING id",
    )
    .bind(team.team().0)
    .bind(meeting)
    .bind(task)
    .bind(owner.0)
    .bind(deadline)
    .fetch_one(&mut **tx)
    .await?)
}

/// The action items of a meeting, by deadline.
pub async fn actions_of(
    c: &mut AnyConnection,
    team: &TeamScope,
    meeting: i64,
) -> Result<Vec<ActionRow>, StoreError> {
    Ok(sqlx::query_as(&format!(
        "{ACTION} WHERE x.team_id = $1 AND x.meeting_id = $2 ORDER BY x.deadline, x.id"
    ))
    .bind(team.team().0)
    .bind(meeting)
    .fetch_all(c)
    .await?)
}

/// The team's open action items whose deadline is before `today` (ISO), oldest first.
pub async fn overdue_actions(
    c: &mut AnyConnection,
    team: &TeamScope,
    today: &str,
    limit: i64,
) -> Result<Vec<ActionRow>, StoreError> {
    Ok(sqlx::query_as(&format!(
        "{ACTION} WHERE x.team_id = $1 AND x.done_on IS NULL AND x.deadline < $2 \
         ORDER BY x.deadline, x.id LIMIT $3"
    ))
    .bind(team.team().0)
    .bind(today)
    .bind(limit)
    .fetch_all(c)
    .await?)
}

/// Marks an open action item done with its follow-up.
pub async fn complete_action(
    tx: &mut Tx,
    team: &TeamScope,
    id: i64,
    done_on: &str,
    follow_up: &str,
) -> Result<i64, StoreError> {
    let meeting: Option<i64> = sqlx::query_scalar(
        "UPDATE meeting_actions SET done_on = $1, follow_up = $2 \
         WHERE team_id = $3 AND id = $4 AND done_on IS NULL RETURNING meeting_id",
    )
    .bind(done_on)
    .bind(follow_up)
    .bind(team.team().0)
    .bind(id)
    .fetch_optional(&mut **tx)
    .await?;
    meeting.ok_or(StoreError::Conflict)
}

/// An entry of the cooperation log.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct CooperationRow {
    pub id: i64,
    pub on_date: String,
    pub kind: String,
    pub subject: String,
    pub outcome: String,
    pub documents: String,
}

/// A new cooperation entry.
pub struct NewCooperation<'a> {
    pub team: &'a TeamScope,
    pub on_date: &'a str,
    pub kind: &'a str,
    pub subject: &'a str,
    pub outcome: &'a str,
    pub documents: &'a str,
    pub by: UserId,
    pub at: i64,
}

/// Adds an entry to the cooperation log.
pub async fn add_cooperation(tx: &mut Tx, n: &NewCooperation<'_>) -> Result<i64, StoreError> {
    Ok(sqlx::query_scalar(
        "INSERT INTO cooperation_entries (team_id, on_date, kind, subject, outcome, documents, \
         created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
    )
    .bind(n.team.team().0)
    .bind(n.on_date)
    .bind(n.kind)
    .bind(n.subject)
    .bind(n.outcome)
    .bind(n.documents)
    .bind(n.by.0)
    .bind(n.at)
    .fetch_one(&mut **tx)
    .await?)
}

/// A page of the cooperation log, the latest first.
pub async fn cooperation(
    c: &mut AnyConnection,
    team: &TeamScope,
    limit: i64,
    offset: i64,
) -> Result<Page<CooperationRow>, StoreError> {
    let total: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM cooperation_entries WHERE team_id = $1")
            .bind(team.team().0)
            .fetch_one(&mut *c)
            .await?;
    let items = sqlx::query_as(
        "SELECT id, on_date, kind, subject, outcome, documents FROM cooperation_entries \
         WHERE team_id = $1 ORDER BY on_date DESC, id DESC LIMIT $2 OFFSET $3",
    )
    .bind(team.team().0)
    .bind(limit)
    .bind(offset.max(0))
    .fetch_all(c)
    .await?;
    Ok(Page { items, total })
}

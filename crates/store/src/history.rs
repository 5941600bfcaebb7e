//! The history of changes to registry records (who changed what, when).

use crate::StoreError;
use spona_domain::ids::{TeamId, UserId};
use spona_domain::registry::ChangeKind;
use sqlx::AnyConnection;

/// Which kind of record a history entry is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Subject {
    Team,
    Institution,
    Member,
}

impl Subject {
    fn code(self) -> &'static str {
        match self {
            Subject::Team => "team",
            Subject::Institution => "institution",
            Subject::Member => "member",
        }
    }
}

/// One change, as shown in a record's history.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    pub change: ChangeKind,
    /// What changed, as `field: old → new` lines.
    pub details: String,
    pub actor: Option<String>,
    pub at: i64,
}

#[derive(sqlx::FromRow)]
struct ChangeRow {
    change: String,
    details: String,
    actor: Option<String>,
    at: i64,
}

/// A change about to be recorded.
#[derive(Clone, Copy, Debug)]
pub struct Entry<'a> {
    pub team: TeamId,
    pub subject: Subject,
    pub subject_id: i64,
    pub change: ChangeKind,
    pub details: &'a str,
    pub actor: Option<UserId>,
    pub at: i64,
}

/// Records a change in the same transaction as the change itself.
pub async fn record(c: &mut AnyConnection, e: &Entry<'_>) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO registry_history (team_id, subject, subject_id, change, details, actor_id, at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(e.team.0)
    .bind(e.subject.code())
    .bind(e.subject_id)
    .bind(e.change.code())
    .bind(e.details)
    .bind(e.actor.map(|a| a.0))
    .bind(e.at)
    .execute(c)
    .await?;
    Ok(())
}

/// The history of one record, newest first.
pub async fn list(
    c: &mut AnyConnection,
    team: TeamId,
    subject: Subject,
    subject_id: i64,
) -> Result<Vec<Change>, StoreError> {
    let rows: Vec<ChangeRow> = sqlx::query_as(
        "SELECT h.change, h.details, u.display_name AS actor, h.at FROM registry_history h \
         LEFT JOIN users u ON u.id = h.actor_id \
         WHERE h.team_id = $1 AND h.subject = $2 AND h.subject_id = $3 ORDER BY h.at DESC, h.id DESC",
    )
    .bind(team.0)
    .bind(subject.code())
    .bind(subject_id)
    .fetch_all(c)
    .await?;
    rows.into_iter()
        .map(|r| {
            Ok(Change {
                change: ChangeKind::from_code(&r.change)
                    .ok_or_else(|| StoreError::Corrupt(format!("change {:?}", r.change)))?,
                details: r.details,
                actor: r.actor,
                at: r.at,
            })
        })
        .collect()
}

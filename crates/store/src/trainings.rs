//! Trainings of officials, their attendance by institution, named participants, and the
//! staff numbers that coverage is measured against.

use crate::institutions::like_pattern;
use crate::{dates, Page, StoreError};
use spona_domain::access::TeamScope;
use spona_domain::ids::{InstitutionId, TeamId, UserId};
use spona_domain::script::fold;
use spona_domain::trainings::{Duration, NamedParticipant, Training, TrainingDraft, TrainingId};
use sqlx::AnyConnection;

#[derive(sqlx::FromRow)]
struct TrainingRow {
    id: i64,
    team_id: i64,
    topic: String,
    trainer: String,
    held_on: String,
    minutes: i64,
    score_before: Option<i64>,
    score_after: Option<i64>,
    plan_activity_id: Option<i64>,
    participants: i64,
}

impl TryFrom<TrainingRow> for Training {
    type Error = StoreError;
    fn try_from(r: TrainingRow) -> Result<Training, StoreError> {
        Ok(Training {
            id: TrainingId(r.id),
            team_id: TeamId(r.team_id),
            topic: r.topic,
            trainer: r.trainer,
            held_on: dates::parse(&r.held_on)?,
            duration: Duration::from_minutes(r.minutes),
            score_before: r.score_before,
            score_after: r.score_after,
            plan_activity_id: r.plan_activity_id,
            participants: r.participants,
        })
    }
}

const COLUMNS: &str = "t.id, t.team_id, t.topic, t.trainer, t.held_on, t.minutes, t.score_before, \
     t.score_after, t.plan_activity_id, \
     CAST(COALESCE((SELECT SUM(a.participants) FROM training_attendance a \
     WHERE a.training_id = t.id), 0) AS BIGINT) AS participants";

/// A named participant as stored.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct Participant {
    pub id: i64,
    pub institution_id: i64,
    pub name: String,
    pub score_before: Option<i64>,
    pub score_after: Option<i64>,
    /// The opaque id of the participant's certificate link.
    pub token: String,
}

/// Records a training (attendance and names are added with [`add_attendance`] and
/// [`add_participant`] in the same transaction).
pub async fn insert(
    c: &mut AnyConnection,
    scope: &TeamScope,
    d: &TrainingDraft,
    by: UserId,
    at: i64,
) -> Result<TrainingId, StoreError> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO trainings (team_id, topic, trainer, held_on, minutes, score_before, \
         score_after, plan_activity_id, search_key, recorded_by, recorded_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id",
    )
    .bind(scope.team().0)
    .bind(&d.topic)
    .bind(&d.trainer)
    .bind(dates::iso(d.held_on))
    .bind(d.duration.minutes())
    .bind(d.score_before)
    .bind(d.score_after)
    .bind(d.plan_activity_id)
    .bind(fold(&format!("{} {}", d.topic, d.trainer)))
    .bind(by.0)
    .bind(at)
    .fetch_one(c)
    .await?;
    Ok(TrainingId(id))
}

/// The day (ISO) and topic of each of the team's trainings (an import's keys).
pub async fn recorded_keys(
    c: &mut AnyConnection,
    scope: &TeamScope,
) -> Result<Vec<(String, String)>, StoreError> {
    Ok(
        sqlx::query_as("SELECT held_on, topic FROM trainings WHERE team_id = $1")
            .bind(scope.team().0)
            .fetch_all(c)
            .await?,
    )
}

/// How many attended from an institution.
pub async fn add_attendance(
    c: &mut AnyConnection,
    training: TrainingId,
    institution: InstitutionId,
    participants: i64,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO training_attendance (training_id, institution_id, participants) \
         VALUES ($1, $2, $3)",
    )
    .bind(training.0)
    .bind(institution.0)
    .bind(participants)
    .execute(c)
    .await?;
    Ok(())
}

/// A named participant, with the opaque id of their certificate.
pub async fn add_participant(
    c: &mut AnyConnection,
    training: TrainingId,
    institution: InstitutionId,
    p: &NamedParticipant,
    token: &str,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO training_participants (training_id, institution_id, name, score_before, \
         score_after, token) VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(training.0)
    .bind(institution.0)
    .bind(&p.name)
    .bind(p.score_before)
    .bind(p.score_after)
    .bind(token)
    .execute(c)
    .await?;
    Ok(())
}

/// A page of a team's trainings, newest first, optionally those whose topic or trainer
/// contains the text (any script, any case).
pub async fn list(
    c: &mut AnyConnection,
    scope: &TeamScope,
    query: &str,
    limit: i64,
    offset: i64,
) -> Result<Page<Training>, StoreError> {
    let pattern = like_pattern(query);
    let total: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM trainings WHERE team_id = $1 AND search_key LIKE $2 ESCAPE '\\'",
    )
    .bind(scope.team().0)
    .bind(&pattern)
    .fetch_one(&mut *c)
    .await?;
    let rows: Vec<TrainingRow> = sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM trainings t WHERE t.team_id = $1 AND t.search_key LIKE $2 \
         ESCAPE '\\' ORDER BY t.held_on DESC, t.id DESC LIMIT $3 OFFSET $4"
    ))
    .bind(scope.team().0)
    .bind(&pattern)
    .bind(limit.max(1))
    .bind(offset.max(0))
    .fetch_all(c)
    .await?;
    Ok(Page {
        items: rows
            .into_iter()
            .map(Training::try_from)
            .collect::<Result<_, _>>()?,
        total,
    })
}

/// One training of a team.
pub async fn find(
    c: &mut AnyConnection,
    scope: &TeamScope,
    id: TrainingId,
) -> Result<Option<Training>, StoreError> {
    let row: Option<TrainingRow> = sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM trainings t WHERE t.team_id = $1 AND t.id = $2"
    ))
    .bind(scope.team().0)
    .bind(id.0)
    .fetch_optional(c)
    .await?;
    row.map(Training::try_from).transpose()
}

/// How many attended a training from each institution.
pub async fn attendance(
    c: &mut AnyConnection,
    id: TrainingId,
) -> Result<Vec<(InstitutionId, i64)>, StoreError> {
    let rows: Vec<(i64, i64)> = sqlx::query_as(
        "SELECT institution_id, participants FROM training_attendance WHERE training_id = $1 \
         ORDER BY institution_id",
    )
    .bind(id.0)
    .fetch_all(c)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(i, n)| (InstitutionId(i), n))
        .collect())
}

const PARTICIPANT_COLUMNS: &str = "id, institution_id, name, score_before, score_after, token";

/// The named participants of a training, in the order entered.
pub async fn participants(
    c: &mut AnyConnection,
    id: TrainingId,
) -> Result<Vec<Participant>, StoreError> {
    Ok(sqlx::query_as(&format!(
        "SELECT {PARTICIPANT_COLUMNS} FROM training_participants WHERE training_id = $1 ORDER BY id"
    ))
    .bind(id.0)
    .fetch_all(c)
    .await?)
}

/// The named participant of a training with this certificate id.
pub async fn participant_by_token(
    c: &mut AnyConnection,
    id: TrainingId,
    token: &str,
) -> Result<Option<Participant>, StoreError> {
    Ok(sqlx::query_as(&format!(
        "SELECT {PARTICIPANT_COLUMNS} FROM training_participants \
         WHERE training_id = $1 AND token = $2"
    ))
    .bind(id.0)
    .bind(token)
    .fetch_optional(c)
    .await?)
}

/// The staff numbers a team's coordinator entered, by institution.
pub async fn staff(
    c: &mut AnyConnection,
    scope: &TeamScope,
) -> Result<Vec<(InstitutionId, i64)>, StoreError> {
    let rows: Vec<(i64, i64)> = sqlx::query_as(
        "SELECT institution_id, staff FROM training_staff WHERE team_id = $1 ORDER BY institution_id",
    )
    .bind(scope.team().0)
    .fetch_all(c)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(i, n)| (InstitutionId(i), n))
        .collect())
}

/// Sets (or, with `None`, forgets) an institution's staff number.
pub async fn set_staff(
    c: &mut AnyConnection,
    scope: &TeamScope,
    institution: InstitutionId,
    staff: Option<i64>,
    at: i64,
) -> Result<(), StoreError> {
    sqlx::query("DELETE FROM training_staff WHERE team_id = $1 AND institution_id = $2")
        .bind(scope.team().0)
        .bind(institution.0)
        .execute(&mut *c)
        .await?;
    if let Some(staff) = staff {
        sqlx::query(
            "INSERT INTO training_staff (team_id, institution_id, staff, updated_at) \
             VALUES ($1, $2, $3, $4)",
        )
        .bind(scope.team().0)
        .bind(institution.0)
        .bind(staff)
        .bind(at)
        .execute(c)
        .await?;
    }
    Ok(())
}

/// Participants of a team's trainings held in a year, by institution.
pub async fn trained_in_year(
    c: &mut AnyConnection,
    scope: &TeamScope,
    year: i32,
) -> Result<Vec<(InstitutionId, i64)>, StoreError> {
    let rows: Vec<(i64, i64)> = sqlx::query_as(
        "SELECT a.institution_id, CAST(SUM(a.participants) AS BIGINT) \
         FROM training_attendance a JOIN trainings t ON t.id = a.training_id \
         WHERE t.team_id = $1 AND t.held_on >= $2 AND t.held_on <= $3 \
         GROUP BY a.institution_id ORDER BY a.institution_id",
    )
    .bind(scope.team().0)
    .bind(format!("{year:04}-01-01"))
    .bind(format!("{year:04}-12-31"))
    .fetch_all(c)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(i, n)| (InstitutionId(i), n))
        .collect())
}

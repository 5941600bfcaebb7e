//! Counts of a team's coordination work over a period, for its periodic report and the
//! dashboards: activities and their reach, trainings and who attended, meetings, materials,
//! cooperation with the National Coordinator. Every query names the team and the days.
//! Sums are cast to BIGINT because PostgreSQL sums BIGINTs into NUMERIC.

use crate::StoreError;
use spona_domain::ids::TeamId;
use sqlx::AnyConnection;
use time::Date;

/// The days a report covers, as ISO text (dates are stored so, and sort so).
#[derive(Clone, Copy, Debug)]
pub struct Days {
    pub first: Date,
    pub last: Date,
}

impl Days {
    fn bounds(self) -> (String, String) {
        (crate::dates::iso(self.first), crate::dates::iso(self.last))
    }
}

/// Activities of one kind: how many and whom they reached.
#[derive(Clone, Debug, Default, PartialEq, Eq, sqlx::FromRow)]
pub struct ActivityCounts {
    pub kind: String,
    pub activities: i64,
    pub pupils: i64,
    pub teachers: i64,
    pub parents: i64,
    pub officials: i64,
    pub general_public: i64,
}

/// The team's activities in the period, by kind.
pub async fn activities_by_kind(
    c: &mut AnyConnection,
    team: TeamId,
    days: Days,
) -> Result<Vec<ActivityCounts>, StoreError> {
    let (first, last) = days.bounds();
    Ok(sqlx::query_as(
        "SELECT kind, COUNT(*) AS activities, \
         CAST(SUM(pupils) AS BIGINT) AS pupils, CAST(SUM(teachers) AS BIGINT) AS teachers, \
         CAST(SUM(parents) AS BIGINT) AS parents, CAST(SUM(officials) AS BIGINT) AS officials, \
         CAST(SUM(general_public) AS BIGINT) AS general_public \
         FROM activities WHERE team_id = $1 AND held_on >= $2 AND held_on <= $3 \
         GROUP BY kind ORDER BY kind",
    )
    .bind(team.0)
    .bind(first)
    .bind(last)
    .fetch_all(c)
    .await?)
}

/// One month's activities and reach (`month` is `YYYY-MM`).
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct MonthCounts {
    pub month: String,
    pub activities: i64,
    pub reach: i64,
}

/// The team's activities per month of the period (months without any are absent).
pub async fn activities_by_month(
    c: &mut AnyConnection,
    team: TeamId,
    days: Days,
) -> Result<Vec<MonthCounts>, StoreError> {
    let (first, last) = days.bounds();
    Ok(sqlx::query_as(
        "SELECT substr(held_on, 1, 7) AS month, COUNT(*) AS activities, \
         CAST(SUM(pupils + teachers + parents + officials + general_public) AS BIGINT) AS reach \
         FROM activities WHERE team_id = $1 AND held_on >= $2 AND held_on <= $3 \
         GROUP BY substr(held_on, 1, 7) ORDER BY month",
    )
    .bind(team.0)
    .bind(first)
    .bind(last)
    .fetch_all(c)
    .await?)
}

/// Trainings of the period in sum.
#[derive(Clone, Debug, Default, PartialEq, Eq, sqlx::FromRow)]
pub struct TrainingTotals {
    pub trainings: i64,
    pub minutes: i64,
}

/// How many trainings the team held in the period and how long they took.
pub async fn training_totals(
    c: &mut AnyConnection,
    team: TeamId,
    days: Days,
) -> Result<TrainingTotals, StoreError> {
    let (first, last) = days.bounds();
    Ok(sqlx::query_as(
        "SELECT COUNT(*) AS trainings, CAST(COALESCE(SUM(minutes), 0) AS BIGINT) AS minutes \
         FROM trainings WHERE team_id = $1 AND held_on >= $2 AND held_on <= $3",
    )
    .bind(team.0)
    .bind(first)
    .bind(last)
    .fetch_one(c)
    .await?)
}

/// Who attended the period's trainings, per institution, with its staff to be trained.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct TrainedBy {
    pub institution_id: i64,
    pub name_cyrl: String,
    pub name_latn: String,
    pub participants: i64,
    pub staff: Option<i64>,
}

/// Participants of the period's trainings by institution.
pub async fn trained_by_institution(
    c: &mut AnyConnection,
    team: TeamId,
    days: Days,
) -> Result<Vec<TrainedBy>, StoreError> {
    let (first, last) = days.bounds();
    Ok(sqlx::query_as(
        "SELECT i.id AS institution_id, i.name_cyrl, i.name_latn, \
         CAST(SUM(a.participants) AS BIGINT) AS participants, s.staff \
         FROM training_attendance a JOIN trainings t ON t.id = a.training_id \
         JOIN institutions i ON i.id = a.institution_id \
         LEFT JOIN training_staff s ON s.team_id = t.team_id AND s.institution_id = i.id \
         WHERE t.team_id = $1 AND t.held_on >= $2 AND t.held_on <= $3 \
         GROUP BY i.id, i.name_cyrl, i.name_latn, s.staff ORDER BY i.name_cyrl",
    )
    .bind(team.0)
    .bind(first)
    .bind(last)
    .fetch_all(c)
    .await?)
}

/// A meeting of the period with how many institutions attended.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct MeetingCount {
    pub held_on: String,
    pub institutions: i64,
    pub actions: i64,
}

/// The team's meetings in the period, by date.
pub async fn meetings(
    c: &mut AnyConnection,
    team: TeamId,
    days: Days,
) -> Result<Vec<MeetingCount>, StoreError> {
    let (first, last) = days.bounds();
    Ok(sqlx::query_as(
        "SELECT m.held_on, \
         (SELECT COUNT(*) FROM meeting_attendance a WHERE a.meeting_id = m.id) AS institutions, \
         (SELECT COUNT(*) FROM meeting_actions x WHERE x.meeting_id = m.id) AS actions \
         FROM meetings m WHERE m.team_id = $1 AND m.held_on >= $2 AND m.held_on <= $3 \
         ORDER BY m.held_on, m.id",
    )
    .bind(team.0)
    .bind(first)
    .bind(last)
    .fetch_all(c)
    .await?)
}

/// What of an item was produced and handed out in the period.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct MaterialFlow {
    pub name: String,
    pub donor: String,
    pub project: String,
    pub produced: i64,
    pub handed_out: i64,
}

/// The period's production and hand-outs of materials, by item.
pub async fn materials(
    c: &mut AnyConnection,
    team: TeamId,
    days: Days,
) -> Result<Vec<MaterialFlow>, StoreError> {
    let (first, last) = days.bounds();
    Ok(sqlx::query_as(
        "SELECT i.name, i.donor, i.project, \
         CAST(SUM(CASE WHEN m.direction = 'produced' THEN m.quantity ELSE 0 END) AS BIGINT) \
         AS produced, \
         CAST(SUM(CASE WHEN m.direction = 'handed-out' THEN m.quantity ELSE 0 END) AS BIGINT) \
         AS handed_out \
         FROM material_movements m JOIN material_items i ON i.id = m.item_id \
         WHERE m.team_id = $1 AND m.on_date >= $2 AND m.on_date <= $3 \
         GROUP BY i.id, i.name, i.donor, i.project ORDER BY i.name",
    )
    .bind(team.0)
    .bind(first)
    .bind(last)
    .fetch_all(c)
    .await?)
}

/// An entry of the log of cooperation with the National Coordinator.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct CooperationLine {
    pub on_date: String,
    pub kind: String,
    pub subject: String,
    pub outcome: String,
}

/// The period's cooperation with the National Coordinator, by date.
pub async fn cooperation(
    c: &mut AnyConnection,
    team: TeamId,
    days: Days,
) -> Result<Vec<CooperationLine>, StoreError> {
    let (first, last) = days.bounds();
    Ok(sqlx::query_as(
        "SELECT on_date, kind, subject, outcome FROM cooperation_entries \
         WHERE team_id = $1 AND on_date >= $2 AND on_date <= $3 ORDER BY on_date, id",
    )
    .bind(team.0)
    .bind(first)
    .bind(last)
    .fetch_all(c)
    .await?)
}

/// How many cases reported between two instants share one combination of categories (the
/// sealed parts are never read).
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct CaseCount {
    pub referral_source: String,
    pub sex: String,
    pub age_band: String,
    pub citizenship: String,
    pub exploitation: String,
    pub state: String,
    pub cases: i64,
}

/// A team's cases of a period (every team's, for the national exchange) counted by their
/// categories, in the database.
pub async fn cases_by_category(
    c: &mut AnyConnection,
    team: Option<TeamId>,
    from: i64,
    to: i64,
) -> Result<Vec<CaseCount>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT referral_source, sex, age_band, citizenship, exploitation, state, \
         COUNT(*) AS cases FROM cases \
         WHERE ($1 IS NULL OR team_id = $1) AND reported_at >= $2 AND reported_at < $3 \
         GROUP BY referral_source, sex, age_band, citizenship, exploitation, state \
         ORDER BY referral_source, sex, age_band, citizenship, exploitation, state",
    )
    .bind(team.map(|t| t.0))
    .bind(from)
    .bind(to)
    .fetch_all(c)
    .await?)
}

/// How many of the team's referrals of a period went to one institution with one outcome of
/// their deadline as of `now`: answered in time, late (answered late, or unanswered past
/// it), or unanswered with the deadline still running.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct ReferralCount {
    pub to_institution_id: i64,
    pub deadline: String,
    pub referrals: i64,
}

/// The team's referrals of a period counted by receiver and deadline, in the database.
pub async fn referrals_by_category(
    c: &mut AnyConnection,
    team: TeamId,
    from: i64,
    to: i64,
    now: i64,
) -> Result<Vec<ReferralCount>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT to_institution_id, deadline, COUNT(*) AS referrals FROM ( \
         SELECT to_institution_id, CASE \
           WHEN answered_at IS NOT NULL AND answered_at <= deadline_at THEN 'in-time' \
           WHEN answered_at IS NOT NULL OR deadline_at < $4 THEN 'late' \
           ELSE 'unanswered' END AS deadline \
         FROM referrals WHERE team_id = $1 AND sent_at >= $2 AND sent_at < $3) r \
         GROUP BY to_institution_id, deadline ORDER BY to_institution_id, deadline",
    )
    .bind(team.0)
    .bind(from)
    .bind(to)
    .bind(now)
    .fetch_all(c)
    .await?)
}

/// How many of the team's cases reported in a period had their first answer to a referral
/// after so many whole hours: (hours, cases), by hours.
pub async fn first_answer_hours(
    c: &mut AnyConnection,
    team: TeamId,
    from: i64,
    to: i64,
) -> Result<Vec<(i64, i64)>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT hours, COUNT(*) AS cases FROM ( \
         SELECT (MIN(r.answered_at) - k.reported_at) / 3600 AS hours \
         FROM cases k JOIN referrals r ON r.case_id = k.id \
         WHERE k.team_id = $1 AND k.reported_at >= $2 AND k.reported_at < $3 \
         AND r.answered_at IS NOT NULL GROUP BY k.id, k.reported_at) x \
         GROUP BY hours ORDER BY hours",
    )
    .bind(team.0)
    .bind(from)
    .bind(to)
    .fetch_all(c)
    .await?)
}

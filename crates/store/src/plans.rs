//! Coordination plans of a team: the plan, its objectives, its activities and the history of
//! its versions. Every query names the team or the plan, so one team never reads another's.

use crate::dates;
use crate::StoreError;
use spona_domain::access::TeamScope;
use spona_domain::ids::{InstitutionId, TeamId, UserId};
use spona_domain::plan::{
    Adoption, CoordinationPlan, PlanActivity, PlanActivityDraft, PlanDraft, PlanObjective,
    PlanStatus,
};
use sqlx::AnyConnection;
use time::Date;

#[derive(sqlx::FromRow)]
struct PlanRow {
    id: i64,
    team_id: i64,
    title: String,
    starts_on: String,
    ends_on: String,
    status: String,
    version: i64,
    meeting_on: Option<String>,
    decision: String,
}

impl TryFrom<PlanRow> for CoordinationPlan {
    type Error = StoreError;
    fn try_from(r: PlanRow) -> Result<CoordinationPlan, StoreError> {
        let adoption = match dates::parse_opt(r.meeting_on)? {
            Some(meeting_on) => Some(Adoption {
                meeting_on,
                decision: r.decision,
            }),
            None => None,
        };
        Ok(CoordinationPlan {
            id: r.id,
            team_id: TeamId(r.team_id),
            title: r.title,
            starts_on: dates::parse(&r.starts_on)?,
            ends_on: dates::parse(&r.ends_on)?,
            status: PlanStatus::from_code(&r.status)
                .ok_or_else(|| StoreError::Corrupt(format!("plan status {:?}", r.status)))?,
            version: r.version,
            adoption,
        })
    }
}

const PLAN_COLUMNS: &str =
    "id, team_id, title, starts_on, ends_on, status, version, meeting_on, decision";

/// Adds a draft plan to a team.
pub async fn insert(
    c: &mut AnyConnection,
    team: &TeamScope,
    d: &PlanDraft,
    now: i64,
) -> Result<i64, StoreError> {
    Ok(sqlx::query_scalar(
        "INSERT INTO coordination_plans (team_id, title, starts_on, ends_on, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $5) RETURNING id",
    )
    .bind(team.team().0)
    .bind(&d.title)
    .bind(dates::iso(d.starts_on))
    .bind(dates::iso(d.ends_on))
    .bind(now)
    .fetch_one(c)
    .await?)
}

/// A plan of the scope's team by id; another team's is not there.
pub async fn find(
    c: &mut AnyConnection,
    team: &TeamScope,
    id: i64,
) -> Result<Option<CoordinationPlan>, StoreError> {
    let row: Option<PlanRow> = sqlx::query_as(&format!(
        "SELECT {PLAN_COLUMNS} FROM coordination_plans WHERE id = $1 AND team_id = $2"
    ))
    .bind(id)
    .bind(team.team().0)
    .fetch_optional(c)
    .await?;
    row.map(TryInto::try_into).transpose()
}

/// The team's plans, latest period first.
pub async fn list(
    c: &mut AnyConnection,
    team: &TeamScope,
) -> Result<Vec<CoordinationPlan>, StoreError> {
    let rows: Vec<PlanRow> = sqlx::query_as(&format!(
        "SELECT {PLAN_COLUMNS} FROM coordination_plans WHERE team_id = $1 \
         ORDER BY starts_on DESC, id DESC"
    ))
    .bind(team.team().0)
    .fetch_all(c)
    .await?;
    rows.into_iter().map(TryInto::try_into).collect()
}

/// Changes the title and period, with the status and version the change leads to.
pub async fn update(
    c: &mut AnyConnection,
    id: i64,
    d: &PlanDraft,
    status: PlanStatus,
    version: i64,
    now: i64,
) -> Result<(), StoreError> {
    sqlx::query(
        "UPDATE coordination_plans SET title = $1, starts_on = $2, ends_on = $3, status = $4, \
         version = $5, updated_at = $6 WHERE id = $7",
    )
    .bind(&d.title)
    .bind(dates::iso(d.starts_on))
    .bind(dates::iso(d.ends_on))
    .bind(status.code())
    .bind(version)
    .bind(now)
    .bind(id)
    .execute(c)
    .await?;
    Ok(())
}

/// Sets the status and version (a change under a plan opens a revision).
pub async fn set_status(
    c: &mut AnyConnection,
    id: i64,
    status: PlanStatus,
    version: i64,
    now: i64,
) -> Result<(), StoreError> {
    sqlx::query(
        "UPDATE coordination_plans SET status = $1, version = $2, updated_at = $3 WHERE id = $4",
    )
    .bind(status.code())
    .bind(version)
    .bind(now)
    .bind(id)
    .execute(c)
    .await?;
    Ok(())
}

/// Records the adoption at a meeting.
pub async fn adopt(
    c: &mut AnyConnection,
    id: i64,
    adoption: &Adoption,
    now: i64,
) -> Result<(), StoreError> {
    sqlx::query(
        "UPDATE coordination_plans SET status = 'adopted', meeting_on = $1, decision = $2, \
         updated_at = $3 WHERE id = $4",
    )
    .bind(dates::iso(adoption.meeting_on))
    .bind(&adoption.decision)
    .bind(now)
    .bind(id)
    .execute(c)
    .await?;
    Ok(())
}

#[derive(sqlx::FromRow)]
struct ObjectiveRow {
    id: i64,
    plan_id: i64,
    title: String,
}

/// Adds an objective to a plan.
pub async fn insert_objective(
    c: &mut AnyConnection,
    plan: i64,
    title: &str,
    now: i64,
) -> Result<i64, StoreError> {
    Ok(sqlx::query_scalar(
        "INSERT INTO plan_objectives (plan_id, title, created_at) VALUES ($1, $2, $3) RETURNING id",
    )
    .bind(plan)
    .bind(title)
    .bind(now)
    .fetch_one(c)
    .await?)
}

/// The objectives of a plan, in the order added.
pub async fn objectives(
    c: &mut AnyConnection,
    plan: i64,
) -> Result<Vec<PlanObjective>, StoreError> {
    let rows: Vec<ObjectiveRow> = sqlx::query_as(
        "SELECT id, plan_id, title FROM plan_objectives WHERE plan_id = $1 ORDER BY id",
    )
    .bind(plan)
    .fetch_all(c)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| PlanObjective {
            id: r.id,
            plan_id: r.plan_id,
            title: r.title,
        })
        .collect())
}

/// Removes an objective of a plan; false when there was none.
pub async fn delete_objective(
    c: &mut AnyConnection,
    plan: i64,
    objective: i64,
) -> Result<bool, StoreError> {
    let done = sqlx::query("DELETE FROM plan_objectives WHERE plan_id = $1 AND id = $2")
        .bind(plan)
        .bind(objective)
        .execute(c)
        .await?;
    Ok(done.rows_affected() > 0)
}

#[derive(sqlx::FromRow)]
struct ActivityRow {
    id: i64,
    plan_id: i64,
    objective_id: i64,
    title: String,
    responsible_id: i64,
    partners: String,
    deadline: String,
    budget: i64,
    funding_source: String,
    indicator: String,
    baseline: String,
    target: String,
    verification: String,
    measure_id: Option<i64>,
    progress: i64,
    planned_events: i64,
    recorded: i64,
}

impl TryFrom<ActivityRow> for PlanActivity {
    type Error = StoreError;
    fn try_from(r: ActivityRow) -> Result<PlanActivity, StoreError> {
        Ok(PlanActivity {
            id: r.id,
            plan_id: r.plan_id,
            draft: PlanActivityDraft {
                objective_id: r.objective_id,
                title: r.title,
                responsible: InstitutionId(r.responsible_id),
                partners: r.partners,
                deadline: dates::parse(&r.deadline)?,
                budget: r.budget,
                funding_source: r.funding_source,
                indicator: r.indicator,
                baseline: r.baseline,
                target: r.target,
                verification: r.verification,
                measure_id: r.measure_id,
                progress: r.progress,
                planned_events: r.planned_events,
            },
            recorded: r.recorded,
        })
    }
}

/// The columns of a plan activity, with how many activities and trainings of the register
/// are recorded against it (both counts come from indexes on the link).
const ACTIVITY_COLUMNS: &str = "pa.id, pa.plan_id, pa.objective_id, pa.title, \
     pa.responsible_id, pa.partners, pa.deadline, pa.budget, pa.funding_source, pa.indicator, \
     pa.baseline, pa.target, pa.verification, pa.measure_id, pa.progress, pa.planned_events, \
     (SELECT COUNT(*) FROM activities r WHERE r.plan_activity_id = pa.id) \
     + (SELECT COUNT(*) FROM trainings t WHERE t.plan_activity_id = pa.id) AS recorded";

/// The same columns counting only what was held by a day (`$2`), with the progress entered by
/// hand before an instant (`$3`, the end of that day), for a report of a period that ended
/// before later work was recorded.
const ACTIVITY_COLUMNS_BY_DAY: &str = "pa.id, pa.plan_id, pa.objective_id, pa.title, \
     pa.responsible_id, pa.partners, pa.deadline, pa.budget, pa.funding_source, pa.indicator, \
     pa.baseline, pa.target, pa.verification, pa.measure_id, \
     COALESCE((SELECT e.progress FROM plan_progress_entries e \
       WHERE e.activity_id = pa.id AND e.at < $3 ORDER BY e.at DESC, e.id DESC LIMIT 1), 0) \
     AS progress, pa.planned_events, \
     (SELECT COUNT(*) FROM activities r WHERE r.plan_activity_id = pa.id AND r.held_on <= $2) \
     + (SELECT COUNT(*) FROM trainings t WHERE t.plan_activity_id = pa.id AND t.held_on <= $2) \
     AS recorded";

/// Adds an activity to a plan.
pub async fn insert_activity(
    c: &mut AnyConnection,
    plan: i64,
    d: &PlanActivityDraft,
    now: i64,
) -> Result<i64, StoreError> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO plan_activities (plan_id, objective_id, title, responsible_id, partners, \
         deadline, budget, funding_source, indicator, baseline, target, verification, measure_id, \
         progress, planned_events, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $16) \
         RETURNING id",
    )
    .bind(plan)
    .bind(d.objective_id)
    .bind(&d.title)
    .bind(d.responsible.0)
    .bind(&d.partners)
    .bind(dates::iso(d.deadline))
    .bind(d.budget)
    .bind(&d.funding_source)
    .bind(&d.indicator)
    .bind(&d.baseline)
    .bind(&d.target)
    .bind(&d.verification)
    .bind(d.measure_id)
    .bind(d.progress)
    .bind(d.planned_events)
    .bind(now)
    .fetch_one(&mut *c)
    .await?;
    if d.progress != 0 {
        record_progress(c, id, d.progress, now).await?;
    }
    Ok(id)
}

/// Keeps a progress entered by hand with the instant it was entered.
async fn record_progress(
    c: &mut AnyConnection,
    activity: i64,
    progress: i64,
    at: i64,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO plan_progress_entries (activity_id, progress, at) VALUES ($1, $2, $3)",
    )
    .bind(activity)
    .bind(progress)
    .bind(at)
    .execute(c)
    .await?;
    Ok(())
}

/// Changes an activity of a plan.
pub async fn update_activity(
    c: &mut AnyConnection,
    plan: i64,
    id: i64,
    d: &PlanActivityDraft,
    now: i64,
) -> Result<(), StoreError> {
    let before: Option<i64> =
        sqlx::query_scalar("SELECT progress FROM plan_activities WHERE plan_id = $1 AND id = $2")
            .bind(plan)
            .bind(id)
            .fetch_optional(&mut *c)
            .await?;
    sqlx::query(
        "UPDATE plan_activities SET objective_id = $1, title = $2, responsible_id = $3, \
         partners = $4, deadline = $5, budget = $6, funding_source = $7, indicator = $8, \
         baseline = $9, target = $10, verification = $11, measure_id = $12, progress = $13, \
         planned_events = $14, updated_at = $15 WHERE plan_id = $16 AND id = $17",
    )
    .bind(d.objective_id)
    .bind(&d.title)
    .bind(d.responsible.0)
    .bind(&d.partners)
    .bind(dates::iso(d.deadline))
    .bind(d.budget)
    .bind(&d.funding_source)
    .bind(&d.indicator)
    .bind(&d.baseline)
    .bind(&d.target)
    .bind(&d.verification)
    .bind(d.measure_id)
    .bind(d.progress)
    .bind(d.planned_events)
    .bind(now)
    .bind(plan)
    .bind(id)
    .execute(&mut *c)
    .await?;
    if before.is_some_and(|p| p != d.progress) {
        record_progress(c, id, d.progress, now).await?;
    }
    Ok(())
}

/// The activities of a plan, by deadline.
pub async fn activities(c: &mut AnyConnection, plan: i64) -> Result<Vec<PlanActivity>, StoreError> {
    let rows: Vec<ActivityRow> = sqlx::query_as(&format!(
        "SELECT {ACTIVITY_COLUMNS} FROM plan_activities pa WHERE pa.plan_id = $1 \
         ORDER BY pa.deadline, pa.id"
    ))
    .bind(plan)
    .fetch_all(c)
    .await?;
    rows.into_iter().map(TryInto::try_into).collect()
}

/// The activities of a plan as they stood at the end of `day`: only the register's work held
/// by then counts toward them, and progress entered by hand as it was before `day_end` (the
/// instant the day ends in local time).
pub async fn activities_by(
    c: &mut AnyConnection,
    plan: i64,
    day: Date,
    day_end: i64,
) -> Result<Vec<PlanActivity>, StoreError> {
    let rows: Vec<ActivityRow> = sqlx::query_as(&format!(
        "SELECT {ACTIVITY_COLUMNS_BY_DAY} FROM plan_activities pa WHERE pa.plan_id = $1 \
         ORDER BY pa.deadline, pa.id"
    ))
    .bind(plan)
    .bind(dates::iso(day))
    .bind(day_end)
    .fetch_all(c)
    .await?;
    rows.into_iter().map(TryInto::try_into).collect()
}

/// One activity of a plan.
pub async fn activity(
    c: &mut AnyConnection,
    plan: i64,
    id: i64,
) -> Result<Option<PlanActivity>, StoreError> {
    let row: Option<ActivityRow> = sqlx::query_as(&format!(
        "SELECT {ACTIVITY_COLUMNS} FROM plan_activities pa WHERE pa.plan_id = $1 AND pa.id = $2"
    ))
    .bind(plan)
    .bind(id)
    .fetch_optional(c)
    .await?;
    row.map(TryInto::try_into).transpose()
}

/// How many activities hang under an objective.
pub async fn count_under_objective(
    c: &mut AnyConnection,
    objective: i64,
) -> Result<i64, StoreError> {
    Ok(
        sqlx::query_scalar("SELECT COUNT(*) FROM plan_activities WHERE objective_id = $1")
            .bind(objective)
            .fetch_one(c)
            .await?,
    )
}

/// One entry of a plan's history: a change made under a version.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlanChange {
    pub version: i64,
    /// What kind of change (created, edited, adopted, objective-added, ...).
    pub change: String,
    /// What it was about (a title, a meeting date).
    pub details: String,
    pub actor: Option<String>,
    pub at: i64,
}

#[derive(sqlx::FromRow)]
struct ChangeRow {
    version: i64,
    change: String,
    details: String,
    actor: Option<String>,
    at: i64,
}

/// Records a change under the plan's version.
pub async fn record_change(
    c: &mut AnyConnection,
    plan: i64,
    version: i64,
    change: &str,
    details: &str,
    actor: Option<UserId>,
    now: i64,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO plan_changes (plan_id, version, change, details, actor_id, at) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(plan)
    .bind(version)
    .bind(change)
    .bind(details)
    .bind(actor.map(|u| u.0))
    .bind(now)
    .execute(c)
    .await?;
    Ok(())
}

/// The plan's history, newest first, with the display name of who changed it.
pub async fn changes(c: &mut AnyConnection, plan: i64) -> Result<Vec<PlanChange>, StoreError> {
    let rows: Vec<ChangeRow> = sqlx::query_as(
        "SELECT h.version, h.change, h.details, u.display_name AS actor, h.at \
         FROM plan_changes h LEFT JOIN users u ON u.id = h.actor_id \
         WHERE h.plan_id = $1 ORDER BY h.id DESC",
    )
    .bind(plan)
    .fetch_all(c)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| PlanChange {
            version: r.version,
            change: r.change,
            details: r.details,
            actor: r.actor,
            at: r.at,
        })
        .collect())
}

/// The plan whose period covers the day, else the latest one: the team's current plan.
pub async fn current(
    c: &mut AnyConnection,
    team: &TeamScope,
    today: Date,
) -> Result<Option<CoordinationPlan>, StoreError> {
    let plans = list(c, team).await?;
    let covering = plans.iter().position(|p| p.covers(today));
    Ok(match covering {
        Some(i) => plans.into_iter().nth(i),
        None => plans.into_iter().next(),
    })
}

/// A plan activity as offered on the forms that record work against it.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct PlanActivityChoice {
    pub id: i64,
    pub plan_id: i64,
    pub plan_title: String,
    pub title: String,
}

/// Every activity of the team's plans, newest plan first, for choosing what a recorded
/// activity or training carries out.
pub async fn choices(
    c: &mut AnyConnection,
    team: &TeamScope,
) -> Result<Vec<PlanActivityChoice>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT a.id, a.plan_id, p.title AS plan_title, a.title \
         FROM plan_activities a JOIN coordination_plans p ON p.id = a.plan_id \
         WHERE p.team_id = $1 ORDER BY p.starts_on DESC, p.id DESC, a.deadline, a.id",
    )
    .bind(team.team().0)
    .fetch_all(c)
    .await?)
}

/// One plan activity of the team's plans, as a choice (for naming it on a record's page).
pub async fn choice(
    c: &mut AnyConnection,
    team: &TeamScope,
    id: i64,
) -> Result<Option<PlanActivityChoice>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT a.id, a.plan_id, p.title AS plan_title, a.title \
         FROM plan_activities a JOIN coordination_plans p ON p.id = a.plan_id \
         WHERE p.team_id = $1 AND a.id = $2",
    )
    .bind(team.team().0)
    .bind(id)
    .fetch_optional(c)
    .await?)
}

/// An activity or a training of the register recorded against a plan activity.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct LinkedRecord {
    pub plan_activity_id: i64,
    /// `activity` or `training`: which register it is in.
    pub kind: String,
    pub id: i64,
    pub title: String,
    pub held_on: String,
}

/// What the register holds against the activities of a plan, by date.
pub async fn linked_records(
    c: &mut AnyConnection,
    plan: i64,
) -> Result<Vec<LinkedRecord>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT r.plan_activity_id AS plan_activity_id, 'activity' AS kind, r.id AS id, \
         r.title AS title, r.held_on AS held_on \
         FROM activities r JOIN plan_activities pa ON pa.id = r.plan_activity_id \
         WHERE pa.plan_id = $1 \
         UNION ALL \
         SELECT t.plan_activity_id, 'training' AS kind, t.id, t.topic AS title, t.held_on \
         FROM trainings t JOIN plan_activities pa ON pa.id = t.plan_activity_id \
         WHERE pa.plan_id = $1 \
         ORDER BY held_on, kind, id",
    )
    .bind(plan)
    .fetch_all(c)
    .await?)
}

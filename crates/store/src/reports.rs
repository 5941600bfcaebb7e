//! The periodic reports of a team: drafts with their text, submitted versions frozen with
//! their content and its hash, acknowledgements, corrections as new versions. A team's
//! drafting and reading of its own reports takes its [`TeamScope`]; the national office's
//! reading across teams (submitted reports, their versions, acknowledgement) is decided by
//! its own action and takes no team scope.

use crate::{StoreError, Tx};
use spona_domain::access::TeamScope;
use spona_domain::ids::{TeamId, UserId};
use spona_domain::reports::{Narrative, ReportPeriod, ReportStatus};
use sqlx::AnyConnection;

#[derive(sqlx::FromRow)]
struct Row {
    id: i64,
    team_id: i64,
    period: String,
    version: i64,
    supersedes: Option<i64>,
    status: String,
    summary: String,
    cooperation: String,
    challenges: String,
    next_steps: String,
    content: String,
    content_hash: String,
    created_at: i64,
    updated_at: i64,
    edit_version: i64,
    submitted_at: Option<i64>,
    submitted_by: Option<String>,
    acknowledged_at: Option<i64>,
    acknowledgement: String,
}

/// A stored report.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredReport {
    pub id: i64,
    pub team_id: TeamId,
    pub period: ReportPeriod,
    pub version: i64,
    /// The version it corrects.
    pub supersedes: Option<i64>,
    pub status: ReportStatus,
    pub narrative: Narrative,
    /// The frozen figures and text (JSON); empty while a draft.
    pub content: String,
    pub content_hash: String,
    pub created_at: i64,
    pub updated_at: i64,
    pub edit_version: i64,
    pub submitted_at: Option<i64>,
    /// Who submitted it (display name).
    pub submitted_by: Option<String>,
    pub acknowledged_at: Option<i64>,
    /// What the National Coordinator's office wrote when acknowledging it.
    pub acknowledgement: String,
}

impl TryFrom<Row> for StoredReport {
    type Error = StoreError;
    fn try_from(r: Row) -> Result<StoredReport, StoreError> {
        Ok(StoredReport {
            id: r.id,
            team_id: TeamId(r.team_id),
            period: ReportPeriod::parse(&r.period)
                .map_err(|_| StoreError::Corrupt(format!("report period {:?}", r.period)))?,
            version: r.version,
            supersedes: r.supersedes,
            status: ReportStatus::from_code(&r.status)
                .ok_or_else(|| StoreError::Corrupt(format!("report status {:?}", r.status)))?,
            narrative: Narrative {
                summary: r.summary,
                cooperation: r.cooperation,
                challenges: r.challenges,
                next_steps: r.next_steps,
            },
            content: r.content,
            content_hash: r.content_hash,
            created_at: r.created_at,
            updated_at: r.updated_at,
            edit_version: r.edit_version,
            submitted_at: r.submitted_at,
            submitted_by: r.submitted_by,
            acknowledged_at: r.acknowledged_at,
            acknowledgement: r.acknowledgement,
        })
    }
}

const COLUMNS: &str = "r.id, r.team_id, r.period, r.version, r.supersedes, r.status, r.summary, \
     r.cooperation, r.challenges, r.next_steps, r.content, r.content_hash, r.created_at, \
     r.updated_at, r.edit_version, r.submitted_at, u.display_name AS submitted_by, \
     r.acknowledged_at, r.acknowledgement";

const FROM: &str = "FROM team_reports r LEFT JOIN users u ON u.id = r.submitted_by";

/// A draft to start: version 1 of a period, or the correction of `supersedes`.
pub struct NewDraft<'a> {
    pub team: &'a TeamScope,
    pub period: ReportPeriod,
    pub version: i64,
    pub supersedes: Option<i64>,
    pub narrative: &'a Narrative,
    pub by: UserId,
    pub now: i64,
}

/// Starts a draft.
pub async fn insert_draft(tx: &mut Tx, d: &NewDraft<'_>) -> Result<i64, StoreError> {
    sqlx::query_scalar(
        "INSERT INTO team_reports (team_id, period, version, supersedes, summary, cooperation, \
         challenges, next_steps, created_by, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10) RETURNING id",
    )
    .bind(d.team.team().0)
    .bind(d.period.code())
    .bind(d.version)
    .bind(d.supersedes)
    .bind(&d.narrative.summary)
    .bind(&d.narrative.cooperation)
    .bind(&d.narrative.challenges)
    .bind(&d.narrative.next_steps)
    .bind(d.by.0)
    .bind(d.now)
    .fetch_one(&mut **tx)
    .await
    .map_err(|e| StoreError::unique(e, "period"))
}

/// A report of the team.
pub async fn find(
    c: &mut AnyConnection,
    scope: &TeamScope,
    id: i64,
) -> Result<Option<StoredReport>, StoreError> {
    let row: Option<Row> = sqlx::query_as(&format!(
        "SELECT {COLUMNS} {FROM} WHERE r.team_id = $1 AND r.id = $2"
    ))
    .bind(scope.team().0)
    .bind(id)
    .fetch_optional(c)
    .await?;
    row.map(TryInto::try_into).transpose()
}

/// A submitted (or acknowledged) report of any team, for the national office.
pub async fn find_submitted(
    c: &mut AnyConnection,
    id: i64,
) -> Result<Option<StoredReport>, StoreError> {
    let row: Option<Row> = sqlx::query_as(&format!(
        "SELECT {COLUMNS} {FROM} WHERE r.id = $1 AND r.status <> 'draft'"
    ))
    .bind(id)
    .fetch_optional(c)
    .await?;
    row.map(TryInto::try_into).transpose()
}

/// The team's reports, the latest period and version first.
pub async fn list(
    c: &mut AnyConnection,
    scope: &TeamScope,
) -> Result<Vec<StoredReport>, StoreError> {
    let rows: Vec<Row> = sqlx::query_as(&format!(
        "SELECT {COLUMNS} {FROM} WHERE r.team_id = $1 ORDER BY r.period DESC, r.version DESC"
    ))
    .bind(scope.team().0)
    .fetch_all(c)
    .await?;
    rows.into_iter().map(TryInto::try_into).collect()
}

/// The versions of one period of the team, the latest first.
pub async fn versions(
    c: &mut AnyConnection,
    scope: &TeamScope,
    period: ReportPeriod,
) -> Result<Vec<StoredReport>, StoreError> {
    period_versions(c, scope.team(), period).await
}

/// The versions of one period of a team, the latest first, for the national office reading
/// a submitted report of it. It takes the report's team id, not a scope: reading the teams'
/// submitted reports is the national office's own access (`ViewNationalReports`), which
/// reaches no team's work.
pub async fn national_versions(
    c: &mut AnyConnection,
    team: TeamId,
    period: ReportPeriod,
) -> Result<Vec<StoredReport>, StoreError> {
    period_versions(c, team, period).await
}

async fn period_versions(
    c: &mut AnyConnection,
    team: TeamId,
    period: ReportPeriod,
) -> Result<Vec<StoredReport>, StoreError> {
    let rows: Vec<Row> = sqlx::query_as(&format!(
        "SELECT {COLUMNS} {FROM} WHERE r.team_id = $1 AND r.period = $2 ORDER BY r.version DESC"
    ))
    .bind(team.0)
    .bind(period.code())
    .fetch_all(c)
    .await?;
    rows.into_iter().map(TryInto::try_into).collect()
}

/// The team's submitted reports (every version), in the order they were submitted: what is
/// already public knowledge when another is protected.
pub async fn submitted(
    c: &mut AnyConnection,
    scope: &TeamScope,
) -> Result<Vec<StoredReport>, StoreError> {
    let rows: Vec<Row> = sqlx::query_as(&format!(
        "SELECT {COLUMNS} {FROM} WHERE r.team_id = $1 AND r.status <> 'draft' \
         ORDER BY r.submitted_at, r.id"
    ))
    .bind(scope.team().0)
    .fetch_all(c)
    .await?;
    rows.into_iter().map(TryInto::try_into).collect()
}

/// A submitted report as listed for the national office, with its team's names.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct NationalLine {
    pub id: i64,
    pub team_id: i64,
    pub team_code: String,
    pub team_cyrl: String,
    pub team_latn: String,
    pub period: String,
    pub version: i64,
    pub status: String,
    pub submitted_at: Option<i64>,
}

/// The latest submitted version of every team's report for each period (of `period` when
/// given), newest period first.
pub async fn national(
    c: &mut AnyConnection,
    period: Option<ReportPeriod>,
) -> Result<Vec<NationalLine>, StoreError> {
    let code = period.map(|p| p.code());
    Ok(sqlx::query_as(
        "SELECT r.id, r.team_id, t.code AS team_code, t.name_cyrl AS team_cyrl, \
         t.name_latn AS team_latn, r.period, r.version, r.status, r.submitted_at \
         FROM team_reports r JOIN teams t ON t.id = r.team_id \
         WHERE r.status <> 'draft' AND ($1 IS NULL OR r.period = $1) \
         AND r.version = (SELECT MAX(l.version) FROM team_reports l \
             WHERE l.team_id = r.team_id AND l.period = r.period AND l.status <> 'draft') \
         ORDER BY r.period DESC, t.name_cyrl",
    )
    .bind(code)
    .fetch_all(c)
    .await?)
}

/// Saves a draft's text if it is still at `edit_version`.
pub async fn update_narrative(
    tx: &mut Tx,
    scope: &TeamScope,
    id: i64,
    narrative: &Narrative,
    edit_version: i64,
    now: i64,
) -> Result<(), StoreError> {
    let done = sqlx::query(
        "UPDATE team_reports SET summary = $1, cooperation = $2, challenges = $3, \
         next_steps = $4, updated_at = $5, edit_version = edit_version + 1 \
         WHERE team_id = $6 AND id = $7 AND status = 'draft' AND edit_version = $8",
    )
    .bind(&narrative.summary)
    .bind(&narrative.cooperation)
    .bind(&narrative.challenges)
    .bind(&narrative.next_steps)
    .bind(now)
    .bind(scope.team().0)
    .bind(id)
    .bind(edit_version)
    .execute(&mut **tx)
    .await?;
    StoreError::one_row(done.rows_affected())
}

/// Freezes a draft as submitted, with its content and the content's hash.
pub async fn submit(
    tx: &mut Tx,
    scope: &TeamScope,
    id: i64,
    content: &str,
    content_hash: &str,
    by: UserId,
    now: i64,
) -> Result<(), StoreError> {
    let done = sqlx::query(
        "UPDATE team_reports SET status = 'submitted', content = $1, content_hash = $2, \
         submitted_by = $3, submitted_at = $4, updated_at = $4 \
         WHERE team_id = $5 AND id = $6 AND status = 'draft'",
    )
    .bind(content)
    .bind(content_hash)
    .bind(by.0)
    .bind(now)
    .bind(scope.team().0)
    .bind(id)
    .execute(&mut **tx)
    .await?;
    StoreError::one_row(done.rows_affected())
}

/// Records the National Coordinator's acknowledgement of a submitted report.
pub async fn acknowledge(
    tx: &mut Tx,
    id: i64,
    note: &str,
    by: UserId,
    now: i64,
) -> Result<(), StoreError> {
    let done = sqlx::query(
        "UPDATE team_reports SET status = 'acknowledged', acknowledgement = $1, \
         acknowledged_by = $2, acknowledged_at = $3, updated_at = $3 \
         WHERE id = $4 AND status = 'submitted'",
    )
    .bind(note)
    .bind(by.0)
    .bind(now)
    .bind(id)
    .execute(&mut **tx)
    .await?;
    StoreError::one_row(done.rows_affected())
}

/// A frozen count of a quarter: how many cases (or referrals) had these categories.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct FrozenCount {
    pub period: String,
    pub category: String,
    pub population: String,
    pub count: i64,
}

/// The quarters of the team whose counts are frozen.
pub async fn frozen_periods(
    c: &mut AnyConnection,
    scope: &TeamScope,
) -> Result<Vec<String>, StoreError> {
    Ok(sqlx::query_scalar(
        "SELECT period FROM frozen_case_periods WHERE team_id = $1 ORDER BY period",
    )
    .bind(scope.team().0)
    .fetch_all(c)
    .await?)
}

/// The frozen counts of the team's quarters.
pub async fn frozen_counts(
    c: &mut AnyConnection,
    scope: &TeamScope,
) -> Result<Vec<FrozenCount>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT period, category, population, count FROM frozen_case_counts \
         WHERE team_id = $1 ORDER BY period, population, category",
    )
    .bind(scope.team().0)
    .fetch_all(c)
    .await?)
}

/// Freezes a quarter's counts (once: a quarter already frozen is left as it is).
pub async fn freeze_period(
    tx: &mut Tx,
    scope: &TeamScope,
    period: &str,
    counts: &[FrozenCount],
    now: i64,
) -> Result<(), StoreError> {
    let done = sqlx::query(
        "INSERT INTO frozen_case_periods (team_id, period, frozen_at) VALUES ($1, $2, $3) \
         ON CONFLICT (team_id, period) DO NOTHING",
    )
    .bind(scope.team().0)
    .bind(period)
    .bind(now)
    .execute(&mut **tx)
    .await?;
    if done.rows_affected() == 0 {
        return Ok(());
    }
    for k in counts.iter().filter(|k| k.period == period) {
        sqlx::query(
            "INSERT INTO frozen_case_counts (team_id, period, category, population, count) \
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(scope.team().0)
        .bind(period)
        .bind(&k.category)
        .bind(&k.population)
        .bind(k.count)
        .execute(&mut **tx)
        .await?;
    }
    Ok(())
}

/// The frozen contents of the latest submitted version of every team's report of a period,
/// in one query (for the national summary).
pub async fn national_contents(
    c: &mut AnyConnection,
    period: ReportPeriod,
) -> Result<Vec<String>, StoreError> {
    Ok(sqlx::query_scalar(
        "SELECT r.content FROM team_reports r WHERE r.status <> 'draft' AND r.period = $1 \
         AND r.version = (SELECT MAX(l.version) FROM team_reports l \
             WHERE l.team_id = r.team_id AND l.period = r.period AND l.status <> 'draft') \
         ORDER BY r.team_id",
    )
    .bind(period.code())
    .fetch_all(c)
    .await?)
}

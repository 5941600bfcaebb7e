//! Good practices published by the teams: read across teams, searched in either script,
//! withdrawn but never deleted.

use crate::cases::COUNT_LIMIT;
use crate::institutions::like_pattern;
use crate::{dates, Page, StoreError, Tx};
use spona_domain::access::TeamScope;
use spona_domain::ids::{TeamId, UserId};
use spona_domain::practices::{GoodPractice, GoodPracticeId, PracticeDraft, PracticeSource};
use spona_domain::script::fold;
use sqlx::AnyConnection;
use time::Date;

#[derive(sqlx::FromRow)]
struct PracticeRow {
    id: i64,
    team_id: i64,
    activity_id: Option<i64>,
    training_id: Option<i64>,
    title: String,
    summary: String,
    materials: String,
    results: String,
    published_by: i64,
    published_at: i64,
    withdrawn_at: Option<i64>,
    team_name_cyrl: String,
    team_name_latn: String,
    held_on: String,
}

/// A practice with what a reader of another team needs to place it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PublishedPractice {
    pub practice: GoodPractice,
    pub team_name_cyrl: String,
    pub team_name_latn: String,
    /// When the activity or training it was published from took place.
    pub held_on: Date,
}

impl TryFrom<PracticeRow> for PublishedPractice {
    type Error = StoreError;
    fn try_from(r: PracticeRow) -> Result<PublishedPractice, StoreError> {
        let source = PracticeSource::from_columns(r.activity_id, r.training_id)
            .ok_or_else(|| StoreError::Corrupt(format!("good practice {} source", r.id)))?;
        Ok(PublishedPractice {
            practice: GoodPractice {
                id: GoodPracticeId(r.id),
                team_id: TeamId(r.team_id),
                source,
                title: r.title,
                summary: r.summary,
                materials: r.materials,
                results: r.results,
                published_by: UserId(r.published_by),
                published_at: r.published_at,
                withdrawn_at: r.withdrawn_at,
            },
            team_name_cyrl: r.team_name_cyrl,
            team_name_latn: r.team_name_latn,
            held_on: dates::parse(&r.held_on)?,
        })
    }
}

const SELECT: &str = "SELECT p.id, p.team_id, p.activity_id, p.training_id, p.title, p.summary, \
     p.materials, p.results, p.published_by, p.published_at, p.withdrawn_at, \
     t.name_cyrl AS team_name_cyrl, t.name_latn AS team_name_latn, \
     COALESCE(a.held_on, r.held_on, '') AS held_on \
     FROM good_practices p JOIN teams t ON t.id = p.team_id \
     LEFT JOIN activities a ON a.id = p.activity_id \
     LEFT JOIN trainings r ON r.id = p.training_id";

/// Title and texts folded, so that a search finds them in either script.
fn search_key(d: &PracticeDraft) -> String {
    fold(&format!(
        "{} {} {} {}",
        d.title, d.summary, d.materials, d.results
    ))
}

/// Publishes a practice. A second live practice of the same source is refused as
/// `Duplicate("source")` by the partial unique indexes.
pub async fn insert(
    tx: &mut Tx,
    scope: &TeamScope,
    source: PracticeSource,
    d: &PracticeDraft,
    by: UserId,
    at: i64,
) -> Result<GoodPracticeId, StoreError> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO good_practices (team_id, activity_id, training_id, title, summary, \
         materials, results, search_key, published_by, published_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
    )
    .bind(scope.team().0)
    .bind(source.activity().map(|a| a.0))
    .bind(source.training().map(|t| t.0))
    .bind(&d.title)
    .bind(&d.summary)
    .bind(&d.materials)
    .bind(&d.results)
    .bind(search_key(d))
    .bind(by.0)
    .bind(at)
    .fetch_one(&mut **tx)
    .await
    .map_err(|e| StoreError::unique(e, "source"))?;
    Ok(GoodPracticeId(id))
}

/// A page of the live practices of every team that match, the latest published first. The
/// total is counted up to [`COUNT_LIMIT`] + 1.
pub async fn list(
    c: &mut AnyConnection,
    query: &str,
    limit: i64,
    offset: i64,
) -> Result<Page<PublishedPractice>, StoreError> {
    let pattern = like_pattern(query);
    let total: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM (SELECT 1 FROM good_practices WHERE withdrawn_at IS NULL \
         AND search_key LIKE $1 ESCAPE '\\' LIMIT $2) counted",
    )
    .bind(&pattern)
    .bind(COUNT_LIMIT + 1)
    .fetch_one(&mut *c)
    .await?;
    // The page is chosen in the order of `good_practices_live_order`; only its rows are joined.
    let order = "p.published_at DESC, p.id DESC";
    let rows: Vec<PracticeRow> = sqlx::query_as(&format!(
        "{SELECT} JOIN (SELECT p.id AS page_id FROM good_practices p \
         WHERE p.withdrawn_at IS NULL AND p.search_key LIKE $1 ESCAPE '\\' \
         ORDER BY {order} LIMIT $2 OFFSET $3) pg ON pg.page_id = p.id ORDER BY {order}"
    ))
    .bind(&pattern)
    .bind(limit.max(1))
    .bind(offset.max(0))
    .fetch_all(c)
    .await?;
    Ok(Page {
        items: rows
            .into_iter()
            .map(PublishedPractice::try_from)
            .collect::<Result<_, _>>()?,
        total,
    })
}

/// One practice of any team, live or withdrawn (the caller decides who may know of it).
pub async fn find(
    c: &mut AnyConnection,
    id: GoodPracticeId,
) -> Result<Option<PublishedPractice>, StoreError> {
    let row: Option<PracticeRow> = sqlx::query_as(&format!("{SELECT} WHERE p.id = $1"))
        .bind(id.0)
        .fetch_optional(c)
        .await?;
    row.map(PublishedPractice::try_from).transpose()
}

/// Withdraws a live practice of the team; a conflict when it was withdrawn meanwhile.
pub async fn withdraw(
    tx: &mut Tx,
    scope: &TeamScope,
    id: GoodPracticeId,
    at: i64,
) -> Result<(), StoreError> {
    let done = sqlx::query(
        "UPDATE good_practices SET withdrawn_at = $1 \
         WHERE team_id = $2 AND id = $3 AND withdrawn_at IS NULL",
    )
    .bind(at)
    .bind(scope.team().0)
    .bind(id.0)
    .execute(&mut **tx)
    .await?;
    StoreError::one_row(done.rows_affected())
}

/// The live practice published from an activity of the team, if any.
pub async fn live_for_activity(
    c: &mut AnyConnection,
    scope: &TeamScope,
    activity: i64,
) -> Result<Option<GoodPracticeId>, StoreError> {
    let id: Option<i64> = sqlx::query_scalar(
        "SELECT id FROM good_practices WHERE team_id = $1 AND activity_id = $2 \
         AND withdrawn_at IS NULL",
    )
    .bind(scope.team().0)
    .bind(activity)
    .fetch_optional(c)
    .await?;
    Ok(id.map(GoodPracticeId))
}

/// The live practice published from a training of the team, if any.
pub async fn live_for_training(
    c: &mut AnyConnection,
    scope: &TeamScope,
    training: i64,
) -> Result<Option<GoodPracticeId>, StoreError> {
    let id: Option<i64> = sqlx::query_scalar(
        "SELECT id FROM good_practices WHERE team_id = $1 AND training_id = $2 \
         AND withdrawn_at IS NULL",
    )
    .bind(scope.team().0)
    .bind(training)
    .fetch_optional(c)
    .await?;
    Ok(id.map(GoodPracticeId))
}

/// How many practices, live or withdrawn, name the activity (which then may not be deleted).
pub async fn links_to_activity(c: &mut AnyConnection, activity: i64) -> Result<i64, StoreError> {
    Ok(
        sqlx::query_scalar("SELECT COUNT(*) FROM good_practices WHERE activity_id = $1")
            .bind(activity)
            .fetch_one(c)
            .await?,
    )
}

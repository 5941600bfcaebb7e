//! Materials, their production and hand-outs; stock is computed, never stored.

use crate::{StoreError, Tx};
use spona_domain::access::TeamScope;
use spona_domain::ids::UserId;
use sqlx::AnyConnection;

/// An item with its totals.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct ItemRow {
    pub id: i64,
    pub name: String,
    pub kind: String,
    pub donor: String,
    pub project: String,
    pub low_mark: i64,
    pub produced: i64,
    pub handed_out: i64,
}

impl ItemRow {
    /// What is left.
    pub fn stock(&self) -> i64 {
        self.produced - self.handed_out
    }
}

const ITEM: &str = "SELECT m.id, m.name, m.kind, m.donor, m.project, m.low_mark, \
     CAST(COALESCE((SELECT SUM(quantity) FROM material_movements v WHERE v.item_id = m.id AND v.direction = 'produced'), 0) AS BIGINT) AS produced, \
     CAST(COALESCE((SELECT SUM(quantity) FROM material_movements v WHERE v.item_id = m.id AND v.direction = 'handed-out'), 0) AS BIGINT) AS handed_out \
     FROM material_items m";

/// A new item.
pub struct NewItem<'a> {
    pub team: &'a TeamScope,
    pub name: &'a str,
    pub kind: &'a str,
    pub donor: &'a str,
    pub project: &'a str,
    pub low_mark: i64,
    pub at: i64,
}

/// Adds an item (its production follows as a movement).
pub async fn insert(c: &mut AnyConnection, n: &NewItem<'_>) -> Result<i64, StoreError> {
    Ok(sqlx::query_scalar(
        "INSERT INTO material_items (team_id, name, kind, donor, project, low_mark, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
    )
    .bind(n.team.team().0)
    .bind(n.name)
    .bind(n.kind)
    .bind(n.donor)
    .bind(n.project)
    .bind(n.low_mark)
    .bind(n.at)
    .fetch_one(c)
    .await?)
}

/// The team's items with their totals, by name.
pub async fn list(c: &mut AnyConnection, scope: &TeamScope) -> Result<Vec<ItemRow>, StoreError> {
    Ok(sqlx::query_as(&format!(
        "{ITEM} WHERE m.team_id = $1 ORDER BY m.name, m.id"
    ))
    .bind(scope.team().0)
    .fetch_all(c)
    .await?)
}

/// One item of the team.
pub async fn find(
    c: &mut AnyConnection,
    scope: &TeamScope,
    id: i64,
) -> Result<Option<ItemRow>, StoreError> {
    Ok(
        sqlx::query_as(&format!("{ITEM} WHERE m.team_id = $1 AND m.id = $2"))
            .bind(scope.team().0)
            .bind(id)
            .fetch_optional(c)
            .await?,
    )
}

/// A movement of stock.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct MovementRow {
    pub on_date: String,
    pub direction: String,
    pub quantity: i64,
    pub occasion: String,
    /// The activity of the register it was handed out at, with its title.
    pub activity_id: Option<i64>,
    pub activity_title: Option<String>,
}

/// A movement into or out of stock.
pub struct NewMovement<'a> {
    pub team: &'a TeamScope,
    pub item: i64,
    pub on_date: &'a str,
    /// `produced` or `handed-out`.
    pub direction: &'a str,
    pub quantity: i64,
    pub occasion: &'a str,
    /// The activity of the register it was handed out at (the caller checked it is the
    /// team's).
    pub activity: Option<i64>,
    pub by: UserId,
    pub at: i64,
}

/// Records a movement (the caller checked the stock inside the same transaction).
pub async fn move_stock(c: &mut AnyConnection, m: &NewMovement<'_>) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO material_movements (team_id, item_id, on_date, direction, quantity, occasion, \
         activity_id, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
    )
    .bind(m.team.team().0)
    .bind(m.item)
    .bind(m.on_date)
    .bind(m.direction)
    .bind(m.quantity)
    .bind(m.occasion)
    .bind(m.activity)
    .bind(m.by.0)
    .bind(m.at)
    .execute(c)
    .await?;
    Ok(())
}

/// Locks an item's row until the transaction ends (PostgreSQL takes a row lock on the
/// update; SQLite's writes are serialised anyway), so that its stock is read and changed
/// by one transaction at a time. False when the team has no such item.
pub async fn lock(tx: &mut Tx, scope: &TeamScope, id: i64) -> Result<bool, StoreError> {
    let done =
        sqlx::query("UPDATE material_items SET low_mark = low_mark WHERE team_id = $1 AND id = $2")
            .bind(scope.team().0)
            .bind(id)
            .execute(&mut **tx)
            .await?;
    Ok(done.rows_affected() == 1)
}

/// The movements of an item, the latest first.
pub async fn movements(
    c: &mut AnyConnection,
    scope: &TeamScope,
    item: i64,
) -> Result<Vec<MovementRow>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT m.on_date, m.direction, m.quantity, m.occasion, m.activity_id, \
         a.title AS activity_title FROM material_movements m \
         LEFT JOIN activities a ON a.id = m.activity_id \
         WHERE m.team_id = $1 AND m.item_id = $2 ORDER BY m.on_date DESC, m.id DESC",
    )
    .bind(scope.team().0)
    .bind(item)
    .fetch_all(c)
    .await?)
}

/// What was handed out at an activity of the register.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct HandOut {
    pub item_id: i64,
    pub name: String,
    pub quantity: i64,
}

/// The materials handed out at an activity, by item.
pub async fn handed_out_at(
    c: &mut AnyConnection,
    scope: &TeamScope,
    activity: i64,
) -> Result<Vec<HandOut>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT i.id AS item_id, i.name, CAST(SUM(m.quantity) AS BIGINT) AS quantity \
         FROM material_movements m JOIN material_items i ON i.id = m.item_id \
         WHERE m.team_id = $1 AND m.activity_id = $2 AND m.direction = 'handed-out' \
         GROUP BY i.id, i.name ORDER BY i.name",
    )
    .bind(scope.team().0)
    .bind(activity)
    .fetch_all(c)
    .await?)
}

/// How many movements name the activity (which then may not be deleted).
pub async fn links_to_activity(c: &mut AnyConnection, activity: i64) -> Result<i64, StoreError> {
    Ok(
        sqlx::query_scalar("SELECT COUNT(*) FROM material_movements WHERE activity_id = $1")
            .bind(activity)
            .fetch_one(c)
            .await?,
    )
}

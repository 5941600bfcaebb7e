//! Materials, their production and hand-outs; stock is computed, never stored.

use crate::{StoreError, Tx};
use spona_domain::ids::{TeamId, UserId};
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
    pub team: TeamId,
    pub name: &'a str,
    pub kind: &'a str,
    pub donor: &'a str,
    pub project: &'a str,
    pub low_mark: i64,
    pub at: i64,
}

/// Adds an item (its production follows as a movement).
pub async fn insert(tx: &mut Tx, n: &NewItem<'_>) -> Result<i64, StoreError> {
    Ok(sqlx::query_scalar(
        "INSERT INTO material_items (team_id, name, kind, donor, project, low_mark, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
    )
    .bind(n.team.0)
    .bind(n.name)
    .bind(n.kind)
    .bind(n.donor)
    .bind(n.project)
    .bind(n.low_mark)
    .bind(n.at)
    .fetch_one(&mut **tx)
    .await?)
}

/// The team's items with their totals, by name.
pub async fn list(c: &mut AnyConnection, team: TeamId) -> Result<Vec<ItemRow>, StoreError> {
    Ok(sqlx::query_as(&format!(
        "{ITEM} WHERE m.team_id = $1 ORDER BY m.name, m.id"
    ))
    .bind(team.0)
    .fetch_all(c)
    .await?)
}

/// One item of the team.
pub async fn find(
    c: &mut AnyConnection,
    team: TeamId,
    id: i64,
) -> Result<Option<ItemRow>, StoreError> {
    Ok(
        sqlx::query_as(&format!("{ITEM} WHERE m.team_id = $1 AND m.id = $2"))
            .bind(team.0)
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
}

/// A movement into or out of stock.
pub struct NewMovement<'a> {
    pub team: TeamId,
    pub item: i64,
    pub on_date: &'a str,
    /// `produced` or `handed-out`.
    pub direction: &'a str,
    pub quantity: i64,
    pub occasion: &'a str,
    pub by: UserId,
    pub at: i64,
}

/// Records a movement (the caller checked the stock inside the same transaction).
pub async fn move_stock(tx: &mut Tx, m: &NewMovement<'_>) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO material_movements (team_id, item_id, on_date, direction, quantity, occasion, \
         created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(m.team.0)
    .bind(m.item)
    .bind(m.on_date)
    .bind(m.direction)
    .bind(m.quantity)
    .bind(m.occasion)
    .bind(m.by.0)
    .bind(m.at)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Locks an item's row until the transaction ends (PostgreSQL takes a row lock on the
/// update; SQLite's writes are serialised anyway), so that its stock is read and changed
/// by one transaction at a time. False when the team has no such item.
pub async fn lock(tx: &mut Tx, team: TeamId, id: i64) -> Result<bool, StoreError> {
    let done =
        sqlx::query("UPDATE material_items SET low_mark = low_mark WHERE team_id = $1 AND id = $2")
            .bind(team.0)
            .bind(id)
            .execute(&mut **tx)
            .await?;
    Ok(done.rows_affected() == 1)
}

/// The movements of an item, the latest first.
pub async fn movements(
    c: &mut AnyConnection,
    team: TeamId,
    item: i64,
) -> Result<Vec<MovementRow>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT on_date, direction, quantity, occasion FROM material_movements \
         WHERE team_id = $1 AND item_id = $2 ORDER BY on_date DESC, id DESC",
    )
    .bind(team.0)
    .bind(item)
    .fetch_all(c)
    .await?)
}

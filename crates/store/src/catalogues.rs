//! Indicator catalogues as imported (the text; the domain parses and checks it).

use crate::{StoreError, Tx};
use spona_domain::cases::CatalogueId;
use spona_domain::ids::UserId;
use sqlx::AnyConnection;

/// A stored catalogue.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct CatalogueRow {
    #[sqlx(try_from = "i64")]
    pub id: CatalogueId,
    pub sector: String,
    pub version: String,
    pub source: String,
    pub imported_at: i64,
}

/// Stores an imported catalogue; a sector's version is imported once.
pub async fn insert(
    tx: &mut Tx,
    sector: &str,
    version: &str,
    source: &str,
    by: Option<UserId>,
    at: i64,
) -> Result<CatalogueId, StoreError> {
    sqlx::query_scalar(
        "INSERT INTO indicator_catalogues (sector, version, source, imported_by, imported_at) \
         VALUES ($1, $2, $3, $4, $5) RETURNING id",
    )
    .bind(sector)
    .bind(version)
    .bind(source)
    .bind(by.map(|u| u.0).filter(|id| *id > 0))
    .bind(at)
    .fetch_one(&mut **tx)
    .await
    .map(CatalogueId)
    .map_err(|e| StoreError::unique(e, "version"))
}

/// Every catalogue, newest import of each sector first.
pub async fn list(c: &mut AnyConnection) -> Result<Vec<CatalogueRow>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT id, sector, version, source, imported_at FROM indicator_catalogues \
         ORDER BY sector, imported_at DESC, id DESC",
    )
    .fetch_all(c)
    .await?)
}

/// The sectors that have at least one catalogue.
pub async fn sectors(c: &mut AnyConnection) -> Result<Vec<String>, StoreError> {
    Ok(
        sqlx::query_scalar("SELECT DISTINCT sector FROM indicator_catalogues ORDER BY sector")
            .fetch_all(c)
            .await?,
    )
}

/// The newest catalogue of a sector.
pub async fn current(
    c: &mut AnyConnection,
    sector: &str,
) -> Result<Option<CatalogueRow>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT id, sector, version, source, imported_at FROM indicator_catalogues \
         WHERE sector = $1 ORDER BY imported_at DESC, id DESC LIMIT 1",
    )
    .bind(sector)
    .fetch_optional(c)
    .await?)
}

/// One version of a sector's catalogue, as imported (a case names the version it was screened
/// with, which need not be the newest).
pub async fn find(
    c: &mut AnyConnection,
    sector: &str,
    version: &str,
) -> Result<Option<CatalogueRow>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT id, sector, version, source, imported_at FROM indicator_catalogues \
         WHERE sector = $1 AND version = $2",
    )
    .bind(sector)
    .bind(version)
    .fetch_optional(c)
    .await?)
}

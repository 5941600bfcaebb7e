//! The national framework: documents with their objectives and measures (deployment-wide).

use crate::StoreError;
use spona_domain::plan::{FrameworkDocument, FrameworkItem, FrameworkItemKind};
use sqlx::AnyConnection;

#[derive(sqlx::FromRow)]
struct DocumentRow {
    id: i64,
    title: String,
    first_year: i64,
    last_year: i64,
    part_of: Option<i64>,
    reference: String,
}

impl From<DocumentRow> for FrameworkDocument {
    fn from(r: DocumentRow) -> FrameworkDocument {
        FrameworkDocument {
            id: r.id,
            title: r.title,
            first_year: r.first_year,
            last_year: r.last_year,
            part_of: r.part_of,
            reference: r.reference,
        }
    }
}

#[derive(sqlx::FromRow)]
struct ItemRow {
    id: i64,
    document_id: i64,
    kind: String,
    code: String,
    title: String,
}

impl TryFrom<ItemRow> for FrameworkItem {
    type Error = StoreError;
    fn try_from(r: ItemRow) -> Result<FrameworkItem, StoreError> {
        Ok(FrameworkItem {
            id: r.id,
            document_id: r.document_id,
            kind: FrameworkItemKind::from_code(&r.kind)
                .ok_or_else(|| StoreError::Corrupt(format!("framework item kind {:?}", r.kind)))?,
            code: r.code,
            title: r.title,
        })
    }
}

/// What a new document says.
pub struct NewDocument<'a> {
    pub title: &'a str,
    pub first_year: i64,
    pub last_year: i64,
    pub part_of: Option<i64>,
    pub reference: &'a str,
}

/// Adds a document.
pub async fn insert_document(
    c: &mut AnyConnection,
    d: &NewDocument<'_>,
    now: i64,
) -> Result<i64, StoreError> {
    Ok(sqlx::query_scalar(
        "INSERT INTO framework_documents (title, first_year, last_year, part_of, reference, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
    )
    .bind(d.title)
    .bind(d.first_year)
    .bind(d.last_year)
    .bind(d.part_of)
    .bind(d.reference)
    .bind(now)
    .fetch_one(c)
    .await?)
}

/// Every document, newest first.
pub async fn documents(c: &mut AnyConnection) -> Result<Vec<FrameworkDocument>, StoreError> {
    let rows: Vec<DocumentRow> = sqlx::query_as(
        "SELECT id, title, first_year, last_year, part_of, reference FROM framework_documents \
         ORDER BY first_year DESC, id",
    )
    .fetch_all(c)
    .await?;
    Ok(rows.into_iter().map(Into::into).collect())
}

/// One document.
pub async fn document(
    c: &mut AnyConnection,
    id: i64,
) -> Result<Option<FrameworkDocument>, StoreError> {
    let row: Option<DocumentRow> = sqlx::query_as(
        "SELECT id, title, first_year, last_year, part_of, reference FROM framework_documents \
         WHERE id = $1",
    )
    .bind(id)
    .fetch_optional(c)
    .await?;
    Ok(row.map(Into::into))
}

/// Adds an objective or measure; its code is unique within the document.
pub async fn insert_item(
    c: &mut AnyConnection,
    document: i64,
    kind: FrameworkItemKind,
    code: &str,
    title: &str,
    now: i64,
) -> Result<i64, StoreError> {
    sqlx::query_scalar(
        "INSERT INTO framework_items (document_id, kind, code, title, created_at) \
         VALUES ($1, $2, $3, $4, $5) RETURNING id",
    )
    .bind(document)
    .bind(kind.code())
    .bind(code)
    .bind(title)
    .bind(now)
    .fetch_one(c)
    .await
    .map_err(|e| StoreError::unique(e, "code"))
}

/// Every objective and measure, by document and code.
pub async fn items(c: &mut AnyConnection) -> Result<Vec<FrameworkItem>, StoreError> {
    let rows: Vec<ItemRow> = sqlx::query_as(
        "SELECT id, document_id, kind, code, title FROM framework_items ORDER BY document_id, id",
    )
    .fetch_all(c)
    .await?;
    rows.into_iter().map(TryInto::try_into).collect()
}

/// One objective or measure.
pub async fn item(c: &mut AnyConnection, id: i64) -> Result<Option<FrameworkItem>, StoreError> {
    let row: Option<ItemRow> = sqlx::query_as(
        "SELECT id, document_id, kind, code, title FROM framework_items WHERE id = $1",
    )
    .bind(id)
    .fetch_optional(c)
    .await?;
    row.map(TryInto::try_into).transpose()
}

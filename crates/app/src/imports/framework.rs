//! The national framework's objectives and measures from a spreadsheet, by the national
//! office: each row names its document (by its title or its reference, as entered in the
//! browser), and is filled into the item form and parsed by it. An item is found by its
//! document and code, which the document itself gives (1.2, 3.1.4).

use super::columns::{cell_of, column, term, Column};
use super::judge::RowKind;
use super::OneTimeLink;
use crate::plan::FrameworkItemForm;
use crate::AppError;
use spona_domain::plan::{FrameworkDocument, FrameworkItemKind};
use spona_domain::script::fold;
use spona_domain::validation::{FieldError, FieldErrors};
use spona_i18n::Catalog;
use spona_store::{framework, Connection};
use std::collections::HashSet;

/// The columns, in the template's order.
pub const COLUMNS: &[Column] = &[
    column("document", "import-col-document", true),
    column("kind", "import-col-framework-kind", true),
    column("code", "import-col-item-code", true),
    column("title", "import-col-title", true),
];

/// An objective or measure of a document.
pub(super) struct ItemDraft {
    document: i64,
    kind: FrameworkItemKind,
    code: String,
    title: String,
}

/// The framework, with its documents to name.
pub(super) struct FrameworkRows<'a> {
    catalog: &'a Catalog,
    documents: Vec<FrameworkDocument>,
    now: i64,
    kinds: Vec<&'static str>,
}

impl<'a> FrameworkRows<'a> {
    pub(super) async fn load(
        c: &mut Connection,
        catalog: &'a Catalog,
        now: i64,
    ) -> Result<FrameworkRows<'a>, AppError> {
        Ok(FrameworkRows {
            catalog,
            documents: framework::documents(c).await?,
            now,
            kinds: FrameworkItemKind::ALL.iter().map(|k| k.code()).collect(),
        })
    }

    /// The document a cell names: by its title in any script and case, or else by its
    /// publication reference if that names one document only (an action plan is often
    /// published with its programme).
    fn document(&self, written: &str) -> Result<i64, FieldError> {
        let k = fold(written.trim());
        if k.is_empty() {
            return Err(FieldError::Required);
        }
        let named = |pick: fn(&FrameworkDocument) -> &String| -> Vec<i64> {
            self.documents
                .iter()
                .filter(|d| !pick(d).is_empty() && fold(pick(d).trim()) == k)
                .map(|d| d.id)
                .collect()
        };
        match (
            named(|d| &d.title).as_slice(),
            named(|d| &d.reference).as_slice(),
        ) {
            ([id, ..], _) | ([], [id]) => Ok(*id),
            _ => Err(FieldError::Unknown),
        }
    }
}

impl RowKind for FrameworkRows<'_> {
    type Draft = ItemDraft;

    fn parse(&self, cells: &[String]) -> Result<ItemDraft, FieldErrors> {
        let cell = |field: &str| cell_of(COLUMNS, cells, field);
        let document = self.document(&cell("document"));
        let form = FrameworkItemForm {
            kind: term(self.catalog, &cell("kind"), "framework-kind-", &self.kinds),
            code: cell("code"),
            title: cell("title"),
        };
        match (document, form.parse()) {
            (Ok(document), Ok((kind, code, title))) => Ok(ItemDraft {
                document,
                kind,
                code,
                title,
            }),
            (document, parsed) => {
                let mut e = parsed.err().unwrap_or_default();
                if let Err(error) = document {
                    e.add("document", error);
                }
                Err(e)
            }
        }
    }

    fn key(&self, d: &ItemDraft) -> String {
        key_of(d.document, &d.code)
    }

    async fn existing(&self, c: &mut Connection) -> Result<HashSet<String>, AppError> {
        Ok(framework::items(c)
            .await?
            .iter()
            .map(|i| key_of(i.document_id, &i.code))
            .collect())
    }

    async fn save(
        &self,
        c: &mut Connection,
        d: &ItemDraft,
    ) -> Result<Option<OneTimeLink>, AppError> {
        framework::insert_item(c, d.document, d.kind, &d.code, &d.title, self.now).await?;
        Ok(None)
    }
}

/// An item's key: its document and code.
fn key_of(document: i64, code: &str) -> String {
    format!("{document}\n{code}")
}

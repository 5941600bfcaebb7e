//! The national framework: anyone planning reads it; the national office maintains it.

use super::forms::{FrameworkDocumentForm, FrameworkItemForm};
use crate::audit::{AuditEvent, Author};
use crate::{App, AppError};
use spona_domain::access::{decide, team_work, Action, Actor, WorkNeed};
use spona_domain::plan::{FrameworkDocument, FrameworkItem};
use spona_domain::validation::{FieldError, FieldErrors};
use spona_store::framework::{self, NewDocument};
use spona_store::StoreError;

/// A document with its objectives and measures.
#[derive(Clone, Debug)]
pub struct FrameworkEntry {
    pub document: FrameworkDocument,
    pub items: Vec<FrameworkItem>,
}

/// The whole framework, with whether the actor may change it.
#[derive(Clone, Debug)]
pub struct FrameworkView {
    pub entries: Vec<FrameworkEntry>,
    pub can_edit: bool,
}

impl App {
    /// Whether the actor may read the framework: whoever maintains it, and every team role
    /// for its own team's planning.
    fn may_read_framework(actor: &Actor) -> bool {
        decide(actor, Action::EditNationalFramework).allowed()
            || team_work(actor, WorkNeed::View).is_ok()
    }

    /// Every national document with its objectives and measures.
    pub async fn framework(&self, actor: &Actor) -> Result<FrameworkView, AppError> {
        if !Self::may_read_framework(actor) {
            return Err(AppError::NotFound);
        }
        let mut c = self.db.conn().await?;
        Ok(FrameworkView {
            entries: load(&mut c).await?,
            can_edit: decide(actor, Action::EditNationalFramework).allowed(),
        })
    }

    /// Adds a national document.
    pub async fn add_framework_document(
        &self,
        actor: &Actor,
        form: &FrameworkDocumentForm,
    ) -> Result<i64, AppError> {
        Self::may_edit_framework(actor)?;
        let d = form.parse()?;
        let now = self.now();
        let mut tx = self.db.begin().await?;
        if let Some(parent) = d.part_of {
            if framework::document(&mut tx, parent).await?.is_none() {
                let mut e = FieldErrors::new();
                e.add("part_of", FieldError::Unknown);
                return Err(e.into());
            }
        }
        let id = framework::insert_document(
            &mut tx,
            &NewDocument {
                title: &d.title,
                first_year: d.first_year,
                last_year: d.last_year,
                part_of: d.part_of,
                reference: &d.reference,
            },
            now,
        )
        .await?;
        self.audit(
            &mut tx,
            Author::of(actor),
            AuditEvent::about(None, "framework-document-added", "framework-document", id),
        )
        .await?;
        tx.commit().await?;
        Ok(id)
    }

    /// Adds an objective or a measure to a national document.
    pub async fn add_framework_item(
        &self,
        actor: &Actor,
        document: i64,
        form: &FrameworkItemForm,
    ) -> Result<i64, AppError> {
        Self::may_edit_framework(actor)?;
        let (kind, code, title) = form.parse()?;
        let now = self.now();
        let mut tx = self.db.begin().await?;
        framework::document(&mut tx, document)
            .await?
            .ok_or(AppError::NotFound)?;
        let id = framework::insert_item(&mut tx, document, kind, &code, &title, now)
            .await
            .map_err(|e| match e {
                StoreError::Duplicate(_) => {
                    let mut errors = FieldErrors::new();
                    errors.add("code", FieldError::Taken);
                    AppError::Invalid(errors)
                }
                other => other.into(),
            })?;
        self.audit(
            &mut tx,
            Author::of(actor),
            AuditEvent::about(None, "framework-item-added", "framework-item", id),
        )
        .await?;
        tx.commit().await?;
        Ok(id)
    }

    /// Whether the actor keeps the framework; a reader of it is refused, anyone else does not
    /// see it (the form and the import both).
    pub(crate) fn may_edit_framework(actor: &Actor) -> Result<(), AppError> {
        if decide(actor, Action::EditNationalFramework).allowed() {
            Ok(())
        } else if Self::may_read_framework(actor) {
            Err(AppError::Forbidden)
        } else {
            Err(AppError::NotFound)
        }
    }
}

/// Every document with its items.
pub(crate) async fn load(c: &mut spona_store::Connection) -> Result<Vec<FrameworkEntry>, AppError> {
    let documents = framework::documents(c).await?;
    let mut items = framework::items(c).await?;
    Ok(documents
        .into_iter()
        .map(|document| {
            let (mine, rest): (Vec<_>, Vec<_>) =
                items.drain(..).partition(|i| i.document_id == document.id);
            items = rest;
            FrameworkEntry {
                document,
                items: mine,
            }
        })
        .collect())
}

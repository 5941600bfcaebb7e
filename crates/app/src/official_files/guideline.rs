//! Files on a guideline: an upload makes a new version of the guideline (its text stays,
//! everyone reads it anew) that carries the file; whoever may read the guideline may list and
//! download its files, only the coordinator (who revises guidelines) uploads.

use super::keeping::{judge, keep, view, Keep};
use super::{OfficialFileDownload, OfficialFileView, OfficialUpload};
use crate::audit::{AuditEvent, Author};
use crate::{App, AppError};
use spona_domain::access::{Actor, WorkNeed};
use spona_store::guidelines::{self, Revision};
use spona_store::official_files::{self, Holder};
use spona_store::StoreError;

impl App {
    /// Whether the actor may add a file to the guideline, decided before the upload is read:
    /// "not found" outside the own team, "forbidden" for one who only reads it.
    pub async fn may_add_guideline_file(&self, actor: &Actor, id: i64) -> Result<(), AppError> {
        let scope = Self::work_team(actor, WorkNeed::View)?;
        let mut c = self.db.conn().await?;
        guidelines::find(&mut c, &scope, id)
            .await?
            .ok_or(AppError::NotFound)?;
        Self::work_team(actor, WorkNeed::Lead)?;
        Ok(())
    }

    /// The files on a guideline's versions, newest first.
    pub async fn guideline_files(
        &self,
        actor: &Actor,
        id: i64,
    ) -> Result<Vec<OfficialFileView>, AppError> {
        let scope = Self::work_team(actor, WorkNeed::View)?;
        let mut c = self.db.conn().await?;
        guidelines::find(&mut c, &scope, id)
            .await?
            .ok_or(AppError::NotFound)?;
        official_files::list(&mut c, scope.team(), Holder::Guideline(id))
            .await?
            .into_iter()
            .map(view)
            .collect()
    }

    /// Adds a file to a guideline as its new version (the coordinator); returns the version.
    /// The version the uploader saw must still be the current one.
    pub async fn add_guideline_file(
        &self,
        actor: &Actor,
        id: i64,
        upload: &OfficialUpload<'_>,
    ) -> Result<i64, AppError> {
        // Looked up in the own team first (another team's is "not found"), then led, then
        // the upload judged.
        let scope = Self::work_team(actor, WorkNeed::View)?;
        let team = scope.team();
        let mut tx = self.db.begin().await?;
        let g = guidelines::find(&mut tx, &scope, id)
            .await?
            .ok_or(AppError::NotFound)?;
        let lead = Self::work_team(actor, WorkNeed::Lead)?;
        let judged = judge(upload)?;
        let at = self.now();
        let revision = Revision {
            body: &g.body,
            note: &judged.note,
            by: actor.user_id,
            at,
        };
        let no = match guidelines::revise(&mut tx, &lead, id, upload.version, &revision).await {
            Ok(no) => no,
            Err(StoreError::Conflict) => return Err(AppError::Conflict),
            Err(other) => return Err(other.into()),
        };
        let keys = self.keys();
        let kept = Keep {
            team,
            holder: Holder::Guideline(id),
            version_no: no,
            kind: judged.kind,
            by: actor.user_id,
            at,
            upload,
        };
        keep(&mut tx, &keys, &kept).await?;
        let event = AuditEvent::about(Some(team), "guideline-file-added", "guideline", id);
        if upload.personal {
            self.audit_under(&mut tx, &keys, Author::of(actor), event)
                .await?;
        } else {
            self.audit(&mut tx, Author::of(actor), event).await?;
        }
        tx.commit().await?;
        Ok(no)
    }

    /// The file of a guideline's version, for whoever may read the guideline; the download of
    /// a sealed file is audited.
    pub async fn guideline_file(
        &self,
        actor: &Actor,
        id: i64,
        version: i64,
    ) -> Result<OfficialFileDownload, AppError> {
        let scope = Self::work_team(actor, WorkNeed::View)?;
        let team = scope.team();
        let mut c = self.db.conn().await?;
        guidelines::find(&mut c, &scope, id)
            .await?
            .ok_or(AppError::NotFound)?;
        let (row, content) = official_files::find(&mut c, team, Holder::Guideline(id), version)
            .await?
            .ok_or(AppError::NotFound)?;
        drop(c);
        let file = self.open_official_file(&row, &content)?;
        if row.personal != 0 {
            let mut tx = self.db.begin().await?;
            let event = AuditEvent::about(Some(team), "guideline-file-downloaded", "guideline", id);
            self.audit(&mut tx, Author::of(actor), event).await?;
            tx.commit().await?;
        }
        Ok(file)
    }
}

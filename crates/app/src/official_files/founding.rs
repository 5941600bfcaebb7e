//! Files on a team's founding decision (the signed decision, its annexes), numbered in the
//! order they came. Whoever sees the team's page lists them and downloads the plain ones;
//! a file holding personal data (the decision names the members) opens only to those who
//! may see the members' names; whoever may edit the registry uploads.

use super::keeping::{judge, keep, view, Keep};
use super::{OfficialFileDownload, OfficialFileView, OfficialUpload};
use crate::audit::{AuditEvent, Author};
use crate::{App, AppError};
use spona_domain::access::{decide, Action, Actor};
use spona_store::official_files::{self, Holder};

impl App {
    /// Whether the actor may add a file to the team's founding decision, decided before the
    /// upload is read: "not found" for a team it does not see, "forbidden" for one it only
    /// sees.
    pub async fn may_add_founding_file(&self, actor: &Actor, code: &str) -> Result<(), AppError> {
        self.editable_team(actor, code).await.map(|_| ())
    }

    /// The files on the team's founding decision, newest first.
    pub async fn founding_files(
        &self,
        actor: &Actor,
        code: &str,
    ) -> Result<Vec<OfficialFileView>, AppError> {
        let team = self.visible_team(actor, code).await?;
        let mut c = self.db.conn().await?;
        official_files::list(&mut c, team.id, Holder::Founding)
            .await?
            .into_iter()
            .map(view)
            .collect()
    }

    /// Adds a file to the team's founding decision; returns its version.
    pub async fn add_founding_file(
        &self,
        actor: &Actor,
        code: &str,
        upload: &OfficialUpload<'_>,
    ) -> Result<i64, AppError> {
        let team = self.editable_team(actor, code).await?;
        let judged = judge(upload)?;
        let mut tx = self.db.begin().await?;
        let no = official_files::next_founding_version(&mut tx, team.id).await?;
        let keys = self.keys();
        let kept = Keep {
            team: team.id,
            holder: Holder::Founding,
            version_no: no,
            kind: judged.kind,
            by: actor.user_id,
            at: self.now(),
            upload,
        };
        keep(&mut tx, &keys, &kept).await?;
        let event = AuditEvent::about(Some(team.id), "founding-file-added", "team", team.id.0);
        if upload.personal {
            self.audit_under(&mut tx, &keys, Author::of(actor), event)
                .await?;
        } else {
            self.audit(&mut tx, Author::of(actor), event).await?;
        }
        tx.commit().await?;
        Ok(no)
    }

    /// One version's file of the founding decision; a sealed one only for those who may see
    /// the members' names, its download audited.
    pub async fn founding_file(
        &self,
        actor: &Actor,
        code: &str,
        version: i64,
    ) -> Result<OfficialFileDownload, AppError> {
        let team = self.visible_team(actor, code).await?;
        let mut c = self.db.conn().await?;
        let (row, content) = official_files::find(&mut c, team.id, Holder::Founding, version)
            .await?
            .ok_or(AppError::NotFound)?;
        drop(c);
        if row.personal == 0 {
            return self.open_official_file(&row, &content);
        }
        if !decide(actor, Action::ViewMembers(team.id)).allowed() {
            return Err(AppError::Forbidden);
        }
        let file = self.open_official_file(&row, &content)?;
        let mut tx = self.db.begin().await?;
        let event = AuditEvent::about(Some(team.id), "founding-file-downloaded", "team", team.id.0);
        self.audit(&mut tx, Author::of(actor), event).await?;
        tx.commit().await?;
        Ok(file)
    }
}

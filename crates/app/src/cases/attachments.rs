//! Files attached to a case (a scanned statement, a photo of a document), each belonging to
//! one part of the record so that need-to-know applies to it as to the part: a receiver sees
//! the files of the parts shared with them, nobody else any. Name, content type and content
//! are sealed with the case's key, bound to the attachment's row.

use super::parts::{open_at, seal_at};
use crate::audit::{AuditEvent, Author};
use crate::{App, AppError};
use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use serde::{Deserialize, Serialize};
use spona_crypto::fields::Place;
use spona_domain::access::Actor;
use spona_domain::access::{receiving, team_cases, TeamCases};
use spona_domain::cases::attachment::{clean_name, detect};
use spona_domain::cases::{AttachmentId, CaseAccess, CaseId, Part};
use spona_domain::validation::{FieldError, FieldErrors};
use spona_store::attachments::{self, AttachmentRow, NewAttachment};
use spona_store::cases::CaseRow;
use spona_store::{cases, referrals};

/// A file as uploaded.
pub struct NewFile<'a> {
    pub name: &'a str,
    /// The part of the record it belongs to (a code: identity, contact, …).
    pub part: &'a str,
    pub content: &'a [u8],
}

/// An attachment as a case page lists it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AttachmentView {
    pub id: AttachmentId,
    pub part: Part,
    pub name: String,
    pub size: i64,
    pub uploaded_at: i64,
    /// The reader's institution owns the case and may remove the file.
    pub removable: bool,
}

/// A file to hand to its reader.
pub struct AttachmentFile {
    pub name: String,
    pub content_type: &'static str,
    pub content: Vec<u8>,
}

/// What is sealed beside the content.
#[derive(Default, Serialize, Deserialize)]
struct Meta {
    name: String,
    content_type: String,
}

fn place(column: &'static str, id: AttachmentId) -> Place<'static> {
    Place {
        table: "case_attachments",
        column,
        row: id.0,
    }
}

impl App {
    /// Attaches a file to a part of a case the actor's institution owns.
    pub async fn attach_file(
        &self,
        actor: &Actor,
        case_id: CaseId,
        file: &NewFile<'_>,
    ) -> Result<AttachmentId, AppError> {
        let (_, institution) = Self::case_worker_scope(actor)?;
        let mut e = FieldErrors::new();
        let part = e.check(
            "part",
            Part::from_code(file.part).ok_or(FieldError::Unknown),
        );
        let kind = e.check(
            "file",
            detect(file.name, file.content).map_err(FieldError::from),
        );
        let (Some(part), Some(kind)) = (part, kind) else {
            return Err(AppError::Invalid(e));
        };
        let name = clean_name(file.name);

        let mut tx = self.db.begin().await?;
        let (desk, _) = super::case_desk(&mut tx, actor, case_id).await?;
        let team_id = desk.team();
        let (row, access) = self.readable_case(&mut tx, actor, &desk, case_id).await?;
        if !access.sees(part) {
            // The coordinator, who sees only that the case exists, is refused the files as
            // a section; a case worker who may not read this part finds nothing.
            spona_domain::access::cases_section(actor)?;
            return Err(AppError::NotFound);
        }
        // The owning institution keeps the record; receivers read what was shared.
        if !access.works_on() {
            return Err(AppError::Forbidden);
        }
        let key = self.case_key(row.id, &row.data_key)?;
        let size = i64::try_from(file.content.len()).unwrap_or(i64::MAX);
        let id = attachments::insert(
            &mut tx,
            &NewAttachment {
                team: desk,
                case_id,
                part: part.code(),
                institution,
                by: actor.user_id,
                at: self.now(),
                size,
            },
        )
        .await?;
        let meta = Meta {
            name,
            content_type: kind.content_type().into(),
        };
        let meta = seal_at(&key, place("meta", id), &meta)?;
        let content = STANDARD.encode(key.seal_bytes(file.content, place("content", id)));
        attachments::seal(&mut tx, id, &meta, &content).await?;
        let event = AuditEvent::about(Some(team_id), "attachment-added", "case", case_id.0);
        self.audit(&mut tx, Author::of(actor), event).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// The attachments of a case that the actor may see (none for parts they do not see).
    /// Not audited on its own: it is part of the case page, whose view is.
    pub async fn case_attachments(
        &self,
        actor: &Actor,
        case_id: CaseId,
    ) -> Result<Vec<AttachmentView>, AppError> {
        let mut c = self.db.conn().await?;
        let (desk, _) = super::case_desk(&mut c, actor, case_id).await?;
        let (row, access) = self.readable_case(&mut c, actor, &desk, case_id).await?;
        let rows = attachments::for_case(&mut c, &desk, case_id).await?;
        drop(c);
        let visible: Vec<AttachmentRow> = rows
            .into_iter()
            .filter(|a| Part::from_code(&a.part).is_some_and(|p| access.sees(p)))
            .collect();
        if visible.is_empty() {
            return Ok(Vec::new());
        }
        let key = self.case_key(row.id, &row.data_key)?;
        let removable = access == CaseAccess::Full;
        visible
            .into_iter()
            .map(|a| {
                let meta: Meta = open_at(&key, place("meta", a.id), &a.meta)?;
                Ok(AttachmentView {
                    id: a.id,
                    part: Part::from_code(&a.part).unwrap_or(Part::Circumstances),
                    name: meta.name,
                    size: a.size,
                    uploaded_at: a.uploaded_at,
                    removable,
                })
            })
            .collect()
    }

    /// One attachment's file, for a reader who sees its part; the download is audited.
    pub async fn attachment_file(
        &self,
        actor: &Actor,
        id: AttachmentId,
    ) -> Result<AttachmentFile, AppError> {
        let own = team_cases(actor)?;
        let mut tx = self.db.begin().await?;
        // A file of another team's case is found by an institution the case was referred to.
        let desk = match attachments::find(&mut tx, &own, id).await? {
            Some(_) => own,
            None => match receiving(actor) {
                Ok(receiver) => {
                    match attachments::case_of_received(&mut tx, &receiver, id).await? {
                        Some(case_id) => super::case_desk(&mut tx, actor, case_id).await?.0,
                        None => return Err(AppError::NotFound),
                    }
                }
                Err(_) => return Err(AppError::NotFound),
            },
        };
        let team_id = desk.team();
        let (a, content) = attachments::find(&mut tx, &desk, id)
            .await?
            .ok_or(AppError::NotFound)?;
        let (row, access) = self.readable_case(&mut tx, actor, &desk, a.case_id).await?;
        let part = Part::from_code(&a.part).ok_or(AppError::NotFound)?;
        if !access.sees(part) {
            // The coordinator, who sees only that the case exists, is refused the files as
            // a section; a case worker who may not read this part finds nothing.
            spona_domain::access::cases_section(actor)?;
            return Err(AppError::NotFound);
        }
        let key = self.case_key(row.id, &row.data_key)?;
        let meta: Meta = open_at(&key, place("meta", id), &a.meta)?;
        let sealed = STANDARD
            .decode(&content)
            .map_err(|_| AppError::Internal("sealed file is not base64".into()))?;
        let content = key
            .open_bytes(&sealed, place("content", id))
            .map_err(|e| AppError::Internal(e.to_string()))?;
        let content_type =
            spona_domain::cases::attachment::AttachmentKind::from_content_type(&meta.content_type)
                .map(|k| k.content_type())
                .unwrap_or("application/octet-stream");
        let event = AuditEvent::about(Some(team_id), "attachment-downloaded", "case", a.case_id.0);
        self.audit(&mut tx, Author::of(actor), event).await?;
        tx.commit().await?;
        Ok(AttachmentFile {
            name: meta.name,
            content_type,
            content,
        })
    }

    /// The case an attachment belongs to, for the confirmation page of its removal (owner only).
    pub async fn attachment_to_remove(
        &self,
        actor: &Actor,
        id: AttachmentId,
    ) -> Result<(CaseId, AttachmentView), AppError> {
        let desk = team_cases(actor)?;
        let mut c = self.db.conn().await?;
        let (a, _) = attachments::find(&mut c, &desk, id)
            .await?
            .ok_or(AppError::NotFound)?;
        drop(c);
        let Some(view) = self
            .case_attachments(actor, a.case_id)
            .await?
            .into_iter()
            .find(|v| v.id == id)
        else {
            // The coordinator sees no files: refused as a section; for a case worker who
            // may not read it, the file is not there.
            spona_domain::access::cases_section(actor)?;
            return Err(AppError::NotFound);
        };
        if !view.removable {
            return Err(AppError::Forbidden);
        }
        Ok((a.case_id, view))
    }

    /// Removes an attachment of a case the actor's institution owns; audited.
    pub async fn remove_attachment(
        &self,
        actor: &Actor,
        id: AttachmentId,
    ) -> Result<CaseId, AppError> {
        let desk = team_cases(actor)?;
        let team_id = desk.team();
        let mut tx = self.db.begin().await?;
        let (a, _) = attachments::find(&mut tx, &desk, id)
            .await?
            .ok_or(AppError::NotFound)?;
        let (_, access) = self.readable_case(&mut tx, actor, &desk, a.case_id).await?;
        let part = Part::from_code(&a.part).ok_or(AppError::NotFound)?;
        if !access.sees(part) {
            // The coordinator, who sees only that the case exists, is refused the files as
            // a section; a case worker who may not read this part finds nothing.
            spona_domain::access::cases_section(actor)?;
            return Err(AppError::NotFound);
        }
        if access != CaseAccess::Full {
            return Err(AppError::Forbidden);
        }
        attachments::remove(&mut tx, &desk, id).await?;
        let event = AuditEvent::about(Some(team_id), "attachment-removed", "case", a.case_id.0);
        self.audit(&mut tx, Author::of(actor), event).await?;
        tx.commit().await?;
        Ok(a.case_id)
    }

    /// Whether the actor may add files to the case, decided before the upload is read:
    /// "not found" for a case the actor may not know of, "forbidden" for one it only reads.
    pub async fn may_attach_to(&self, actor: &Actor, case_id: CaseId) -> Result<(), AppError> {
        let mut c = self.db.conn().await?;
        let (desk, _) = super::case_desk(&mut c, actor, case_id).await?;
        let (_, access) = self.readable_case(&mut c, actor, &desk, case_id).await?;
        if !access.works_on() {
            return Err(AppError::Forbidden);
        }
        Ok(())
    }

    /// A case and what the actor may read of it; "not found" for anyone who may not open it.
    async fn readable_case(
        &self,
        c: &mut spona_store::Connection,
        actor: &Actor,
        desk: &TeamCases,
        case_id: CaseId,
    ) -> Result<(CaseRow, CaseAccess), AppError> {
        let row = cases::find(c, desk, case_id)
            .await?
            .ok_or(AppError::NotFound)?;
        let case_referrals = referrals::for_case(c, desk, case_id).await?;
        let access = self.reader_access(c, actor, &row, &case_referrals).await?;
        if !access.opens() {
            return Err(super::not_opened(actor));
        }
        Ok((row, access))
    }
}

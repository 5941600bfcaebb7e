//! The guidelines library ("operationalising guidelines for local officials"): documents
//! with versions, the institution kinds they address, the language they are written in and
//! their dates in force. Officials acknowledge that they have read the current version; the
//! coordinator sees who has not. The printable "what to do" card is in [`card`].

mod card;

pub use card::{CardContacts, NATIONAL_HOTLINE};

use crate::audit::{AuditEvent, Author};
use crate::{App, AppError};
use spona_domain::access::{Actor, WorkNeed};
use spona_domain::registry::InstitutionKind;
use spona_domain::text;
use spona_domain::validation::{FieldError, FieldErrors};
use spona_store::guidelines::{self, GuidelineRow, NewGuideline, Revision};
use spona_store::institutions;

/// The kinds of document in the library.
pub const GUIDELINE_KINDS: [&str; 5] = ["procedure", "indicators", "protocol", "contacts", "other"];
/// The languages (scripts) a document may be written in.
pub const GUIDELINE_LANGUAGES: [&str; 3] = ["sr-Cyrl", "sr-Latn", "en"];

/// A new guideline as typed.
#[derive(Clone, Debug, Default, serde::Deserialize)]
#[serde(default)]
pub struct GuidelineForm {
    pub kind: String,
    pub title: String,
    /// Institution kind codes addressed; none: everyone.
    pub addressed: Vec<String>,
    pub language: String,
    pub in_force_from: String,
    pub in_force_to: String,
    pub body: String,
}

/// A new version as typed, against the version it revises.
#[derive(Clone, Debug, Default, serde::Deserialize)]
#[serde(default)]
pub struct RevisionForm {
    pub body: String,
    pub note: String,
    pub version: i64,
}

/// A guideline as the reader sees it.
#[derive(Clone, Debug)]
pub struct GuidelineView {
    pub guideline: GuidelineRow,
    /// The reader has acknowledged the current version.
    pub read: bool,
    /// The current version addresses the reader's institution (or everyone).
    pub for_me: bool,
    /// Number, instant and note of every version, newest first.
    pub versions: Vec<(i64, i64, String)>,
    /// For the coordinator: the addressed accounts that have not read the current version.
    pub not_read: Option<Vec<String>>,
}

fn addressed_to(row: &GuidelineRow, kind: Option<InstitutionKind>) -> bool {
    row.addressed.is_empty()
        || kind.is_some_and(|k| row.addressed.split(',').any(|c| c == k.code()))
}

impl App {
    /// The reader's institution kind (for whom a guideline is meant).
    async fn reader_kind(&self, actor: &Actor) -> Result<Option<InstitutionKind>, AppError> {
        let (Some(team), Some(institution)) = (actor.team_id, actor.institution_id) else {
            return Ok(None);
        };
        let mut c = self.db.conn().await?;
        Ok(institutions::find(&mut c, team, institution)
            .await?
            .map(|i| i.kind))
    }

    /// The team's library: every guideline, with whether the reader read its current version.
    pub async fn guidelines(&self, actor: &Actor) -> Result<Vec<GuidelineView>, AppError> {
        let scope = Self::work_team(actor, WorkNeed::View)?;
        let kind = self.reader_kind(actor).await?;
        let mut c = self.db.conn().await?;
        let read = guidelines::read_by(&mut c, &scope, actor.user_id).await?;
        Ok(guidelines::list(&mut c, &scope)
            .await?
            .into_iter()
            .map(|g| GuidelineView {
                read: read.contains(&g.id),
                for_me: addressed_to(&g, kind),
                versions: Vec::new(),
                not_read: None,
                guideline: g,
            })
            .collect())
    }

    /// How many guidelines in force and meant for the reader wait to be read (dashboard).
    pub async fn unread_guidelines(&self, actor: &Actor) -> Result<usize, AppError> {
        let today = text::iso_date(self.today());
        Ok(self
            .guidelines(actor)
            .await?
            .iter()
            .filter(|g| {
                g.for_me
                    && !g.read
                    && g.guideline.in_force_from <= today
                    && g.guideline
                        .in_force_to
                        .as_deref()
                        .is_none_or(|to| to >= today.as_str())
            })
            .count())
    }

    /// One guideline with its versions; the coordinator also sees who has not read it.
    pub async fn guideline(&self, actor: &Actor, id: i64) -> Result<GuidelineView, AppError> {
        let scope = Self::work_team(actor, WorkNeed::View)?;
        let kind = self.reader_kind(actor).await?;
        let mut c = self.db.conn().await?;
        let g = guidelines::find(&mut c, &scope, id)
            .await?
            .ok_or(AppError::NotFound)?;
        let read = guidelines::read_by(&mut c, &scope, actor.user_id)
            .await?
            .contains(&id);
        let versions = guidelines::versions(&mut c, id).await?;
        let not_read = if scope.leads() {
            Some(
                guidelines::readers(&mut c, &scope, id)
                    .await?
                    .into_iter()
                    .filter(|(_, k, done)| {
                        *done == 0 && addressed_to(&g, InstitutionKind::from_code(k))
                    })
                    .map(|(name, _, _)| name)
                    .collect(),
            )
        } else {
            None
        };
        Ok(GuidelineView {
            for_me: addressed_to(&g, kind),
            guideline: g,
            read,
            versions,
            not_read,
        })
    }

    /// Adds a guideline to the library (the coordinator).
    pub async fn add_guideline(
        &self,
        actor: &Actor,
        form: &GuidelineForm,
    ) -> Result<i64, AppError> {
        let scope = Self::work_team(actor, WorkNeed::Lead)?;
        let team = scope.team();
        let mut e = FieldErrors::new();
        if !GUIDELINE_KINDS.contains(&form.kind.as_str()) {
            e.add("kind", FieldError::Unknown);
        }
        if !GUIDELINE_LANGUAGES.contains(&form.language.as_str()) {
            e.add("language", FieldError::Unknown);
        }
        let title = e.check("title", text::required(&form.title, 200));
        let body = e.check("body", text::required(&form.body, 100_000));
        let from = e.check("in_force_from", text::date(&form.in_force_from));
        let to = e.check("in_force_to", text::optional_date(&form.in_force_to));
        if let (Some(f), Some(Some(t))) = (from, to) {
            if t < f {
                e.add("in_force_to", FieldError::DateOrder);
            }
        }
        let mut addressed = Vec::new();
        for code in &form.addressed {
            match InstitutionKind::from_code(code) {
                Some(k) if !addressed.contains(&k.code()) => addressed.push(k.code()),
                Some(_) => {}
                None => e.add("addressed", FieldError::Unknown),
            }
        }
        let (Some(title), Some(body), Some(from), Some(to), true) =
            (title, body, from, to, e.is_empty())
        else {
            return Err(AppError::Invalid(e));
        };
        let to = to.map(text::iso_date);
        let mut tx = self.db.begin().await?;
        let id = guidelines::insert(
            &mut tx,
            &NewGuideline {
                team: &scope,
                kind: &form.kind,
                title: &title,
                addressed: &addressed.join(","),
                language: &form.language,
                in_force_from: &text::iso_date(from),
                in_force_to: to.as_deref(),
                body: &body,
                by: actor.user_id,
                at: self.now(),
            },
        )
        .await?;
        let event = AuditEvent::about(Some(team), "guideline-added", "guideline", id);
        self.audit(&mut tx, Author::of(actor), event).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// A new version of a guideline (the coordinator); everyone reads it anew.
    pub async fn revise_guideline(
        &self,
        actor: &Actor,
        id: i64,
        form: &RevisionForm,
    ) -> Result<i64, AppError> {
        // Looked up in the own team first (another team's is "not found"), then led, then
        // the input judged.
        let scope = Self::work_team(actor, WorkNeed::View)?;
        let team = scope.team();
        let mut tx = self.db.begin().await?;
        guidelines::find(&mut tx, &scope, id)
            .await?
            .ok_or(AppError::NotFound)?;
        let lead = Self::work_team(actor, WorkNeed::Lead)?;
        let mut e = FieldErrors::new();
        let body = e.check("body", text::required(&form.body, 100_000));
        let note = e.check("note", text::required(&form.note, 500));
        let (Some(body), Some(note)) = (body, note) else {
            return Err(AppError::Invalid(e));
        };
        let revision = Revision {
            body: &body,
            note: &note,
            by: actor.user_id,
            at: self.now(),
        };
        let no = match guidelines::revise(&mut tx, &lead, id, form.version, &revision).await {
            Ok(no) => no,
            Err(spona_store::StoreError::Conflict) => return Err(AppError::Conflict),
            Err(other) => return Err(other.into()),
        };
        let event = AuditEvent::about(Some(team), "guideline-revised", "guideline", id);
        self.audit(&mut tx, Author::of(actor), event).await?;
        tx.commit().await?;
        Ok(no)
    }

    /// The reader acknowledges having read the version they saw; a version revised since is
    /// a conflict (they must read the new one).
    pub async fn acknowledge_guideline(
        &self,
        actor: &Actor,
        id: i64,
        version: i64,
    ) -> Result<(), AppError> {
        let scope = Self::work_team(actor, WorkNeed::Record)?;
        let mut tx = self.db.begin().await?;
        let g = guidelines::find(&mut tx, &scope, id)
            .await?
            .ok_or(AppError::NotFound)?;
        if g.current_version != version {
            return Err(AppError::Conflict);
        }
        guidelines::mark_read(&mut tx, id, version, actor.user_id, self.now()).await?;
        tx.commit().await?;
        Ok(())
    }
}

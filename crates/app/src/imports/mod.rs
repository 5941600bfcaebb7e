//! Imports of records from spreadsheets (XLSX or CSV): a team's activities, members,
//! institutions and partners, trainings with who attended, and materials with their stock;
//! the national framework's objectives and measures; accounts. A file is first previewed:
//! every row is judged by the same parser the record's web form uses, and each error is
//! reported at its row and column; nothing is saved. The file is not kept: the preview
//! carries the file's SHA-256, the person sends the same file again to confirm, and a file
//! that differs is previewed anew instead of saved. Confirmed, every row is saved in one
//! transaction, or none. A row whose record is already there (by a natural key: an
//! activity's day, title and place; a membership's institution, person, role and start; an
//! institution's code; a training's day and topic; a material's name; a measure's document
//! and code; an account's username) is skipped, so the same file twice changes nothing. One
//! audit entry per import names its kind, format and rows added, never what they hold.
//!
//! Who may import is who may record the same thing by hand (see `destination`). At the
//! console the operator imports into a team named by its code.

mod accounts;
mod activities;
mod columns;
mod destination;
mod framework;
mod institutions;
mod judge;
mod materials;
mod members;
mod sheet;
mod trainings;

pub use columns::{Column, HeaderProblem};
pub use sheet::{SheetFormat, SheetProblem, MAX_FILE_BYTES, MAX_ROWS};

use crate::audit::{AuditEvent, Author};
use crate::{App, AppError};
use destination::Destination;
use judge::run;
use sha2::{Digest, Sha256};
use spona_domain::access::Actor;
use spona_domain::ids::{TeamId, UserId};
use spona_domain::validation::FieldError;
use spona_i18n::{Arg, Catalog};
use spona_store::Connection;
use std::sync::atomic::{AtomicUsize, Ordering};

/// What a file holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImportKind {
    Activities,
    Members,
    Institutions,
    Trainings,
    Materials,
    Framework,
    Accounts,
}

impl ImportKind {
    /// Every kind, in the order offered.
    pub const ALL: [ImportKind; 7] = [
        ImportKind::Activities,
        ImportKind::Members,
        ImportKind::Institutions,
        ImportKind::Trainings,
        ImportKind::Materials,
        ImportKind::Framework,
        ImportKind::Accounts,
    ];

    /// The code in forms, paths, the command line and the audit trail.
    pub fn code(self) -> &'static str {
        match self {
            ImportKind::Activities => "activities",
            ImportKind::Members => "members",
            ImportKind::Institutions => "institutions",
            ImportKind::Trainings => "trainings",
            ImportKind::Materials => "materials",
            ImportKind::Framework => "framework",
            ImportKind::Accounts => "accounts",
        }
    }

    /// Parses a code.
    pub fn from_code(code: &str) -> Option<ImportKind> {
        Self::ALL.into_iter().find(|k| k.code() == code.trim())
    }

    /// The columns its file has.
    pub fn columns(self) -> &'static [Column] {
        match self {
            ImportKind::Activities => activities::COLUMNS,
            ImportKind::Members => members::COLUMNS,
            ImportKind::Institutions => institutions::COLUMNS,
            ImportKind::Trainings => trainings::COLUMNS,
            ImportKind::Materials => materials::COLUMNS,
            ImportKind::Framework => framework::COLUMNS,
            ImportKind::Accounts => accounts::COLUMNS,
        }
    }
}

/// Why the file as a whole cannot be imported.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FileProblem {
    Sheet(SheetProblem),
    Header(HeaderProblem),
}

impl FileProblem {
    /// The problem in words, through `text` (a message id and its arguments to the reader's
    /// text): the same sentence on the import page and at the console.
    pub fn text(&self, text: impl Fn(&str, &[(&str, Arg)]) -> String) -> String {
        match self {
            FileProblem::Sheet(SheetProblem::TooManyRows) => text(
                SheetProblem::TooManyRows.message_id(),
                &[("max", Arg::from(MAX_ROWS as i64))],
            ),
            FileProblem::Sheet(other) => text(other.message_id(), &[]),
            FileProblem::Header(HeaderProblem::Unknown(written)) => text(
                "import-header-unknown",
                &[("label", Arg::from(written.as_str()))],
            ),
            FileProblem::Header(HeaderProblem::Missing(column)) => text(
                "import-header-missing",
                &[("field", Arg::from(text(column, &[])))],
            ),
            FileProblem::Header(HeaderProblem::Repeated(column)) => text(
                "import-header-repeated",
                &[("field", Arg::from(text(column, &[])))],
            ),
        }
    }
}

/// An error at a cell: the column's header (message id), or none for the row as a whole.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CellError {
    pub column: Option<&'static str>,
    pub error: FieldError,
}

/// What would become of a row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RowStatus {
    /// Saved on confirmation.
    New,
    /// The record is there already; skipped.
    AlreadyThere,
    /// The same record as an earlier row of the file (its number); skipped.
    Repeated { first: usize },
    /// Another part of the record of an earlier row (its number): a training's next
    /// institution.
    PartOf { first: usize },
    /// Refused, with every error found.
    Invalid(Vec<CellError>),
}

/// One row as previewed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PreviewRow {
    /// Its number in the spreadsheet.
    pub number: usize,
    /// Its cells in the order of the kind's columns, as read.
    pub cells: Vec<String>,
    pub status: RowStatus,
}

/// A file judged, before anything is saved.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Preview {
    pub kind: ImportKind,
    /// The file's format, when it could be read.
    pub format: Option<SheetFormat>,
    /// The file's SHA-256 (hex): the confirmation must send the same file.
    pub digest: String,
    pub problems: Vec<FileProblem>,
    pub rows: Vec<PreviewRow>,
    /// The confirmation sent another file than the one previewed; this is its preview.
    pub changed: bool,
}

impl Preview {
    fn count(&self, f: impl Fn(&RowStatus) -> bool) -> usize {
        self.rows.iter().filter(|r| f(&r.status)).count()
    }

    /// Rows that would be saved.
    pub fn new_rows(&self) -> usize {
        self.count(|s| *s == RowStatus::New)
    }

    /// Rows that add to the record of an earlier row.
    pub fn parts(&self) -> usize {
        self.count(|s| matches!(s, RowStatus::PartOf { .. }))
    }

    /// Rows skipped because their record is there, or repeated in the file.
    pub fn skipped(&self) -> usize {
        self.count(|s| matches!(s, RowStatus::AlreadyThere | RowStatus::Repeated { .. }))
    }

    /// Rows with errors.
    pub fn invalid(&self) -> usize {
        self.count(|s| matches!(s, RowStatus::Invalid(_)))
    }

    /// Whether a confirmation of this file would save it.
    pub fn savable(&self) -> bool {
        self.problems.is_empty() && self.invalid() == 0 && !self.changed
    }
}

/// The one-time link of an imported account, for the importer to hand to its owner (shown
/// once, never stored in the clear).
#[derive(Clone, PartialEq, Eq)]
pub struct OneTimeLink {
    pub user: UserId,
    pub team: Option<TeamId>,
    pub username: String,
    pub token: String,
}

impl std::fmt::Debug for OneTimeLink {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // The token lets whoever holds it set the password: never in a log.
        f.debug_struct("OneTimeLink")
            .field("user", &self.user)
            .finish_non_exhaustive()
    }
}

/// What a confirmed import did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Imported {
    pub kind: ImportKind,
    /// Records added (a training over several rows is one).
    pub added: usize,
    pub skipped: usize,
    /// The links of the accounts made, in the file's order.
    pub links: Vec<OneTimeLink>,
}

/// The answer to a confirmation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Saving {
    Saved(Imported),
    /// Nothing saved: the file has errors, or is not the one previewed.
    NotSaved(Preview),
}

/// How far a confirmed import got: records saved out of those to save (none known until the
/// file is judged). Shared with a page that shows it while the import runs; nothing of what
/// the rows hold is in it.
#[derive(Debug, Default)]
pub struct ImportProgress {
    saved: AtomicUsize,
    total: AtomicUsize,
}

impl ImportProgress {
    pub(super) fn start(&self, total: usize) {
        self.saved.store(0, Ordering::Relaxed);
        self.total.store(total, Ordering::Relaxed);
    }

    pub(super) fn saved_one(&self) {
        self.saved.fetch_add(1, Ordering::Relaxed);
    }

    /// Records saved so far, and how many there are to save (0 while the file is judged).
    pub fn get(&self) -> (usize, usize) {
        (
            self.saved.load(Ordering::Relaxed),
            self.total.load(Ordering::Relaxed),
        )
    }
}

/// The SHA-256 of a file, hex.
pub fn digest(content: &[u8]) -> String {
    hex::encode(Sha256::digest(content))
}

impl App {
    /// The kinds the actor may import; with none, there is no import page ("not found").
    pub fn import_kinds(&self, actor: &Actor) -> Result<Vec<ImportKind>, AppError> {
        let kinds: Vec<ImportKind> = ImportKind::ALL
            .into_iter()
            .filter(|k| Self::destination(actor, *k).is_ok())
            .collect();
        if kinds.is_empty() {
            Err(AppError::NotFound)
        } else {
            Ok(kinds)
        }
    }

    /// The columns of a kind's template, if the actor may import it.
    pub fn import_columns(
        &self,
        actor: &Actor,
        kind: ImportKind,
    ) -> Result<&'static [Column], AppError> {
        self.import_kinds(actor)?;
        Self::destination(actor, kind)?;
        Ok(kind.columns())
    }

    /// The file judged row by row; nothing is saved.
    pub async fn preview_import(
        &self,
        actor: &Actor,
        catalog: &Catalog,
        kind: ImportKind,
        content: &[u8],
    ) -> Result<Preview, AppError> {
        self.import_kinds(actor)?;
        let to = Self::destination(actor, kind)?;
        self.preview_into(actor, catalog, to, content).await
    }

    /// Saves the file previewed (`digest` is the preview's): every new row, or nothing.
    pub async fn save_import(
        &self,
        actor: &Actor,
        catalog: &Catalog,
        kind: ImportKind,
        content: &[u8],
        digest: &str,
    ) -> Result<Saving, AppError> {
        let progress = ImportProgress::default();
        self.save_import_watched(actor, catalog, kind, content, digest, &progress)
            .await
    }

    /// [`App::save_import`], counting in `progress` the records saved (for a large file,
    /// whose import runs while a page shows how far it got).
    pub async fn save_import_watched(
        &self,
        actor: &Actor,
        catalog: &Catalog,
        kind: ImportKind,
        content: &[u8],
        digest: &str,
        progress: &ImportProgress,
    ) -> Result<Saving, AppError> {
        self.import_kinds(actor)?;
        let to = Self::destination(actor, kind)?;
        self.save_into(actor, catalog, to, content, digest, progress)
            .await
    }

    /// [`App::preview_import`] at the console, into the team with this code.
    pub async fn preview_import_at_console(
        &self,
        team_code: &str,
        catalog: &Catalog,
        kind: ImportKind,
        content: &[u8],
    ) -> Result<Preview, AppError> {
        let to = self.console_destination(team_code, kind).await?;
        let operator = crate::accounts::operator();
        self.preview_into(&operator, catalog, to, content).await
    }

    /// The account an import at the console is made as (`spona import --as USERNAME`):
    /// with that account's own rights, as if it had signed in, so that records which name
    /// who recorded them (trainings, materials) name it. A disabled account is refused.
    pub async fn console_actor(&self, username: &str) -> Result<Actor, AppError> {
        let user = self
            .user_by_username(&crate::accounts::operator(), username)
            .await?;
        if !user.active {
            return Err(AppError::Forbidden);
        }
        Ok(Actor {
            user_id: user.id,
            role: user.role,
            team_id: user.team_id,
            institution_id: user.institution_id,
            address: "console".into(),
        })
    }

    /// [`App::save_import`] at the console, into the team with this code.
    pub async fn save_import_at_console(
        &self,
        team_code: &str,
        catalog: &Catalog,
        kind: ImportKind,
        content: &[u8],
        digest: &str,
    ) -> Result<Saving, AppError> {
        let to = self.console_destination(team_code, kind).await?;
        let operator = crate::accounts::operator();
        let progress = ImportProgress::default();
        self.save_into(&operator, catalog, to, content, digest, &progress)
            .await
    }

    /// The file judged on `c`, and saved there if `save` and it is sound: the one place a
    /// destination picks its kind's rows.
    async fn judge_into(
        &self,
        actor: &Actor,
        catalog: &Catalog,
        to: Destination,
        c: &mut Connection,
        content: &[u8],
        save: Option<&ImportProgress>,
    ) -> Result<(Preview, usize, Vec<OneTimeLink>), AppError> {
        let (today, now) = (self.today(), self.now());
        let kind = to.kind();
        match to {
            Destination::Activities(scope) => {
                let rows = activities::ActivityRows::new(catalog, scope, actor, now);
                run(&rows, kind, catalog, c, content, save).await
            }
            Destination::Members(team) => {
                let rows = members::MemberRows::load(c, catalog, team, actor, today, now).await?;
                run(&rows, kind, catalog, c, content, save).await
            }
            Destination::Institutions(team) => {
                let rows = institutions::InstitutionRows::new(catalog, team, actor, now);
                run(&rows, kind, catalog, c, content, save).await
            }
            Destination::Trainings(scope) => {
                let rows = trainings::TrainingRows::load(c, scope, actor, today, now).await?;
                run(&rows, kind, catalog, c, content, save).await
            }
            Destination::Materials(scope) => {
                let rows = materials::MaterialRows::new(catalog, scope, actor, now);
                run(&rows, kind, catalog, c, content, save).await
            }
            Destination::Framework => {
                let rows = framework::FrameworkRows::load(c, catalog, now).await?;
                run(&rows, kind, catalog, c, content, save).await
            }
            Destination::Accounts(team) => {
                let rows = accounts::AccountRows::load(
                    c,
                    catalog,
                    team,
                    actor,
                    now,
                    self.auth.one_time_link_ttl,
                )
                .await?;
                run(&rows, kind, catalog, c, content, save).await
            }
        }
    }

    async fn preview_into(
        &self,
        actor: &Actor,
        catalog: &Catalog,
        to: Destination,
        content: &[u8],
    ) -> Result<Preview, AppError> {
        let mut c = self.db.conn().await?;
        let (preview, ..) = self
            .judge_into(actor, catalog, to, &mut c, content, None)
            .await?;
        Ok(preview)
    }

    async fn save_into(
        &self,
        actor: &Actor,
        catalog: &Catalog,
        to: Destination,
        content: &[u8],
        expected: &str,
        progress: &ImportProgress,
    ) -> Result<Saving, AppError> {
        let kind = to.kind();
        if digest(content) != expected.trim() {
            let mut preview = self.preview_into(actor, catalog, to, content).await?;
            preview.changed = true;
            return Ok(Saving::NotSaved(preview));
        }
        // Judged again inside the transaction that saves: what is there now decides.
        let mut tx = self.db.begin().await?;
        let (preview, added, links) = self
            .judge_into(actor, catalog, to, &mut tx, content, Some(progress))
            .await?;
        if !preview.savable() {
            drop(tx);
            return Ok(Saving::NotSaved(preview));
        }
        if added > 0 {
            let reason = format!(
                "{} {added}",
                preview.format.map(SheetFormat::code).unwrap_or_default()
            );
            self.audit(
                &mut tx,
                Author::of(actor),
                AuditEvent {
                    team: to.team(),
                    action: "records-imported",
                    subject: kind.code(),
                    subject_id: None,
                    reason: &reason,
                },
            )
            .await?;
        }
        // An account is audited as one made by hand is, each under its own team.
        for link in &links {
            self.audit(
                &mut tx,
                Author::of(actor),
                AuditEvent::about(link.team, "account-created", "user", link.user.0),
            )
            .await?;
        }
        tx.commit().await?;
        Ok(Saving::Saved(Imported {
            kind,
            added,
            skipped: preview.skipped(),
            links,
        }))
    }
}

/// The errors of a row at one field (for kinds that judge more than the form does).
pub(crate) fn error_at(
    field: &'static str,
    error: FieldError,
) -> spona_domain::validation::FieldErrors {
    let mut e = spona_domain::validation::FieldErrors::new();
    e.add(field, error);
    e
}

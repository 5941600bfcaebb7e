//! Imports of a team's records from spreadsheets (XLSX or CSV): activities and members so
//! far. A file is first previewed: every row is judged by the same parser the record's web
//! form uses, and each error is reported at its row and column; nothing is saved. The file
//! is not kept: the preview carries the file's SHA-256, the person sends the same file again
//! to confirm, and a file that differs is previewed anew instead of saved. Confirmed, every
//! row is saved in one transaction, or none. A row whose record is already there (by a
//! natural key: an activity's day, title and place; a membership's institution, person, role
//! and start) is skipped, so the same file twice changes nothing. One audit entry per import
//! names its kind, format and rows added, never what they hold.
//!
//! Who may import is who may record the same thing by hand: a team's activities, any role of
//! the team (its work scope); its members, who may edit its registry, from the team's own
//! pages. At the console the operator imports into a team named by its code.

mod activities;
mod columns;
mod members;
mod sheet;

pub use columns::{Column, HeaderProblem};
pub use sheet::{SheetFormat, SheetProblem, MAX_FILE_BYTES, MAX_ROWS};

use crate::audit::{AuditEvent, Author};
use crate::{App, AppError};
use sha2::{Digest, Sha256};
use spona_domain::access::{decide, Action, Actor, TeamScope, WorkNeed};
use spona_domain::ids::TeamId;
use spona_domain::validation::{FieldError, FieldErrors};
use spona_i18n::{Arg, Catalog};
use spona_store::{teams, Connection};
use std::collections::{HashMap, HashSet};

/// What a file holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImportKind {
    Activities,
    Members,
}

impl ImportKind {
    /// Every kind, in the order offered.
    pub const ALL: [ImportKind; 2] = [ImportKind::Activities, ImportKind::Members];

    /// The code in forms, paths, the command line and the audit trail.
    pub fn code(self) -> &'static str {
        match self {
            ImportKind::Activities => "activities",
            ImportKind::Members => "members",
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

/// What a confirmed import did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Imported {
    pub kind: ImportKind,
    pub added: usize,
    pub skipped: usize,
}

/// The answer to a confirmation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Saving {
    Saved(Imported),
    /// Nothing saved: the file has errors, or is not the one previewed.
    NotSaved(Preview),
}

/// The SHA-256 of a file, hex.
pub fn digest(content: &[u8]) -> String {
    hex::encode(Sha256::digest(content))
}

/// Where rows go, as the access check allowed.
#[derive(Clone, Copy, Debug)]
enum Destination {
    Activities(TeamScope),
    Members(TeamId),
}

impl Destination {
    fn team(self) -> TeamId {
        match self {
            Destination::Activities(scope) => scope.team(),
            Destination::Members(team) => team,
        }
    }
}

/// One kind's rows: read with its form's parser, found by its key, saved.
pub(crate) trait RowKind {
    type Draft;

    /// The draft of a row (cells in the order of the kind's columns), or its errors by the
    /// form's field names.
    fn parse(&self, cells: &[String]) -> Result<Self::Draft, FieldErrors>;

    /// The natural key, to find a row repeated in the file.
    fn key(&self, draft: &Self::Draft) -> String;

    /// The keys of the records there already (one query for the whole file).
    async fn existing(&self, c: &mut Connection) -> Result<HashSet<String>, AppError>;

    /// Saves the record (inside the import's transaction).
    async fn save(&self, c: &mut Connection, draft: &Self::Draft) -> Result<(), AppError>;
}

/// Reads and judges the file; the drafts of the new rows come with the preview.
async fn judge<R: RowKind>(
    rows: &R,
    kind: ImportKind,
    catalog: &Catalog,
    c: &mut Connection,
    content: &[u8],
) -> Result<(Preview, Vec<R::Draft>), AppError> {
    let mut preview = Preview {
        kind,
        format: None,
        digest: digest(content),
        problems: Vec::new(),
        rows: Vec::new(),
        changed: false,
    };
    let (format, sheet) = match sheet::Sheet::read(content) {
        Ok(read) => read,
        Err(p) => {
            preview.problems.push(FileProblem::Sheet(p));
            return Ok((preview, Vec::new()));
        }
    };
    preview.format = Some(format);
    let columns = kind.columns();
    let layout = match columns::layout(catalog, columns, &sheet.header) {
        Ok(layout) => layout,
        Err(problems) => {
            preview.problems = problems.into_iter().map(FileProblem::Header).collect();
            return Ok((preview, Vec::new()));
        }
    };
    let existing = rows.existing(c).await?;
    let mut drafts = Vec::new();
    let mut first_of: HashMap<String, usize> = HashMap::new();
    for (number, written) in sheet.rows {
        let mut cells = vec![String::new(); columns.len()];
        for (value, at) in written.into_iter().zip(&layout) {
            if let Some(i) = at {
                cells[*i] = value.trim().to_string();
            }
        }
        let status = match rows.parse(&cells) {
            Err(errors) => RowStatus::Invalid(
                errors
                    .iter()
                    .map(|(field, error)| CellError {
                        column: columns.iter().find(|c| c.field == *field).map(|c| c.header),
                        error: *error,
                    })
                    .collect(),
            ),
            Ok(draft) => {
                let key = rows.key(&draft);
                if let Some(first) = first_of.get(&key) {
                    RowStatus::Repeated { first: *first }
                } else {
                    let there = existing.contains(&key);
                    first_of.insert(key, number);
                    if there {
                        RowStatus::AlreadyThere
                    } else {
                        drafts.push(draft);
                        RowStatus::New
                    }
                }
            }
        };
        preview.rows.push(PreviewRow {
            number,
            cells,
            status,
        });
    }
    Ok((preview, drafts))
}

impl App {
    /// The kinds the actor may import into its own team; refused as the team's work is.
    pub fn import_kinds(&self, actor: &Actor) -> Result<Vec<ImportKind>, AppError> {
        // No team's work, no import page; then the kinds the one rule below lets through.
        Self::work_team(actor, WorkNeed::Record)?;
        Ok(ImportKind::ALL
            .into_iter()
            .filter(|k| Self::destination(actor, *k).is_ok())
            .collect())
    }

    /// The columns of a kind's template, if the actor may import it.
    pub fn import_columns(
        &self,
        actor: &Actor,
        kind: ImportKind,
    ) -> Result<&'static [Column], AppError> {
        Self::destination(actor, kind)?;
        Ok(kind.columns())
    }

    /// Where the actor's import of `kind` goes: the own team's work scope; for members,
    /// only if the actor may also edit the team's registry.
    fn destination(actor: &Actor, kind: ImportKind) -> Result<Destination, AppError> {
        match kind {
            ImportKind::Activities => Ok(Destination::Activities(Self::work_team(
                actor,
                WorkNeed::Record,
            )?)),
            ImportKind::Members => {
                let scope = Self::work_team(actor, WorkNeed::Record)?;
                if decide(actor, Action::EditRegistry(scope.team())).allowed() {
                    Ok(Destination::Members(scope.team()))
                } else {
                    Err(AppError::Forbidden)
                }
            }
        }
    }

    /// The destination at the console: the team with this code (having the data folder and
    /// its key is the access, as for the other console commands).
    async fn console_destination(
        &self,
        team_code: &str,
        kind: ImportKind,
    ) -> Result<Destination, AppError> {
        let mut c = self.db.conn().await?;
        let team = teams::find_by_code(&mut c, team_code)
            .await?
            .ok_or(AppError::NotFound)?;
        Ok(match kind {
            ImportKind::Activities => Destination::Activities(TeamScope::operator(team.id)),
            ImportKind::Members => Destination::Members(team.id),
        })
    }

    /// The file judged row by row; nothing is saved.
    pub async fn preview_import(
        &self,
        actor: &Actor,
        catalog: &Catalog,
        kind: ImportKind,
        content: &[u8],
    ) -> Result<Preview, AppError> {
        let to = Self::destination(actor, kind)?;
        self.preview_into(actor, catalog, to, kind, content).await
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
        let to = Self::destination(actor, kind)?;
        self.save_into(actor, catalog, to, kind, content, digest)
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
        self.preview_into(&operator, catalog, to, kind, content)
            .await
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
        self.save_into(&operator, catalog, to, kind, content, digest)
            .await
    }

    async fn preview_into(
        &self,
        actor: &Actor,
        catalog: &Catalog,
        to: Destination,
        kind: ImportKind,
        content: &[u8],
    ) -> Result<Preview, AppError> {
        let mut c = self.db.conn().await?;
        let preview = match to {
            Destination::Activities(scope) => {
                let rows = activities::ActivityRows::new(catalog, scope, actor, self.now());
                judge(&rows, kind, catalog, &mut c, content).await?.0
            }
            Destination::Members(team) => {
                let rows = members::MemberRows::load(
                    &mut c,
                    catalog,
                    team,
                    actor,
                    self.today(),
                    self.now(),
                )
                .await?;
                judge(&rows, kind, catalog, &mut c, content).await?.0
            }
        };
        Ok(preview)
    }

    async fn save_into(
        &self,
        actor: &Actor,
        catalog: &Catalog,
        to: Destination,
        kind: ImportKind,
        content: &[u8],
        expected: &str,
    ) -> Result<Saving, AppError> {
        if digest(content) != expected.trim() {
            let mut preview = self.preview_into(actor, catalog, to, kind, content).await?;
            preview.changed = true;
            return Ok(Saving::NotSaved(preview));
        }
        // Judged again inside the transaction that saves: what is there now decides.
        let mut tx = self.db.begin().await?;
        let (preview, added) = match to {
            Destination::Activities(scope) => {
                let rows = activities::ActivityRows::new(catalog, scope, actor, self.now());
                save_rows(&rows, kind, catalog, &mut tx, content).await?
            }
            Destination::Members(team) => {
                let rows = members::MemberRows::load(
                    &mut tx,
                    catalog,
                    team,
                    actor,
                    self.today(),
                    self.now(),
                )
                .await?;
                save_rows(&rows, kind, catalog, &mut tx, content).await?
            }
        };
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
                    team: Some(to.team()),
                    action: "records-imported",
                    subject: kind.code(),
                    subject_id: None,
                    reason: &reason,
                },
            )
            .await?;
        }
        tx.commit().await?;
        Ok(Saving::Saved(Imported {
            kind,
            added,
            skipped: preview.skipped(),
        }))
    }
}

/// Judges the file and, if every row is sound, saves the new ones on `c`; the caller
/// commits or rolls back.
async fn save_rows<R: RowKind>(
    rows: &R,
    kind: ImportKind,
    catalog: &Catalog,
    c: &mut Connection,
    content: &[u8],
) -> Result<(Preview, usize), AppError> {
    let (preview, drafts) = judge(rows, kind, catalog, c, content).await?;
    if !preview.savable() {
        return Ok((preview, 0));
    }
    for draft in &drafts {
        rows.save(c, draft).await?;
    }
    Ok((preview, drafts.len()))
}

//! Exports of the team's lists (activities, trainings, the coordination plan, materials,
//! meetings) as tables. The app decides who may export and audits every export before the
//! first row is read; it hands out typed rows a page at a time, and the column headers and
//! the words of closed vocabularies as message ids, so that the web layer puts them in the
//! reader's language and script and runs the table writer. Nothing here translates.

mod activities;
mod audit_trail;
mod materials;
mod meetings;
mod plan;
mod trainings;

pub use spona_reports::table::{Decimal, Value};

use crate::audit::{AuditEvent, Author};
use crate::{App, AppError};
use spona_domain::access::{Actor, TeamScope};
use spona_store::exports::After;

/// Rows read from the database at a time: enough that a page is one quick query, few enough
/// that memory does not grow with the list.
pub const PAGE_ROWS: i64 = 500;

/// The format of an export file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// An Excel workbook: typed cells, a frozen header, one sheet per table.
    Xlsx,
    /// Comma separated values: the first table only.
    Csv,
}

impl Format {
    /// The file name extension, also recorded in the audit trail.
    pub fn code(self) -> &'static str {
        match self {
            Format::Xlsx => "xlsx",
            Format::Csv => "csv",
        }
    }
}

/// Which of the team's lists is exported.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportedList {
    Activities,
    Trainings,
    Plan,
    Materials,
    Meetings,
    /// The deployment's audit trail, for the auditor.
    AuditTrail,
}

impl ExportedList {
    /// The name in file names and logs.
    pub fn code(self) -> &'static str {
        match self {
            ExportedList::Activities => "activities",
            ExportedList::Trainings => "trainings",
            ExportedList::Plan => "plan",
            ExportedList::Materials => "materials",
            ExportedList::Meetings => "meetings",
            ExportedList::AuditTrail => "audit-trail",
        }
    }

    /// The subject of its audit entries: a plan's export joins the plan's own entries.
    pub fn audit_subject(self) -> &'static str {
        match self {
            ExportedList::Plan => "coordination-plan",
            other => other.code(),
        }
    }
}

/// One cell of an exported row, before it is put in the reader's words.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    /// Written as it is: numbers, dates, and text as the team typed it.
    Value(Value),
    /// A word of a closed vocabulary (a kind, a direction), as the id of its message.
    Term(String),
    /// A name kept in both scripts; the reader's script is chosen.
    Names { cyrl: String, latn: String },
}

/// A cell of a plain value.
pub(crate) fn cell(v: impl Into<Value>) -> Cell {
    Cell::Value(v.into())
}

/// A table of the export: the message ids of its name and of its column headers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Table {
    pub name: &'static str,
    pub columns: &'static [&'static str],
}

/// Rows of one table (by its index in [`Export::tables`]).
#[derive(Clone, Debug, PartialEq)]
pub struct Rows {
    pub table: usize,
    pub rows: Vec<Vec<Cell>>,
}

/// An export under way: allowed and audited; its rows are read as they are asked for.
pub struct Export {
    pub list: ExportedList,
    pub format: Format,
    /// A file name without personal data: the list, the day and the format.
    pub file_name: String,
    /// The tables, in the order their rows come: a CSV file has only the first.
    pub tables: Vec<Table>,
    app: App,
    /// The access check's scope of the team whose list this is: each page is read with it.
    /// None for the deployment's audit trail, which is the auditor's and no team's.
    scope: Option<TeamScope>,
    source: Source,
}

/// Where the rows come from and how far the reading got.
enum Source {
    Activities(activities::Pages),
    Trainings(trainings::Pages),
    Plan(Option<Vec<Vec<Cell>>>),
    Materials(materials::Pages),
    Meetings(meetings::Pages),
    AuditTrail(audit_trail::Pages),
}

impl Source {
    fn list(&self) -> ExportedList {
        match self {
            Source::Activities(_) => ExportedList::Activities,
            Source::Trainings(_) => ExportedList::Trainings,
            Source::Plan(_) => ExportedList::Plan,
            Source::Materials(_) => ExportedList::Materials,
            Source::Meetings(_) => ExportedList::Meetings,
            Source::AuditTrail(_) => ExportedList::AuditTrail,
        }
    }

    fn tables(&self) -> Vec<Table> {
        match self {
            Source::Activities(_) => vec![activities::TABLE],
            Source::Trainings(_) => vec![trainings::TABLE],
            Source::Plan(_) => vec![plan::TABLE],
            Source::Materials(_) => vec![materials::ITEMS, materials::MOVEMENTS],
            Source::Meetings(_) => vec![meetings::TABLE],
            Source::AuditTrail(_) => vec![audit_trail::TABLE],
        }
    }
}

impl Export {
    /// The next rows, or `None` when every table is complete. Each call takes a connection
    /// for one page only, so a slow download holds none while it waits.
    pub async fn next_rows(&mut self) -> Result<Option<Rows>, AppError> {
        let mut c = self.app.db.conn().await?;
        let scope = self
            .scope
            .as_ref()
            .ok_or_else(|| AppError::Internal("a team's list without its scope".into()));
        match &mut self.source {
            Source::AuditTrail(p) => p.next(&mut c).await,
            Source::Activities(p) => p.next(&mut c, scope?).await,
            Source::Trainings(p) => p.next(&mut c, scope?).await,
            Source::Plan(rows) => Ok(rows.take().map(|rows| Rows { table: 0, rows })),
            Source::Materials(p) => p.next(&mut c, scope?).await,
            Source::Meetings(p) => p.next(&mut c, scope?).await,
        }
    }
}

/// Where the next page of a list starts, newest first; `None` once the last was read.
pub(crate) struct Cursor(Option<After>);

impl Cursor {
    fn start() -> Cursor {
        Cursor(Some(After::default()))
    }

    /// The key to read after, unless the list is done.
    fn after(&self) -> Option<&After> {
        self.0.as_ref()
    }

    /// Moves past a page that ended with `last` (and held `read` rows).
    fn advance(&mut self, read: usize, last: Option<After>) {
        self.0 = match last {
            Some(key) if read as i64 >= PAGE_ROWS => Some(key),
            _ => None,
        };
    }
}

impl App {
    /// Writes the audit entry of an export (in its own transaction, before any row is read)
    /// and hands out the export. The format is the entry's reason: it says what left.
    async fn start_export(
        &self,
        actor: &Actor,
        scope: TeamScope,
        subject_id: Option<i64>,
        format: Format,
        source: Source,
    ) -> Result<Export, AppError> {
        let list = source.list();
        let mut tx = self.db.begin().await?;
        self.audit(
            &mut tx,
            Author::of(actor),
            AuditEvent {
                team: Some(scope.team()),
                action: "list-exported",
                subject: list.audit_subject(),
                subject_id,
                reason: format.code(),
            },
        )
        .await?;
        tx.commit().await?;
        let day = spona_domain::text::iso_date(self.today());
        let file_name = match subject_id {
            Some(id) => format!("{}-{id}-{day}.{}", list.code(), format.code()),
            None => format!("{}-{day}.{}", list.code(), format.code()),
        };
        let tables = match format {
            Format::Xlsx => source.tables(),
            Format::Csv => source.tables().into_iter().take(1).collect(),
        };
        Ok(Export {
            list,
            format,
            file_name,
            tables,
            app: self.clone(),
            scope: Some(scope),
            source,
        })
    }
}

//! What every kind shares: a file read, its header laid out, each row parsed by the kind,
//! found by its key among the records there and the rows before it, and, when confirmed and
//! sound, the new records saved. A kind only says what its columns are, how a row parses,
//! what its key is and how it is saved.

use super::columns;
use super::sheet::Sheet;
use super::{
    digest, CellError, FileProblem, ImportKind, ImportProgress, OneTimeLink, Preview, PreviewRow,
    RowStatus,
};
use crate::AppError;
use spona_domain::validation::FieldErrors;
use spona_i18n::Catalog;
use spona_store::Connection;
use std::collections::{HashMap, HashSet};

/// What a row with the key of an earlier row is.
pub(crate) enum LaterRow {
    /// The same record again: skipped.
    Repeated,
    /// Another part of the earlier row's record (a training's next institution), added to it.
    Joined,
    /// A part that does not fit the earlier row's record.
    Refused(FieldErrors),
}

/// One kind's rows: read with its form's parser, found by its key, saved.
pub(crate) trait RowKind {
    type Draft;

    /// The draft of a row (cells in the order of the kind's columns), or its errors by the
    /// form's field names.
    fn parse(&self, cells: &[String]) -> Result<Self::Draft, FieldErrors>;

    /// The natural key, to find the record among those there and the rows before.
    fn key(&self, draft: &Self::Draft) -> String;

    /// A later row with the key of `first`: by default the same record repeated. A kind whose
    /// record spans rows adds the row to `first`.
    fn join(&self, _first: &mut Self::Draft, _next: Self::Draft) -> LaterRow {
        LaterRow::Repeated
    }

    /// The keys of the records there already (one query for the whole file).
    async fn existing(&self, c: &mut Connection) -> Result<HashSet<String>, AppError>;

    /// Saves the record (inside the import's transaction); an account comes back with the
    /// one-time link its owner sets a password with.
    async fn save(
        &self,
        c: &mut Connection,
        draft: &Self::Draft,
    ) -> Result<Option<OneTimeLink>, AppError>;
}

/// Where a key was first met: its row, and the index of its draft if it is new.
struct First {
    row: usize,
    draft: Option<usize>,
}

/// Reads and judges the file; the drafts of the new records come with the preview.
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
    let (format, sheet) = match Sheet::read(content) {
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
    let at_columns = |errors: FieldErrors| {
        RowStatus::Invalid(
            errors
                .iter()
                .map(|(field, error)| CellError {
                    column: columns.iter().find(|c| c.field == *field).map(|c| c.header),
                    error: *error,
                })
                .collect(),
        )
    };
    let existing = rows.existing(c).await?;
    let mut drafts: Vec<R::Draft> = Vec::new();
    let mut first_of: HashMap<String, First> = HashMap::new();
    for (number, written) in sheet.rows {
        let mut cells = vec![String::new(); columns.len()];
        for (value, at) in written.into_iter().zip(&layout) {
            if let Some(i) = at {
                cells[*i] = value.trim().to_string();
            }
        }
        let status = match rows.parse(&cells) {
            Err(errors) => at_columns(errors),
            Ok(draft) => {
                let key = rows.key(&draft);
                match first_of.get(&key) {
                    Some(First {
                        row,
                        draft: Some(at),
                    }) => match rows.join(&mut drafts[*at], draft) {
                        LaterRow::Repeated => RowStatus::Repeated { first: *row },
                        LaterRow::Joined => RowStatus::PartOf { first: *row },
                        LaterRow::Refused(errors) => at_columns(errors),
                    },
                    // The record is there: so is every part of it.
                    Some(First { draft: None, .. }) => RowStatus::AlreadyThere,
                    None => {
                        let there = existing.contains(&key);
                        let draft_at = (!there).then_some(drafts.len());
                        first_of.insert(
                            key,
                            First {
                                row: number,
                                draft: draft_at,
                            },
                        );
                        if there {
                            RowStatus::AlreadyThere
                        } else {
                            drafts.push(draft);
                            RowStatus::New
                        }
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

/// Judges the file and, when `save` is asked and every row is sound, saves the new records
/// on `c` (the caller commits or rolls back); the links of the accounts made, if any.
/// `progress`, when saving, counts the records saved out of those to save.
pub(super) async fn run<R: RowKind>(
    rows: &R,
    kind: ImportKind,
    catalog: &Catalog,
    c: &mut Connection,
    content: &[u8],
    save: Option<&ImportProgress>,
) -> Result<(Preview, usize, Vec<OneTimeLink>), AppError> {
    let (preview, drafts) = judge(rows, kind, catalog, c, content).await?;
    let Some(progress) = save.filter(|_| preview.savable()) else {
        return Ok((preview, 0, Vec::new()));
    };
    progress.start(drafts.len());
    let mut links = Vec::new();
    for draft in &drafts {
        if let Some(link) = rows.save(c, draft).await? {
            links.push(link);
        }
        progress.saved_one();
    }
    Ok((preview, drafts.len(), links))
}

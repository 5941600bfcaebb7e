//! The body of an export, written while its rows are read: a page of rows is read, put in
//! the reader's words, written by the table writer, and what the writer produced goes out
//! as one chunk. Memory holds a page, never the file.
//!
//! The header row is the first chunk, sent before the first page is read, so the browser
//! starts its download (and shows its progress) at once. There is no `Content-Length`: the
//! size is known only at the end, and computing it first would mean building the file twice
//! or holding it whole. A failure after the first chunk cannot change the status any more;
//! the body then ends with an error, which aborts the transfer, so the reader gets a broken
//! download rather than a file that looks complete but is not.

use crate::shell::script::{has_cyrillic, reads_latin};
use crate::shell::tr::Tr;
use axum::body::Body;
use futures_util::StreamExt;
use spona_app::exports::{Cell, Export, Format, Rows, Value};
use spona_app::AppError;
use spona_domain::script::to_latin;
use spona_reports::csv::CsvWriter;
use spona_reports::table::Column;
use spona_reports::xlsx::XlsxWriter;
use spona_reports::ReportError;
use std::io::{self, Write};
use std::sync::{Arc, Mutex, PoisonError};

/// The body that streams `export` in `tr`'s language and script.
pub fn body(export: Export, tr: Tr) -> Body {
    let streaming = Streaming {
        export,
        tr,
        outbox: Outbox::default(),
        writer: None,
        tables: 0,
        done: false,
    };
    // Fused: a layer that polls again after the end (gzip does) must get the end again.
    Body::from_stream(StreamExt::fuse(futures_util::stream::unfold(
        streaming,
        |mut s| async move {
            if s.done {
                return None;
            }
            match s.step().await {
                Ok(Some(bytes)) => Some((Ok(bytes), s)),
                Ok(None) => None,
                Err(e) => {
                    // The list and the failure only: rows are never logged.
                    tracing::error!(list = s.export.list.code(), error = %e, "export failed");
                    s.done = true;
                    Some((Err(e), s))
                }
            }
        },
    )))
}

/// What the writer produced and the body has not sent yet.
#[derive(Clone, Default)]
struct Outbox(Arc<Mutex<Vec<u8>>>);

impl Outbox {
    fn take(&self) -> Vec<u8> {
        std::mem::take(&mut *self.0.lock().unwrap_or_else(PoisonError::into_inner))
    }
}

impl Write for Outbox {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.0
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

enum Writer {
    // Boxed: the workbook writer carries its compressor's state.
    Xlsx(Box<XlsxWriter<Outbox>>),
    Csv(CsvWriter<Outbox>),
}

struct Streaming {
    export: Export,
    tr: Tr,
    outbox: Outbox,
    /// None before the header is written and after the file is finished.
    writer: Option<Writer>,
    /// How many tables have been started.
    tables: usize,
    done: bool,
}

impl Streaming {
    /// Writes the next part of the file and hands out its bytes; `None` once it is complete.
    async fn step(&mut self) -> Result<Option<Vec<u8>>, io::Error> {
        let Some(writer) = self.writer.as_mut() else {
            self.start().map_err(report)?;
            return Ok(Some(self.outbox.take()));
        };
        match self.export.next_rows().await.map_err(app)? {
            Some(Rows { table, rows }) => {
                if let Writer::Xlsx(book) = writer {
                    start_tables(book, &self.export, &self.tr, &mut self.tables, table + 1)
                        .map_err(report)?;
                }
                for row in rows {
                    let values: Vec<Value> = row.into_iter().map(|c| value(&self.tr, c)).collect();
                    match writer {
                        Writer::Xlsx(book) => book.row(&values),
                        Writer::Csv(csv) => csv.row(&values),
                    }
                    .map_err(report)?;
                }
                Ok(Some(self.outbox.take()))
            }
            None => {
                self.finish().map_err(report)?;
                self.done = true;
                Ok(Some(self.outbox.take()))
            }
        }
    }

    /// The header: the first table's, for either format.
    fn start(&mut self) -> Result<(), ReportError> {
        let writer = match self.export.format {
            Format::Xlsx => {
                let mut book = XlsxWriter::new(self.outbox.clone());
                start_tables(&mut book, &self.export, &self.tr, &mut self.tables, 1)?;
                Writer::Xlsx(Box::new(book))
            }
            Format::Csv => {
                let columns = columns(&self.export, &self.tr, 0);
                Writer::Csv(CsvWriter::new(self.outbox.clone(), &columns)?)
            }
        };
        self.writer = Some(writer);
        Ok(())
    }

    /// Ends the file; a workbook gets every table, even those without rows.
    fn finish(&mut self) -> Result<(), ReportError> {
        match self.writer.take() {
            Some(Writer::Xlsx(mut book)) => {
                let all = self.export.tables.len();
                start_tables(&mut book, &self.export, &self.tr, &mut self.tables, all)?;
                book.finish()?;
            }
            Some(Writer::Csv(csv)) => {
                csv.finish()?;
            }
            None => {}
        }
        Ok(())
    }
}

/// Starts the sheets of the workbook up to the `upto`-th table.
fn start_tables(
    book: &mut XlsxWriter<Outbox>,
    export: &Export,
    tr: &Tr,
    started: &mut usize,
    upto: usize,
) -> Result<(), ReportError> {
    while *started < upto.min(export.tables.len()) {
        let table = &export.tables[*started];
        book.add_sheet(&tr.t(table.name), &columns(export, tr, *started))?;
        *started += 1;
    }
    Ok(())
}

/// The headers of a table in the reader's words.
fn columns(export: &Export, tr: &Tr, table: usize) -> Vec<Column> {
    export
        .tables
        .get(table)
        .map(|t| t.columns.iter().map(|id| Column::new(tr.t(id))).collect())
        .unwrap_or_default()
}

/// A cell in the reader's words: terms translated, names and text as typed in the reader's
/// script (every text cell of every export passes here, so none stays Cyrillic for a Latin or
/// English reader).
fn value(tr: &Tr, cell: Cell) -> Value {
    let v = match cell {
        Cell::Value(v) => v,
        Cell::Term(id) => Value::Text(tr.t(&id)),
        Cell::Names { cyrl, latn } => Value::Text(tr.pick(&cyrl, &latn).to_owned()),
    };
    match v {
        Value::Text(text) if reads_latin(tr.locale) && has_cyrillic(&text) => {
            Value::Text(to_latin(&text))
        }
        other => other,
    }
}

fn report(e: ReportError) -> io::Error {
    io::Error::other(e.to_string())
}

fn app(e: AppError) -> io::Error {
    io::Error::other(e.to_string())
}

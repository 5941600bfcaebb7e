//! Tables as CSV (RFC 4180): a header line, then one line per row, CRLF line ends, fields
//! quoted when they hold the delimiter, a quote or a line break.
//!
//! The file starts with a UTF-8 byte order mark. Without it, Excel reads a CSV file in the
//! Windows code page of the machine (1250 or 1251 in Serbia), and Cyrillic turns into
//! mojibake; with it, Excel, LibreOffice and most CSV libraries read UTF-8. A reader that
//! does not expect the mark sees three extra bytes before the first header.
//!
//! A text that a spreadsheet would take for a formula (it starts with `=`, `+`, `-`, `@`, a
//! tab or a carriage return) gets a leading `'`, as OWASP advises against CSV injection: a
//! name like `=HYPERLINK(...)` typed into a form must not become a live link in the
//! coordinator's spreadsheet. Numbers and dates are written as they are (`-5` stays `-5`).
//!
//! Numbers use a decimal point and dates ISO 8601 (`2026-03-12`), whatever the reader's
//! locale: CSV is for exchange between programs. People who open tables in Excel are better
//! served by the XLSX writer, which keeps types and needs no guessing.
//!
//! ```
//! use spona_reports::csv::CsvWriter;
//! use spona_reports::table::{Column, Value};
//!
//! let mut csv = CsvWriter::new(Vec::new(), &[Column::new("Име"), Column::new("Сати")])?;
//! csv.row(&[Value::from("=Јелена"), Value::Integer(-6)])?;
//! let bytes = csv.finish()?;
//! assert_eq!(bytes, "\u{feff}Име,Сати\r\n'=Јелена,-6\r\n".as_bytes());
//! # Ok::<(), spona_reports::ReportError>(())
//! ```

use std::io::Write;

use crate::table::{iso_date, Column, Value};
use crate::ReportError;

/// The UTF-8 byte order mark that starts the file.
pub const BOM: &str = "\u{feff}";

/// What separates the fields of a line.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Delimiter {
    /// `,` as RFC 4180 says.
    #[default]
    Comma,
    /// `;`, which Excel expects in locales whose decimal separator is a comma (Serbian among
    /// them) when a file is opened by double click.
    Semicolon,
}

impl Delimiter {
    fn char(self) -> char {
        match self {
            Delimiter::Comma => ',',
            Delimiter::Semicolon => ';',
        }
    }
}

/// Writes a table as CSV, row by row, straight to `out` (wrap a file in a `BufWriter`).
/// After an error the file is incomplete and the writer is of no further use: drop it.
#[derive(Debug)]
pub struct CsvWriter<W: Write> {
    out: W,
    delimiter: Delimiter,
    // One line is built here, then written at once; kept to reuse its allocation.
    line: String,
}

impl<W: Write> CsvWriter<W> {
    /// Starts a comma separated file: the byte order mark and the header line.
    pub fn new(out: W, columns: &[Column]) -> Result<Self, ReportError> {
        Self::with_delimiter(out, columns, Delimiter::Comma)
    }

    /// Starts a file separated by `delimiter`: the byte order mark and the header line.
    pub fn with_delimiter(
        mut out: W,
        columns: &[Column],
        delimiter: Delimiter,
    ) -> Result<Self, ReportError> {
        out.write_all(BOM.as_bytes())?;
        let mut writer = Self {
            out,
            delimiter,
            line: String::new(),
        };
        for (i, column) in columns.iter().enumerate() {
            if i > 0 {
                writer.line.push(delimiter.char());
            }
            push_text(&mut writer.line, &column.header, delimiter);
        }
        writer.end_line(columns.len())?;
        Ok(writer)
    }

    /// Writes one row. Rows may have fewer or more values than there are columns; CSV does
    /// not mind, and the caller knows its table.
    pub fn row(&mut self, values: &[Value]) -> Result<(), ReportError> {
        self.line.clear();
        for (i, value) in values.iter().enumerate() {
            if i > 0 {
                self.line.push(self.delimiter.char());
            }
            match value {
                Value::Text(text) => push_text(&mut self.line, text, self.delimiter),
                Value::Integer(n) => self.line.push_str(&n.to_string()),
                Value::Decimal(d) => self.line.push_str(&d.to_string()),
                Value::Date(d) => self.line.push_str(&iso_date(*d)),
                Value::Empty => {}
            }
        }
        self.end_line(values.len())
    }

    /// Flushes and hands back the output.
    pub fn finish(mut self) -> Result<W, ReportError> {
        self.out.flush()?;
        Ok(self.out)
    }

    /// Ends the line of a record of `fields` fields and writes it.
    fn end_line(&mut self, fields: usize) -> Result<(), ReportError> {
        if self.line.is_empty() && fields > 0 {
            // A lone empty field would make an empty line, which readers skip as no record.
            self.line.push_str("\"\"");
        }
        self.line.push_str("\r\n");
        self.out.write_all(self.line.as_bytes())?;
        Ok(())
    }
}

/// Whether a spreadsheet would read a text starting this way as a formula (OWASP's list).
fn looks_like_formula(text: &str) -> bool {
    text.starts_with(['=', '+', '-', '@', '\t', '\r'])
}

/// Appends a text field: defused if it looks like a formula, quoted if it has to be.
fn push_text(line: &mut String, text: &str, delimiter: Delimiter) {
    let defuse = looks_like_formula(text);
    let quote = text.contains([delimiter.char(), '"', '\r', '\n']);
    if quote {
        line.push('"');
    }
    if defuse {
        line.push('\'');
    }
    if quote {
        // Inside quotes only the quote itself needs escaping, by doubling it.
        line.push_str(&text.replace('"', "\"\""));
        line.push('"');
    } else {
        line.push_str(text);
    }
}

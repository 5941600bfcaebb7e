//! Tables as an Excel workbook (XLSX, Office Open XML), written as rows come.
//!
//! Each sheet's XML is compressed and written out row by row, so memory holds one row and
//! the compressor's window, however many rows there are; what the writer keeps over the
//! whole workbook is only the sheet names. Cells keep their type: numbers are numbers, dates
//! real Excel dates shown as `yyyy-mm-dd`, text is text (inline strings), even when it starts
//! with `=`: a formula would need an `<f>` element, which this writer never writes.
//!
//! ```
//! use spona_reports::table::{Column, Value};
//! use spona_reports::xlsx::XlsxWriter;
//!
//! let mut book = XlsxWriter::new(Vec::new());
//! book.add_sheet("Обуке", &[Column::new("Тема").width(40.0), Column::new("Сати")])?;
//! book.row(&[Value::from("Разговор са дететом"), Value::Integer(6)])?;
//! let bytes: Vec<u8> = book.finish()?;
//! assert!(bytes.starts_with(b"PK"));
//! # Ok::<(), spona_reports::ReportError>(())
//! ```

mod parts;
mod sheet;
mod xml;
mod zip;

use std::io::Write;

use crate::table::{Column, Value};
use crate::ReportError;
use zip::Zip;

/// Writes a workbook to `out`: sheets one after another, rows one after another.
///
/// After an error the file is incomplete and the writer is of no further use: drop it.
pub struct XlsxWriter<W: Write> {
    zip: Zip<W>,
    names: Vec<String>,
    /// The number of the last row written in the open sheet; `None` before the first sheet.
    last_row: Option<u32>,
    // One row's XML is built here, then compressed; kept to reuse its allocation.
    row_xml: String,
}

impl<W: Write> XlsxWriter<W> {
    /// A workbook without sheets yet, to be written to `out`. Nothing is written until the
    /// first sheet is added; wrap a file in a `BufWriter`.
    pub fn new(out: W) -> Self {
        Self {
            zip: Zip::new(out),
            names: Vec::new(),
            last_row: None,
            row_xml: String::new(),
        }
    }

    /// Ends the sheet being written, if any, and starts a new one with a bold header row of
    /// `columns`, frozen so it stays in view. The name is made acceptable to Excel (see
    /// [`XlsxWriter::sheet_names`] for what it became).
    pub fn add_sheet(&mut self, name: &str, columns: &[Column]) -> Result<(), ReportError> {
        if columns.len() > sheet::MAX_COLUMNS {
            return Err(too_many("columns"));
        }
        self.close_sheet()?;
        let number = self.names.len() + 1;
        let name = sheet::sheet_name(name, &self.names, number);
        self.zip
            .start(&format!("xl/worksheets/sheet{number}.xml"))?;
        self.zip
            .write(sheet::head(columns, number == 1).as_bytes())?;
        self.names.push(name);
        self.last_row = Some(if columns.is_empty() { 0 } else { 1 });
        Ok(())
    }

    /// Appends a row to the sheet being written. An empty value leaves its cell empty.
    pub fn row(&mut self, values: &[Value]) -> Result<(), ReportError> {
        let Some(last) = self.last_row else {
            return Err(ReportError::NoSheet);
        };
        if last >= sheet::MAX_ROWS {
            return Err(too_many("rows"));
        }
        if values.len() > sheet::MAX_COLUMNS {
            return Err(too_many("columns"));
        }
        let r = last + 1;
        self.row_xml.clear();
        sheet::push_row(&mut self.row_xml, r, values);
        self.zip.write(self.row_xml.as_bytes())?;
        self.last_row = Some(r);
        Ok(())
    }

    /// The names of the sheets so far, as they are in the file.
    pub fn sheet_names(&self) -> &[String] {
        &self.names
    }

    /// Ends the last sheet and the workbook, and hands back the output. A workbook must have
    /// a sheet, so one without any gets an empty "Sheet1".
    pub fn finish(mut self) -> Result<W, ReportError> {
        if self.names.is_empty() {
            self.add_sheet("", &[])?;
        }
        self.close_sheet()?;
        let sheets = self.names.len();
        let fixed = [
            ("xl/workbook.xml", parts::workbook(&self.names)),
            ("xl/_rels/workbook.xml.rels", parts::workbook_rels(sheets)),
            ("xl/styles.xml", parts::styles()),
            ("_rels/.rels", parts::package_rels()),
            ("[Content_Types].xml", parts::content_types(sheets)),
        ];
        for (name, xml) in fixed {
            self.zip.start(name)?;
            self.zip.write(xml.as_bytes())?;
        }
        self.zip.finish()
    }

    fn close_sheet(&mut self) -> Result<(), ReportError> {
        if self.last_row.take().is_some() {
            self.zip.write(sheet::TAIL.as_bytes())?;
            self.zip.end()?;
        }
        Ok(())
    }
}

fn too_many(what: &str) -> ReportError {
    ReportError::TooLarge(format!("more {what} than an Excel sheet holds"))
}

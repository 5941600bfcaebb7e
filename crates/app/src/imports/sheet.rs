//! A spreadsheet read into text: the header row and the data rows with their row numbers as
//! the spreadsheet shows them, from an XLSX workbook (its first sheet) or a CSV file. Every
//! cell becomes the text a person would type into the form, so that the form's own parser
//! judges it: a whole number without ".0", a date as ISO 8601.

use std::io::Cursor;

use calamine::{Data, Reader, Xlsx};
use time::{Date, Month};

/// The largest file accepted, in bytes.
pub const MAX_FILE_BYTES: usize = 5 * 1024 * 1024;
/// The most a workbook may hold unpacked, in bytes: a small file that unpacks to gigabytes
/// is refused before it is read.
pub const MAX_UNPACKED_BYTES: u64 = 100 * 1024 * 1024;
/// The most data rows one import takes.
pub const MAX_ROWS: usize = 5000;

/// The formats read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SheetFormat {
    Xlsx,
    Csv,
}

impl SheetFormat {
    /// The format of a file: a ZIP container is a workbook, anything else is read as CSV.
    pub fn of(content: &[u8]) -> SheetFormat {
        if content.starts_with(b"PK\x03\x04") {
            SheetFormat::Xlsx
        } else {
            SheetFormat::Csv
        }
    }

    /// The name in the audit trail.
    pub fn code(self) -> &'static str {
        match self {
            SheetFormat::Xlsx => "xlsx",
            SheetFormat::Csv => "csv",
        }
    }
}

/// Why a file could not be read as a table at all (message ids).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SheetProblem {
    /// Not a workbook or CSV file that could be opened.
    Unreadable,
    /// No header row.
    Empty,
    /// Over [`MAX_FILE_BYTES`].
    TooLarge,
    /// Over [`MAX_ROWS`] data rows.
    TooManyRows,
}

impl SheetProblem {
    /// The message that explains it.
    pub fn message_id(self) -> &'static str {
        match self {
            SheetProblem::Unreadable => "import-file-unreadable",
            SheetProblem::Empty => "import-file-empty",
            SheetProblem::TooLarge => "import-file-too-large",
            SheetProblem::TooManyRows => "import-file-too-many-rows",
        }
    }
}

/// A table read from a file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sheet {
    pub header: Vec<String>,
    /// Rows that hold anything, each with its number in the spreadsheet (the header's is 1
    /// when the table starts at the top).
    pub rows: Vec<(usize, Vec<String>)>,
}

impl Sheet {
    /// Reads the file in its format.
    pub fn read(content: &[u8]) -> Result<(SheetFormat, Sheet), SheetProblem> {
        if content.len() > MAX_FILE_BYTES {
            return Err(SheetProblem::TooLarge);
        }
        let format = SheetFormat::of(content);
        let lines = match format {
            SheetFormat::Xlsx => xlsx_lines(content)?,
            SheetFormat::Csv => csv_lines(content)?,
        };
        Ok((format, Sheet::from_lines(lines)?))
    }

    /// The first line that holds anything is the header; empty lines after it are skipped.
    fn from_lines(lines: Vec<(usize, Vec<String>)>) -> Result<Sheet, SheetProblem> {
        let mut filled = lines
            .into_iter()
            .filter(|(_, cells)| cells.iter().any(|c| !c.trim().is_empty()));
        let (_, header) = filled.next().ok_or(SheetProblem::Empty)?;
        let rows: Vec<_> = filled.take(MAX_ROWS + 1).collect();
        if rows.len() > MAX_ROWS {
            return Err(SheetProblem::TooManyRows);
        }
        Ok(Sheet { header, rows })
    }
}

/// The sizes the workbook's directory declares for its parts, added up.
fn unpacked_size(content: &[u8]) -> Result<u64, SheetProblem> {
    let mut archive =
        zip::ZipArchive::new(Cursor::new(content)).map_err(|_| SheetProblem::Unreadable)?;
    let mut total = 0u64;
    for i in 0..archive.len() {
        let part = archive
            .by_index_raw(i)
            .map_err(|_| SheetProblem::Unreadable)?;
        total = total.saturating_add(part.size());
    }
    Ok(total)
}

fn xlsx_lines(content: &[u8]) -> Result<Vec<(usize, Vec<String>)>, SheetProblem> {
    if unpacked_size(content)? > MAX_UNPACKED_BYTES {
        return Err(SheetProblem::TooLarge);
    }
    let mut book: Xlsx<_> =
        Xlsx::new(Cursor::new(content)).map_err(|_| SheetProblem::Unreadable)?;
    let range = book
        .worksheet_range_at(0)
        .ok_or(SheetProblem::Empty)?
        .map_err(|_| SheetProblem::Unreadable)?;
    let first_row = range.start().map(|(r, _)| r as usize).unwrap_or(0);
    // Cells left of the range's first column are empty: keep the columns where they are.
    let first_col = range.start().map(|(_, c)| c as usize).unwrap_or(0);
    let mut lines = Vec::new();
    for (i, row) in range.rows().enumerate() {
        if lines.len() > MAX_ROWS + 1 {
            return Err(SheetProblem::TooManyRows);
        }
        let mut cells = vec![String::new(); first_col];
        cells.extend(row.iter().map(cell_text));
        lines.push((first_row + i + 1, cells));
    }
    Ok(lines)
}

/// A workbook cell as typed text.
fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty | Data::Error(_) => String::new(),
        Data::String(s) => s.clone(),
        Data::Int(n) => n.to_string(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::Float(f) => f.to_string(),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(dt) => {
            let (y, m, d, ..) = dt.to_ymd_hms_milli();
            Month::try_from(m)
                .ok()
                .and_then(|m| Date::from_calendar_date(i32::from(y), m, d).ok())
                .map(spona_domain::text::iso_date)
                .unwrap_or_default()
        }
        // "2026-10-18T00:00:00" → the date.
        Data::DateTimeIso(s) => s.split('T').next().unwrap_or_default().to_string(),
        Data::DurationIso(s) => s.clone(),
    }
}

fn csv_lines(content: &[u8]) -> Result<Vec<(usize, Vec<String>)>, SheetProblem> {
    let text = std::str::from_utf8(content).map_err(|_| SheetProblem::Unreadable)?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // Excel in a Serbian locale writes `;`; the delimiter of the header line decides.
    let first = text.lines().next().unwrap_or_default();
    let delimiter = if first.matches(';').count() > first.matches(',').count() {
        b';'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut lines = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|_| SheetProblem::Unreadable)?;
        if lines.len() > MAX_ROWS + 1 {
            return Err(SheetProblem::TooManyRows);
        }
        // The line where the record starts, counted in the text: a spreadsheet shows an
        // empty line as a row, which the reader's own count leaves out.
        let line = record
            .position()
            .map(|p| line_of(text.as_bytes(), p.byte() as usize))
            .unwrap_or(0);
        lines.push((line, record.iter().map(unquote_formula).collect()));
    }
    Ok(lines)
}

/// The line (from 1) of the record the reader reports at `byte`: the reader's offset lies
/// before the empty lines it skipped, so they are counted too.
fn line_of(text: &[u8], byte: usize) -> usize {
    let start = byte.min(text.len());
    let before = text[..start].iter().filter(|b| **b == b'\n').count();
    let skipped = text[start..]
        .iter()
        .take_while(|b| matches!(**b, b'\n' | b'\r'))
        .filter(|b| **b == b'\n')
        .count();
    before + skipped + 1
}

/// The leading `'` the CSV writer puts before a text a spreadsheet would take for a
/// formula, taken off again so that an exported file reads back as it was typed.
fn unquote_formula(field: &str) -> String {
    match field.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r']) => rest.to_string(),
        _ => field.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_rows_keep_their_line_numbers_and_skip_empty_lines() {
        let (format, sheet) = Sheet::read(
            "\u{feff}Наслов;Датум\n\nТрибина;18.10.2026\n'=1+1;2026-07-30\n".as_bytes(),
        )
        .unwrap();
        assert_eq!(format, SheetFormat::Csv);
        assert_eq!(sheet.header, ["Наслов", "Датум"]);
        assert_eq!(
            sheet.rows[0],
            (3, vec!["Трибина".into(), "18.10.2026".into()])
        );
        assert_eq!(sheet.rows[1].1[0], "=1+1");
    }

    #[test]
    fn nothing_but_empty_lines_is_an_empty_file() {
        assert_eq!(Sheet::read(b"\n ,\n"), Err(SheetProblem::Empty));
        assert_eq!(
            Sheet::read(b"PK\x03\x04broken").map(|_| ()),
            Err(SheetProblem::Unreadable)
        );
    }

    #[test]
    fn a_workbook_that_says_it_unpacks_to_gigabytes_is_not_read() {
        use spona_reports::table::{Column, Value};
        let mut book = spona_reports::xlsx::XlsxWriter::new(Vec::new());
        book.add_sheet("Sheet", &[Column::new("title")]).unwrap();
        book.row(&[Value::from("Трибина")]).unwrap();
        let mut file = book.finish().unwrap();
        assert!(Sheet::read(&file).is_ok());
        // The central directory's first entry now declares 3 GiB unpacked.
        let at = file.windows(4).position(|w| w == b"PK\x01\x02").unwrap();
        file[at + 24..at + 28].copy_from_slice(&0xC000_0000u32.to_le_bytes());
        assert_eq!(Sheet::read(&file).map(|_| ()), Err(SheetProblem::TooLarge));
    }

    #[test]
    fn whole_numbers_lose_their_decimal_point() {
        assert_eq!(cell_text(&Data::Float(120.0)), "120");
        assert_eq!(cell_text(&Data::Float(1.5)), "1.5");
    }
}

//! The CSV writer (`spona_reports::csv`): every text comes back from the `csv` crate as it
//! was written, with either delimiter, except that a text a spreadsheet would take for a
//! formula comes back with the `'` that defuses it, and nothing read back starts a formula.

use crate::cells;
use crate::harness;
use proptest::prelude::*;
use spona_reports::csv::{CsvWriter, Delimiter, BOM};
use spona_reports::table::{Column, Value};

const FORMULA_STARTERS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

fn write(header: &[String], rows: &[Vec<String>], delimiter: Delimiter) -> Vec<u8> {
    let columns: Vec<Column> = header.iter().map(Column::new).collect();
    let mut csv = CsvWriter::with_delimiter(Vec::new(), &columns, delimiter).expect("header");
    for row in rows {
        let values: Vec<Value> = row.iter().map(|t| Value::Text(t.clone())).collect();
        csv.row(&values).expect("row");
    }
    csv.finish().expect("finish")
}

fn read(bytes: &[u8], delimiter: Delimiter) -> Vec<Vec<String>> {
    let text = std::str::from_utf8(bytes).expect("UTF-8");
    assert!(text.starts_with(BOM), "a byte order mark first");
    // The whole file: the reader takes the byte order mark off itself, as spreadsheets do.
    let mut reader = ::csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(match delimiter {
            Delimiter::Comma => b',',
            Delimiter::Semicolon => b';',
        })
        .from_reader(text.as_bytes());
    reader
        .records()
        .map(|r| r.expect("valid CSV").iter().map(str::to_owned).collect())
        .collect()
}

/// What a text reads back as: defused with `'` when it starts like a formula.
fn expected(text: &str) -> String {
    if text.starts_with(FORMULA_STARTERS) {
        format!("'{text}")
    } else {
        text.to_owned()
    }
}

fn check_table(
    header: &[String],
    rows: &[Vec<String>],
    delimiter: Delimiter,
) -> Result<(), TestCaseError> {
    let bytes = write(header, rows, delimiter);
    let back = read(&bytes, delimiter);
    // A record without values is an empty line, which readers skip.
    let written: Vec<&[String]> = std::iter::once(header)
        .chain(rows.iter().map(Vec::as_slice))
        .filter(|r| !r.is_empty())
        .collect();
    prop_assert_eq!(back.len(), written.len());
    for (row, got) in written.iter().zip(&back) {
        let want: Vec<String> = row.iter().map(|t| expected(t)).collect();
        prop_assert_eq!(got, &want);
        for cell in got {
            prop_assert!(
                !cell.starts_with(FORMULA_STARTERS),
                "a live formula: {:?}",
                cell
            );
        }
    }
    // Every record ends in CRLF, the file too.
    prop_assert!(bytes.ends_with(b"\r\n"));
    Ok(())
}

#[test]
fn corpus_cells_read_back_defused() {
    let seeds = harness::corpus("cells");
    harness::replay(&seeds, |seed| {
        let text = seed.text().to_owned();
        for delimiter in [Delimiter::Comma, Delimiter::Semicolon] {
            check_table(
                std::slice::from_ref(&text),
                &[vec![text.clone(), "x".into()], vec![text.clone()]],
                delimiter,
            )?;
        }
        Ok(())
    });
}

#[test]
fn any_table_of_texts_reads_back_defused() {
    let table = (
        proptest::collection::vec(cells::text(), 0..4),
        proptest::collection::vec(proptest::collection::vec(cells::text(), 0..5), 0..5),
        any::<bool>(),
    );
    harness::check("csv/read-back", 400, table, |(header, rows, semicolon)| {
        let delimiter = if semicolon {
            Delimiter::Semicolon
        } else {
            Delimiter::Comma
        };
        check_table(&header, &rows, delimiter)
    });
}

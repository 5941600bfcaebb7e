//! CSV files checked byte for byte for each rule, and read back by the `csv` crate.

use proptest::prelude::*;
use spona_reports::csv::{CsvWriter, Delimiter, BOM};
use spona_reports::table::{Column, Decimal, Value};
use time::macros::date;
use time::Date;

fn write(columns: &[&str], rows: &[Vec<Value>]) -> String {
    write_with(columns, rows, Delimiter::Comma)
}

fn write_with(columns: &[&str], rows: &[Vec<Value>], delimiter: Delimiter) -> String {
    let columns: Vec<Column> = columns.iter().map(|h| Column::new(*h)).collect();
    let mut csv = CsvWriter::with_delimiter(Vec::new(), &columns, delimiter).unwrap();
    for row in rows {
        csv.row(row).unwrap();
    }
    String::from_utf8(csv.finish().unwrap()).unwrap()
}

fn text(s: &str) -> Value {
    Value::Text(s.into())
}

/// The lines after the header, without the byte order mark.
fn body(csv: &str) -> &str {
    let after_bom = csv.strip_prefix(BOM).expect("starts with a BOM");
    let header_end = after_bom.find("\r\n").expect("a header line") + 2;
    &after_bom[header_end..]
}

#[test]
fn a_bom_then_a_header_then_rows_all_ending_in_crlf() {
    let csv = write(
        &["Име", "Износ"],
        &[vec![text("Јелена"), Value::Decimal(Decimal::new(1250, 2))]],
    );
    assert_eq!(csv, "\u{feff}Име,Износ\r\nЈелена,12.50\r\n");
    assert!(csv.as_bytes().starts_with(&[0xEF, 0xBB, 0xBF]));
}

#[test]
fn each_kind_of_value_has_its_form() {
    let csv = write(
        &[],
        &[vec![
            Value::Integer(-5),
            Value::Integer(42),
            Value::Decimal(Decimal::new(-5, 2)),
            Value::Date(date!(2026 - 03 - 09)),
            Value::Empty,
            text("крај"),
        ]],
    );
    assert_eq!(body(&csv), "-5,42,-0.05,2026-03-09,,крај\r\n");
}

#[test]
fn fields_with_a_delimiter_quote_or_line_break_are_quoted() {
    let csv = write(
        &[],
        &[vec![
            text("a,b"),
            text("рекао је \"не\""),
            text("ред\nред"),
            text("cr\rhere"),
            text("crlf\r\n"),
            text("plain; text"),
        ]],
    );
    assert_eq!(
        body(&csv),
        "\"a,b\",\"рекао је \"\"не\"\"\",\"ред\nред\",\"cr\rhere\",\"crlf\r\n\",plain; text\r\n"
    );
}

#[test]
fn text_that_looks_like_a_formula_is_defused() {
    let csv = write(
        &["=HEADER"],
        &[vec![
            text("=1+1"),
            text("+381 11 123"),
            text("-2"),
            text("@SUM(A1)"),
            text("\tx"),
            text("\rx"),
            text("=a,b"),
            text("a=b"),
            text(" =x"),
        ]],
    );
    let after_bom = csv.strip_prefix(BOM).unwrap();
    assert!(after_bom.starts_with("'=HEADER\r\n"), "{after_bom}");
    assert_eq!(
        body(&csv),
        "'=1+1,'+381 11 123,'-2,'@SUM(A1),'\tx,\"'\rx\",\"'=a,b\",a=b, =x\r\n"
    );
}

#[test]
fn numbers_are_never_prefixed() {
    let csv = write(
        &[],
        &[vec![
            Value::Integer(-5),
            Value::Decimal(Decimal::new(-150, 1)),
        ]],
    );
    assert_eq!(body(&csv), "-5,-15.0\r\n");
}

#[test]
fn a_lone_empty_field_is_still_a_record() {
    let csv = write(
        &[""],
        &[vec![Value::Empty], vec![text("")], vec![text("x")]],
    );
    assert_eq!(csv, "\u{feff}\"\"\r\n\"\"\r\n\"\"\r\nx\r\n");
    assert_eq!(read(&csv).len(), 4);
}

#[test]
fn a_semicolon_file_quotes_semicolons_not_commas() {
    let csv = write_with(
        &["Назив", "Износ"],
        &[vec![text("a;b"), text("1,5")]],
        Delimiter::Semicolon,
    );
    assert_eq!(csv, "\u{feff}Назив;Износ\r\n\"a;b\";1,5\r\n");
}

/// Every record of the file, as the `csv` crate reads it.
fn read(csv: &str) -> Vec<Vec<String>> {
    let mut reader = ::csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(csv.strip_prefix(BOM).expect("a BOM").as_bytes());
    reader
        .records()
        .map(|r| r.expect("valid CSV").iter().map(str::to_owned).collect())
        .collect()
}

/// What a value should read back as.
fn expected(value: &Value) -> String {
    match value {
        Value::Text(t) if t.starts_with(['=', '+', '-', '@', '\t', '\r']) => format!("'{t}"),
        Value::Text(t) => t.clone(),
        Value::Integer(n) => n.to_string(),
        Value::Decimal(d) => d.to_string(),
        Value::Date(d) => d.to_string(),
        Value::Empty => String::new(),
    }
}

fn any_value() -> impl Strategy<Value = Value> {
    prop_oneof![
        4 => any::<String>().prop_map(Value::Text),
        // Texts made of the characters that matter, so that they meet often.
        4 => "[=+@\\-\t\r\n,;\" 'жa]{0,8}".prop_map(Value::Text),
        1 => any::<i64>().prop_map(Value::Integer),
        1 => (any::<i64>(), 0u8..20).prop_map(|(u, s)| Value::Decimal(Decimal::new(u, s))),
        1 => (0i32..3_000_000).prop_map(|n| Value::Date(
            Date::from_julian_day(n).unwrap_or(Date::MIN)
        )),
        1 => Just(Value::Empty),
    ]
}

proptest! {
    #[test]
    fn what_is_written_reads_back(
        header in proptest::collection::vec(any::<String>(), 1..4),
        rows in proptest::collection::vec(proptest::collection::vec(any_value(), 1..6), 0..6),
    ) {
        let columns: Vec<&str> = header.iter().map(String::as_str).collect();
        let csv = write(&columns, &rows);
        let read = read(&csv);
        prop_assert_eq!(read.len(), rows.len() + 1);
        let header_back: Vec<String> =
            header.iter().map(|h| expected(&Value::Text(h.clone()))).collect();
        prop_assert_eq!(&read[0], &header_back);
        for (row, back) in rows.iter().zip(&read[1..]) {
            let wanted: Vec<String> = row.iter().map(expected).collect();
            prop_assert_eq!(back, &wanted);
        }
    }
}

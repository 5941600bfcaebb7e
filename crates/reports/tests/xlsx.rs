//! Workbooks read back by independent readers: calamine for cells, types, styles and sheet
//! names; the `zip` crate and quick-xml for the parts themselves.

use std::cell::Cell;
use std::io::{Cursor, Read, Write};
use std::rc::Rc;

use calamine::{open_workbook_from_rs, Data, Reader, Xlsx};
use spona_reports::table::{Column, Decimal, Value};
use spona_reports::xlsx::XlsxWriter;
use spona_reports::ReportError;
use time::macros::date;

type Book = Xlsx<Cursor<Vec<u8>>>;

fn open(bytes: &[u8]) -> Book {
    open_workbook_from_rs(Cursor::new(bytes.to_vec())).expect("calamine opens the workbook")
}

fn rows(bytes: &[u8], sheet: &str) -> Vec<Vec<Data>> {
    let range = open(bytes).worksheet_range(sheet).expect("sheet");
    range.rows().map(<[Data]>::to_vec).collect()
}

/// The text of one part of the package.
fn part(bytes: &[u8], name: &str) -> String {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).expect("a ZIP archive");
    let mut file = archive.by_name(name).expect(name);
    let mut text = String::new();
    file.read_to_string(&mut text).expect("UTF-8");
    text
}

fn one_sheet(columns: &[Column], rows: &[Vec<Value>]) -> Vec<u8> {
    let mut book = XlsxWriter::new(Vec::new());
    book.add_sheet("Подаци", columns).unwrap();
    for row in rows {
        book.row(row).unwrap();
    }
    book.finish().unwrap()
}

fn text(s: &str) -> Value {
    Value::Text(s.into())
}

#[test]
fn cells_keep_their_types() {
    let bytes = one_sheet(
        &[
            Column::new("Тема"),
            Column::new("Сати"),
            Column::new("Износ"),
            Column::new("Датум"),
            Column::new("Напомена"),
        ],
        &[
            vec![
                text("Разговор са дететом"),
                Value::Integer(-6),
                Value::Decimal(Decimal::new(1250, 2)),
                Value::Date(date!(2026 - 03 - 12)),
                Value::Empty,
            ],
            vec![Value::Empty, Value::Integer(0), text("7")],
        ],
    );
    let rows = rows(&bytes, "Подаци");
    assert_eq!(rows.len(), 3);
    assert_eq!(
        rows[0],
        ["Тема", "Сати", "Износ", "Датум", "Напомена"].map(|h| Data::String(h.into()))
    );
    assert_eq!(rows[1][0], Data::String("Разговор са дететом".into()));
    assert_eq!(rows[1][1], Data::Float(-6.0));
    assert_eq!(rows[1][2], Data::Float(12.5));
    let Data::DateTime(when) = &rows[1][3] else {
        panic!("not a date: {:?}", rows[1][3]);
    };
    assert!(when.is_datetime());
    // 46093 is 12 March 2026 in Excel's 1900 date system.
    assert_eq!(when.as_f64(), 46093.0);
    assert_eq!(rows[1][4], Data::Empty);
    assert_eq!(rows[2][0], Data::Empty);
    assert_eq!(rows[2][1], Data::Float(0.0));
    assert_eq!(
        rows[2][2],
        Data::String("7".into()),
        "text that looks numeric"
    );
}

#[test]
fn dates_show_as_iso_and_decimals_with_their_scale() {
    let bytes = one_sheet(
        &[Column::new("a"), Column::new("b"), Column::new("c")],
        &[vec![
            Value::Date(date!(1900 - 03 - 01)),
            Value::Decimal(Decimal::new(1250, 2)),
            Value::Decimal(Decimal::new(-5, 3)),
        ]],
    );
    let styles = open(&bytes).worksheet_style("Подаци").unwrap();
    let format = |col| {
        styles
            .get((1, col))
            .and_then(|s| s.number_format.clone())
            .map(|f| f.format_code)
    };
    assert_eq!(format(0).as_deref(), Some("yyyy\\-mm\\-dd"));
    assert_eq!(format(1).as_deref(), Some("0.00"));
    assert_eq!(format(2).as_deref(), Some("0.000"));
    let rows = rows(&bytes, "Подаци");
    let Data::DateTime(first) = &rows[1][0] else {
        panic!("{:?}", rows[1][0]);
    };
    assert_eq!(first.as_f64(), 61.0, "1 March 1900 is day 61 in Excel");
    assert_eq!(rows[1][2], Data::Float(-0.005));
}

#[test]
fn what_excel_cannot_hold_exactly_is_written_as_text() {
    let bytes = one_sheet(
        &[Column::new("a")],
        &[vec![
            Value::Date(date!(1900 - 02 - 28)),
            Value::Integer(1_234_567_890_123_456_789),
            Value::Integer(999_999_999_999_999),
            Value::Decimal(Decimal::new(i64::MIN, 2)),
        ]],
    );
    let rows = rows(&bytes, "Подаци");
    assert_eq!(rows[1][0], Data::String("1900-02-28".into()));
    assert_eq!(rows[1][1], Data::String("1234567890123456789".into()));
    assert_eq!(rows[1][2], Data::Float(999_999_999_999_999.0));
    assert_eq!(rows[1][3], Data::String("-92233720368547758.08".into()));
}

#[test]
fn a_text_starting_with_equals_stays_text() {
    let formulas = [
        "=1+1",
        "=HYPERLINK(\"http://x\",\"y\")",
        "+1",
        "-1",
        "@SUM(A1)",
    ];
    let bytes = one_sheet(
        &[Column::new("=A1")],
        &[formulas.iter().map(|f| text(f)).collect()],
    );
    let rows = rows(&bytes, "Подаци");
    assert_eq!(rows[0][0], Data::String("=A1".into()));
    for (i, f) in formulas.iter().enumerate() {
        assert_eq!(rows[1][i], Data::String((*f).into()));
    }
    let formulas = open(&bytes).worksheet_formula("Подаци").unwrap();
    assert!(formulas.used_cells().all(|(_, _, f)| f.is_empty()));
    assert!(!part(&bytes, "xl/worksheets/sheet1.xml").contains("<f"));
}

#[test]
fn text_is_escaped_and_cleaned() {
    let tricky = [
        ("<b>&amp;</b> \"'", "<b>&amp;</b> \"'"),
        ("  spaces kept  ", "  spaces kept  "),
        ("ред 1\r\nред 2\nред 3", "ред 1\r\nред 2\nред 3"),
        ("bell\u{7}null\u{0}\u{fffe}gone", "bellnullgone"),
        ("_x0041_ stays", "_x0041_ stays"),
        ("]]> <![CDATA[", "]]> <![CDATA["),
        ("Ђурђевић Љубић Џамић 😀", "Ђурђевић Љубић Џамић 😀"),
    ];
    let bytes = one_sheet(
        &[Column::new("<&>")],
        &[tricky.iter().map(|(t, _)| text(t)).collect()],
    );
    let rows = rows(&bytes, "Подаци");
    assert_eq!(rows[0][0], Data::String("<&>".into()));
    for (i, (_, expected)) in tricky.iter().enumerate() {
        assert_eq!(rows[1][i], Data::String((*expected).into()), "cell {i}");
    }
}

#[test]
fn a_very_long_text_is_cut_to_excels_limit() {
    let bytes = one_sheet(&[], &[vec![text(&"ж".repeat(40_000))]]);
    let rows = rows(&bytes, "Подаци");
    let Data::String(s) = &rows[0][0] else {
        panic!("{:?}", rows[0][0]);
    };
    assert_eq!(s.chars().count(), 32_767);
}

#[test]
fn the_header_is_bold_frozen_and_the_columns_sized() {
    let bytes = one_sheet(
        &[
            Column::new("Назив институције"),
            Column::new("Б").width(42.5),
        ],
        &[vec![text("Центар за социјални рад"), text("x")]],
    );
    let sheet = part(&bytes, "xl/worksheets/sheet1.xml");
    assert!(
        sheet.contains(
            r#"<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>"#
        ),
        "{sheet}"
    );
    assert!(sheet.contains(r#"<col min="1" max="1" width="19.00" customWidth="1"/>"#));
    assert!(sheet.contains(r#"<col min="2" max="2" width="42.50" customWidth="1"/>"#));
    let styles = open(&bytes).worksheet_style("Подаци").unwrap();
    let bold = |row, col| {
        styles
            .get((row, col))
            .and_then(|s| s.font.as_ref())
            .is_some_and(|f| f.is_bold())
    };
    assert!(bold(0, 0) && bold(0, 1), "header bold");
    assert!(!bold(1, 0) && !bold(1, 1), "data not bold");
}

#[test]
fn without_columns_there_is_no_header_and_nothing_frozen() {
    let bytes = one_sheet(&[], &[vec![Value::Integer(1)]]);
    assert!(!part(&bytes, "xl/worksheets/sheet1.xml").contains("<pane"));
    assert_eq!(rows(&bytes, "Подаци"), vec![vec![Data::Float(1.0)]]);
}

#[test]
fn several_sheets_keep_their_order_and_acceptable_names() {
    let mut book = XlsxWriter::new(Vec::new());
    let wanted = [
        "Активности 2026/I",
        "активности 2026/i",
        "[Обуке]: *?",
        "",
        "Извештај о активностима тима за борбу против трговине људима",
    ];
    for (i, name) in wanted.iter().enumerate() {
        book.add_sheet(name, &[Column::new("n")]).unwrap();
        book.row(&[Value::Integer(i as i64)]).unwrap();
    }
    let names = book.sheet_names().to_vec();
    let bytes = book.finish().unwrap();
    assert_eq!(
        names,
        [
            "Активности 2026_I",
            "активности 2026_i (2)",
            "_Обуке__ __",
            "Sheet4",
            "Извештај о активностима тима за",
        ]
    );
    let mut read = open(&bytes);
    assert_eq!(read.sheet_names(), names);
    for (i, name) in names.iter().enumerate() {
        let range = read.worksheet_range(name).unwrap();
        assert_eq!(range.get_value((1, 0)), Some(&Data::Float(i as f64)));
    }
    // Only the first sheet is selected, or Excel groups the selected sheets.
    assert!(part(&bytes, "xl/worksheets/sheet1.xml").contains("tabSelected"));
    assert!(!part(&bytes, "xl/worksheets/sheet2.xml").contains("tabSelected"));
}

#[test]
fn every_part_is_well_formed_xml() {
    let mut book = XlsxWriter::new(Vec::new());
    book.add_sheet("A & <B>", &[Column::new("\"Тема\" & <x>")])
        .unwrap();
    book.row(&[text("a\u{1}<b>&\"]]>")]).unwrap();
    book.add_sheet("2", &[]).unwrap();
    let bytes = book.finish().unwrap();
    let mut archive = zip::ZipArchive::new(Cursor::new(&bytes)).unwrap();
    let names: Vec<String> = (0..archive.len())
        .map(|i| archive.by_index(i).unwrap().name().unwrap().into_owned())
        .collect();
    assert_eq!(names.len(), 7, "{names:?}");
    for name in names {
        let mut xml = String::new();
        archive
            .by_name(&name)
            .unwrap()
            .read_to_string(&mut xml)
            .unwrap();
        let mut reader = quick_xml::Reader::from_str(&xml);
        reader.config_mut().check_end_names = true;
        let mut depth = 0i32;
        loop {
            match reader.read_event() {
                Ok(quick_xml::events::Event::Start(_)) => depth += 1,
                Ok(quick_xml::events::Event::End(_)) => depth -= 1,
                Ok(quick_xml::events::Event::Eof) => break,
                Ok(_) => {}
                Err(e) => panic!("{name}: {e}\n{xml}"),
            }
        }
        assert_eq!(depth, 0, "{name}");
    }
}

#[test]
fn an_empty_workbook_still_has_a_sheet() {
    let bytes = XlsxWriter::new(Vec::new()).finish().unwrap();
    assert_eq!(open(&bytes).sheet_names(), ["Sheet1"]);
}

#[test]
fn a_row_before_any_sheet_is_refused() {
    let mut book = XlsxWriter::new(Vec::new());
    assert!(matches!(
        book.row(&[Value::Integer(1)]),
        Err(ReportError::NoSheet)
    ));
}

/// An output that only counts what reaches it, shared with the test.
struct Counter(Rc<Cell<usize>>);

impl Write for Counter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.set(self.0.get() + buf.len());
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fn big_row(i: i64) -> Vec<Value> {
    vec![
        Value::Integer(i),
        Value::Text(format!("Активност број {i} — {}", i * 7919 % 10_007)),
        Value::Date(date!(2026 - 01 - 01)),
    ]
}

#[test]
fn ten_thousand_rows_come_back() {
    let mut book = XlsxWriter::new(Vec::new());
    book.add_sheet(
        "Велика",
        &[
            Column::new("Бр."),
            Column::new("Опис"),
            Column::new("Датум"),
        ],
    )
    .unwrap();
    for i in 0..10_000 {
        book.row(&big_row(i)).unwrap();
    }
    let bytes = book.finish().unwrap();
    let rows = rows(&bytes, "Велика");
    assert_eq!(rows.len(), 10_001);
    for i in [0, 1, 4_999, 9_999] {
        let row = &rows[i as usize + 1];
        assert_eq!(row[0], Data::Float(i as f64));
        assert_eq!(
            row[1],
            Data::String(format!("Активност број {i} — {}", i * 7919 % 10_007))
        );
        assert!(matches!(row[2], Data::DateTime(_)));
    }
}

#[test]
fn rows_are_written_out_as_they_come() {
    let seen = Rc::new(Cell::new(0));
    let mut book = XlsxWriter::new(Counter(seen.clone()));
    book.add_sheet("s", &[Column::new("a")]).unwrap();
    let mut halfway = 0;
    for i in 0..20_000 {
        if i == 10_000 {
            halfway = seen.get();
        }
        book.row(&big_row(i)).unwrap();
    }
    let before_finish = seen.get();
    book.finish().unwrap();
    let total = seen.get();
    // The compressed sheet reaches the output while rows are written, not at the end: what
    // the writer holds back (the compressor's buffers, the closing parts) stays small.
    assert!(total > 300_000, "{total}");
    assert!(
        halfway > total / 3,
        "{halfway} of {total} after half the rows"
    );
    assert!(
        total - before_finish < 64 * 1024,
        "{before_finish} of {total}"
    );
}

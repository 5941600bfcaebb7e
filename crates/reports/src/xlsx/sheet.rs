//! One worksheet's XML: the head with the frozen header and column widths, rows of typed
//! cells, and the tail.

use time::{macros::date, Date};

use super::parts::{decimal_style, STYLE_DATE, STYLE_HEADER};
use super::xml::{is_xml_char, push_text};
use crate::table::{iso_date, Column, Value};

/// Excel's limits: rows and columns of a sheet, characters of a cell.
pub(crate) const MAX_ROWS: u32 = 1_048_576;
pub(crate) const MAX_COLUMNS: usize = 16_384;
const MAX_CELL_CHARS: usize = 32_767;
/// Excel shows 15 significant digits; a larger whole number would show changed, so it is
/// written as text, which keeps every digit (an identifier, say).
const MAX_EXACT: u64 = 999_999_999_999_999;
/// Day 0 of Excel's date numbers (1900 system). Excel counts a 29 February 1900 that never
/// was, so only from 1 March 1900 on does counting from 30 December 1899 match it.
const EPOCH: Date = date!(1899 - 12 - 30);
const FIRST_EXACT_DATE: Date = date!(1900 - 03 - 01);
/// Column width when the caller gave none and the header is short.
const MIN_WIDTH: f64 = 8.0;
/// Excel's own limit on a column's width.
const MAX_WIDTH: f64 = 255.0;

const HEAD: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"#;

/// The sheet up to its first data row: the view, frozen below the header, the column widths,
/// and the header row itself in bold. Without columns there is no header and nothing frozen.
pub(crate) fn head(columns: &[Column], first_sheet: bool) -> String {
    let mut xml = String::from(HEAD);
    let selected = if first_sheet {
        r#" tabSelected="1""#
    } else {
        ""
    };
    xml.push_str(&format!(
        r#"<sheetViews><sheetView{selected} workbookViewId="0">"#
    ));
    if !columns.is_empty() {
        // Frozen: the pane split below row 1, so the header stays in view while scrolling.
        xml.push_str(r#"<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/>"#);
    }
    xml.push_str("</sheetView></sheetViews><sheetFormatPr defaultRowHeight=\"15\"/>");
    if !columns.is_empty() {
        xml.push_str("<cols>");
        for (i, column) in columns.iter().enumerate() {
            let n = i + 1;
            let width = width(column);
            xml.push_str(&format!(
                r#"<col min="{n}" max="{n}" width="{width:.2}" customWidth="1"/>"#
            ));
        }
        xml.push_str("</cols>");
    }
    xml.push_str("<sheetData>");
    if !columns.is_empty() {
        xml.push_str(r#"<row r="1">"#);
        for (i, column) in columns.iter().enumerate() {
            push_string(&mut xml, &cell_ref(i, 1), &column.header, STYLE_HEADER);
        }
        xml.push_str("</row>");
    }
    xml
}

/// What closes the sheet after its last row.
pub(crate) const TAIL: &str = "</sheetData></worksheet>";

/// Appends row number `r` (from 1) with its cells; empty values leave no cell.
pub(crate) fn push_row(xml: &mut String, r: u32, values: &[Value]) {
    xml.push_str(&format!(r#"<row r="{r}">"#));
    for (i, value) in values.iter().enumerate() {
        let at = cell_ref(i, r);
        match value {
            Value::Text(text) => push_string(xml, &at, text, 0),
            Value::Integer(n) if n.unsigned_abs() <= MAX_EXACT => push_number(xml, &at, n, 0),
            Value::Integer(n) => push_string(xml, &at, &n.to_string(), 0),
            Value::Decimal(d) if d.units.unsigned_abs() <= MAX_EXACT => {
                push_number(xml, &at, d, decimal_style(d.scale));
            }
            Value::Decimal(d) => push_string(xml, &at, &d.to_string(), 0),
            Value::Date(d) if *d >= FIRST_EXACT_DATE => {
                let serial = (*d - EPOCH).whole_days();
                push_number(xml, &at, serial, STYLE_DATE);
            }
            // Excel has no date before 1900 (and a wrong one in early 1900): text keeps it.
            Value::Date(d) => push_string(xml, &at, &iso_date(*d), 0),
            Value::Empty => {}
        }
    }
    xml.push_str("</row>");
}

/// An inline string: written into the cell itself, unlike shared strings, which would have
/// to be collected over the whole workbook before the first sheet could be closed. Longer
/// texts are cut to Excel's limit per cell, which otherwise "repairs" the file.
fn push_string(xml: &mut String, at: &str, text: &str, style: u32) {
    if text.is_empty() {
        return;
    }
    xml.push_str(&format!(r#"<c r="{at}""#));
    push_style(xml, style);
    // xml:space keeps leading and trailing spaces, which readers otherwise trim.
    xml.push_str(r#" t="inlineStr"><is><t xml:space="preserve">"#);
    push_text(xml, truncate_utf16(text, MAX_CELL_CHARS));
    xml.push_str("</t></is></c>");
}

fn push_number(xml: &mut String, at: &str, n: impl std::fmt::Display, style: u32) {
    xml.push_str(&format!(r#"<c r="{at}""#));
    push_style(xml, style);
    xml.push_str(&format!("><v>{n}</v></c>"));
}

fn push_style(xml: &mut String, style: u32) {
    if style != 0 {
        xml.push_str(&format!(r#" s="{style}""#));
    }
}

/// The longest start of `text` with at most `max` UTF-16 units, which is how Excel counts.
fn truncate_utf16(text: &str, max: usize) -> &str {
    let mut units = 0;
    for (i, c) in text.char_indices() {
        units += c.len_utf16();
        if units > max {
            return &text[..i];
        }
    }
    text
}

/// A reference like `B7`: column `i` (from 0) in letters, row `r` (from 1).
pub(crate) fn cell_ref(i: usize, r: u32) -> String {
    let mut letters = Vec::new();
    let mut n = i;
    loop {
        letters.push(b'A' + (n % 26) as u8);
        if n < 26 {
            break;
        }
        n = n / 26 - 1;
    }
    letters.reverse();
    format!("{}{r}", String::from_utf8_lossy(&letters))
}

/// The width of a column: the caller's hint, or the header's length with some room.
fn width(column: &Column) -> f64 {
    match column.width {
        Some(hint) if !hint.is_nan() => hint.clamp(0.0, MAX_WIDTH),
        _ => (column.header.chars().count() as f64 + 2.0).clamp(MIN_WIDTH, MAX_WIDTH),
    }
}

/// A sheet name Excel accepts and not yet in `taken`: without `[ ] : * ? / \` (replaced by
/// `_`), control characters, characters XML cannot carry (U+FFFE, U+FFFF: the workbook's
/// attribute would drop them, and the file would not name the sheet as reported) and leading
/// or trailing apostrophes, not empty, not Excel's reserved "History", at most 31
/// characters, unique ignoring case (as Excel compares).
pub(crate) fn sheet_name(wanted: &str, taken: &[String], number: usize) -> String {
    let cleaned: String = wanted
        .chars()
        .filter(|c| !c.is_control() && is_xml_char(*c))
        .map(|c| match c {
            '[' | ']' | ':' | '*' | '?' | '/' | '\\' => '_',
            c => c,
        })
        .collect();
    let trimmed = cleaned.trim().trim_matches('\'').trim();
    let base = if trimmed.is_empty() || trimmed.eq_ignore_ascii_case("history") {
        format!("Sheet{number}")
    } else {
        trimmed.to_owned()
    };
    let is_taken = |name: &str| {
        let lower = name.to_lowercase();
        taken.iter().any(|t| t.to_lowercase() == lower)
    };
    let mut name = fit(&base, "");
    let mut copy = 1;
    while is_taken(&name) {
        copy += 1;
        name = fit(&base, &format!(" ({copy})"));
    }
    name
}

/// `base` cut so that with `suffix` it has at most 31 UTF-16 units.
fn fit(base: &str, suffix: &str) -> String {
    let room = 31 - suffix.len();
    let cut = truncate_utf16(base, room).trim_end().trim_end_matches('\'');
    let mut name = cut.to_owned();
    name.push_str(suffix);
    name
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cell_references_count_columns_in_letters() {
        assert_eq!(cell_ref(0, 1), "A1");
        assert_eq!(cell_ref(25, 2), "Z2");
        assert_eq!(cell_ref(26, 3), "AA3");
        assert_eq!(cell_ref(701, 4), "ZZ4");
        assert_eq!(cell_ref(702, 5), "AAA5");
        assert_eq!(cell_ref(MAX_COLUMNS - 1, 6), "XFD6");
    }

    #[test]
    fn sheet_names_are_made_acceptable_to_excel() {
        let none: &[String] = &[];
        assert_eq!(sheet_name("a[b]:c*d?e/f\\g", none, 1), "a_b__c_d_e_f_g");
        assert_eq!(sheet_name("  'Квартал'  ", none, 1), "Квартал");
        assert_eq!(sheet_name("", none, 3), "Sheet3");
        assert_eq!(sheet_name("History", none, 2), "Sheet2");
        assert_eq!(sheet_name("a\tb\u{7}", none, 1), "ab");
        // XML cannot carry these, so the workbook could not name the sheet so.
        assert_eq!(sheet_name("a\u{fffe}b\u{ffff}", none, 1), "ab");
        let long = "Извештај о активностима тима за 2026. годину";
        let cut = sheet_name(long, none, 1);
        assert_eq!(cut.chars().count(), 31);
        assert!(long.starts_with(&cut));
    }

    #[test]
    fn sheet_names_are_unique_ignoring_case() {
        let taken = vec!["Подаци".to_string(), "Подаци (2)".to_string()];
        assert_eq!(sheet_name("ПОДАЦИ", &taken, 3), "ПОДАЦИ (3)");
        let long = "x".repeat(40);
        let taken = vec!["x".repeat(31)];
        assert_eq!(
            sheet_name(&long, &taken, 2),
            format!("{} (2)", "x".repeat(27))
        );
    }

    #[test]
    fn cells_are_cut_at_excels_limit_counted_in_utf16() {
        let text = "😀".repeat(20_000); // 2 UTF-16 units each
        assert_eq!(
            truncate_utf16(&text, MAX_CELL_CHARS).chars().count(),
            16_383
        );
        assert_eq!(truncate_utf16("абв", 5), "абв");
    }

    #[test]
    fn widths_follow_the_hint_or_the_header() {
        assert_eq!(width(&Column::new("Назив институције")), 19.0);
        assert_eq!(width(&Column::new("ID")), MIN_WIDTH);
        assert_eq!(width(&Column::new("x").width(3.5)), 3.5);
        assert_eq!(width(&Column::new("x").width(1000.0)), MAX_WIDTH);
        assert_eq!(width(&Column::new("x").width(f64::NAN)), MIN_WIDTH);
    }
}

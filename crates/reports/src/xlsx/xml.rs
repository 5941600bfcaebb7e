//! Text into SpreadsheetML: XML escaping, characters that XML 1.0 cannot carry, and the
//! `_xHHHH_` escapes of Office strings.

use std::borrow::Cow;

/// Whether XML 1.0 can carry `c` at all (its `Char` production). The others (most control
/// characters, U+FFFE, U+FFFF) make the whole file unreadable, so they are dropped.
pub(crate) fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// Appends `text` as the content of an element: `&`, `<`, `>` escaped, characters invalid in
/// XML dropped.
///
/// Office reads `_x000D_` (any `_x` + 4 hex digits + `_`) inside a string as an escaped
/// character, so a literal occurrence gets its `_` escaped as `_x005F_`, and a carriage return
/// is written as `_x000D_` because XML parsers turn a raw one into a line feed. The invalid
/// characters go first, so that what is left cannot form such an escape (`_\u{1}x000D_`).
pub(crate) fn push_text(out: &mut String, text: &str) {
    let text: Cow<'_, str> = if text.chars().all(is_xml_char) {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(text.chars().filter(|c| is_xml_char(*c)).collect())
    };
    for (i, c) in text.char_indices() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\r' => out.push_str("_x000D_"),
            '_' if starts_office_escape(&text[i..]) => out.push_str("_x005F_"),
            c => out.push(c),
        }
    }
}

/// Appends `text` as an attribute value in double quotes: as [`push_text`] but without the
/// Office escapes (they are not used in the attributes written here), with quotes escaped and
/// tabs and line breaks as character references, so attribute normalisation keeps them.
pub(crate) fn push_attr(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\t' => out.push_str("&#9;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            c if is_xml_char(c) => out.push(c),
            _ => {}
        }
    }
}

/// Whether `s` starts with `_xHHHH_`, or with `_xHHHH` and a carriage return, whose
/// `_x000D_` would supply the closing `_`.
fn starts_office_escape(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() >= 7
        && b.starts_with(b"_x")
        && b[2..6].iter().all(u8::is_ascii_hexdigit)
        && matches!(b[6], b'_' | b'\r')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> String {
        let mut out = String::new();
        push_text(&mut out, s);
        out
    }

    #[test]
    fn markup_is_escaped_and_invalid_characters_dropped() {
        assert_eq!(text("a<b>&c\"'"), "a&lt;b&gt;&amp;c\"'");
        assert_eq!(text("x\u{0}\u{1}\u{b}\u{1f}y\u{fffe}\u{ffff}z"), "xyz");
        assert_eq!(text("tab\tline\n"), "tab\tline\n");
        assert_eq!(text("😀 Ђ"), "😀 Ђ");
    }

    #[test]
    fn office_escapes_stay_literal() {
        assert_eq!(text("a\r\nb"), "a_x000D_\nb");
        assert_eq!(text("_x0041_"), "_x005F_x0041_");
        assert_eq!(text("_x00_ _xZZZZ_ snake_case"), "_x00_ _xZZZZ_ snake_case");
        // A dropped character does not leave an escape behind (found by the fuzz target).
        assert_eq!(text("_\u{1}x000D_"), "_x005F_x000D_");
        // Nor does a carriage return close one (`_x0041` then `_x000D_`).
        assert_eq!(text("_x0041\r"), "_x005F_x0041_x000D_");
    }

    #[test]
    fn attributes_escape_quotes_and_keep_whitespace() {
        let mut out = String::new();
        push_attr(&mut out, "\"a\"\t\u{7}b\n");
        assert_eq!(out, "&quot;a&quot;&#9;b&#10;");
    }
}

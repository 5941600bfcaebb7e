//! Content lines of iCalendar (RFC 5545 §3.1, §3.3.11): TEXT values escaped, lines ended by
//! CRLF and folded at 75 octets.

/// The longest a line may be, in octets, without its CRLF (RFC 5545 §3.1).
pub(crate) const MAX_OCTETS: usize = 75;

/// Appends `text` as a TEXT value: backslash, semicolon and comma escaped with a backslash,
/// every line break (CRLF, LF or CR) as `\n`, other control characters but tab dropped,
/// since TEXT may not hold them.
pub(crate) fn push_escaped(out: &mut String, text: &str) {
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {
                // CRLF is one line break, not two.
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("\\n");
            }
            '\t' => out.push('\t'),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
}

/// Appends the content line `line` (without line end), folded: after 75 octets a CRLF and a
/// space, the space counting towards the next line's 75. A fold never falls inside a UTF-8
/// sequence, so each physical line is valid UTF-8 on its own (§3.1 asks for this).
pub(crate) fn push_folded(out: &mut String, line: &str) {
    let mut rest = line;
    let mut room = MAX_OCTETS;
    while rest.len() > room {
        let mut cut = room;
        while !rest.is_char_boundary(cut) {
            cut -= 1;
        }
        out.push_str(&rest[..cut]);
        out.push_str("\r\n ");
        rest = &rest[cut..];
        room = MAX_OCTETS - 1;
    }
    out.push_str(rest);
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    fn escaped(s: &str) -> String {
        let mut out = String::new();
        push_escaped(&mut out, s);
        out
    }

    fn folded(s: &str) -> String {
        let mut out = String::new();
        push_folded(&mut out, s);
        out
    }

    #[test]
    fn text_escapes_the_four_specials_and_line_breaks() {
        assert_eq!(escaped(r"a\b;c,d"), r"a\\b\;c\,d");
        assert_eq!(escaped("1\r\n2\n3\r4"), r"1\n2\n3\n4");
        assert_eq!(escaped("x\u{0}\u{7}\ty:\"z\""), "x\ty:\"z\"");
    }

    #[test]
    fn a_short_line_is_not_folded() {
        let line = "X".repeat(MAX_OCTETS);
        assert_eq!(folded(&line), format!("{line}\r\n"));
    }

    #[test]
    fn a_long_ascii_line_folds_at_75_then_74() {
        let line = "X".repeat(75 + 74 + 1);
        let expected = format!("{}\r\n {}\r\n {}\r\n", "X".repeat(75), "X".repeat(74), "X");
        assert_eq!(folded(&line), expected);
    }

    #[test]
    fn a_fold_moves_back_to_the_start_of_a_character() {
        // "S:" then two-octet letters: octet 75 would be the first half of a letter.
        let line = format!("S:{}", "ж".repeat(40));
        let out = folded(&line);
        let first = out.split("\r\n").next().unwrap_or_default();
        assert_eq!(first.len(), 74);
        assert_eq!(out.replace("\r\n ", ""), format!("{line}\r\n"));
    }
}

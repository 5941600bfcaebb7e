//! Reading the text back out of a document this crate wrote, so that tests (here and in the
//! layers above) can check what a reader will see without a PDF library.

/// The lines of text of a one-page PDF written by this crate, decoded through its ToUnicode
/// map. Returns nothing for anything else.
pub fn text_lines(pdf: &[u8]) -> Vec<String> {
    let map = unicode_map(pdf);
    let Some(content) = stream_of(pdf, b"4 0 obj") else {
        return Vec::new();
    };
    literal_strings(content)
        .into_iter()
        .map(|bytes| {
            bytes
                .chunks(2)
                .filter_map(|g| {
                    let id = u16::from_be_bytes([g[0], *g.get(1).unwrap_or(&0)]);
                    map.iter().find(|(k, _)| *k == id).map(|(_, c)| *c)
                })
                .collect()
        })
        .collect()
}

fn stream_of<'a>(pdf: &'a [u8], object: &[u8]) -> Option<&'a [u8]> {
    let start = find(pdf, object)?;
    let rest = &pdf[start..];
    let body = find(rest, b"stream\n")? + b"stream\n".len();
    let end = find(&rest[body..], b"endstream")?;
    Some(&rest[body..body + end])
}

fn unicode_map(pdf: &[u8]) -> Vec<(u16, char)> {
    let Some(start) = find(pdf, b"beginbfchar") else {
        return Vec::new();
    };
    let Some(end) = find(&pdf[start..], b"endbfchar") else {
        return Vec::new();
    };
    let section = String::from_utf8_lossy(&pdf[start + 11..start + end]).to_string();
    let hexes: Vec<&str> = section
        .split(['<', '>', ' ', '\n'])
        .filter(|s| !s.is_empty())
        .collect();
    hexes
        .chunks(2)
        .filter_map(|pair| {
            let glyph = u16::from_str_radix(pair.first()?, 16).ok()?;
            let unit = u32::from_str_radix(pair.get(1)?, 16).ok()?;
            Some((glyph, char::from_u32(unit)?))
        })
        .collect()
}

/// The `( … )` strings of a content stream, with PDF escapes undone.
fn literal_strings(content: &[u8]) -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < content.len() {
        if content[i] != b'(' {
            i += 1;
            continue;
        }
        let mut s = Vec::new();
        let mut depth = 1;
        i += 1;
        while i < content.len() && depth > 0 {
            let b = content[i];
            match b {
                b'\\' => {
                    i += 1;
                    let e = content.get(i).copied().unwrap_or(b'\\');
                    if e.is_ascii_digit() {
                        let mut v = 0u32;
                        let mut n = 0;
                        while n < 3 && content.get(i).is_some_and(|d| (b'0'..=b'7').contains(d)) {
                            v = v * 8 + u32::from(content[i] - b'0');
                            i += 1;
                            n += 1;
                        }
                        s.push(v as u8);
                        continue;
                    }
                    s.push(match e {
                        b'n' => b'\n',
                        b'r' => b'\r',
                        b't' => b'\t',
                        b'b' => 8,
                        b'f' => 12,
                        other => other,
                    });
                }
                b'(' => {
                    depth += 1;
                    s.push(b);
                }
                b')' => {
                    depth -= 1;
                    if depth > 0 {
                        s.push(b);
                    }
                }
                _ => s.push(b),
            }
            i += 1;
        }
        out.push(s);
    }
    out
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

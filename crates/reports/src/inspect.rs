//! Reading the text back out of a document this crate wrote, so that tests (here and in the
//! layers above) can check what a reader will see without a PDF library. It understands
//! only what this crate writes: a file with a classic cross-reference table, streams plain
//! or deflated, one page tree and text shown with `Tj` in the embedded font.

use std::collections::BTreeMap;

/// The text runs of all pages, in order, each decoded through the font's ToUnicode map
/// (for a one-page certificate: its lines). Returns nothing for anything else.
pub fn text_lines(pdf: &[u8]) -> Vec<String> {
    page_texts(pdf).into_iter().flatten().collect()
}

/// How many pages the page tree lists; 0 for anything this crate did not write.
pub fn page_count(pdf: &[u8]) -> usize {
    File::read(pdf).map_or(0, |f| f.pages().len())
}

/// For each page in order, its text runs in the order they are drawn (a run is one line of
/// a paragraph, one line of a table cell, one label of a chart).
pub fn page_texts(pdf: &[u8]) -> Vec<Vec<String>> {
    let Some(file) = File::read(pdf) else {
        return Vec::new();
    };
    let map = unicode_map(pdf);
    file.pages()
        .into_iter()
        .map(|page| {
            let content = file
                .object(page)
                .and_then(|p| reference(p, b"/Contents"))
                .and_then(|c| file.stream(c))
                .unwrap_or_default();
            shown_strings(&content)
                .into_iter()
                .map(|codes| decode(&codes, &map))
                .collect()
        })
        .collect()
}

fn decode(codes: &[u8], map: &BTreeMap<u16, char>) -> String {
    codes
        .chunks(2)
        .filter_map(|g| {
            let id = u16::from_be_bytes([g[0], *g.get(1).unwrap_or(&0)]);
            map.get(&id).copied()
        })
        .collect()
}

/// The file with its cross-reference table read: object number → byte offset.
struct File<'a> {
    bytes: &'a [u8],
    offsets: BTreeMap<u32, usize>,
}

impl<'a> File<'a> {
    fn read(bytes: &'a [u8]) -> Option<File<'a>> {
        let at = rfind(bytes, b"startxref")?;
        let xref: usize = std::str::from_utf8(&bytes[at + 9..])
            .ok()?
            .split_whitespace()
            .next()?
            .parse()
            .ok()?;
        let mut lines = bytes.get(xref..)?.split(|b| *b == b'\n').skip(1);
        let mut offsets = BTreeMap::new();
        // One subsection, "0 N", then N entries of "offset generation n|f".
        let header = String::from_utf8_lossy(lines.next()?).to_string();
        let mut header = header.split_whitespace();
        let first: u32 = header.next()?.parse().ok()?;
        let count: u32 = header.next()?.parse().ok()?;
        for number in first..first + count {
            let entry = String::from_utf8_lossy(lines.next()?).to_string();
            let fields: Vec<&str> = entry.split_whitespace().collect();
            if fields.get(2) == Some(&"n") {
                offsets.insert(number, fields.first()?.parse().ok()?);
            }
        }
        Some(File { bytes, offsets })
    }

    /// The object's text from `N 0 obj` to `endobj`.
    fn object(&self, number: u32) -> Option<&'a [u8]> {
        let rest = self.bytes.get(*self.offsets.get(&number)?..)?;
        Some(&rest[..find(rest, b"endobj")?])
    }

    /// The page objects in the order the page tree lists them.
    fn pages(&self) -> Vec<u32> {
        let pages = self
            .object_after_trailer_root()
            .and_then(|catalog| reference(catalog, b"/Pages"))
            .and_then(|tree| self.object(tree));
        pages
            .map(|tree| references(tree, b"/Kids"))
            .unwrap_or_default()
    }

    fn object_after_trailer_root(&self) -> Option<&'a [u8]> {
        let trailer = &self.bytes[rfind(self.bytes, b"trailer")?..];
        self.object(reference(trailer, b"/Root")?)
    }

    /// The bytes of a stream object, by its `/Length`, inflated if they were deflated.
    fn stream(&self, number: u32) -> Option<Vec<u8>> {
        let rest = self.bytes.get(*self.offsets.get(&number)?..)?;
        let length: usize = number_after(rest, b"/Length ")?;
        let body = find(rest, b"stream\n")? + b"stream\n".len();
        let data = rest.get(body..body + length)?;
        if find(&rest[..body], b"/FlateDecode").is_some() {
            miniz_oxide::inflate::decompress_to_vec_zlib(data).ok()
        } else {
            Some(data.to_vec())
        }
    }
}

/// The object number of the `N 0 R` reference after a key.
fn reference(dict: &[u8], key: &[u8]) -> Option<u32> {
    number_after(dict, key)
}

/// The object numbers of an array of references after a key: `/Kids [10 0 R 12 0 R]`.
fn references(dict: &[u8], key: &[u8]) -> Vec<u32> {
    let Some(at) = find(dict, key) else {
        return Vec::new();
    };
    let rest = &dict[at + key.len()..];
    let (Some(open), Some(close)) = (find(rest, b"["), find(rest, b"]")) else {
        return Vec::new();
    };
    let inside = String::from_utf8_lossy(&rest[open + 1..close]).to_string();
    let words: Vec<&str> = inside.split_whitespace().collect();
    words
        .chunks(3)
        .filter_map(|w| w.first()?.parse().ok())
        .collect()
}

fn number_after<T: std::str::FromStr>(bytes: &[u8], key: &[u8]) -> Option<T> {
    let at = find(bytes, key)? + key.len();
    let digits: String = bytes[at..]
        .iter()
        .skip_while(|b| b.is_ascii_whitespace())
        .take_while(|b| b.is_ascii_digit())
        .map(|b| char::from(*b))
        .collect();
    digits.parse().ok()
}

/// Code → character, from every `bfchar` section of the ToUnicode map (a section holds
/// at most 100 pairs, so a document with many characters has several).
fn unicode_map(pdf: &[u8]) -> BTreeMap<u16, char> {
    let mut map = BTreeMap::new();
    let mut rest = pdf;
    while let Some(start) = find(rest, b"beginbfchar") {
        let section = &rest[start + 11..];
        let Some(end) = find(section, b"endbfchar") else {
            break;
        };
        let text = String::from_utf8_lossy(&section[..end]).to_string();
        let hexes: Vec<&str> = text
            .split(['<', '>', ' ', '\n'])
            .filter(|s| !s.is_empty())
            .collect();
        for pair in hexes.chunks(2) {
            let code = pair.first().and_then(|h| u16::from_str_radix(h, 16).ok());
            let unit = pair.get(1).and_then(|h| u32::from_str_radix(h, 16).ok());
            if let (Some(code), Some(c)) = (code, unit.and_then(char::from_u32)) {
                map.insert(code, c);
            }
        }
        rest = &section[end..];
    }
    map
}

/// The string operands of the `Tj` operators of a content stream, in order, with PDF
/// escapes undone. Strings are literal `( … )` or, when a code byte is not ASCII, hex
/// `< … >`.
fn shown_strings(content: &[u8]) -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    let mut last: Option<Vec<u8>> = None;
    let mut i = 0;
    while i < content.len() {
        match content[i] {
            b'(' => {
                let (s, next) = literal(content, i + 1);
                last = Some(s);
                i = next;
            }
            b'<' => {
                let end = content[i..]
                    .iter()
                    .position(|b| *b == b'>')
                    .map_or(content.len(), |p| i + p);
                last = Some(hex(&content[i + 1..end]));
                i = end + 1;
            }
            b'T' if content.get(i + 1) == Some(&b'j') => {
                out.extend(last.take());
                i += 2;
            }
            _ => i += 1,
        }
    }
    out
}

fn hex(digits: &[u8]) -> Vec<u8> {
    let digits: Vec<u8> = digits
        .iter()
        .filter_map(|d| char::from(*d).to_digit(16))
        .map(|d| d as u8)
        .collect();
    digits
        .chunks(2)
        .map(|p| p[0] << 4 | p.get(1).copied().unwrap_or(0))
        .collect()
}

/// A literal string starting after its `(`: the bytes and the index after its `)`.
fn literal(content: &[u8], mut i: usize) -> (Vec<u8>, usize) {
    let mut s = Vec::new();
    let mut depth = 1;
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
    (s, i)
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

fn rfind(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).rposition(|w| w == needle)
}

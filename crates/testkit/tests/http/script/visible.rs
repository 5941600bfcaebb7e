//! What a reader sees of a page, read without the app's own rewriter: text between tags and
//! the attributes shown or read out, leaving out scripts, styles, the content of text areas
//! (a stored value, kept as typed) and elements marked `lang="sr-Cyrl"`.

/// Attributes whose value a reader sees or hears.
const VISIBLE_ATTRIBUTES: [&str; 7] = [
    "title",
    "alt",
    "placeholder",
    "aria-label",
    "aria-description",
    "label",
    "data-label",
];

/// Whether a character is a Cyrillic letter.
pub fn is_cyrillic(c: char) -> bool {
    ('\u{0400}'..='\u{04FF}').contains(&c)
}

/// The first places where the page shows Cyrillic to its reader, each with some context.
pub fn cyrillic_shown(html: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        note(&rest[..lt], &mut found);
        let tag_and_after = &rest[lt..];
        let Some(gt) = tag_and_after.find('>') else {
            break;
        };
        let tag = &tag_and_after[1..gt];
        let after = &tag_and_after[gt + 1..];
        let name: String = tag
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '!' || *c == '/')
            .collect::<String>()
            .to_ascii_lowercase();
        let marked = tag.contains("lang=\"sr-Cyrl\"");
        let skipped = marked || matches!(name.as_str(), "script" | "style" | "textarea");
        if !marked && !name.starts_with('/') {
            for attr in VISIBLE_ATTRIBUTES {
                if let Some(v) = attribute(tag, attr) {
                    note(v, &mut found);
                }
            }
        }
        rest = if skipped && !tag.ends_with('/') {
            // Up to the matching end tag (marked elements nest their own kind only).
            skip_element(after, &name)
        } else {
            after
        };
    }
    note(rest, &mut found);
    found
}

/// The value of an attribute in a start tag's text.
fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let marker = format!(" {name}=\"");
    let start = tag.find(&marker)? + marker.len();
    let len = tag[start..].find('"')?;
    Some(&tag[start..start + len])
}

/// What follows the end of an element whose start tag has just been read.
fn skip_element<'a>(after: &'a str, name: &str) -> &'a str {
    let open = format!("<{name}");
    let close = format!("</{name}>");
    let mut depth = 1;
    let mut at = 0;
    while depth > 0 {
        let next_close = match after[at..].find(&close) {
            Some(i) => at + i,
            None => return "",
        };
        match after[at..next_close].find(&open) {
            Some(i) => {
                depth += 1;
                at += i + open.len();
            }
            None => {
                depth -= 1;
                at = next_close + close.len();
            }
        }
    }
    &after[at..]
}

fn note(text: &str, found: &mut Vec<String>) {
    if let Some((i, _)) = text.char_indices().find(|(_, c)| is_cyrillic(*c)) {
        let from = text[..i].char_indices().rev().nth(40).map_or(0, |(j, _)| j);
        let snippet: String = text[from..].chars().take(100).collect();
        found.push(snippet.split_whitespace().collect::<Vec<_>>().join(" "));
    }
}

#[test]
fn the_reader_skips_what_is_kept_and_finds_the_rest() {
    let page = concat!(
        r#"<title>Страна</title><p title="x">a</p><input value="Весна">"#,
        r#"<textarea>Записник</textarea><button lang="sr-Cyrl">Српски</button>"#,
        r#"<script>ш</script><span aria-label="Ана">b</span>"#,
    );
    let shown = cyrillic_shown(page);
    assert_eq!(shown, vec!["Страна".to_string(), "Ана".to_string()]);
}

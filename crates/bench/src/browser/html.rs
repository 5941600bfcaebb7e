//! What a person reads off a page to find the next one: the form's CSRF token, links to
//! numbered records, the pager of a long list, and a refused form's messages.

use scraper::{ElementRef, Html, Selector};

/// The elements of `html` that match `selector` (a constant of this crate).
fn select<'a>(doc: &'a Html, selector: &str) -> Vec<ElementRef<'a>> {
    match Selector::parse(selector) {
        Ok(s) => doc.select(&s).collect(),
        Err(_) => Vec::new(),
    }
}

/// The CSRF token the page's forms carry.
pub fn csrf(html: &str) -> Option<String> {
    let doc = Html::parse_document(html);
    select(&doc, r#"input[name="csrf"]"#)
        .into_iter()
        .filter_map(|e| e.attr("value"))
        .find(|v| !v.is_empty())
        .map(str::to_string)
}

/// The links to numbered records under `prefix` (`/cases/` finds `/cases/12`, not
/// `/cases/new` or `/cases/12/edit`), in the page's order, without fragments.
pub fn numbered_links(html: &str, prefix: &str) -> Vec<String> {
    let doc = Html::parse_document(html);
    select(&doc, "a[href]")
        .into_iter()
        .filter_map(|a| a.attr("href"))
        .map(|href| href.split('#').next().unwrap_or(href))
        .filter(|href| {
            href.strip_prefix(prefix).is_some_and(|rest| {
                let id = rest.split('?').next().unwrap_or(rest);
                !id.is_empty() && id.bytes().all(|b| b.is_ascii_digit())
            })
        })
        .map(str::to_string)
        .collect()
}

/// The first such link.
pub fn first_numbered_link(html: &str, prefix: &str) -> Option<String> {
    numbered_links(html, prefix).into_iter().next()
}

/// The text of the first link to a numbered record under `prefix`.
pub fn first_numbered_link_text(html: &str, prefix: &str) -> Option<String> {
    let first = first_numbered_link(html, prefix)?;
    let doc = Html::parse_document(html);
    select(&doc, "a[href]")
        .into_iter()
        .find(|a| {
            a.attr("href")
                .is_some_and(|h| h.starts_with(first.as_str()))
        })
        .map(|a| a.text().collect::<String>().trim().to_string())
}

/// The links whose address contains `needle`, in the page's order.
pub fn links_containing(html: &str, needle: &str) -> Vec<String> {
    let doc = Html::parse_document(html);
    select(&doc, "a[href]")
        .into_iter()
        .filter_map(|a| a.attr("href"))
        .filter(|href| href.contains(needle))
        .map(str::to_string)
        .collect()
}

/// Where a paged list stands: page `page` of `pages`, and the address of a neighbouring
/// page, which shows how the list's address names a page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pager {
    pub page: u64,
    pub pages: u64,
    pub neighbour: String,
}

impl Pager {
    /// The pager of a list page, if it has more than one page. Its label is in the
    /// reader's language ("Page 1 of 40", "Страна 1 од 40"): the numbers are read, not the
    /// words.
    pub fn of(html: &str) -> Option<Pager> {
        let doc = Html::parse_document(html);
        let nav = select(&doc, "nav.pager").into_iter().next()?;
        let label: String = nav
            .select(&Selector::parse("span").ok()?)
            .next()?
            .text()
            .collect();
        let numbers: Vec<u64> = ungroup(&label)
            .split(|c: char| !c.is_ascii_digit())
            .filter_map(|n| n.parse().ok())
            .collect();
        let (&page, &pages) = (numbers.first()?, numbers.last()?);
        let neighbour = nav
            .select(&Selector::parse("a[href]").ok()?)
            .find_map(|a| a.attr("href"))?
            .to_string();
        Some(Pager {
            page,
            pages,
            neighbour,
        })
    }

    /// The address of page `page` (at most the last), made from the neighbour's.
    pub fn link_to(&self, page: u64) -> String {
        let page = page.clamp(1, self.pages);
        let (path, query) = self
            .neighbour
            .split_once('?')
            .unwrap_or((self.neighbour.as_str(), ""));
        let mut pairs: Vec<(String, String)> =
            serde_urlencoded::from_str(query).unwrap_or_default();
        pairs.retain(|(k, _)| k != "page");
        pairs.push(("page".into(), page.to_string()));
        let query = serde_urlencoded::to_string(&pairs).unwrap_or_default();
        format!("{path}?{query}")
    }
}

/// Text with the separators of digit groups taken out ("2.345", "2 345" and "2,345" read
/// as 2345), so that a grouped number is one number.
fn ungroup(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let digit = |i: usize| chars.get(i).is_some_and(char::is_ascii_digit);
    chars
        .iter()
        .enumerate()
        .filter(|(i, c)| {
            let separator = matches!(c, '.' | ',' | ' ' | '\'' | '\u{a0}' | '\u{202f}');
            let grouping = *i > 0 && digit(i - 1) && (1..=3).all(|k| digit(i + k)) && !digit(i + 4);
            !(separator && grouping)
        })
        .map(|(_, c)| *c)
        .collect()
}

/// The messages a refused form shows (the general one and those at its fields).
pub fn form_errors(html: &str) -> Vec<String> {
    let doc = Html::parse_document(html);
    select(&doc, "p.error, p.alert, [role=alert]")
        .into_iter()
        .map(|e| {
            let field = e
                .attr("id")
                .and_then(|id| id.strip_suffix("-error"))
                .map(|f| format!("{f}: "))
                .unwrap_or_default();
            let text: String = e.text().collect::<String>();
            format!(
                "{field}{}",
                text.split_whitespace().collect::<Vec<_>>().join(" ")
            )
        })
        .collect()
}

/// The page's main heading, to say what a page is when it is not what was expected.
pub fn heading(html: &str) -> Option<String> {
    let doc = Html::parse_document(html);
    let h1 = select(&doc, "h1").into_iter().next()?;
    Some(h1.text().collect::<String>().trim().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    const LIST: &str = r#"<html><body>
        <form method="post"><input type="hidden" name="csrf" value="tok-1&amp;2"></form>
        <a href="/cases/new">New</a>
        <a href="/cases/17/edit">Edit</a>
        <a href="/cases/42">ПУ-2026-42</a>
        <a href="/cases/7?x=1#top">other</a>
        <a href="/cases/">none</a>
        <a href="/activities/export.xlsx">XLSX</a>
        <nav class="pager" aria-label="Pages">
          <span>Страна 1 од 2.345</span>
          <a href="/cases?sort=new&amp;page=2" rel="next">Next</a>
        </nav></body></html>"#;

    #[test]
    fn the_csrf_token_is_the_inputs_value_unescaped() {
        assert_eq!(csrf(LIST).as_deref(), Some("tok-1&2"));
        assert_eq!(csrf("<p>no form</p>"), None);
        assert_eq!(csrf(r#"<input name="csrf" value="">"#), None);
    }

    #[test]
    fn numbered_links_are_records_only() {
        assert_eq!(
            numbered_links(LIST, "/cases/"),
            ["/cases/42", "/cases/7?x=1"]
        );
        assert_eq!(first_numbered_link(LIST, "/reports/"), None);
        assert_eq!(
            first_numbered_link_text(LIST, "/cases/").as_deref(),
            Some("ПУ-2026-42")
        );
        assert_eq!(
            links_containing(LIST, "/export."),
            ["/activities/export.xlsx"]
        );
    }

    #[test]
    fn the_pager_is_read_by_its_numbers_whatever_the_language() {
        let p = Pager::of(LIST).unwrap();
        // "2.345" is a number grouped the Serbian way, not two numbers.
        assert_eq!((p.page, p.pages), (1, 2345));
        assert_eq!(p.neighbour, "/cases?sort=new&page=2");
        assert_eq!(p.link_to(2), "/cases?sort=new&page=2");
        assert_eq!(
            p.link_to(100_000),
            format!("/cases?sort=new&page={}", p.pages)
        );
        let en = r#"<nav class="pager"><a href="/cases?page=1" rel="prev">Prev</a>
            <span>Page 2 of 40</span><a href="/cases?page=3" rel="next">Next</a></nav>"#;
        let p = Pager::of(en).unwrap();
        assert_eq!((p.page, p.pages), (2, 40));
        assert_eq!(p.link_to(2000), "/cases?page=40");
        assert_eq!(Pager::of("<p>one page</p>"), None);
        assert_eq!(ungroup("Page 1 of 12 345"), "Page 1 of 12345");
        assert_eq!(ungroup("1, 2, 3 of 1,5"), "1, 2, 3 of 1,5");
    }

    #[test]
    fn a_refused_forms_messages_name_their_fields() {
        let page = r#"<p class="alert" role="alert">The form has errors</p>
            <p class="error" id="title-error">  Required
            field </p>"#;
        assert_eq!(
            form_errors(page),
            ["The form has errors", "title: Required field"]
        );
        assert_eq!(heading("<h1> Cases </h1>").as_deref(), Some("Cases"));
    }
}

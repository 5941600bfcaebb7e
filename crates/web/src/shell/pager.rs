//! Pages of a long list: links to the previous and next page that keep the search.

use super::tr::Tr;
use spona_app::registry::PAGE_SIZE;

/// Where a list stands and how to move.
#[derive(Clone, Debug)]
pub struct Pager {
    pub pages: i64,
    pub prev: Option<String>,
    pub next: Option<String>,
    pub label: String,
    pub count: String,
}

impl Pager {
    /// The pager for `page` of `total` rows, linking from the current address `here`.
    pub fn new(tr: &Tr, page: i64, total: i64, here: &str) -> Pager {
        let pages = ((total + PAGE_SIZE - 1) / PAGE_SIZE).max(1);
        let page = page.clamp(1, pages);
        let link = |p: i64| with_page(here, p);
        Pager {
            pages,
            prev: (page > 1).then(|| link(page - 1)),
            next: (page < pages).then(|| link(page + 1)),
            label: tr.with("page-of", &[("page", page.into()), ("pages", pages.into())]),
            count: tr.tn("results-count", "count", total),
        }
    }
}

/// The address with its `page` parameter set.
fn with_page(here: &str, page: i64) -> String {
    let (path, query) = here.split_once('?').unwrap_or((here, ""));
    let mut pairs: Vec<(String, String)> = serde_urlencoded::from_str(query).unwrap_or_default();
    pairs.retain(|(k, _)| k != "page");
    pairs.push(("page".into(), page.to_string()));
    let q = serde_urlencoded::to_string(&pairs).unwrap_or_default();
    format!("{path}?{q}")
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_page_is_replaced_and_the_search_kept() {
        assert_eq!(super::with_page("/x?q=ana&page=2", 3), "/x?q=ana&page=3");
        assert_eq!(super::with_page("/x", 2), "/x?page=2");
    }
}

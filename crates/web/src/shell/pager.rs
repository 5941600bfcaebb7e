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

impl Pager {
    /// The pager of a list counted only up to `limit` rows: a larger `total` reads "more
    /// than `limit`", and the pages reach as far as the limit does.
    pub fn counted_up_to(tr: &Tr, page: i64, total: i64, limit: i64, here: &str) -> Pager {
        let mut pager = Pager::new(tr, page, total.min(limit), here);
        if total > limit {
            pager.count = tr.with("results-more-than", &[("count", limit.into())]);
        }
        pager
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
    use super::{Pager, Tr};
    use spona_i18n::{Catalog, Locale};
    use std::sync::Arc;

    #[test]
    fn a_list_counted_up_to_a_limit_says_more_than_and_pages_only_that_far() {
        let tr = Tr::new(
            Arc::new(Catalog::load().unwrap()),
            Locale::En,
            jiff::tz::TimeZone::UTC,
        );
        let capped = Pager::counted_up_to(&tr, 9, 201, 200, "/cases");
        assert!(
            capped.count.contains("More than") && capped.count.contains("200"),
            "{}",
            capped.count
        );
        assert_eq!(capped.pages, 200 / spona_app::registry::PAGE_SIZE);
        assert_eq!(capped.next, None, "the last page within the limit");
        let exact = Pager::counted_up_to(&tr, 1, 200, 200, "/cases");
        assert!(
            exact.count.contains("200") && !exact.count.contains("More"),
            "{}",
            exact.count
        );
    }
    #[test]
    fn the_page_is_replaced_and_the_search_kept() {
        assert_eq!(super::with_page("/x?q=ana&page=2", 3), "/x?q=ana&page=3");
        assert_eq!(super::with_page("/x", 2), "/x?page=2");
    }
}

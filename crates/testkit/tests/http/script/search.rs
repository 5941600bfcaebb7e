//! Search boxes find records typed in either script, whichever script the page is shown in.

use super::crawl::choose;
use spona_testkit::TestApp;

#[tokio::test]
async fn a_latin_page_finds_cyrillic_records_by_either_script() {
    for t in TestApp::every_engine().await {
        let c = t.signed_in("le-coordinator").await;
        choose(&t, &c, "sr-Latn").await;
        for q in ["stojanovic", "Stojanović", "СТОЈАНОВИЋ", "стојановић"] {
            let (status, page) = t
                .get(&c, &format!("/teams/leskovac/members?q={}", urlencode(q)))
                .await;
            assert_eq!(status, 200);
            assert!(page.contains("Milena Stojanović"), "{q}: {page}");
            assert!(!page.contains("Dejan Ilić"), "{q} narrows the list");
            // The search box holds what was typed, in the script it was typed in.
            assert!(page.contains(&format!("value=\"{q}\"")), "{q}");
        }
        for q in ["zivot u okovima", "Живот у оковима"] {
            let (_, page) = t.get(&c, &format!("/activities?q={}", urlencode(q))).await;
            assert!(
                page.contains("Izložba fotografija „Život u okovima“"),
                "{q}: {page}"
            );
            assert!(
                !page.contains("Tribina „Borba protiv"),
                "{q} narrows the list"
            );
        }
        t.finish().await;
    }
}

fn urlencode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' => (b as char).to_string(),
            b' ' => "+".to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

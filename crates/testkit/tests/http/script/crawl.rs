//! Every page a role reaches, read in Latin and in English, shows no Cyrillic outside what is
//! kept as typed; the same pages in Cyrillic still show the data as stored.

use super::visible::{cyrillic_shown, is_cyrillic};
use spona_testkit::TestApp;
use std::collections::{BTreeMap, BTreeSet, VecDeque};

/// The demo roles that have pages.
const ROLES: [&str; 7] = [
    "le-coordinator",
    "le-police",
    "le-social",
    "le-member",
    "national",
    "admin",
    "auditor",
];

/// How far from the dashboard links are followed: the navigation, its lists, and their
/// records (and one more step, to the records' own forms and logs).
const DEPTH: usize = 3;

/// The local links of a page that lead to pages (not downloads, not signing out).
fn links(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find("href=\"") {
        rest = &rest[i + 6..];
        let Some(end) = rest.find('"') else { break };
        let href = rest[..end].replace("&amp;", "&").replace("&#38;", "&");
        let path = href.split('#').next().unwrap_or_default().to_string();
        let download = [".pdf", ".xlsx", ".csv", ".ics", ".json"]
            .iter()
            .any(|x| path.split('?').next().unwrap_or_default().ends_with(x));
        let elsewhere = !path.starts_with('/') || path.starts_with("//");
        let excluded = ["/static/", "/attachments/", "/feeds/", "/logout"]
            .iter()
            .any(|p| path.starts_with(p));
        if !path.is_empty() && !download && !elsewhere && !excluded {
            out.push(path);
        }
    }
    out
}

/// A path's shape: numbers as `{id}`, the query left out; one page of each shape is read.
fn shape(path: &str) -> String {
    path.split('?')
        .next()
        .unwrap_or_default()
        .split('/')
        .map(|s| {
            if !s.is_empty() && s.chars().all(|c| c.is_ascii_digit()) {
                "{id}"
            } else {
                s
            }
        })
        .collect::<Vec<_>>()
        .join("/")
}

/// Where the dashboard leads: itself, or the administrator's and the auditor's own start.
async fn home(t: &TestApp, c: &reqwest::Client) -> String {
    let res = c.get(t.url("/dashboard")).send().await.expect("dashboard");
    match res.headers().get("location") {
        Some(to) => to.to_str().expect("location").to_string(),
        None => "/dashboard".to_string(),
    }
}

/// The pages reached from the start page, one of each shape, with their bodies.
async fn crawl(t: &TestApp, c: &reqwest::Client) -> BTreeMap<String, String> {
    let start = home(t, c).await;
    let mut seen = BTreeSet::from([shape(&start)]);
    let mut pages = BTreeMap::new();
    let mut queue = VecDeque::from([(start, 0usize)]);
    while let Some((path, depth)) = queue.pop_front() {
        let (status, body) = t.get(c, &path).await;
        if status != 200 {
            continue;
        }
        if depth < DEPTH {
            for link in links(&body) {
                if seen.insert(shape(&link)) {
                    queue.push_back((link, depth + 1));
                }
            }
        }
        pages.insert(path, body);
    }
    pages
}

/// Sets the signed-in user's language as the switch on every page does.
pub async fn choose(t: &TestApp, c: &reqwest::Client, lang: &str) {
    let home = home(t, c).await;
    let (status, _, body) = t
        .post(c, &home, "/lang", &[("lang", lang), ("next", &home)])
        .await;
    assert_eq!(status, 303, "switch to {lang}: {body}");
}

#[tokio::test]
async fn latin_and_english_pages_show_no_cyrillic_user_data() {
    for t in TestApp::every_engine().await {
        // The demo as `serve --demo` shows it: cases, meetings, and a report.
        t.app.seed_demo_cases().await.expect("demo cases");
        t.app.seed_demo_meetings().await.expect("demo meetings");
        let coordinator = t.signed_in("le-coordinator").await;
        let (status, _, _) = t
            .post(
                &coordinator,
                "/reports",
                "/reports",
                &[("period", "2026-Q3")],
            )
            .await;
        assert_eq!(status, 303, "a report to read");
        let mut offences = Vec::new();
        let mut shapes = BTreeSet::new();
        // A visitor's pages: the sign-in form, and an error page.
        for lang in ["sr-Latn", "en"] {
            let visitor = t.client();
            let (status, _, _) = t
                .post(
                    &visitor,
                    "/login",
                    "/lang",
                    &[("lang", lang), ("next", "/login")],
                )
                .await;
            assert_eq!(status, 303);
            for path in ["/login", "/no-such-page"] {
                let (_, body) = t.get(&visitor, path).await;
                for snippet in cyrillic_shown(&body).into_iter().take(3) {
                    offences.push(format!("visitor {lang} {path}: …{snippet}…"));
                }
            }
        }
        for role in ROLES {
            let c = t.signed_in(role).await;
            for lang in ["sr-Latn", "en"] {
                choose(&t, &c, lang).await;
                let pages = crawl(&t, &c).await;
                for (path, body) in &pages {
                    shapes.insert(shape(path));
                    for snippet in cyrillic_shown(body).into_iter().take(3) {
                        offences.push(format!("{role} {lang} {path}: …{snippet}…"));
                    }
                }
            }
        }
        // The sample reaches a record of each kind, not only the lists.
        for kind in [
            "/cases/{id}",
            "/teams/leskovac/members/{id}",
            "/activities/{id}",
            "/meetings/{id}",
            "/plan/{id}",
            "/reports/{id}",
            "/trainings/{id}",
            "/teams/leskovac/institutions/{id}",
            "/audit",
            "/admin/users/{id}",
        ] {
            assert!(shapes.contains(kind), "no {kind} was read: {shapes:?}");
        }
        assert!(
            offences.is_empty(),
            "{} places show Cyrillic:\n{}",
            offences.len(),
            offences.join("\n")
        );
        t.finish().await;
    }
}

#[tokio::test]
async fn cyrillic_pages_still_show_the_data_as_stored() {
    let t = TestApp::spawn().await;
    let c = t.signed_in("le-coordinator").await;
    let (_, page) = t.get(&c, "/dashboard").await;
    assert!(page.contains("Пријављени сте као"), "{page}");
    let (_, members) = t.get(&c, "/teams/leskovac/members").await;
    assert!(members.contains("Милена Стојановић"), "{members}");
    // And the same list in Latin is the same data transliterated.
    choose(&t, &c, "sr-Latn").await;
    let (_, latin) = t.get(&c, "/teams/leskovac/members").await;
    assert!(latin.contains("Milena Stojanović"), "{latin}");
    assert!(!latin.contains("Милена"), "{latin}");
    // The switch still offers Cyrillic in Cyrillic.
    assert!(latin.contains("lang=\"sr-Cyrl\""), "{latin}");
    assert!(latin.chars().any(is_cyrillic));
    t.finish().await;
}

//! Possible duplicates over HTTP: the inbox points to them, the page shows one's own case and
//! the other institution only, the review is recorded; others cannot review.

use spona_testkit::TestApp;

#[tokio::test]
async fn a_possible_duplicate_is_reviewed_from_its_page() {
    let t = TestApp::spawn().await;
    let police = t.signed_in("le-police").await;
    let social = t.signed_in("le-social").await;
    let person = |given: &'static str, family: &'static str| {
        vec![
            ("reporter_kind", "team-official"),
            ("detected_on", "2026-11-27"),
            ("given_name", given),
            ("family_name", family),
            ("birth_date", "1990-04-02"),
        ]
    };
    t.post(
        &social,
        "/dashboard",
        "/cases",
        &person("Јована", "Вукомановић"),
    )
    .await;
    let (status, location, _) = t
        .post(
            &police,
            "/dashboard",
            "/cases",
            &person("Jovana", "Vukomanovic"),
        )
        .await;
    assert_eq!(status, 303);
    assert!(location.unwrap().contains("duplicate"), "told at once");

    let (_, inbox) = t.get(&police, "/inbox").await;
    assert!(
        inbox.contains("href=\"/duplicates\""),
        "the inbox points to the review"
    );
    let (status, page) = t.get(&police, "/duplicates").await;
    assert_eq!(status, 200);
    assert!(
        page.contains("ЛЕ-2026-0002") && page.contains("ЦСР"),
        "{page}"
    );
    assert!(
        !page.contains("ЛЕ-2026-0001"),
        "never the other case's code"
    );
    assert!(
        !page.contains("Јована") && !page.contains("Jovana"),
        "never a name"
    );
    let at = page.find("action=\"/duplicates/").unwrap() + "action=\"/duplicates/".len();
    let id = &page[at..at + page[at..].find('"').unwrap()];
    let action = format!("/duplicates/{id}");

    // Without an outcome: said at the form, nothing recorded.
    let (status, _, page) = t
        .post(&police, "/duplicates", &action, &[("version", "1")])
        .await;
    assert_eq!(status, 422);
    assert!(page.contains("role=\"alert\""));
    // A member of the team has no such page; another team cannot review.
    let member = t.signed_in("le-member").await;
    assert_eq!(t.get(&member, "/duplicates").await.0, 403);
    let (status, _, _) = t
        .post(
            &police,
            "/duplicates",
            &action,
            &[("version", "1"), ("outcome", "same-person")],
        )
        .await;
    assert_eq!(status, 303);
    let (_, page) = t.get(&police, "/duplicates?reviewed=1").await;
    assert!(page.contains("Исход прегледа је уписан") && page.contains("Нема могућих дупликата"));
    let (_, notes) = t.get(&social, "/notifications").await;
    assert!(notes.contains("потврдила да се њен случај односи на исту особу"));
    t.finish().await;
}

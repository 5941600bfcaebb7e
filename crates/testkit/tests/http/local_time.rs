//! Instants on the pages are Serbian time: the test's clock stands at 2026-11-28 09:00 UTC,
//! 10:00 in Leskovac, and the child protocol's four hours run to 14:00 there.

use spona_testkit::TestApp;

#[tokio::test]
async fn a_case_shows_when_it_was_reported_and_its_urgent_deadline_in_local_time() {
    for t in TestApp::every_engine().await {
        let police = t.signed_in("le-police").await;
        let child = [
            ("reporter_kind", "school"),
            ("detected_on", "2026-11-27"),
            ("given_name", "Милица"),
            ("family_name", "Стојковић"),
            ("estimated_age", "15"),
            ("may_be_child", "on"),
        ];
        let (status, location, _) = t.post(&police, "/dashboard", "/cases", &child).await;
        assert_eq!(status, 303);
        let to = location.expect("to the case");
        let (status, page) = t.get(&police, &to).await;
        assert_eq!(status, 200);
        assert!(page.contains("28.11.2026. 10:00"), "reported at, local");
        assert!(page.contains("28.11.2026. 14:00"), "the deadline, local");
        assert!(
            !page.contains("28.11.2026. 09:00") && !page.contains("28.11.2026. 13:00"),
            "no instant in UTC"
        );
        t.finish().await;
    }
}

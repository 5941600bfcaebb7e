//! The request log names the calendar feed's route, never its token: a test binary of its
//! own, so that the log subscriber can be the whole process's and no other test's threads
//! can change what is seen.

use spona_testkit::{capture_logs, TestApp};

#[tokio::test]
async fn the_request_log_names_the_feed_route_never_its_token() {
    let captured = capture_logs();

    let t = TestApp::spawn().await;
    let coordinator = t.signed_in("le-coordinator").await;
    let (status, _, page) = t
        .post(
            &coordinator,
            "/outreach",
            "/outreach/feeds",
            &[("label", "Дневник")],
        )
        .await;
    assert_eq!(status, 200);
    let start = page.find("/feeds/").expect("feed link") + "/feeds/".len();
    let token = page[start..start + page[start..].find(".ics").expect(".ics")].to_string();

    let get = |path: String| {
        let client = t.client();
        let url = t.url(&path);
        async move {
            client
                .get(url)
                .send()
                .await
                .expect("feed")
                .status()
                .as_u16()
        }
    };
    assert_eq!(get(format!("/feeds/{token}.ics")).await, 200);
    let unknown = "B".repeat(43);
    assert_eq!(get(format!("/feeds/{unknown}.ics")).await, 404);
    // The server writes its line once the response has gone out, which may be after the
    // client has read it: wait for both lines before looking.
    for _ in 0..250 {
        if captured.text().matches("/feeds/{file}").count() >= 2 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    let log = captured.text();
    assert!(log.contains("/feeds/{file}"), "the route is logged: {log}");
    assert!(!log.contains(&token), "the token is not: {log}");
    assert!(!log.contains(&unknown), "nor any other: {log}");
    t.finish().await;
}

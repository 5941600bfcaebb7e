//! The guidelines library and the "what to do" card over HTTP.

use spona_testkit::TestApp;

#[tokio::test]
async fn the_coordinator_adds_a_guideline_officials_acknowledge_it_and_the_card_prints() {
    let t = TestApp::spawn().await;
    let coordinator = t.signed_in("le-coordinator").await;
    let police = t.signed_in("le-police").await;
    let (status, page) = t.get(&police, "/guidelines").await;
    assert_eq!(status, 200);
    assert!(
        !page.contains("action=\"/guidelines\" class=\"form\""),
        "no form for officials"
    );

    let (status, _, page) = t
        .post(
            &coordinator,
            "/guidelines",
            "/guidelines",
            &[
                ("title", ""),
                ("kind", "protocol"),
                ("language", "sr-Cyrl"),
                ("in_force_from", "2026-01-01"),
                ("body", ""),
            ],
        )
        .await;
    assert_eq!(status, 422);
    assert!(page.contains("id=\"title-error\"") && page.contains("id=\"body-error\""));
    let (status, location, _) = t
        .post(
            &coordinator,
            "/guidelines",
            "/guidelines",
            &[
                ("title", "Протокол о поступању"),
                ("kind", "protocol"),
                ("language", "sr-Cyrl"),
                ("addressed", "police"),
                ("in_force_from", "2026-01-01"),
                ("body", "Корак први."),
            ],
        )
        .await;
    assert_eq!(status, 303);
    let path = location.unwrap().split('?').next().unwrap().to_string();

    let (_, dashboard) = t.get(&police, "/dashboard").await;
    assert!(
        dashboard.contains("href=\"/guidelines\""),
        "unread on the dashboard"
    );
    let (_, page) = t.get(&coordinator, &path).await;
    assert!(page.contains("Читање важеће верзије још није потврђено"));
    let (status, location, _) = t
        .post(&police, &path, &format!("{path}/read"), &[("version", "1")])
        .await;
    assert_eq!(status, 303);
    assert!(location.unwrap().contains("read=1"));
    let (_, page) = t.get(&police, &path).await;
    assert!(page.contains("Потврдили сте"));
    // A member may not revise.
    let member = t.signed_in("le-member").await;
    let (status, _, _) = t
        .post(
            &member,
            &path,
            &format!("{path}/versions"),
            &[("body", "x"), ("note", "y"), ("version", "1")],
        )
        .await;
    assert_eq!(status, 403);
    let nis = t.signed_in("nis-coordinator").await;
    assert_eq!(t.get(&nis, &path).await.0, 404);

    let (status, card) = t.get(&police, "/guidelines/card?kind=police").await;
    assert_eq!(status, 200);
    assert!(card.contains("0800 100 388") && card.contains("Центар за социјални рад"));
    assert!(card.contains("У полицији: одмах обавестите"));
    t.finish().await;
}

use spona_testkit::{TestApp, DEMO_PASSWORD};

#[tokio::test]
async fn a_demo_user_signs_in_and_sees_the_dashboard() {
    let t = TestApp::spawn().await;
    let c = t.signed_in("le-coordinator").await;
    let (status, body) = t.get(&c, "/dashboard").await;
    assert_eq!(status, 200, "{body}");
    assert!(body.contains("Милена Стојановић"), "{body}");
    let (status, body) = t.get(&c, "/teams/leskovac/institutions").await;
    assert_eq!(status, 200, "{body}");
    assert!(body.contains("Центар за социјални рад Лесковац"));
    t.finish().await;
}

#[tokio::test]
async fn a_wrong_password_is_refused_without_saying_which_part_was_wrong() {
    let t = TestApp::spawn().await;
    let c = t.client();
    assert_eq!(t.sign_in(&c, "le-coordinator", "wrong password!").await, 401);
    assert_eq!(t.sign_in(&c, "nobody-here", DEMO_PASSWORD).await, 401);
    let (status, _) = t.get(&c, "/dashboard").await;
    assert_eq!(status, 303);
    t.finish().await;
}

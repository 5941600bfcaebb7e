//! Materials over HTTP: an item is recorded, a hand-out beyond stock is said at the field.

use spona_testkit::TestApp;

#[tokio::test]
async fn a_hand_out_beyond_stock_is_refused_at_the_field() {
    let t = TestApp::spawn().await;
    let member = t.signed_in("le-member").await;
    let (status, page) = t.get(&member, "/materials").await;
    assert_eq!(status, 200);
    assert!(page.contains("Још није уписан ниједан материјал"));
    let (status, location, _) = t
        .post(
            &member,
            "/materials",
            "/materials",
            &[
                ("name", "Привесци"),
                ("kind", "keychain"),
                ("donor", "IOM"),
                ("produced", "10"),
                ("on_date", "2026-01-10"),
            ],
        )
        .await;
    assert_eq!(status, 303);
    let path = location.unwrap();
    let (status, _, page) = t
        .post(
            &member,
            &path,
            &format!("{path}/movements"),
            &[
                ("direction", "handed-out"),
                ("quantity", "11"),
                ("on_date", "2026-02-01"),
                ("occasion", "Трибина"),
            ],
        )
        .await;
    assert_eq!(status, 422);
    assert!(
        page.contains("id=\"quantity-error\"") && page.contains("више него што има на залихама")
    );
    let nis = t.signed_in("nis-member").await;
    assert_eq!(t.get(&nis, &path).await.0, 404);
    let national = t.signed_in("national").await;
    assert_eq!(t.get(&national, "/materials").await.0, 403);
    t.finish().await;
}

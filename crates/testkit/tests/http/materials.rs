//! Materials over HTTP: an item is recorded, a hand-out beyond stock is said at the field.

use spona_testkit::TestApp;

#[tokio::test]
async fn a_hand_out_beyond_stock_is_refused_at_the_field() {
    let t = TestApp::spawn().await;
    let member = t.signed_in("le-member").await;
    let (status, page) = t.get(&member, "/materials").await;
    assert_eq!(status, 200);
    // The demo holds the donor's materials the founding document lists.
    assert!(page.contains("Календар са мотивима борбе против трговине људима"));
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
    assert_eq!(t.get(&national, "/materials").await.0, 404);
    t.finish().await;
}

#[tokio::test]
async fn a_hand_out_at_an_activity_shows_on_both_pages_and_keeps_the_activity() {
    for t in TestApp::every_engine().await {
        let member = t.signed_in("le-member").await;
        let (_, location, _) = t
            .post(
                &member,
                "/materials",
                "/materials",
                &[
                    ("name", "Оловке"),
                    ("kind", "pen"),
                    ("produced", "50"),
                    ("on_date", "2026-01-10"),
                ],
            )
            .await;
        let path = location.unwrap();
        // The form offers the register's activities; take the first one offered.
        let (_, page) = t.get(&member, &path).await;
        let select = &page[page.find("name=\"activity_id\"").expect("the choice")..];
        let at = select.find("<option value=\"").unwrap() + "<option value=\"".len();
        let at = at + select[at..].find("<option value=\"").unwrap() + "<option value=\"".len();
        let activity = &select[at..at + select[at..].find('"').unwrap()];
        let (status, _, body) = t
            .post(
                &member,
                &path,
                &format!("{path}/movements"),
                &[
                    ("direction", "handed-out"),
                    ("quantity", "12"),
                    ("on_date", "2026-02-01"),
                    ("activity_id", activity),
                    ("occasion", ""),
                ],
            )
            .await;
        assert_eq!(status, 303, "{body}");
        let (_, page) = t.get(&member, &path).await;
        assert!(page.contains(&format!("<a href=\"/activities/{activity}\">")));
        let shown = format!("/activities/{activity}");
        let (_, page) = t.get(&member, &shown).await;
        assert!(page.contains("Оловке</a>: 12"), "{page}");

        // Deleting the activity is refused on the confirmation page, and it stays.
        let confirm = format!("{shown}/delete");
        let (_, form) = t.get(&member, &confirm).await;
        let version = {
            let v = &form[form.find("name=\"version\" value=\"").unwrap() + 22..];
            v[..v.find('"').unwrap()].to_string()
        };
        let (status, _, body) = t
            .post(&member, &confirm, &confirm, &[("version", &version)])
            .await;
        assert_eq!(status, 422);
        assert!(body.contains("не може обрисати"), "{body}");
        assert_eq!(t.get(&member, &shown).await.0, 200);
        t.finish().await;
    }
}

use spona_testkit::TestApp;

async fn switch(t: &TestApp, c: &reqwest::Client, from: &str, lang: &str) -> u16 {
    let (status, _, _) = t
        .post(c, from, "/lang", &[("lang", lang), ("next", from)])
        .await;
    status
}

#[tokio::test]
async fn cyrillic_is_the_default_and_the_browser_language_is_honoured() {
    let t = TestApp::spawn().await;
    let (_, page) = t.get(&t.client(), "/login").await;
    assert!(page.contains("<html lang=\"sr-Cyrl\">"));
    assert!(page.contains("Пријављивање на систем"));
    let en = t
        .client()
        .get(t.url("/login"))
        .header("accept-language", "en-GB,en;q=0.9")
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(en.contains("<html lang=\"en\">"), "{en}");
    t.finish().await;
}

#[tokio::test]
async fn the_choice_of_script_is_remembered_for_the_user() {
    for t in TestApp::every_engine().await {
        let c = t.signed_in("le-coordinator").await;
        assert_eq!(
            switch(&t, &c, "/teams/leskovac/institutions", "sr-Latn").await,
            303
        );
        let (_, page) = t.get(&c, "/teams/leskovac/institutions").await;
        assert!(page.contains("<html lang=\"sr-Latn\">"));
        assert!(
            page.contains("Centar za socijalni rad Leskovac"),
            "names in the chosen script"
        );
        assert!(page.contains(">Tim<"), "navigation in Latin");
        assert!(!page.contains("Тим<"), "no Cyrillic interface text left");
        // Another device of the same user gets the same script.
        let other = t.signed_in("le-coordinator").await;
        let (_, page) = t.get(&other, "/dashboard").await;
        assert!(page.contains("<html lang=\"sr-Latn\">"));
        assert_eq!(switch(&t, &c, "/dashboard", "en").await, 303);
        let (_, page) = t.get(&c, "/dashboard").await;
        assert!(page.contains("Sign out"));
        // An unknown language is refused and changes nothing.
        assert_eq!(switch(&t, &c, "/dashboard", "xx").await, 400);
        let (_, page) = t.get(&c, "/dashboard").await;
        assert!(page.contains("<html lang=\"en\">"));
        t.finish().await;
    }
}

#[tokio::test]
async fn a_visitor_can_switch_before_signing_in() {
    let t = TestApp::spawn().await;
    let c = t.client();
    assert_eq!(switch(&t, &c, "/login", "sr-Latn").await, 303);
    let (_, page) = t.get(&c, "/login").await;
    assert!(page.contains("Prijavljivanje na sistem"), "{page}");
    t.finish().await;
}

#[tokio::test]
async fn the_switch_never_sends_you_to_another_site() {
    let t = TestApp::spawn().await;
    let c = t.client();
    let (status, location, _) = t
        .post(
            &c,
            "/login",
            "/lang",
            &[("lang", "en"), ("next", "//evil.example/x")],
        )
        .await;
    assert_eq!(status, 303);
    assert_eq!(location.as_deref(), Some("/dashboard"));
    t.finish().await;
}

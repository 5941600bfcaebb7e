//! A script chosen on the sign-in page survives signing in; otherwise the saved one wins.

use spona_testkit::{TestApp, DEMO_PASSWORD};
use std::sync::Arc;

/// Signs in on the sign-in form as a browser would, with the cookies the client holds.
async fn sign_in(t: &TestApp, c: &reqwest::Client, username: &str) {
    assert_eq!(t.sign_in(c, username, DEMO_PASSWORD).await, 303);
}

#[tokio::test]
async fn a_script_chosen_before_signing_in_is_kept_and_saved() {
    for t in TestApp::every_engine().await {
        let c = t.client();
        let (status, _, _) = t
            .post(
                &c,
                "/login",
                "/lang",
                &[("lang", "sr-Latn"), ("next", "/login")],
            )
            .await;
        assert_eq!(status, 303);
        sign_in(&t, &c, "le-coordinator").await;
        let (_, page) = t.get(&c, "/dashboard").await;
        assert!(page.contains("<html lang=\"sr-Latn\">"), "{page}");
        assert!(
            page.contains("Prijavljeni ste kao Milena Stojanović"),
            "{page}"
        );
        // The choice is the person's preference now: another device opens in Latin too.
        let other = t.signed_in("le-coordinator").await;
        let (_, page) = t.get(&other, "/dashboard").await;
        assert!(page.contains("<html lang=\"sr-Latn\">"), "{page}");
        t.finish().await;
    }
}

#[tokio::test]
async fn without_a_choice_on_this_visit_the_saved_script_wins() {
    let t = TestApp::spawn().await;
    // The person chose English while signed in.
    let c = t.signed_in("le-police").await;
    let (status, _, _) = t
        .post(
            &c,
            "/dashboard",
            "/lang",
            &[("lang", "en"), ("next", "/dashboard")],
        )
        .await;
    assert_eq!(status, 303);
    // A browser that remembers Latin from an earlier visit, but no choice made now.
    let jar = Arc::new(reqwest::cookie::Jar::default());
    let base: reqwest::Url = t.base.parse().unwrap();
    jar.add_cookie_str("spona_lang=sr-Latn; Path=/", &base);
    let browser = reqwest::Client::builder()
        .cookie_provider(jar)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let (_, login) = t.get(&browser, "/login").await;
    assert!(login.contains("<html lang=\"sr-Latn\">"), "{login}");
    assert_eq!(t.sign_in(&browser, "le-police", DEMO_PASSWORD).await, 303);
    let (_, page) = t.get(&browser, "/dashboard").await;
    assert!(page.contains("<html lang=\"en\">"), "{page}");
    t.finish().await;
}

#[tokio::test]
async fn a_choice_counts_for_one_sign_in_only() {
    let t = TestApp::spawn().await;
    let c = t.client();
    let (status, _, _) = t
        .post(&c, "/login", "/lang", &[("lang", "en"), ("next", "/login")])
        .await;
    assert_eq!(status, 303);
    sign_in(&t, &c, "le-member").await;
    // The member then goes back to Cyrillic, signs out and in again on the same browser:
    // the choice made before the first sign-in is spent and does not come back.
    let (status, _, _) = t
        .post(
            &c,
            "/dashboard",
            "/lang",
            &[("lang", "sr-Cyrl"), ("next", "/dashboard")],
        )
        .await;
    assert_eq!(status, 303);
    let (status, _, _) = t.post(&c, "/dashboard", "/logout", &[]).await;
    assert_eq!(status, 303);
    sign_in(&t, &c, "le-member").await;
    let (_, page) = t.get(&c, "/dashboard").await;
    assert!(page.contains("<html lang=\"sr-Cyrl\">"), "{page}");
    t.finish().await;
}

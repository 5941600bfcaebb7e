use spona_testkit::TestApp;

#[tokio::test]
async fn a_form_without_the_right_token_changes_nothing() {
    let t = TestApp::spawn().await;
    let c = t.signed_in("le-coordinator").await;
    let fields = [
        ("code", "np2"),
        ("standing", "partner"),
        ("kind", "culture"),
        ("name_cyrl", "Дом културе"),
        ("short_name", "ДК"),
    ];
    let missing = c
        .post(t.url("/teams/leskovac/institutions"))
        .form(&fields)
        .send()
        .await
        .unwrap();
    assert_eq!(missing.status(), 403);
    let mut wrong = fields.to_vec();
    wrong.push(("csrf", "forged-token-forged-token-forged-token-0000"));
    let forged = c
        .post(t.url("/teams/leskovac/institutions"))
        .form(&wrong)
        .send()
        .await
        .unwrap();
    assert_eq!(forged.status(), 403);
    assert!(forged.text().await.unwrap().contains("Образац је застарео"));
    // A right token from a foreign page is refused by the origin check.
    let (_, page) = t.get(&c, "/teams/leskovac/institutions/new").await;
    let mut right = fields.to_vec();
    let csrf = spona_testkit::csrf_of(&page);
    right.push(("csrf", csrf.as_str()));
    let cross = c
        .post(t.url("/teams/leskovac/institutions"))
        .header("origin", "https://evil.example")
        .form(&right)
        .send()
        .await
        .unwrap();
    assert_eq!(cross.status(), 403);
    let (_, list) = t
        .get(
            &c,
            "/teams/leskovac/institutions?standing=partner&q=%D0%94%D0%BE%D0%BC",
        )
        .await;
    assert!(!list.contains("Дом културе"), "nothing was saved");
    // The same form from our own page goes through.
    let ok = c
        .post(t.url("/teams/leskovac/institutions"))
        .form(&right)
        .send()
        .await
        .unwrap();
    assert_eq!(ok.status(), 303);
    t.finish().await;
}

#[tokio::test]
async fn pages_carry_the_security_headers_and_are_not_cached() {
    let t = TestApp::spawn().await;
    let c = t.signed_in("le-member").await;
    let res = c.get(t.url("/dashboard")).send().await.unwrap();
    let h = res.headers();
    let csp = h["content-security-policy"].to_str().unwrap();
    assert!(csp.contains("frame-ancestors 'none'"), "{csp}");
    assert!(
        !csp.contains("unsafe-inline") && !csp.contains("unsafe-eval"),
        "{csp}"
    );
    assert_eq!(h["x-content-type-options"], "nosniff");
    assert_eq!(h["cache-control"], "no-store");
    assert!(h.contains_key("referrer-policy"));
    assert!(h.contains_key("x-request-id"));
    let css = c.get(t.url("/static/spona.css")).send().await.unwrap();
    assert_eq!(css.status(), 200);
    assert!(css.headers()["cache-control"]
        .to_str()
        .unwrap()
        .contains("max-age"));
    t.finish().await;
}

#[tokio::test]
async fn malformed_requests_get_a_4xx_page_never_a_500() {
    let t = TestApp::spawn().await;
    let c = t.signed_in("le-coordinator").await;
    for path in [
        "/teams/leskovac/institutions/not-a-number",
        "/teams/leskovac/institutions/99999999999999999999",
        "/nowhere",
        "/section/plan",
    ] {
        let (status, body) = t.get(&c, path).await;
        assert!((400..500).contains(&status), "{path}: {status}");
        assert!(body.contains("<html"), "{path}: an HTML page");
    }
    // Nonsense in a list's query is tolerated: the first page, default order.
    let (status, _) = t
        .get(
            &c,
            "/teams/leskovac/institutions?page=-5&sort=%E2%80%AE&kind=bank",
        )
        .await;
    assert_eq!(status, 200);
    // A query that is not clean text is not: a control character is refused as in a form.
    let (status, _) = t
        .get(&c, "/teams/leskovac/institutions?page=-5&sort=%00")
        .await;
    assert_eq!(status, 400);
    let huge = "x".repeat(200 * 1024);
    let (_, page) = t.get(&c, "/teams/leskovac/institutions/new").await;
    let csrf = spona_testkit::csrf_of(&page);
    let res = c
        .post(t.url("/teams/leskovac/institutions"))
        .form(&[("csrf", csrf.as_str()), ("name_cyrl", huge.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 413);
    t.finish().await;
}

#[tokio::test]
async fn health_answers_without_signing_in() {
    let t = TestApp::spawn().await;
    let (status, body) = t.get(&t.client(), "/health").await;
    assert_eq!((status, body.as_str()), (200, "ok"));
    t.finish().await;
}

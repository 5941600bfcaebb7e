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
    assert_eq!(
        t.sign_in(&c, "le-coordinator", "wrong password!").await,
        401
    );
    assert_eq!(t.sign_in(&c, "nobody-here", DEMO_PASSWORD).await, 401);
    let (status, _) = t.get(&c, "/dashboard").await;
    assert_eq!(status, 303);
    t.finish().await;
}

#[tokio::test]
async fn the_session_cookie_is_http_only_same_site_and_renewed_at_sign_in() {
    let t = TestApp::spawn().await;
    let c = t.client();
    let page = c.get(t.url("/login")).send().await.unwrap();
    let csrf = spona_testkit::csrf_of(&page.text().await.unwrap());
    let sign_in = || {
        c.post(t.url("/login")).form(&[
            ("csrf", csrf.as_str()),
            ("username", "le-member"),
            ("password", DEMO_PASSWORD),
        ])
    };
    let first = sign_in().send().await.unwrap();
    assert_eq!(first.status(), 303);
    let cookie = |r: &reqwest::Response| {
        r.headers()
            .get_all("set-cookie")
            .iter()
            .map(|v| v.to_str().unwrap().to_string())
            .find(|v| v.starts_with("spona_session="))
            .expect("session cookie")
    };
    let one = cookie(&first);
    assert!(
        one.contains("HttpOnly") && one.contains("SameSite=Lax"),
        "{one}"
    );
    assert!(!one.contains("Secure"), "plain HTTP on loopback");
    // Signed in, the form carries the session's token now.
    let (_, page) = t.get(&c, "/dashboard").await;
    let csrf = spona_testkit::csrf_of(&page);
    let again = c
        .post(t.url("/login"))
        .form(&[
            ("csrf", csrf.as_str()),
            ("username", "le-member"),
            ("password", DEMO_PASSWORD),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(again.status(), 303);
    assert_ne!(
        cookie(&again),
        one,
        "a new session identifier at every sign-in"
    );
    t.finish().await;
}

#[tokio::test]
async fn repeated_failures_slow_the_account_down_for_a_short_while_only() {
    let t = TestApp::spawn().await;
    let c = t.client();
    for _ in 0..5 {
        assert_eq!(t.sign_in(&c, "le-police", "not the password").await, 401);
    }
    // Blocked now, even with the right password: the attacker learns nothing more.
    assert_eq!(t.sign_in(&c, "le-police", DEMO_PASSWORD).await, 429);
    // Other accounts are not affected.
    assert_eq!(
        t.sign_in(&t.client(), "le-social", DEMO_PASSWORD).await,
        303
    );
    // A minute later the real user gets in.
    t.clock.advance(61);
    assert_eq!(t.sign_in(&c, "le-police", DEMO_PASSWORD).await, 303);
    t.finish().await;
}

#[tokio::test]
async fn an_unknown_account_is_throttled_like_a_real_one() {
    let t = TestApp::spawn().await;
    let c = t.client();
    for _ in 0..5 {
        assert_eq!(t.sign_in(&c, "ghost", "whatever password").await, 401);
    }
    assert_eq!(t.sign_in(&c, "ghost", "whatever password").await, 429);
    t.finish().await;
}

#[tokio::test]
async fn an_idle_session_ends_and_so_does_an_old_one() {
    let t = TestApp::spawn().await;
    let c = t.signed_in("le-coordinator").await;
    t.clock.advance(29 * 60);
    assert_eq!(
        t.get(&c, "/dashboard").await.0,
        200,
        "within the idle timeout"
    );
    t.clock.advance(31 * 60);
    let res = c.get(t.url("/dashboard")).send().await.unwrap();
    assert_eq!(res.status(), 303, "idle for more than 30 minutes");
    let to = res.headers()["location"].to_str().unwrap().to_string();
    assert!(to.starts_with("/login"), "{to}");
    let (_, login) = t.get(&c, &to).await;
    assert!(login.contains("Сесија је истекла"), "{login}");

    // Active all the time, but past the absolute limit of 12 hours.
    let c = t.signed_in("le-coordinator").await;
    for _ in 0..24 {
        t.clock.advance(29 * 60);
        assert_eq!(t.get(&c, "/dashboard").await.0, 200);
    }
    // 12 h 05 min after sign-in, only 29 min after the last request.
    t.clock.advance(29 * 60);
    assert_eq!(t.get(&c, "/dashboard").await.0, 303);
    t.finish().await;
}

#[tokio::test]
async fn signing_out_ends_the_session_on_the_server() {
    let t = TestApp::spawn().await;
    let c = t.signed_in("le-member").await;
    let (status, location, _) = t.post(&c, "/dashboard", "/logout", &[]).await;
    assert_eq!((status, location.as_deref()), (303, Some("/login")));
    assert_eq!(t.get(&c, "/dashboard").await.0, 303);
    t.finish().await;
}

#[tokio::test]
async fn a_new_deployment_has_no_password_until_the_one_time_link_is_used() {
    let db = spona_testkit::TestDb::sqlite().await;
    let clock = std::sync::Arc::new(spona_app::ManualClock::at(spona_testkit::START));
    let app = spona_app::App::new(
        db.db.clone(),
        clock.clone(),
        spona_app::AuthSettings::default(),
        spona_app::Keyring::new(&spona_app::MasterKey::generate()),
    );
    let spona_app::auth::FirstAdmin::Link(first) = app.first_admin_link().await.unwrap() else {
        panic!("a link on an empty deployment");
    };
    assert_eq!(
        app.first_admin_link().await.unwrap(),
        spona_app::auth::FirstAdmin::Waiting,
        "a second start while the link is valid prints no second link"
    );
    clock.advance(25 * 3600);
    let spona_app::auth::FirstAdmin::Link(token) = app.first_admin_link().await.unwrap() else {
        panic!("a new link once the first has expired");
    };
    assert_ne!(token, first);
    assert!(
        matches!(
            app.sign_in("admin", "", "127.0.0.1").await,
            Err(spona_app::AppError::BadCredentials)
        ),
        "no password works before the link is used"
    );
    let form = spona_app::forms::PasswordForm {
        password: "a long new password".into(),
        password_repeat: "a long new password".into(),
    };
    app.set_password_with_link(&token, &form).await.unwrap();
    assert!(app
        .sign_in("admin", "a long new password", "127.0.0.1")
        .await
        .is_ok());
    assert!(
        app.set_password_with_link(&token, &form).await.is_err(),
        "used once"
    );
    assert_eq!(
        app.first_admin_link().await.unwrap(),
        spona_app::auth::FirstAdmin::Settled,
        "only while there is no administrator"
    );
    db.finish().await;
}

//! Sensitive acts ask again (issue 14, item 2), on both engines: some minutes after signing
//! in, a case file, an account change or the audit export first asks for the password and
//! the second factor, then goes on; a wrong answer goes nowhere and counts as a failed
//! sign-in; a person without a second factor is asked for the password alone.

use spona_app::auth::CONFIRMATION_SECONDS;
use spona_app::demo::DEMO_PASSWORD;
use spona_crypto::totp::{step_at, STEP};
use spona_testkit::{csrf_of, demo_secret, last_step_of, TestApp};

/// Reports a case as `reporter`; its path.
async fn a_case(t: &TestApp, reporter: &reqwest::Client) -> String {
    let form = [
        ("reporter_kind", "team-official"),
        ("detected_on", "2026-11-27"),
        ("given_name", "Драгослава"),
        ("narrative", "Затечена у перионици"),
    ];
    let (status, location, body) = t.post(reporter, "/cases/new", "/cases", &form).await;
    assert_eq!(status, 303, "{body}");
    let location = location.unwrap();
    location[..location.find('?').unwrap_or(location.len())].to_string()
}

/// Where a request is sent, if anywhere.
async fn location(t: &TestApp, c: &reqwest::Client, path: &str) -> Option<String> {
    let res = c.get(t.url(path)).send().await.unwrap();
    res.headers()
        .get("location")
        .map(|v| v.to_str().unwrap().to_string())
}

/// Posts the confirmation form; status and where it leads.
async fn confirm(
    t: &TestApp,
    c: &reqwest::Client,
    next: &str,
    password: &str,
    code: &str,
) -> (u16, Option<String>) {
    let (status, location, _) = t
        .post(
            c,
            "/account/confirm",
            "/account/confirm",
            &[("password", password), ("code", code), ("next", next)],
        )
        .await;
    (status, location)
}

/// A code of the demo's authenticator for `username`, of a step not used yet.
async fn fresh_code(t: &TestApp, username: &str) -> String {
    let last = last_step_of(t.app.db(), username).await;
    if last > step_at(t.clock_now()) {
        t.clock.advance(STEP);
    }
    spona_testkit::code_after(&demo_secret(), last, t.clock_now())
}

#[tokio::test]
async fn a_case_file_some_minutes_after_signing_in_asks_for_password_and_code_first() {
    for t in TestApp::every_engine().await {
        let police = t.signed_in("le-police").await;
        let case = a_case(&t, &police).await;
        let file = format!("{case}/case-file.pdf");
        assert_eq!(t.get(&police, &file).await.0, 200, "just signed in");

        t.clock.advance(CONFIRMATION_SECONDS + 60);
        let to = location(&t, &police, &file).await.unwrap();
        let next = spona_web::url_encode(&file);
        assert_eq!(to, format!("/account/confirm?next={next}"));
        let (status, page) = t.get(&police, &to).await;
        assert_eq!(status, 200);
        assert!(page.contains("id=\"code\""), "the code is asked too");
        assert!(
            !page.contains("Драгослава"),
            "nothing of the case on the way"
        );

        // Wrong answers go nowhere.
        let code = fresh_code(&t, "le-police").await;
        assert_eq!(
            confirm(&t, &police, &file, "wrong password", &code).await.0,
            401
        );
        assert_eq!(
            confirm(&t, &police, &file, DEMO_PASSWORD, "000000x")
                .await
                .0,
            401
        );
        assert_eq!(confirm(&t, &police, &file, "", "").await.0, 422);
        assert_eq!(location(&t, &police, &file).await.unwrap(), to);
        // The right ones lead back to the file.
        let code = fresh_code(&t, "le-police").await;
        let (status, back) = confirm(&t, &police, &file, DEMO_PASSWORD, &code).await;
        assert_eq!((status, back.as_deref()), (303, Some(file.as_str())));
        assert_eq!(t.get(&police, &file).await.0, 200);
        // The code just used does not confirm twice.
        t.clock.advance(CONFIRMATION_SECONDS + 60);
        assert_eq!(
            confirm(&t, &police, &file, DEMO_PASSWORD, &code).await.0,
            401
        );
        // The failures are in the trail (the empty form is no try).
        let mut c = t.app.db().conn().await.unwrap();
        let failed: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM audit_log WHERE action = 'confirmation-failed'",
        )
        .fetch_one(&mut *c)
        .await
        .unwrap();
        assert_eq!(failed, 3);
        t.finish().await;
    }
}

#[tokio::test]
async fn an_account_change_posted_late_asks_first_and_changes_nothing() {
    for t in TestApp::every_engine().await {
        let admin = t.signed_in("admin").await;
        let member = t.signed_in("le-member").await;
        let mut c = t.app.db().conn().await.unwrap();
        let id: i64 = sqlx::query_scalar("SELECT id FROM users WHERE username = 'le-member'")
            .fetch_one(&mut *c)
            .await
            .unwrap();
        drop(c);
        let page = format!("/admin/users/{id}");
        let (_, body) = t.get(&admin, &page).await;
        t.clock.advance(CONFIRMATION_SECONDS + 60);
        let res = admin
            .post(t.url(&format!("/admin/users/{id}/sessions/end")))
            .header("referer", t.url(&page))
            .form(&[("csrf", csrf_of(&body).as_str())])
            .send()
            .await
            .unwrap();
        assert_eq!(res.status().as_u16(), 303);
        let to = res.headers()["location"].to_str().unwrap().to_string();
        assert_eq!(
            to,
            format!("/account/confirm?next={}", spona_web::url_encode(&page))
        );
        assert_eq!(
            t.get(&member, "/dashboard").await.0,
            200,
            "nothing was done"
        );
        // The confirmation form of new accounts, the disabling and the audit export alike.
        for path in [
            "/admin/users/new".to_string(),
            format!("/admin/users/{id}/disable"),
        ] {
            let to = location(&t, &admin, &path).await.unwrap_or_default();
            assert!(to.starts_with("/account/confirm?next="), "{path} → {to}");
        }
        let code = fresh_code(&t, "admin").await;
        let (status, back) = confirm(&t, &admin, &page, DEMO_PASSWORD, &code).await;
        assert_eq!((status, back), (303, Some(page.clone())));
        let (status, _, _) = t
            .post(&admin, &page, &format!("{page}/sessions/end"), &[])
            .await;
        assert_eq!(status, 303);
        assert_ne!(t.get(&member, "/dashboard").await.0, 200, "signed out now");
        t.finish().await;
    }
}

#[tokio::test]
async fn without_a_second_factor_the_password_alone_confirms() {
    for t in TestApp::every_engine().await {
        let auditor = t.signed_in("auditor").await;
        assert_eq!(t.get(&auditor, "/audit/export.csv").await.0, 200);
        t.clock.advance(CONFIRMATION_SECONDS + 60);
        let to = location(&t, &auditor, "/audit/export.csv").await.unwrap();
        assert!(to.starts_with("/account/confirm?next="), "{to}");
        let (_, page) = t.get(&auditor, &to).await;
        assert!(
            !page.contains("id=\"code\""),
            "no code without a second factor"
        );
        let (status, back) = confirm(&t, &auditor, "/audit/export.csv", DEMO_PASSWORD, "").await;
        assert_eq!((status, back.as_deref()), (303, Some("/audit/export.csv")));
        assert_eq!(t.get(&auditor, "/audit/export.csv").await.0, 200);
        // A page that is not sensitive never asks.
        t.clock.advance(CONFIRMATION_SECONDS + 60);
        assert_eq!(t.get(&auditor, "/audit").await.0, 200);
        // A next that leaves the site is not followed.
        let (_, back) = confirm(&t, &auditor, "https://evil.example/", DEMO_PASSWORD, "").await;
        assert_eq!(back.as_deref(), Some("/dashboard"));
        t.finish().await;
    }
}

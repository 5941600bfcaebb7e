//! The second factor over HTTP (issue 14), on both engines: a case worker reaches no case page
//! with the password alone; a code is accepted once, a recovery code once; an account that
//! must enrol is led through enrolment and nowhere else; wrong codes end the challenge and
//! slow the account; an optional factor is turned on and off; the administrator's reset, and
//! who may not reset.

use spona_app::demo::DEMO_PASSWORD;
use spona_crypto::totp::{step_at, TotpSecret, STEP};
use spona_testkit::{csrf_of, demo_secret, TestApp};

/// Posts the password form; returns the status and where it leads.
async fn password(t: &TestApp, c: &reqwest::Client, username: &str) -> (u16, Option<String>) {
    let (_, page) = t.get(c, "/login").await;
    let res = c
        .post(t.url("/login"))
        .form(&[
            ("csrf", csrf_of(&page).as_str()),
            ("username", username),
            ("password", DEMO_PASSWORD),
        ])
        .send()
        .await
        .unwrap();
    let to = res
        .headers()
        .get("location")
        .map(|v| v.to_str().unwrap().to_string());
    (res.status().as_u16(), to)
}

/// Posts a code on the second step's page (or the enrolment page); returns status and body.
async fn code(t: &TestApp, c: &reqwest::Client, step: &str, code: &str) -> (u16, String) {
    let (_, page) = t.get(c, step).await;
    let res = c
        .post(t.url(step))
        .form(&[("csrf", csrf_of(&page).as_str()), ("code", code)])
        .send()
        .await
        .unwrap();
    (res.status().as_u16(), res.text().await.unwrap())
}

/// Where a page sends the client, if anywhere.
async fn redirect_of(t: &TestApp, c: &reqwest::Client, path: &str) -> Option<String> {
    let res = c.get(t.url(path)).send().await.unwrap();
    res.headers()
        .get("location")
        .map(|v| v.to_str().unwrap().to_string())
}

async fn user_id(t: &TestApp, username: &str) -> i64 {
    let mut c = t.app.db().conn().await.unwrap();
    sqlx::query_scalar("SELECT id FROM users WHERE username = $1")
        .bind(username)
        .fetch_one(&mut *c)
        .await
        .unwrap()
}

/// The demo's code of the step of the test clock's instant, plus `ahead` steps.
fn demo_code(t: &TestApp, ahead: i64) -> String {
    demo_secret().code_at((step_at(t.clock_now()) + ahead) * STEP)
}

/// The recovery codes a page shows.
fn codes_in(page: &str) -> Vec<String> {
    page.split("<li><code>")
        .skip(1)
        .map(|rest| rest[..rest.find('<').unwrap()].to_string())
        .collect()
}

#[tokio::test]
async fn a_case_worker_reaches_no_case_page_with_the_password_alone() {
    for t in TestApp::every_engine().await {
        let c = t.client();
        let (status, to) = password(&t, &c, "le-police").await;
        assert_eq!(status, 303);
        assert!(to.unwrap().starts_with("/login/second-factor"));
        for page in [
            "/cases",
            "/dashboard",
            "/cases/1",
            "/inbox",
            "/account/sessions",
        ] {
            let to = redirect_of(&t, &c, page).await.unwrap_or_default();
            assert!(to.starts_with("/login?"), "{page} → {to}");
        }
        // The enrolment page is not a way around it either: it sends to the step waiting.
        let to = redirect_of(&t, &c, "/login/enrol")
            .await
            .unwrap_or_default();
        assert!(to.starts_with("/login/second-factor?"), "{to}");

        let (status, body) = code(&t, &c, "/login/second-factor", "000000").await;
        let wrong = if demo_code(&t, 0) == "000000" {
            303
        } else {
            401
        };
        assert_eq!(status, wrong);
        assert!(status == 303 || body.contains("id=\"code-error\""));
        let (status, _) = code(&t, &c, "/login/second-factor", &demo_code(&t, 0)).await;
        assert_eq!(status, 303);
        assert_eq!(t.get(&c, "/cases").await.0, 200);
        t.finish().await;
    }
}

#[tokio::test]
async fn a_code_is_accepted_once_and_one_step_of_drift_either_way() {
    for t in TestApp::every_engine().await {
        let first = t.client();
        password(&t, &first, "le-police").await;
        let now = demo_code(&t, 0);
        assert_eq!(code(&t, &first, "/login/second-factor", &now).await.0, 303);

        let again = t.client();
        password(&t, &again, "le-police").await;
        assert_eq!(
            code(&t, &again, "/login/second-factor", &now).await.0,
            401,
            "the same code a second time"
        );
        assert_eq!(
            code(&t, &again, "/login/second-factor", &demo_code(&t, -1))
                .await
                .0,
            401,
            "an earlier step's code after a later one"
        );
        assert_eq!(
            code(&t, &again, "/login/second-factor", &demo_code(&t, 2))
                .await
                .0,
            401,
            "two steps ahead is too far"
        );
        assert_eq!(
            code(&t, &again, "/login/second-factor", &demo_code(&t, 1))
                .await
                .0,
            303,
            "the next step's code"
        );
        t.finish().await;
    }
}

#[tokio::test]
async fn a_recovery_code_signs_in_once_and_new_codes_replace_the_old() {
    for t in TestApp::every_engine().await {
        let police = t.signed_in("le-police").await;
        let (_, page) = t.get(&police, "/account/second-factor").await;
        let res = police
            .post(t.url("/account/second-factor/recovery-codes"))
            .form(&[("csrf", csrf_of(&page).as_str())])
            .send()
            .await
            .unwrap();
        assert_eq!(res.status().as_u16(), 200);
        let codes = codes_in(&res.text().await.unwrap());
        assert_eq!(codes.len(), 10);

        let c = t.client();
        password(&t, &c, "le-police").await;
        let typed = codes[3].to_uppercase().replace('-', " ");
        assert_eq!(code(&t, &c, "/login/second-factor", &typed).await.0, 303);
        let (_, page) = t.get(&c, "/account/second-factor").await;
        assert!(
            page.contains("Остало је 9 неискоришћених кодова."),
            "{page}"
        );

        let c = t.client();
        password(&t, &c, "le-police").await;
        assert_eq!(
            code(&t, &c, "/login/second-factor", &codes[3]).await.0,
            401,
            "used once"
        );
        // A new set: the old codes no longer work.
        let (_, page) = t.get(&police, "/account/second-factor").await;
        let res = police
            .post(t.url("/account/second-factor/recovery-codes"))
            .form(&[("csrf", csrf_of(&page).as_str())])
            .send()
            .await
            .unwrap();
        let fresh = codes_in(&res.text().await.unwrap());
        assert_eq!(fresh.len(), 10);
        assert!(fresh.iter().all(|f| !codes.contains(f)));
        assert_eq!(
            code(&t, &c, "/login/second-factor", &codes[4]).await.0,
            401,
            "an old code after new ones were made"
        );
        assert_eq!(code(&t, &c, "/login/second-factor", &fresh[0]).await.0, 303);
        t.finish().await;
    }
}

#[tokio::test]
async fn after_a_reset_the_account_enrols_before_anything_else() {
    for t in TestApp::every_engine().await {
        let police = t.signed_in("le-police").await;
        let admin = t.signed_in("admin").await;
        let id = user_id(&t, "le-police").await;
        let (status, to, _) = t
            .post(
                &admin,
                &format!("/admin/users/{id}"),
                &format!("/admin/users/{id}/second-factor/reset"),
                &[],
            )
            .await;
        assert_eq!(status, 303);
        assert_eq!(to.unwrap(), format!("/admin/users/{id}?factor_reset=1"));
        let to = redirect_of(&t, &police, "/dashboard").await.unwrap();
        assert!(to.starts_with("/login?"), "the reset signed the person out");

        let c = t.client();
        let (_, to) = password(&t, &c, "le-police").await;
        assert!(to.unwrap().starts_with("/login/enrol"));
        let to = redirect_of(&t, &c, "/cases").await.unwrap();
        assert!(to.starts_with("/login?"), "nothing before enrolment");
        let old = demo_code(&t, 0);
        let (_, page) = t.get(&c, "/login/enrol").await;
        assert!(page.contains("<svg"), "the QR code is drawn in the page");
        let marker = "<code id=\"secret\" translate=\"no\">";
        let at = page.find(marker).unwrap() + marker.len();
        let shown = &page[at..at + page[at..].find('<').unwrap()];
        let secret = TotpSecret::from_base32(shown).unwrap();
        // The page shows the same secret until it is confirmed.
        assert!(t.get(&c, "/login/enrol").await.1.contains(shown));
        assert_eq!(
            code(&t, &c, "/login/enrol", &old).await.0,
            if secret.code_at(t.clock_now()) == old {
                200
            } else {
                401
            },
            "the old authenticator's code is not the new one's"
        );
        let (status, body) = code(&t, &c, "/login/enrol", &secret.code_at(t.clock_now())).await;
        assert_eq!(status, 200);
        assert_eq!(codes_in(&body).len(), 10);
        assert_eq!(t.get(&c, "/cases").await.0, 200);
        let (_, notes) = t.get(&c, "/notifications").await;
        assert!(notes.contains("Ваш други фактор је поништен"), "{notes}");

        // The old secret no longer signs in; the new one does.
        t.clock.advance(STEP);
        let c = t.client();
        password(&t, &c, "le-police").await;
        let stale = demo_secret().code_at(t.clock_now());
        if stale != secret.code_at(t.clock_now()) {
            assert_eq!(code(&t, &c, "/login/second-factor", &stale).await.0, 401);
        }
        let (status, _) = code(
            &t,
            &c,
            "/login/second-factor",
            &secret.code_at(t.clock_now()),
        )
        .await;
        assert_eq!(status, 303);
        t.finish().await;
    }
}

#[tokio::test]
async fn wrong_codes_end_the_challenge_and_slow_the_account() {
    for t in TestApp::every_engine().await {
        let c = t.client();
        password(&t, &c, "le-police").await;
        let right = demo_code(&t, 0);
        let wrong = if right == "123456" {
            "654321"
        } else {
            "123456"
        };
        for _ in 0..4 {
            assert_eq!(code(&t, &c, "/login/second-factor", wrong).await.0, 401);
        }
        let (status, _) = code(&t, &c, "/login/second-factor", wrong).await;
        assert_eq!(
            status, 303,
            "the fifth wrong code ends the challenge: start again"
        );
        let to = redirect_of(&t, &c, "/login/second-factor").await.unwrap();
        assert!(to.starts_with("/login?"), "{to}");
        // Five failures slow the account: the right password is not even looked at.
        let (status, _) = password(&t, &c, "le-police").await;
        assert_eq!(status, 429);
        t.clock.advance(2 * 60);
        let (status, to) = password(&t, &c, "le-police").await;
        assert_eq!(status, 303);
        assert!(to.unwrap().starts_with("/login/second-factor"));
        // The trail and the person's own list of sign-ins keep the refused codes.
        let (status, _) = code(&t, &c, "/login/second-factor", &demo_code(&t, 0)).await;
        assert_eq!(status, 303);
        let (_, page) = t.get(&c, "/account/sessions").await;
        assert!(page.matches("одбијена").count() >= 5, "{page}");
        t.finish().await;
    }
}

#[tokio::test]
async fn an_optional_second_factor_is_turned_on_and_off_but_a_required_one_stays() {
    for t in TestApp::every_engine().await {
        let coordinator = t.signed_in("le-coordinator").await;
        let (_, page) = t.get(&coordinator, "/account/second-factor").await;
        assert!(page.contains("Није подешена."));
        let (_, page) = t
            .get(&coordinator, "/account/second-factor/authenticator")
            .await;
        let marker = "<code id=\"secret\" translate=\"no\">";
        let at = page.find(marker).unwrap() + marker.len();
        let secret =
            TotpSecret::from_base32(&page[at..at + page[at..].find('<').unwrap()]).unwrap();
        let (status, body) = code(
            &t,
            &coordinator,
            "/account/second-factor/authenticator",
            &secret.code_at(t.clock_now()),
        )
        .await;
        assert_eq!(status, 200);
        assert_eq!(codes_in(&body).len(), 10);

        // The next sign-in asks for the code.
        t.clock.advance(STEP);
        let c = t.client();
        let (_, to) = password(&t, &c, "le-coordinator").await;
        assert!(to.unwrap().starts_with("/login/second-factor"));
        let (status, _) = code(
            &t,
            &c,
            "/login/second-factor",
            &secret.code_at(t.clock_now()),
        )
        .await;
        assert_eq!(status, 303);

        let (status, to, _) = t
            .post(
                &c,
                "/account/second-factor",
                "/account/second-factor/remove",
                &[],
            )
            .await;
        assert_eq!(status, 303);
        assert_eq!(to.unwrap(), "/account/second-factor?removed=1");
        let (status, _) = password(&t, &t.client(), "le-coordinator").await;
        assert_eq!(status, 303);
        let fresh = t.client();
        let (_, to) = password(&t, &fresh, "le-coordinator").await;
        assert_eq!(
            to.unwrap(),
            "/dashboard",
            "signed in with the password again"
        );

        // A case worker's cannot be turned off.
        let police = t.signed_in("le-police").await;
        let (status, _, _) = t
            .post(
                &police,
                "/account/second-factor",
                "/account/second-factor/remove",
                &[],
            )
            .await;
        assert_eq!(status, 403);
        assert_eq!(
            t.sign_in(&t.client(), "le-police", DEMO_PASSWORD).await,
            303
        );
        t.finish().await;
    }
}

#[tokio::test]
async fn only_those_who_manage_an_account_reset_its_second_factor() {
    for t in TestApp::every_engine().await {
        let police = user_id(&t, "le-police").await;
        let nis_police = user_id(&t, "nis-police").await;
        let reset = |id: i64| format!("/admin/users/{id}/second-factor/reset");
        for (who, id, status) in [
            ("le-member", police, 403),
            ("le-police", police, 403),
            ("auditor", police, 404),
            ("le-coordinator", nis_police, 404),
        ] {
            let c = t.signed_in(who).await;
            assert_eq!(t.get(&c, &reset(id)).await.0, status, "{who} asks");
            let (got, _, _) = t.post(&c, "/account/sessions", &reset(id), &[]).await;
            assert_eq!(got, status, "{who} resets");
        }
        assert!(t
            .app
            .has_second_factor(
                &spona_app::accounts::operator(),
                spona_domain::ids::UserId(police)
            )
            .await
            .unwrap());
        // The team's coordinator manages its accounts.
        let coordinator = t.signed_in("le-coordinator").await;
        assert_eq!(t.get(&coordinator, &reset(police)).await.0, 200);
        let (status, _, _) = t
            .post(&coordinator, &reset(police), &reset(police), &[])
            .await;
        assert_eq!(status, 303);
        assert!(!t
            .app
            .has_second_factor(
                &spona_app::accounts::operator(),
                spona_domain::ids::UserId(police)
            )
            .await
            .unwrap());
        t.finish().await;
    }
}

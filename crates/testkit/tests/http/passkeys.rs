//! Passkeys over HTTP (issue 14), on both engines: the options a registration starts with
//! name the deployment's site (the loopback address taken as localhost) and the person; a
//! browser's answer that is no valid credential adds nothing; at the second step an account
//! without passkeys is offered none, and a forged signature counts as a wrong code. The
//! whole ceremony with an authenticator runs in the browser suite (Chromium's virtual
//! authenticator).

use spona_app::demo::DEMO_PASSWORD;
use spona_testkit::{csrf_of, TestApp};

async fn passkey_count(t: &TestApp) -> i64 {
    let mut c = t.app.db().conn().await.unwrap();
    sqlx::query_scalar("SELECT COUNT(*) FROM passkeys")
        .fetch_one(&mut *c)
        .await
        .unwrap()
}

#[tokio::test]
async fn a_registration_names_the_site_and_the_person_and_a_bad_answer_adds_nothing() {
    for t in TestApp::every_engine().await {
        let member = t.signed_in("le-member").await;
        let (status, page) = t.get(&member, "/account/second-factor").await;
        assert_eq!(status, 200);
        assert!(page.contains("id=\"passkey-register\""), "{page}");
        assert!(page.contains("/static/passkeys.js"));

        let res = member
            .get(t.url("/account/passkeys/options"))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status().as_u16(), 200);
        assert_eq!(res.headers()["content-type"], "application/json");
        let options: serde_json::Value = serde_json::from_str(&res.text().await.unwrap()).unwrap();
        let key = &options["publicKey"];
        assert_eq!(key["rp"]["id"], "localhost");
        assert_eq!(key["user"]["name"], "le-member");
        assert!(key["challenge"].as_str().is_some_and(|c| c.len() >= 16));

        for credential in ["", "{}", "{\"id\":\"AAAA\",\"type\":\"public-key\"}"] {
            let (status, to, _) = t
                .post(
                    &member,
                    "/account/second-factor",
                    "/account/passkeys",
                    &[("name", "Телефон"), ("credential", credential)],
                )
                .await;
            assert_eq!(status, 303);
            assert_eq!(to.unwrap(), "/account/second-factor?passkey=refused");
        }
        assert_eq!(passkey_count(&t).await, 0);
        let (_, page) = t
            .get(&member, "/account/second-factor?passkey=refused")
            .await;
        assert!(page.contains("Приступни кључ није додат"), "{page}");
        // The member still signs in with the password alone.
        let c = t.client();
        assert_eq!(t.sign_in(&c, "le-member", DEMO_PASSWORD).await, 303);
        t.finish().await;
    }
}

#[tokio::test]
async fn at_the_second_step_no_passkey_is_offered_without_one_and_a_forged_one_is_a_wrong_code() {
    for t in TestApp::every_engine().await {
        let c = t.client();
        let (_, login) = t.get(&c, "/login").await;
        let res = c
            .post(t.url("/login"))
            .form(&[
                ("csrf", csrf_of(&login).as_str()),
                ("username", "le-police"),
                ("password", DEMO_PASSWORD),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(res.status().as_u16(), 303);
        let (_, step) = t.get(&c, "/login/second-factor").await;
        assert!(!step.contains("passkey-sign-in"), "no passkey to offer");
        assert_eq!(t.get(&c, "/login/passkey/options").await.0, 404);

        let forged = "{\"id\":\"AAAA\",\"rawId\":\"AAAA\",\"type\":\"public-key\",\
                      \"response\":{\"authenticatorData\":\"AAAA\",\"clientDataJSON\":\"AAAA\",\
                      \"signature\":\"AAAA\",\"userHandle\":null},\"extensions\":{}}";
        let res = c
            .post(t.url("/login/passkey"))
            .form(&[("csrf", csrf_of(&step).as_str()), ("credential", forged)])
            .send()
            .await
            .unwrap();
        assert_eq!(res.status().as_u16(), 303);
        let to = res.headers()["location"].to_str().unwrap().to_string();
        assert!(to.contains("passkey=refused"), "{to}");
        assert_ne!(t.get(&c, "/cases").await.0, 200, "not signed in");
        let mut db = t.app.db().conn().await.unwrap();
        let failures: i64 =
            sqlx::query_scalar("SELECT failures FROM sign_in_challenges ORDER BY id DESC")
                .fetch_one(&mut *db)
                .await
                .unwrap();
        assert_eq!(failures, 1, "counted as a wrong code");
        t.finish().await;
    }
}

#[tokio::test]
async fn confirming_with_a_passkey_needs_one_and_a_forged_answer_counts_as_a_failure() {
    for t in TestApp::every_engine().await {
        let police = t.signed_in("le-police").await;
        let (_, page) = t.get(&police, "/account/confirm?next=%2Fcases").await;
        assert!(!page.contains("passkey-confirm"), "no passkey to offer");
        assert_eq!(
            t.get(&police, "/account/confirm/passkey/options").await.0,
            404
        );
        let forged = "{\"id\":\"AAAA\",\"rawId\":\"AAAA\",\"type\":\"public-key\",\
                      \"response\":{\"authenticatorData\":\"AAAA\",\"clientDataJSON\":\"AAAA\",\
                      \"signature\":\"AAAA\",\"userHandle\":null},\"extensions\":{}}";
        let failed = |t: &TestApp| {
            let db = t.app.db().clone();
            async move {
                let mut c = db.conn().await.unwrap();
                sqlx::query_scalar::<_, i64>(
                    "SELECT COUNT(*) FROM audit_log WHERE action = 'confirmation-failed'",
                )
                .fetch_one(&mut *c)
                .await
                .unwrap()
            }
        };
        for (credential, counted) in [("", 0), (forged, 1)] {
            let (status, to, _) = t
                .post(
                    &police,
                    "/account/confirm?next=%2Fcases",
                    "/account/confirm/passkey",
                    &[("credential", credential), ("next", "/cases")],
                )
                .await;
            assert_eq!(status, 303);
            assert_eq!(
                to.unwrap(),
                "/account/confirm?next=%2Fcases&passkey=refused"
            );
            assert_eq!(failed(&t).await, counted, "{credential}");
        }
        t.finish().await;
    }
}

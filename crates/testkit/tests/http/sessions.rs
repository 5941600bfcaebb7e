//! A person's control of their sessions over HTTP (issue 14): they see the devices they are
//! signed in on and their latest sign-ins, end another device's session (which is then
//! signed out) but nobody else's, and the administrator ends all of an account's sessions.
//! Every test runs on both engines.

use spona_testkit::TestApp;

const PHONE: &str = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 \
                     (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36";

/// The ids of the sessions a sessions page lists, in its order.
fn session_ids(page: &str) -> Vec<String> {
    page.split("action=\"/account/sessions/")
        .skip(1)
        .map(|rest| rest[..rest.find('/').unwrap()].to_string())
        .collect()
}

async fn user_id(t: &TestApp, username: &str) -> i64 {
    let mut c = t.app.db().conn().await.unwrap();
    sqlx::query_scalar("SELECT id FROM users WHERE username = $1")
        .bind(username)
        .fetch_one(&mut *c)
        .await
        .unwrap()
}

#[tokio::test]
async fn a_person_sees_their_sessions_and_ends_another_devices_but_nobody_elses() {
    for t in TestApp::every_engine().await {
        // A refused try, then two devices: this one and a phone.
        let stranger = t.client();
        assert_eq!(
            t.sign_in(&stranger, "le-police", "wrong password").await,
            401
        );
        let desk = t.signed_in("le-police").await;
        let phone = reqwest::Client::builder()
            .cookie_store(true)
            .redirect(reqwest::redirect::Policy::none())
            .user_agent(PHONE)
            .build()
            .unwrap();
        assert_eq!(
            t.sign_in(&phone, "le-police", spona_app::demo::DEMO_PASSWORD)
                .await,
            303
        );

        let (status, page) = t.get(&desk, "/account/sessions").await;
        assert_eq!(status, 200);
        let ids = session_ids(&page);
        assert_eq!(ids.len(), 2, "{page}");
        assert!(
            page.contains("Chrome · Android"),
            "the phone, named in short"
        );
        assert!(!page.contains("Pixel 8"), "never the whole User-Agent");
        assert!(page.contains("овај уређај"));
        assert!(
            page.contains("одбијена"),
            "the refused try among the sign-ins"
        );

        // The phone's session (the one not marked as this device) is ended from the desk.
        let (_, phone_page) = t.get(&phone, "/account/sessions").await;
        let phone_id = session_ids(&phone_page)[0].clone();
        let (status, location, _) = t
            .post(
                &desk,
                "/account/sessions",
                &format!("/account/sessions/{phone_id}/end"),
                &[],
            )
            .await;
        assert_eq!(status, 303);
        assert!(location.unwrap().contains("ended=1"));
        let (status, _) = t.get(&phone, "/dashboard").await;
        assert_eq!(status, 303, "the phone is signed out");
        let (_, page) = t.get(&desk, "/account/sessions").await;
        assert_eq!(session_ids(&page).len(), 1);

        // Another person's session is not found, and stays.
        let social = t.signed_in("le-social").await;
        let (_, social_page) = t.get(&social, "/account/sessions").await;
        let social_id = session_ids(&social_page)[0].clone();
        let (status, _, _) = t
            .post(
                &desk,
                "/account/sessions",
                &format!("/account/sessions/{social_id}/end"),
                &[],
            )
            .await;
        assert_eq!(status, 404);
        let (status, _) = t.get(&social, "/dashboard").await;
        assert_eq!(status, 200);

        // Audited; the auditor finds the account's sign-ins by filtering the trail on it.
        let police = user_id(&t, "le-police").await;
        let auditor = t.signed_in("auditor").await;
        let (_, trail) = t
            .get(&auditor, &format!("/audit?user={police}&action=sign-in"))
            .await;
        assert!(trail.matches("<tr").count() >= 3, "{trail}");
        let (_, trail) = t.get(&auditor, &format!("/audit?user={police}")).await;
        assert!(trail.contains("Сесија окончана"), "{trail}");
        t.finish().await;
    }
}

#[tokio::test]
async fn the_administrator_ends_all_of_an_accounts_sessions_and_nobody_else_may() {
    for t in TestApp::every_engine().await {
        let police = t.signed_in("le-police").await;
        let id = user_id(&t, "le-police").await;
        let path = format!("/admin/users/{id}/sessions/end");
        // Those who do not manage the account are refused, and change nothing.
        for other in ["le-member", "nis-coordinator", "auditor"] {
            let client = t.signed_in(other).await;
            let (status, _, _) = t.post(&client, "/dashboard", &path, &[]).await;
            assert!(status == 403 || status == 404, "{other}: {status}");
        }
        let (status, _) = t.get(&police, "/dashboard").await;
        assert_eq!(status, 200, "still signed in");

        // The administrator, and the team's coordinator who manages its accounts, may.
        for manager in ["admin", "le-coordinator"] {
            let police = t.signed_in("le-police").await;
            let client = t.signed_in(manager).await;
            let (status, location, _) = t
                .post(&client, &format!("/admin/users/{id}"), &path, &[])
                .await;
            assert_eq!(status, 303, "{manager}");
            let (_, page) = t.get(&client, &location.unwrap()).await;
            assert!(page.contains("Све сесије налога су окончане"), "{page}");
            let (status, _) = t.get(&police, "/dashboard").await;
            assert_eq!(status, 303, "signed out by {manager}");
        }
        let (status, _) = t.get(&police, "/dashboard").await;
        assert_eq!(status, 303, "the first session too");
        t.finish().await;
    }
}

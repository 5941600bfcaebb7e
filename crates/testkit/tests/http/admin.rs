//! Accounts: create with a one-time link, errors at the fields, the coordinator's limits,
//! who may not enter, disabling and enabling, password resets.

use spona_app::accounts::{operator, UserQuery};
use spona_testkit::{TestApp, DEMO_PASSWORD};

const LIST: &str = "/admin/users";
const NEW: &str = "/admin/users/new";
const NEW_PASSWORD: &str = "a long new password 42";

/// The path of the one-time link on a page, if there is one.
fn link_in(body: &str) -> Option<String> {
    let start = body.find("/password/")?;
    let rest = &body[start..];
    let end = rest.find(|c: char| c == '"' || c == '<' || c.is_whitespace())?;
    Some(rest[..end].to_string())
}

async fn id_of(t: &TestApp, username: &str) -> i64 {
    t.app
        .user_by_username(&operator(), username)
        .await
        .expect("the account exists")
        .id
        .0
}

async fn account_count(t: &TestApp) -> i64 {
    t.app
        .users(&operator(), &UserQuery::default())
        .await
        .expect("list")
        .total
}

/// Sets a password through the link with a fresh client; returns the status.
async fn use_link(t: &TestApp, link: &str) -> u16 {
    let c = t.client();
    let fields = [
        ("password", NEW_PASSWORD),
        ("password_repeat", NEW_PASSWORD),
    ];
    // The CSRF token of a visitor comes with any page; the login page is always there.
    t.post(&c, "/login", link, &fields).await.0
}

#[tokio::test]
async fn the_administrator_creates_an_account_whose_owner_sets_the_password_once() {
    for t in TestApp::every_engine().await {
        let admin = t.signed_in("admin").await;
        let (status, form) = t.get(&admin, NEW).await;
        assert_eq!(status, 200, "{form}");
        assert!(form.contains("value=\"leskovac:csr\""), "{form}");
        assert!(
            form.contains("value=\"admin\""),
            "the administrator gives any role"
        );

        let (status, _, page) = t
            .post(
                &admin,
                NEW,
                LIST,
                &[
                    ("username", "ana.markovic"),
                    ("display_name", "Ана Марковић"),
                    ("role", "case-worker"),
                    ("institution", "leskovac:csr"),
                ],
            )
            .await;
        assert_eq!(status, 200, "{page}");
        assert!(page.contains("Налог је направљен"), "{page}");
        let link = link_in(&page).expect("the one-time link is shown");
        assert!(
            page.contains(&format!("{}{link}", t.base)),
            "a full link with the address the browser used"
        );
        assert!(page.contains("24 сата"), "how long it lasts");

        let (_, list) = t.get(&admin, "/admin/users?q=markovic").await;
        assert!(list.contains("ana.markovic"), "{list}");
        assert!(list.contains("Водитељ случаја"), "{list}");
        assert!(list.contains("ЦСР Лесковац"), "{list}");
        assert!(
            !list.contains("/password/"),
            "the link is not shown a second time"
        );

        assert_eq!(
            t.sign_in(&t.client(), "ana.markovic", NEW_PASSWORD).await,
            401,
            "no password before the link is used"
        );
        let (status, form) = t.get(&t.client(), &link).await;
        assert_eq!(status, 200, "{form}");
        assert!(form.contains("ana.markovic"));
        assert_eq!(use_link(&t, &link).await, 303);
        assert_eq!(
            t.sign_in(&t.client(), "ana.markovic", NEW_PASSWORD).await,
            303
        );
        assert_eq!(t.get(&t.client(), &link).await.0, 404, "used up");
        assert_eq!(use_link(&t, &link).await, 404, "used up");
        t.finish().await;
    }
}

#[tokio::test]
async fn bad_input_comes_back_at_the_fields_and_creates_nothing() {
    let t = TestApp::spawn().await;
    let admin = t.signed_in("admin").await;
    let before = account_count(&t).await;

    let (status, _, page) = t
        .post(
            &admin,
            NEW,
            LIST,
            &[
                ("username", "le-police"),
                ("display_name", "Још један Дејан"),
                ("role", "member"),
                ("institution", "leskovac:pu"),
            ],
        )
        .await;
    assert_eq!(status, 422, "{page}");
    assert!(
        page.contains("id=\"username-error\">Ова вредност је већ у употреби."),
        "{page}"
    );
    assert!(page.contains("Још један Дејан"), "what was typed is kept");
    assert!(
        page.contains("value=\"leskovac:pu\" selected"),
        "the choice is kept"
    );

    let (status, _, page) = t
        .post(
            &admin,
            NEW,
            LIST,
            &[
                ("username", "boss"),
                ("display_name", "Шеф"),
                ("role", "boss"),
                ("institution", "leskovac:pu"),
            ],
        )
        .await;
    assert_eq!(status, 422, "{page}");
    assert!(page.contains("id=\"role-error\""), "{page}");

    let (status, _, page) = t
        .post(
            &admin,
            NEW,
            LIST,
            &[
                ("username", "bez.institucije"),
                ("display_name", "Без Институције"),
                ("role", "case-worker"),
                ("institution", ""),
            ],
        )
        .await;
    assert_eq!(status, 422, "{page}");
    assert!(
        page.contains("id=\"institution-error\">Ово поље је обавезно."),
        "{page}"
    );
    assert_eq!(
        page.matches("class=\"error\"").count(),
        1,
        "one message at the one select for team and institution"
    );

    assert_eq!(account_count(&t).await, before, "nothing was created");
    t.finish().await;
}

#[tokio::test]
async fn a_coordinator_manages_only_the_accounts_of_their_team() {
    let t = TestApp::spawn().await;
    let c = t.signed_in("le-coordinator").await;
    let (status, list) = t.get(&c, LIST).await;
    assert_eq!(status, 200, "{list}");
    assert!(list.contains("le-police"), "{list}");
    assert!(!list.contains("nis-member"), "{list}");
    assert!(!list.contains("national"), "{list}");

    let (_, form) = t.get(&c, NEW).await;
    assert!(!form.contains("value=\"admin\""), "{form}");
    assert!(!form.contains("value=\"national\""), "{form}");
    assert!(!form.contains("value=\"nis:"), "{form}");
    assert!(form.contains("value=\"coordinator\""), "{form}");

    let post = |role: &'static str, institution: &'static str, username: &'static str| {
        let (t, c) = (&t, &c);
        async move {
            t.post(
                c,
                NEW,
                LIST,
                &[
                    ("username", username),
                    ("display_name", "Нови Налог"),
                    ("role", role),
                    ("institution", institution),
                ],
            )
            .await
        }
    };
    assert_eq!(post("admin", "", "novi.admin").await.0, 403);
    assert_eq!(post("national", "", "novi.national").await.0, 403);
    assert_eq!(post("member", "nis:csr", "novi.nis").await.0, 403);
    let (status, _, page) = post("member", "leskovac:ck", "novi.clan").await;
    assert_eq!(status, 200, "{page}");
    assert!(link_in(&page).is_some(), "{page}");
    let (_, list) = t.get(&c, LIST).await;
    assert!(list.contains("novi.clan"), "{list}");
    for refused in ["novi.admin", "novi.national", "novi.nis"] {
        assert!(
            t.app.user_by_username(&operator(), refused).await.is_err(),
            "{refused} was not created"
        );
    }
    t.finish().await;
}

#[tokio::test]
async fn others_do_not_enter_and_other_teams_accounts_are_not_found() {
    let t = TestApp::spawn().await;
    for username in ["le-member", "le-police", "national"] {
        let c = t.signed_in(username).await;
        assert_eq!(t.get(&c, LIST).await.0, 403, "{username}");
        assert_eq!(t.get(&c, NEW).await.0, 403, "{username}");
        let (_, dashboard) = t.get(&c, "/dashboard").await;
        assert!(!dashboard.contains("href=\"/admin/users\""), "{username}");
    }
    assert_eq!(t.get(&t.client(), LIST).await.0, 303, "sign in first");

    let police = id_of(&t, "le-police").await;
    let nis = t.signed_in("nis-coordinator").await;
    assert_eq!(
        t.get(&nis, &format!("{LIST}/{police}")).await.0,
        404,
        "another team's account"
    );
    let (status, _, _) = t
        .post(
            &nis,
            LIST,
            &format!("{LIST}/{police}/active"),
            &[("active", "0")],
        )
        .await;
    assert_eq!(status, 404);
    assert_eq!(
        t.sign_in(&t.client(), "le-police", DEMO_PASSWORD).await,
        303,
        "still active"
    );
    t.finish().await;
}

#[tokio::test]
async fn disabling_ends_the_sessions_at_once_and_enabling_restores_sign_in() {
    for t in TestApp::every_engine().await {
        let admin = t.signed_in("admin").await;
        let social = t.signed_in("le-social").await;
        let id = id_of(&t, "le-social").await;
        let page = format!("{LIST}/{id}");

        let (status, confirm) = t.get(&admin, &format!("{page}/disable")).await;
        assert_eq!(status, 200, "{confirm}");
        assert!(confirm.contains("le-social"), "{confirm}");
        let (status, location, _) = t
            .post(&admin, &page, &format!("{page}/active"), &[("active", "0")])
            .await;
        assert_eq!((status, location.as_deref()), (303, Some(page.as_str())));

        let res = social.get(t.url("/dashboard")).send().await.unwrap();
        assert_eq!(res.status(), 303);
        let to = res.headers()["location"].to_str().unwrap();
        assert!(to.starts_with("/login"), "{to}");
        assert_eq!(
            t.sign_in(&t.client(), "le-social", DEMO_PASSWORD).await,
            401
        );
        let (_, shown) = t.get(&admin, &page).await;
        assert!(shown.contains("Онемогућен"), "{shown}");

        let (status, _, _) = t
            .post(&admin, &page, &format!("{page}/active"), &[("active", "1")])
            .await;
        assert_eq!(status, 303);
        assert_eq!(
            t.sign_in(&t.client(), "le-social", DEMO_PASSWORD).await,
            303
        );

        let me = id_of(&t, "admin").await;
        let (status, _, _) = t
            .post(
                &admin,
                LIST,
                &format!("{LIST}/{me}/active"),
                &[("active", "0")],
            )
            .await;
        assert_eq!(status, 403, "nobody disables their own account");
        assert_eq!(t.get(&admin, LIST).await.0, 200);
        t.finish().await;
    }
}

#[tokio::test]
async fn a_reset_stops_the_old_password_and_gives_a_new_link() {
    let t = TestApp::spawn().await;
    let c = t.signed_in("le-coordinator").await;
    let member = t.signed_in("le-member").await;
    let id = id_of(&t, "le-member").await;
    let reset = format!("{LIST}/{id}/reset");

    let (status, confirm) = t.get(&c, &reset).await;
    assert_eq!(status, 200, "{confirm}");
    let (status, _, page) = t.post(&c, &reset, &reset, &[]).await;
    assert_eq!(status, 200, "{page}");
    assert!(page.contains("Лозинка је ресетована"), "{page}");
    let link = link_in(&page).expect("a new link");

    assert_eq!(
        t.sign_in(&t.client(), "le-member", DEMO_PASSWORD).await,
        401,
        "the old password no longer works"
    );
    assert_eq!(
        t.get(&member, "/dashboard").await.0,
        303,
        "and its sessions ended"
    );
    assert_eq!(use_link(&t, &link).await, 303);
    assert_eq!(t.sign_in(&t.client(), "le-member", NEW_PASSWORD).await, 303);
    t.finish().await;
}

#[tokio::test]
async fn the_pages_speak_english_too() {
    let t = TestApp::spawn().await;
    let admin = t.signed_in("admin").await;
    let (status, _, _) = t
        .post(&admin, LIST, "/lang", &[("lang", "en"), ("next", LIST)])
        .await;
    assert_eq!(status, 303);
    let (_, list) = t.get(&admin, LIST).await;
    assert!(list.contains("User accounts"), "{list}");
    assert!(
        list.contains("Team coordinator"),
        "roles in English: {list}"
    );
    assert!(list.contains("Active"), "{list}");
    let id = id_of(&t, "le-police").await;
    let (_, confirm) = t.get(&admin, &format!("{LIST}/{id}/reset")).await;
    assert!(confirm.contains("Reset password"), "{confirm}");
    t.finish().await;
}

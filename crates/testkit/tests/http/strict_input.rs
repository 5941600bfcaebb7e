//! Input that cannot be kept exactly as typed is refused, on every form, before any handler
//! runs: bytes that are not UTF-8 are answered 400, a control character or an over-long
//! value 422 naming the field, and nothing is stored or audited. Query strings are held to
//! the same rules. Serbian text, line ends, tabs and repeated checkboxes still come through.

use spona_testkit::{csrf_of, TestApp};

/// Rows in a table, and entries in the audit trail.
async fn count(t: &TestApp, table: &str) -> i64 {
    let mut c = t.app.db().conn().await.unwrap();
    sqlx::query_scalar(&format!("SELECT COUNT(*) FROM {table}"))
        .fetch_one(&mut *c)
        .await
        .unwrap()
}

/// Posts `body` (already URL-encoded, so that it can hold any bytes) with the token of
/// `form_page`; returns the status and the page.
async fn post_raw(
    t: &TestApp,
    c: &reqwest::Client,
    form_page: &str,
    path: &str,
    body: &str,
) -> (u16, String) {
    let (_, page) = t.get(c, form_page).await;
    let csrf = csrf_of(&page);
    let res = c
        .post(t.url(path))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(format!("csrf={csrf}&{body}"))
        .send()
        .await
        .unwrap();
    let status = res.status().as_u16();
    (status, res.text().await.unwrap_or_default())
}

/// A case report, with `given_name` as sent.
fn report(given_name: &str) -> String {
    format!(
        "reporter_kind=team-official&detected_on=2026-11-27&given_name={given_name}\
         &family_name=%D0%92%D1%83%D0%BA%D0%BE%D0%BC%D0%B0%D0%BD%D0%BE%D0%B2%D0%B8%D1%9B&sex=female"
    )
}

/// An activity, with `place` and `description` as sent.
fn activity(place: &str, description: &str) -> String {
    format!(
        "title=%D0%A2%D1%80%D0%B8%D0%B1%D0%B8%D0%BD%D0%B0&kind=public-talk&medium=\
         &held_on=2026-11-24&venue_id=&place={place}&partners=&pupils=140&teachers=\
         &parents=&officials=&public=&description={description}&materials=&plan_activity_id="
    )
}

/// What the refused posts could have changed.
async fn state(t: &TestApp) -> [i64; 4] {
    [
        count(t, "cases").await,
        count(t, "activities").await,
        count(t, "institutions").await,
        count(t, "audit_log").await,
    ]
}

#[tokio::test]
async fn bytes_that_are_not_utf8_are_refused_on_every_form_and_nothing_is_kept() {
    for t in TestApp::every_engine().await {
        let police = t.signed_in("le-police").await;
        let coordinator = t.signed_in("le-coordinator").await;
        let before = state(&t).await;
        // Not UTF-8; a character cut short; NUL written in two bytes (not UTF-8 either).
        for given_name in ["%FF%FE", "%D0%88%D0", "%C0%80"] {
            let body = report(given_name);
            let (status, page) = post_raw(&t, &police, "/dashboard", "/cases", &body).await;
            assert_eq!(status, 400, "{given_name}");
            assert!(page.contains("Неисправан захтев"), "the 400 page");
        }
        let (status, _) = post_raw(
            &t,
            &coordinator,
            "/activities/new",
            "/activities",
            &activity("%FFplace", ""),
        )
        .await;
        assert_eq!(status, 400);
        let (status, _) = post_raw(
            &t,
            &coordinator,
            "/teams/leskovac/institutions/new",
            "/teams/leskovac/institutions",
            "code=np2&standing=partner&kind=culture&name_cyrl=%D0%94%D0%BE%D0%BC%E9&short_name=",
        )
        .await;
        assert_eq!(status, 400);
        // Neither a replacement character nor anything else was stored, nor audited (the
        // pages the tokens came from do not write to the trail; the later state says so).
        assert_eq!(state(&t).await, before);
        t.finish().await;
    }
}

#[tokio::test]
async fn a_control_character_is_refused_naming_the_field_and_nothing_is_kept() {
    for t in TestApp::every_engine().await {
        let police = t.signed_in("le-police").await;
        let coordinator = t.signed_in("le-coordinator").await;
        let before = state(&t).await;
        let (status, page) = post_raw(
            &t,
            &police,
            "/dashboard",
            "/cases",
            &report("%D0%88%D0%BE%01%D0%B2%D0%B0%D0%BD%D0%B0"),
        )
        .await;
        assert_eq!(status, 422);
        assert!(page.contains("Ништа није сачувано"), "{page}");
        assert!(
            page.contains("Поље „given_name“ садржи знак који није могуће сачувати"),
            "{page}"
        );
        // A carriage return that does not end a line is such a character too.
        let (status, page) = post_raw(
            &t,
            &coordinator,
            "/activities/new",
            "/activities",
            &activity("%D0%A8%D0%BA%D0%BE%D0%BB%D0%B0", "a%0Db"),
        )
        .await;
        assert_eq!(status, 422);
        assert!(page.contains("„description“"));
        // In the viewer's language.
        let (status, _, _) = t
            .post(
                &coordinator,
                "/activities",
                "/lang",
                &[("lang", "en"), ("next", "/activities")],
            )
            .await;
        assert_eq!(status, 303);
        let (status, page) = post_raw(
            &t,
            &coordinator,
            "/activities/new",
            "/activities",
            &activity("%1B%5B31m", ""),
        )
        .await;
        assert_eq!(status, 422);
        assert!(page.contains("Nothing was saved"), "{page}");
        assert!(page.contains("The field “place” holds a character that cannot be kept"));
        assert_eq!(state(&t).await, before);
        t.finish().await;
    }
}

#[tokio::test]
async fn an_over_long_value_is_refused_naming_the_field() {
    let t = TestApp::spawn().await;
    let coordinator = t.signed_in("le-coordinator").await;
    let before = state(&t).await;
    let long = "a".repeat(48 * 1024 + 1);
    let (status, page) = post_raw(
        &t,
        &coordinator,
        "/activities/new",
        "/activities",
        &activity("x", &long),
    )
    .await;
    assert_eq!(status, 422);
    assert!(
        page.contains("Поље „description“ је предугачко да би се сачувало"),
        "{page}"
    );
    assert_eq!(state(&t).await, before);
    // Under the bound, the form's own limit answers at the field, as before.
    let (status, page) = post_raw(
        &t,
        &coordinator,
        "/activities/new",
        "/activities",
        &activity("x", &"a".repeat(48 * 1024)),
    )
    .await;
    assert_eq!(status, 422);
    assert!(page.contains("id=\"description-error\""));
    t.finish().await;
}

#[tokio::test]
async fn serbian_text_line_ends_tabs_and_repeated_checkboxes_still_come_through() {
    for t in TestApp::every_engine().await {
        let coordinator = t.signed_in("le-coordinator").await;
        let description = "Ред један\r\n\tред два — „наводници“\nЂурђевак";
        let (status, location, body) = t
            .post(
                &coordinator,
                "/activities/new",
                "/activities",
                &[
                    ("title", "Трибина у Техничкој школи"),
                    ("kind", "public-talk"),
                    ("held_on", "2026-11-24"),
                    ("place", "Техничка школа\tЛесковац"),
                    ("pupils", "140"),
                    ("description", description),
                ],
            )
            .await;
        assert_eq!(status, 303, "{body}");
        let id: i64 = location.unwrap()["/activities/".len()..].parse().unwrap();
        let mut c = t.app.db().conn().await.unwrap();
        let (place, stored): (String, String) =
            sqlx::query_as("SELECT place, description FROM activities WHERE id = $1")
                .bind(id)
                .fetch_one(&mut *c)
                .await
                .unwrap();
        assert_eq!(place, "Техничка школа\tЛесковац");
        assert_eq!(stored, description);
        drop(c);

        let police = t.signed_in("le-police").await;
        let (status, location, _) = t
            .post(
                &police,
                "/dashboard",
                "/cases",
                &[
                    ("reporter_kind", "team-official"),
                    ("detected_on", "2026-11-27"),
                    ("given_name", "Јована"),
                    ("family_name", "Вукомановић"),
                    ("sex", "female"),
                    ("exploitation_forms", "labour"),
                    ("exploitation_forms", "forced-begging"),
                    ("narrative", "Први ред\r\nДруги ред\tса табом"),
                ],
            )
            .await;
        assert_eq!(status, 303);
        let (_, page) = t.get(&police, location.as_deref().unwrap()).await;
        assert!(page.contains("Радна експлоатација, Принудно просјачење"));
        assert!(page.contains("Јована"));
        t.finish().await;
    }
}

#[tokio::test]
async fn a_query_that_is_not_clean_text_is_refused() {
    let t = TestApp::spawn().await;
    let c = t.signed_in("le-coordinator").await;
    for path in [
        "/activities?q=%FF",
        "/teams/leskovac/institutions?q=%D0",
        "/activities?q=a%00b",
        "/login?next=%2F%FF",
    ] {
        let (status, page) = t.get(&c, path).await;
        assert_eq!(status, 400, "{path}");
        assert!(page.contains("<html"), "{path}: a page");
    }
    let (status, _) = t.get(&c, "/activities?q=%D0%A2%D1%80%D0%B8+%D0%B1").await;
    assert_eq!(status, 200);
    t.finish().await;
}

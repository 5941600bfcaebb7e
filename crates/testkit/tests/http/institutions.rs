//! Institutions and partners: list, search, view, create, edit, deactivate, history, isolation.

use spona_testkit::TestApp;

const NEW: &str = "/teams/leskovac/institutions/new";
const LIST: &str = "/teams/leskovac/institutions";

fn school<'a>() -> Vec<(&'a str, &'a str)> {
    vec![
        ("code", "os-vuk"),
        ("standing", "partner"),
        ("kind", "school"),
        ("name_cyrl", "Основна школа „Вук Караџић“"),
        ("name_latn", ""),
        ("short_name", "ОШ Вук"),
        ("address", "Лесковац"),
        ("phone", "016 212 345"),
        ("email", "skola@example.rs"),
        ("cooperation", "Трибина за ученике осмог разреда."),
    ]
}

async fn id_from(location: Option<String>) -> i64 {
    location
        .expect("redirect")
        .rsplit('/')
        .next()
        .unwrap()
        .parse()
        .unwrap()
}

#[tokio::test]
async fn the_coordinator_registers_a_partner_and_finds_it_in_either_script() {
    for t in TestApp::every_engine().await {
        let c = t.signed_in("le-coordinator").await;
        let (status, location, body) = t.post(&c, NEW, LIST, &school()).await;
        assert_eq!(status, 303, "{body}");
        let id = id_from(location).await;
        let (status, page) = t.get(&c, &format!("{LIST}/{id}")).await;
        assert_eq!(status, 200);
        assert!(page.contains("Основна школа „Вук Караџић“"));
        assert!(
            page.contains("Osnovna škola „Vuk Karadžić“"),
            "Latin name made from the Cyrillic"
        );
        assert!(page.contains("Унето"), "history shows the creation");
        let (_, found) = t
            .get(&c, &format!("{LIST}?standing=partner&q=karadzic"))
            .await;
        assert!(
            found.contains(&format!("{LIST}/{id}")),
            "found by a Latin query without diacritics"
        );
        let (_, members) = t
            .get(&c, &format!("{LIST}?standing=member&q=karadzic"))
            .await;
        assert!(
            !members.contains(&format!("{LIST}/{id}")),
            "a partner is not a member institution"
        );
        t.finish().await;
    }
}

#[tokio::test]
async fn bad_input_is_shown_at_the_fields_and_nothing_is_saved() {
    let t = TestApp::spawn().await;
    let c = t.signed_in("le-coordinator").await;
    let (_, before) = t.get(&c, &format!("{LIST}?standing=partner")).await;
    let mut bad = school();
    bad.retain(|(k, _)| !matches!(*k, "name_cyrl" | "kind" | "email" | "code"));
    bad.extend([
        ("name_cyrl", "  "),
        ("kind", "bank"),
        ("email", "not-an-address"),
        ("code", "ОШ"),
    ]);
    let (status, _, page) = t.post(&c, NEW, LIST, &bad).await;
    assert_eq!(status, 422);
    for field in ["name_cyrl", "kind", "email", "code"] {
        assert!(
            page.contains(&format!("id=\"{field}-error\"")),
            "{field} error shown"
        );
    }
    assert!(
        page.contains("value=\"016 212 345\""),
        "what was typed is kept"
    );
    let (_, after) = t.get(&c, &format!("{LIST}?standing=partner")).await;
    assert_eq!(before.matches("<tr").count(), after.matches("<tr").count());

    // A code already used by the team.
    let mut dup = school();
    dup[0] = ("code", "csr");
    let (status, _, page) = t.post(&c, NEW, LIST, &dup).await;
    assert_eq!(status, 422);
    assert!(page.contains("id=\"code-error\""));
    t.finish().await;
}

#[tokio::test]
async fn an_edit_is_kept_in_history_and_a_stale_edit_is_refused() {
    let t = TestApp::spawn().await;
    let c = t.signed_in("le-coordinator").await;
    let (_, location, _) = t.post(&c, NEW, LIST, &school()).await;
    let id = id_from(location).await;
    let edit = format!("{LIST}/{id}/edit");
    let mut changed = school();
    changed[8] = ("email", "nova@example.rs");
    changed.push(("version", "1"));
    let (status, _, _) = t.post(&c, &edit, &format!("{LIST}/{id}"), &changed).await;
    assert_eq!(status, 303);
    let (_, page) = t.get(&c, &format!("{LIST}/{id}")).await;
    assert!(page.contains("nova@example.rs"));
    assert!(
        page.contains("skola@example.rs → nova@example.rs"),
        "history keeps the old value"
    );
    // Someone else saves the form they opened at version 1.
    let mut stale = school();
    stale[8] = ("email", "stara@example.rs");
    stale.push(("version", "1"));
    let (status, _, page) = t.post(&c, &edit, &format!("{LIST}/{id}"), &stale).await;
    assert_eq!(status, 422);
    assert!(
        page.contains("value=\"stara@example.rs\""),
        "nothing typed is lost"
    );
    let (_, page) = t.get(&c, &format!("{LIST}/{id}")).await;
    assert!(page.contains("nova@example.rs") && !page.contains("stara@example.rs"));
    t.finish().await;
}

#[tokio::test]
async fn deactivation_is_confirmed_and_reversible_never_a_deletion() {
    let t = TestApp::spawn().await;
    let c = t.signed_in("le-coordinator").await;
    let (_, location, _) = t.post(&c, NEW, LIST, &school()).await;
    let id = id_from(location).await;
    let confirm = format!("{LIST}/{id}/deactivate");
    let (status, page) = t.get(&c, &confirm).await;
    assert_eq!(status, 200);
    assert!(page.contains("Основна школа"));
    let (status, _, _) = t
        .post(
            &c,
            &confirm,
            &format!("{LIST}/{id}/active"),
            &[("active", "0"), ("version", "1")],
        )
        .await;
    assert_eq!(status, 303);
    let (_, list) = t.get(&c, &format!("{LIST}?standing=partner")).await;
    assert!(!list.contains(&format!("{LIST}/{id}\"")));
    let (_, list) = t
        .get(&c, &format!("{LIST}?standing=partner&inactive=1"))
        .await;
    assert!(list.contains(&format!("{LIST}/{id}\"")));
    let (status, page) = t.get(&c, &format!("{LIST}/{id}")).await;
    assert_eq!(status, 200, "still there");
    assert!(page.contains("Деактивирано"));
    let (status, _, _) = t
        .post(
            &c,
            &format!("{LIST}/{id}"),
            &format!("{LIST}/{id}/active"),
            &[("active", "1"), ("version", "2")],
        )
        .await;
    assert_eq!(status, 303);
    let (_, list) = t.get(&c, &format!("{LIST}?standing=partner")).await;
    assert!(list.contains(&format!("{LIST}/{id}\"")));
    t.finish().await;
}

#[tokio::test]
async fn another_team_cannot_see_or_touch_leskovac_institutions() {
    for t in TestApp::every_engine().await {
        let le = t.signed_in("le-coordinator").await;
        let (_, location, _) = t.post(&le, NEW, LIST, &school()).await;
        let id = id_from(location).await;
        let nis = t.signed_in("nis-coordinator").await;
        for path in [
            LIST.to_string(),
            format!("{LIST}/{id}"),
            format!("{LIST}/{id}/edit"),
            "/teams/leskovac".to_string(),
            format!("/teams/nis/institutions/{id}"),
        ] {
            assert_eq!(t.get(&nis, &path).await.0, 404, "{path}");
        }
        let (status, _, _) = t
            .post(
                &nis,
                "/teams/nis/institutions/new",
                &format!("{LIST}/{id}/active"),
                &[("active", "0"), ("version", "1")],
            )
            .await;
        assert_eq!(status, 404);
        let (_, page) = t.get(&le, &format!("{LIST}/{id}")).await;
        assert!(!page.contains("Деактивирано"), "unchanged");
        t.finish().await;
    }
}

#[tokio::test]
async fn only_the_coordinator_changes_the_registry() {
    let t = TestApp::spawn().await;
    for user in ["le-member", "le-police"] {
        let c = t.signed_in(user).await;
        assert_eq!(t.get(&c, LIST).await.0, 200, "{user} reads");
        assert_eq!(t.get(&c, NEW).await.0, 403, "{user} form");
        let (status, _, _) = t.post(&c, LIST, LIST, &school()).await;
        assert_eq!(status, 403, "{user} create");
        let (_, page) = t.get(&c, LIST).await;
        assert!(
            !page.contains("/institutions/new"),
            "{user} sees no create button"
        );
    }
    t.finish().await;
}

#[tokio::test]
async fn long_lists_are_paged() {
    let t = TestApp::spawn().await;
    let c = t.signed_in("le-coordinator").await;
    for n in 0..30 {
        let code = format!("p{n:02}");
        let name = format!("Партнер {n:02}");
        let mut f = school();
        f[0] = ("code", code.as_str());
        f[3] = ("name_cyrl", name.as_str());
        let (status, _, _) = t.post(&c, NEW, LIST, &f).await;
        assert_eq!(status, 303);
    }
    let (_, first) = t
        .get(&c, &format!("{LIST}?standing=partner&q=partner"))
        .await;
    assert!(first.contains("Партнер 00") && !first.contains("Партнер 29"));
    assert!(first.contains("page=2"));
    let (_, second) = t
        .get(&c, &format!("{LIST}?standing=partner&q=partner&page=2"))
        .await;
    assert!(second.contains("Партнер 29") && !second.contains("Партнер 00"));
    t.finish().await;
}

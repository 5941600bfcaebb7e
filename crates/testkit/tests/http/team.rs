//! Teams and members: the team overview, the founding decision, the members' register with
//! search, validation, edit conflicts, deactivation, and who may see or change what.

use spona_testkit::TestApp;

const LIST: &str = "/teams/leskovac/members";
const NEW: &str = "/teams/leskovac/members/new";

/// The value of the `<option>` whose text is `label`.
fn option_value(page: &str, label: &str) -> String {
    let end = page
        .find(&format!(">{label}</option>"))
        .unwrap_or_else(|| panic!("option {label} in {page}"));
    let start = page[..end].rfind("value=\"").expect("option value") + "value=\"".len();
    page[start..end].trim_end_matches('"').to_string()
}

/// The version a form was read at.
fn version_in(page: &str) -> String {
    let marker = "name=\"version\" value=\"";
    let start = page.find(marker).expect("version field") + marker.len();
    page[start..start + page[start..].find('"').expect("quote")].to_string()
}

/// The id at the end of a redirect to a member's page.
fn id_from(location: Option<String>) -> i64 {
    let location = location.expect("redirect");
    assert!(location.starts_with(LIST), "{location}");
    location.rsplit('/').next().unwrap().parse().unwrap()
}

/// Rows of the members table (without the header).
fn rows(page: &str) -> usize {
    page.matches("<tr").count().saturating_sub(1)
}

/// The first member linked from a list page.
fn first_member(page: &str) -> i64 {
    let marker = format!("{LIST}/");
    page.match_indices(&marker)
        .find_map(|(i, _)| {
            let digits: String = page[i + marker.len()..]
                .chars()
                .take_while(char::is_ascii_digit)
                .collect();
            digits.parse().ok()
        })
        .expect("a member link")
}

/// A new member of the Centre for Social Work, filled like a person would.
async fn jelena(t: &TestApp, c: &reqwest::Client) -> Vec<(&'static str, String)> {
    let (status, form) = t.get(c, NEW).await;
    assert_eq!(status, 200, "{form}");
    vec![
        (
            "institution_id",
            option_value(&form, "Центар за социјални рад Лесковац"),
        ),
        ("full_name", "Јелена Марковић".into()),
        ("position", "психолог".into()),
        ("team_role", "deputy-representative".into()),
        ("email", "jelena@example.rs".into()),
        ("phone", "016 123 456".into()),
        ("from_date", "2025-03-01".into()),
        ("to_date", String::new()),
    ]
}

fn fields<'a>(v: &'a [(&'static str, String)]) -> Vec<(&'static str, &'a str)> {
    v.iter().map(|(k, v)| (*k, v.as_str())).collect()
}

fn with(v: &[(&'static str, String)], key: &str, value: &str) -> Vec<(&'static str, String)> {
    v.iter()
        .map(|(k, old)| {
            (
                *k,
                if *k == key {
                    value.to_string()
                } else {
                    old.clone()
                },
            )
        })
        .collect()
}

#[tokio::test]
async fn the_coordinator_adds_a_member_who_is_found_in_either_script() {
    for t in TestApp::every_engine().await {
        let c = t.signed_in("le-coordinator").await;
        let form = jelena(&t, &c).await;
        let (status, location, body) = t.post(&c, NEW, LIST, &fields(&form)).await;
        assert_eq!(status, 303, "{body}");
        let id = id_from(location);
        let (status, page) = t.get(&c, &format!("{LIST}/{id}")).await;
        assert_eq!(status, 200);
        assert!(page.contains("<h1>Јелена Марковић</h1>"), "{page}");
        assert!(page.contains("Заменик представника"), "team role in words");
        assert!(page.contains("ЦСР Лесковац"), "institution shown");
        assert!(page.contains("Унето"), "history shows the creation");
        assert!(
            page.contains("Јелена Марковић (deputy-representative, 2025-03-01)"),
            "history says what was created"
        );

        let link = format!("{LIST}/{id}\"");
        for query in ["markovic", "Jelena", "МАРКОВИЋ", "psiholog"] {
            let (_, found) = t.get(&c, &format!("{LIST}?q={query}")).await;
            assert!(found.contains(&link), "found by {query}");
            assert!(!found.contains("Дејан Илић"), "{query} narrows the list");
        }
        let (_, list) = t.get(&c, LIST).await;
        assert!(list.contains(&link) && list.contains("Дејан Илић"));
        assert!(list.contains("Представник институције"), "roles in words");

        // Filtered by institution: the police has Дејан, not Јелена.
        let police = option_value(&list, "Полицијска управа Лесковац");
        let (_, by_police) = t.get(&c, &format!("{LIST}?institution={police}")).await;
        assert!(by_police.contains("Дејан Илић") && !by_police.contains(&link));
        t.finish().await;
    }
}

#[tokio::test]
async fn bad_input_is_shown_at_the_field_and_nothing_is_saved() {
    let t = TestApp::spawn().await;
    let c = t.signed_in("le-coordinator").await;
    let (_, before) = t.get(&c, LIST).await;
    let good = jelena(&t, &c).await;

    let nis = t.signed_in("nis-coordinator").await;
    let (_, nis_form) = t.get(&nis, "/teams/nis/members/new").await;
    let nis_csr = option_value(&nis_form, "Центар за социјални рад Ниш (демо)");

    let cases = [
        (
            with(&good, "full_name", "   "),
            "full_name",
            "Ово поље је обавезно.",
        ),
        (
            with(&good, "to_date", "2025-02-01"),
            "to_date",
            "Датум завршетка не може бити пре датума почетка.",
        ),
        (
            with(&good, "institution_id", "999999"),
            "institution_id",
            "Изаберите једну од понуђених могућности.",
        ),
        (
            with(&good, "institution_id", &nis_csr),
            "institution_id",
            "Изаберите једну од понуђених могућности.",
        ),
        (
            with(&good, "team_role", "boss"),
            "team_role",
            "Изаберите једну од понуђених могућности.",
        ),
    ];
    for (form, field, message) in cases {
        let (status, _, page) = t.post(&c, NEW, LIST, &fields(&form)).await;
        assert_eq!(status, 422, "{field}: {page}");
        assert!(
            page.contains(&format!(
                "<p class=\"error\" id=\"{field}-error\">{message}</p>"
            )),
            "{field}: message at the field in {page}"
        );
        assert!(
            page.contains(&format!("aria-describedby={field}-error"))
                || page.contains(&format!("{field}-hint {field}-error")),
            "{field}: the input points to its error"
        );
        assert!(
            page.contains("value=\"016 123 456\""),
            "what was typed is kept"
        );
    }
    let (_, after) = t.get(&c, LIST).await;
    assert_eq!(rows(&before), rows(&after), "nothing saved");
    assert!(!after.contains("Јелена"));
    t.finish().await;
}

#[tokio::test]
async fn ending_a_membership_and_a_stale_edit_that_is_refused() {
    let t = TestApp::spawn().await;
    let c = t.signed_in("le-coordinator").await;
    let form = jelena(&t, &c).await;
    let (_, location, _) = t.post(&c, NEW, LIST, &fields(&form)).await;
    let id = id_from(location);
    let page = format!("{LIST}/{id}");
    let edit = format!("{page}/edit");

    let (status, opened) = t.get(&c, &edit).await;
    assert_eq!(status, 200);
    assert_eq!(version_in(&opened), "1");
    assert!(opened.contains("value=\"Јелена Марковић\""), "filled in");

    // The membership ends: a to-date, nothing deleted.
    let mut ended = with(&form, "to_date", "2026-06-30");
    ended.push(("version", "1".into()));
    let (status, location, body) = t.post(&c, &edit, &page, &fields(&ended)).await;
    assert_eq!(status, 303, "{body}");
    assert_eq!(location.as_deref(), Some(page.as_str()));
    let (_, shown) = t.get(&c, &page).await;
    // The history names the field by its label, never by its name in code.
    assert!(shown.contains("Члан до: — → "), "{shown}");
    assert!(!shown.contains("to_date"), "{shown}");
    assert!(
        shown.contains("тренутно није члан тима"),
        "no longer serving"
    );

    // Someone who opened the form at version 1 saves another change.
    let mut stale = with(&form, "position", "стари податак");
    stale.push(("version", "1".into()));
    let (status, _, body) = t.post(&c, &edit, &page, &fields(&stale)).await;
    assert_eq!(status, 422);
    assert!(
        body.contains("Неко други је у међувремену изменио овај запис"),
        "{body}"
    );
    assert!(
        body.contains("value=\"стари податак\""),
        "nothing typed is lost"
    );
    assert_eq!(
        version_in(&body),
        "2",
        "the form now carries the current version"
    );
    let (_, shown) = t.get(&c, &page).await;
    assert!(shown.contains("психолог") && !shown.contains("стари податак"));
    assert!(shown.contains("30.06.2026."), "the to-date kept");
    t.finish().await;
}

#[tokio::test]
async fn a_team_member_reads_the_register_but_cannot_change_it() {
    let t = TestApp::spawn().await;
    let coordinator = t.signed_in("le-coordinator").await;
    let good = jelena(&t, &coordinator).await;
    let c = t.signed_in("le-member").await;
    let (status, list) = t.get(&c, LIST).await;
    assert_eq!(status, 200);
    assert!(list.contains("Дејан Илић"));
    assert!(!list.contains("/members/new"), "no create button");
    let id = first_member(&list);
    let (status, page) = t.get(&c, &format!("{LIST}/{id}")).await;
    assert_eq!(status, 200);
    assert!(!page.contains("/edit") && !page.contains("/deactivate"));

    assert_eq!(t.get(&c, NEW).await.0, 403);
    assert_eq!(t.get(&c, &format!("{LIST}/{id}/edit")).await.0, 403);
    assert_eq!(t.get(&c, &format!("{LIST}/{id}/deactivate")).await.0, 403);
    let (status, _, _) = t.post(&c, LIST, LIST, &fields(&good)).await;
    assert_eq!(status, 403);
    let (status, _, _) = t
        .post(
            &c,
            LIST,
            &format!("{LIST}/{id}/active"),
            &[("active", "0"), ("version", "1")],
        )
        .await;
    assert_eq!(status, 403);
    let (_, after) = t.get(&c, LIST).await;
    assert_eq!(rows(&list), rows(&after), "nothing saved");
    t.finish().await;
}

#[tokio::test]
async fn another_team_does_not_even_learn_that_leskovac_exists() {
    for t in TestApp::every_engine().await {
        let le = t.signed_in("le-coordinator").await;
        let (_, list) = t.get(&le, LIST).await;
        let id = first_member(&list);
        for user in ["nis-coordinator", "nis-member"] {
            let c = t.signed_in(user).await;
            for path in [
                "/teams/leskovac".to_string(),
                "/teams/leskovac/founding/edit".to_string(),
                LIST.to_string(),
                NEW.to_string(),
                format!("{LIST}/{id}"),
                format!("{LIST}/{id}/edit"),
                format!("/teams/nis/members/{id}"),
            ] {
                assert_eq!(t.get(&c, &path).await.0, 404, "{user} {path}");
            }
        }
        let nis = t.signed_in("nis-coordinator").await;
        let (status, _, _) = t
            .post(
                &nis,
                "/teams/nis/members/new",
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
async fn the_national_office_sees_teams_but_never_names() {
    let t = TestApp::spawn().await;
    let c = t.signed_in("national").await;
    let (status, teams) = t.get(&c, "/teams").await;
    assert_eq!(status, 200);
    assert!(teams.contains("href=\"/teams/leskovac\"") && teams.contains("href=\"/teams/nis\""));
    assert!(teams.contains("061-25/13 II"), "founding decision listed");
    let (status, overview) = t.get(&c, "/teams/leskovac").await;
    assert_eq!(status, 200);
    assert!(
        overview.contains("Полицијска управа Лесковац"),
        "lead institution"
    );
    assert!(overview.contains("Градско веће града Лесковца"));
    assert!(
        !overview.contains("/teams/leskovac/members"),
        "no link to members"
    );
    assert!(!overview.contains("Дејан Илић"));
    assert!(!overview.contains("/founding/edit"));
    assert_eq!(t.get(&c, LIST).await.0, 403);
    assert_eq!(t.get(&c, &format!("{LIST}/1")).await.0, 403);
    assert_eq!(t.get(&c, "/teams/leskovac/founding/edit").await.0, 403);
    t.finish().await;
}

#[tokio::test]
async fn deactivation_is_confirmed_and_reversible() {
    let t = TestApp::spawn().await;
    let c = t.signed_in("le-coordinator").await;
    let form = jelena(&t, &c).await;
    let (_, location, _) = t.post(&c, NEW, LIST, &fields(&form)).await;
    let id = id_from(location);
    let page = format!("{LIST}/{id}");
    let link = format!("{page}\"");
    let confirm = format!("{page}/deactivate");
    let (status, asked) = t.get(&c, &confirm).await;
    assert_eq!(status, 200);
    assert!(asked.contains("Јелена Марковић"));
    let active = format!("{page}/active");
    let (status, location, _) = t
        .post(&c, &confirm, &active, &[("active", "0"), ("version", "1")])
        .await;
    assert_eq!((status, location.as_deref()), (303, Some(page.as_str())));

    let (_, list) = t.get(&c, LIST).await;
    assert!(!list.contains(&link), "not in the default list");
    let (_, list) = t.get(&c, &format!("{LIST}?inactive=1")).await;
    assert!(list.contains(&link), "shown with inactive ones");
    let (status, shown) = t.get(&c, &page).await;
    assert_eq!(status, 200, "never deleted");
    assert!(shown.contains("Деактивирано"), "history shows it");
    assert!(shown.contains("Поново активирај"), "a reactivate button");

    let (status, _, _) = t
        .post(&c, &page, &active, &[("active", "1"), ("version", "2")])
        .await;
    assert_eq!(status, 303);
    let (_, list) = t.get(&c, LIST).await;
    assert!(list.contains(&link), "back in the list");
    let (_, shown) = t.get(&c, &page).await;
    assert!(shown.contains("Поново активирано"));
    t.finish().await;
}

#[tokio::test]
async fn the_coordinator_records_the_founding_decision() {
    let t = TestApp::spawn().await;
    let edit = "/teams/leskovac/founding/edit";
    let save = "/teams/leskovac/founding";
    let c = t.signed_in("le-coordinator").await;
    let (status, form) = t.get(&c, edit).await;
    assert_eq!(status, 200);
    assert!(form.contains("value=\"061-25/13 II\"") && form.contains("value=\"2013-11-30\""));
    let version = version_in(&form);

    let (status, _, page) = t
        .post(
            &c,
            edit,
            save,
            &[
                ("number", "061-7/26"),
                ("date", "2027-01-01"),
                ("body", "Градско веће"),
                ("version", &version),
            ],
        )
        .await;
    assert_eq!(status, 422, "a date in the future");
    assert!(page.contains("id=\"date-error\"") && page.contains("value=\"061-7/26\""));

    let (status, location, _) = t
        .post(
            &c,
            edit,
            save,
            &[
                ("number", "061-7/26"),
                ("date", "2026-02-10"),
                ("body", "Градско веће града Лесковца"),
                ("version", &version),
            ],
        )
        .await;
    assert_eq!(
        (status, location.as_deref()),
        (303, Some("/teams/leskovac"))
    );
    let (_, overview) = t.get(&c, "/teams/leskovac").await;
    assert!(overview.contains("061-7/26") && overview.contains("10.02.2026."));
    assert!(overview.contains("061-25/13 II → 061-7/26"), "history");

    // A second save from the form opened before is a conflict.
    let (status, _, page) = t
        .post(
            &c,
            edit,
            save,
            &[
                ("number", "старо"),
                ("date", ""),
                ("body", ""),
                ("version", &version),
            ],
        )
        .await;
    assert_eq!(status, 422);
    assert!(page.contains("Неко други је у међувремену изменио"));

    let m = t.signed_in("le-member").await;
    let (_, overview) = t.get(&m, "/teams/leskovac").await;
    assert!(!overview.contains("/founding/edit"), "no edit link");
    assert!(overview.contains("href=\"/teams/leskovac/members\""));
    assert_eq!(t.get(&m, edit).await.0, 403);
    let (status, _, _) = t
        .post(
            &m,
            "/teams/leskovac",
            save,
            &[("number", "X"), ("date", ""), ("body", "")],
        )
        .await;
    assert_eq!(status, 403);
    let (_, overview) = t.get(&c, "/teams/leskovac").await;
    assert!(
        overview.contains("061-7/26"),
        "unchanged by the refused save"
    );
    t.finish().await;
}

#[tokio::test]
async fn a_team_bound_user_goes_straight_to_their_team() {
    let t = TestApp::spawn().await;
    for (user, team) in [
        ("le-member", "/teams/leskovac"),
        ("le-police", "/teams/leskovac"),
        ("nis-coordinator", "/teams/nis"),
    ] {
        let c = t.signed_in(user).await;
        let res = c.get(t.url("/teams")).send().await.unwrap();
        assert_eq!(res.status(), 303, "{user}");
        assert_eq!(res.headers()["location"], team, "{user}");
    }
    let admin = t.signed_in("admin").await;
    let (status, page) = t.get(&admin, "/teams").await;
    assert_eq!(status, 200);
    assert!(page.contains("href=\"/teams/nis\""));
    t.finish().await;
}

//! Good practices over HTTP: every team and the national office read the list and open a
//! practice; only Leskovac's coordinator publishes Leskovac's activities and trainings (from
//! their pages, through a form filled from them, errors at the fields) and withdraws after a
//! confirmation; Niš reads Leskovac's practice but never Leskovac's register.

use spona_testkit::TestApp;

const LIST: &str = "/practices";
const DEMO_TITLE: &str = "Трибина „Лесковац против трговине људима“ у Народном позоришту";

/// The ids of the links to `prefix` followed by a number, in page order.
fn ids(page: &str, prefix: &str) -> Vec<i64> {
    let marker = format!("href=\"{prefix}");
    let mut out = Vec::new();
    let mut rest = page;
    while let Some(i) = rest.find(&marker) {
        rest = &rest[i + marker.len()..];
        let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
        if rest[digits.len()..].starts_with('"') {
            if let Ok(n) = digits.parse() {
                out.push(n);
            }
        }
    }
    out
}

/// The id at the end of a redirect to a practice.
fn practice_id(location: Option<String>) -> i64 {
    let location = location.expect("redirect");
    location
        .strip_prefix("/practices/")
        .unwrap_or_else(|| panic!("{location}"))
        .parse()
        .unwrap()
}

async fn demo_practice(t: &TestApp, c: &reqwest::Client) -> i64 {
    let (_, page) = t.get(c, LIST).await;
    ids(&page, "/practices/")[0]
}

/// The id of Leskovac's activity titled `title` (as its team sees the register).
async fn activity_id(t: &TestApp, title_query: &str) -> i64 {
    let c = t.signed_in("le-member").await;
    let (_, page) = t
        .get(
            &c,
            &format!("/activities?q={}", title_query.replace(' ', "+")),
        )
        .await;
    ids(&page, "/activities/")[0]
}

fn nav_has_practices(page: &str) -> bool {
    let start = page.find("<nav aria-label").unwrap_or(0);
    let end = page[start..]
        .find("</nav>")
        .map_or(page.len(), |e| start + e);
    page[start..end].contains("href=\"/practices\"")
}

#[tokio::test]
async fn every_team_and_the_national_office_read_the_list_with_search() {
    for t in TestApp::every_engine().await {
        for (user, in_nav) in [
            ("le-member", true),
            ("le-police", true),
            ("nis-member", true),
            ("nis-coordinator", true),
            ("national", true),
        ] {
            let c = t.signed_in(user).await;
            let (status, page) = t.get(&c, LIST).await;
            assert_eq!(status, 200, "{user}: {page}");
            assert!(page.contains(DEMO_TITLE), "{user}");
            assert!(
                page.contains(
                    "Локални координациони тим за борбу против трговине људима града Лесковца"
                ),
                "{user}: the team's name"
            );
            assert!(page.contains("<td data-label=\"Објављено из\">Активност</td>"));
            assert_eq!(nav_has_practices(&page), in_nav, "{user} navigation");
        }
        // The administrator reaches no team's work: no practices, and no link to them.
        let admin = t.signed_in("admin").await;
        assert_eq!(t.get(&admin, LIST).await.0, 404);
        let (_, dashboard) = t.get(&admin, "/dashboard").await;
        assert!(!nav_has_practices(&dashboard));
        let c = t.signed_in("nis-member").await;
        let (_, found) = t.get(&c, "/practices?q=narodnom+pozoristu").await;
        assert!(found.contains(DEMO_TITLE), "found in the other script");
        let (_, none) = t.get(&c, "/practices?q=nepostojece").await;
        assert!(!none.contains(DEMO_TITLE));
        assert!(
            none.contains("Ниједан унос не одговара претрази."),
            "{none}"
        );
        t.post(&c, LIST, "/lang", &[("lang", "sr-Latn"), ("next", LIST)])
            .await;
        let (_, latin) = t.get(&c, LIST).await;
        assert!(latin.contains("<h1>Dobre prakse</h1>"), "{latin}");

        let anonymous = t.client();
        let res = anonymous.get(t.url(LIST)).send().await.unwrap();
        assert_eq!(res.status(), 303);
        t.finish().await;
    }
}

#[tokio::test]
async fn nis_opens_leskovacs_practice_but_not_leskovacs_register() {
    for t in TestApp::every_engine().await {
        let nis = t.signed_in("nis-coordinator").await;
        let id = demo_practice(&t, &nis).await;
        let (status, page) = t.get(&nis, &format!("/practices/{id}")).await;
        assert_eq!(status, 200, "{page}");
        assert!(page.contains(DEMO_TITLE));
        assert!(page.contains("Шта је урађено") && page.contains("Европског дана"));
        assert!(page.contains("Укупно обухваћено: 232 особе"), "results");
        assert!(page.contains("18.10.2026."), "held on");
        assert!(!page.contains("/withdraw"), "not theirs to withdraw");
        assert!(
            !page.contains("Отвори извор"),
            "no way into Leskovac's register"
        );

        let talk = activity_id(&t, "Лесковац против").await;
        for path in [
            format!("/activities/{talk}"),
            format!("/activities/{talk}/publish"),
        ] {
            assert_eq!(t.get(&nis, &path).await.0, 404, "{path}");
        }
        let (status, _, _) = t
            .post(
                &nis,
                LIST,
                &format!("/activities/{talk}/publish"),
                &[("title", "Туђа"), ("summary", "Туђа")],
            )
            .await;
        assert_eq!(status, 404);

        // Leskovac's own readers are led from the practice to the activity and back.
        let member = t.signed_in("le-member").await;
        let (_, own) = t.get(&member, &format!("/practices/{id}")).await;
        assert!(
            own.contains(&format!("href=\"/activities/{talk}\"")),
            "{own}"
        );
        let (_, activity) = t.get(&member, &format!("/activities/{talk}")).await;
        assert!(activity.contains(&format!("href=\"/practices/{id}\"")));
        assert!(
            !activity.contains("/publish"),
            "one live practice per source"
        );
        assert_eq!(t.get(&member, "/practices/999999").await.0, 404);
        t.finish().await;
    }
}

#[tokio::test]
async fn the_coordinator_publishes_an_activity_from_its_page_with_errors_at_the_fields() {
    for t in TestApp::every_engine().await {
        let exhibition = activity_id(&t, "zivot u okovima").await;
        let page_path = format!("/activities/{exhibition}");
        let publish = format!("/activities/{exhibition}/publish");

        // Members and case workers see no button and are refused.
        for user in ["le-member", "le-police"] {
            let c = t.signed_in(user).await;
            let (_, page) = t.get(&c, &page_path).await;
            assert!(!page.contains(&publish), "{user}");
            assert_eq!(t.get(&c, &publish).await.0, 403, "{user}");
            let (status, _, _) = t
                .post(
                    &c,
                    &page_path,
                    &publish,
                    &[("title", "Изложба"), ("summary", "Изложба")],
                )
                .await;
            assert_eq!(status, 403, "{user}");
        }

        let c = t.signed_in("le-coordinator").await;
        let (_, page) = t.get(&c, &page_path).await;
        assert!(page.contains(&format!("href=\"{publish}\"")), "{page}");
        let (status, form) = t.get(&c, &publish).await;
        assert_eq!(status, 200, "{form}");
        assert!(form.contains("value=\"Изложба фотографија „Живот у оковима“\""));
        assert!(
            form.contains("Укупно обухваћено"),
            "results filled from the audience"
        );

        let before = ids(&t.get(&c, LIST).await.1, "/practices/").len();
        let too_long = "р".repeat(2001);
        let (status, _, body) = t
            .post(
                &c,
                &publish,
                &publish,
                &[
                    ("title", " "),
                    ("summary", ""),
                    ("materials", &too_long),
                    ("results", "посетиоци"),
                ],
            )
            .await;
        assert_eq!(status, 422, "{body}");
        for field in ["title", "summary", "materials"] {
            assert!(body.contains(&format!("id=\"{field}-error\"")), "{field}");
        }
        assert!(body.contains(">посетиоци</textarea>"), "typed text kept");
        assert_eq!(ids(&t.get(&c, LIST).await.1, "/practices/").len(), before);

        let fields = [
            ("title", "Изложба „Живот у оковима“ у школама"),
            ("summary", "Изложба фотографија обишла је школе града."),
            ("materials", "паное"),
            ("results", "600 ученика"),
        ];
        let (status, location, _) = t.post(&c, &publish, &publish, &fields).await;
        assert_eq!(status, 303);
        let id = practice_id(location);
        let (_, shown) = t.get(&c, &format!("/practices/{id}")).await;
        assert!(shown.contains("<h1>Изложба „Живот у оковима“ у школама</h1>"));
        assert!(shown.contains(&format!("href=\"/practices/{id}/withdraw\"")));
        let (_, page) = t.get(&c, &page_path).await;
        assert!(page.contains(&format!("href=\"/practices/{id}\"")));
        assert!(!page.contains(&format!("href=\"{publish}\"")));
        // The form of a published source leads to its practice; a second one is refused.
        let res = c.get(t.url(&publish)).send().await.unwrap();
        assert_eq!(res.status(), 303);
        assert_eq!(
            res.headers()["location"],
            format!("/practices/{id}").as_str()
        );
        let (status, _, body) = t.post(&c, &page_path, &publish, &fields).await;
        assert_eq!(status, 422);
        assert!(body.contains("већ је објављена добра пракса"), "{body}");

        let nis = t.signed_in("nis-member").await;
        let (_, theirs) = t.get(&nis, LIST).await;
        assert!(theirs.contains("Изложба „Живот у оковима“ у школама"));
        t.finish().await;
    }
}

#[tokio::test]
async fn the_coordinator_publishes_a_training_with_its_attendance_and_scores() {
    for t in TestApp::every_engine().await {
        let c = t.signed_in("le-coordinator").await;
        let (_, list) = t.get(&c, "/trainings?q=detetom").await;
        let training = ids(&list, "/trainings/")[0];
        let page_path = format!("/trainings/{training}");
        let publish = format!("{page_path}/publish");
        let (_, page) = t.get(&c, &page_path).await;
        assert!(page.contains(&format!("href=\"{publish}\"")), "{page}");
        let (status, form) = t.get(&c, &publish).await;
        assert_eq!(status, 200);
        assert!(form.contains("52 % пре обуке → 81 % после обуке"), "{form}");
        assert!(form.contains("Укупно 30 учесника"));
        let (status, location, _) = t
            .post(
                &c,
                &publish,
                &publish,
                &[
                    ("title", "Разговор са дететом – жртвом трговине људима"),
                    ("summary", "Шесточасовна обука за службенике."),
                    ("materials", ""),
                    ("results", "Резултат теста са 52 % на 81 %."),
                ],
            )
            .await;
        assert_eq!(status, 303);
        let id = practice_id(location);
        let national = t.signed_in("national").await;
        let (status, shown) = t.get(&national, &format!("/practices/{id}")).await;
        assert_eq!(status, 200);
        assert!(shown.contains("Обука") && shown.contains("са 52 % на 81 %"));
        assert_eq!(
            t.get(&national, &page_path).await.0,
            404,
            "not the register"
        );

        let member = t.signed_in("le-member").await;
        assert_eq!(t.get(&member, &publish).await.0, 403);
        let (_, page) = t.get(&member, &page_path).await;
        assert!(page.contains(&format!("href=\"/practices/{id}\"")));
        let nis = t.signed_in("nis-coordinator").await;
        assert_eq!(t.get(&nis, &publish).await.0, 404);
        t.finish().await;
    }
}

#[tokio::test]
async fn the_coordinator_withdraws_after_confirming_and_then_others_find_nothing() {
    for t in TestApp::every_engine().await {
        let c = t.signed_in("le-coordinator").await;
        let id = demo_practice(&t, &c).await;
        let path = format!("/practices/{id}");
        let withdraw = format!("{path}/withdraw");
        let (_, page) = t.get(&c, &path).await;
        assert!(page.contains(&format!("href=\"{withdraw}\"")));

        // Forbidden inside Leskovac, not there to withdraw outside it.
        for (user, refused) in [
            ("le-member", 403),
            ("nis-coordinator", 404),
            ("national", 404),
        ] {
            let other = t.signed_in(user).await;
            let (_, page) = t.get(&other, &path).await;
            assert!(!page.contains(&withdraw), "{user}");
            assert_eq!(t.get(&other, &withdraw).await.0, refused, "{user}");
            let (status, _, _) = t.post(&other, &path, &withdraw, &[]).await;
            assert_eq!(status, refused, "{user}");
        }

        let (status, confirm) = t.get(&c, &withdraw).await;
        assert_eq!(status, 200);
        assert!(
            confirm.contains("Повући добру праксу „Трибина"),
            "{confirm}"
        );
        let (status, location, _) = t.post(&c, &withdraw, &withdraw, &[]).await;
        assert_eq!(status, 303);
        assert_eq!(location.as_deref(), Some(path.as_str()));
        let (status, page) = t.get(&c, &path).await;
        assert_eq!(status, 200, "its coordinator still sees it");
        assert!(page.contains("Повучено"), "{page}");
        assert!(!page.contains(&format!("href=\"{withdraw}\"")));
        assert_eq!(t.get(&c, &withdraw).await.0, 409, "already withdrawn");

        for user in ["le-member", "nis-coordinator", "nis-member", "national"] {
            let other = t.signed_in(user).await;
            assert_eq!(t.get(&other, &path).await.0, 404, "{user}");
            let (_, list) = t.get(&other, LIST).await;
            assert!(!list.contains(DEMO_TITLE), "{user}");
            assert!(list.contains("Још ниједан тим није објавио добру праксу."));
        }
        // The talk keeps its practice on record: its deletion is refused with the reason.
        let talk = activity_id(&t, "Лесковац против").await;
        let delete = format!("/activities/{talk}/delete");
        let (_, confirm) = t.get(&c, &delete).await;
        let version = confirm
            .split("name=\"version\" value=\"")
            .nth(1)
            .and_then(|r| r.split('"').next())
            .unwrap()
            .to_string();
        let (status, _, body) = t
            .post(&c, &delete, &delete, &[("version", version.as_str())])
            .await;
        assert_eq!(status, 422, "{body}");
        assert!(body.contains("добра пракса објављена из њега"), "{body}");
        assert_eq!(t.get(&c, &format!("/activities/{talk}")).await.0, 200);
        t.finish().await;
    }
}

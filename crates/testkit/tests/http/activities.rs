//! The activities register over HTTP: the list with search, filters and reach; recording
//! through the form with errors at the fields; the calendar; deletion after confirmation;
//! other teams and the national office kept out.

use spona_testkit::TestApp;

const LIST: &str = "/activities";
const NEW: &str = "/activities/new";

/// The id at the end of a redirect to an activity's page.
fn id_from(location: Option<String>) -> i64 {
    let location = location.expect("redirect");
    location
        .strip_prefix("/activities/")
        .unwrap_or_else(|| panic!("{location}"))
        .parse()
        .unwrap()
}

/// The value of the `<option>` whose text is `label`.
fn option_value(page: &str, label: &str) -> String {
    let end = page
        .find(&format!(">{label}</option>"))
        .unwrap_or_else(|| panic!("option {label}"));
    let start = page[..end].rfind("value=\"").expect("option value") + "value=\"".len();
    page[start..end].trim_end_matches('"').to_string()
}

fn talk<'a>() -> Vec<(&'static str, &'a str)> {
    vec![
        ("title", "Трибина у Техничкој школи"),
        ("kind", "public-talk"),
        ("medium", ""),
        ("held_on", "2026-11-24"),
        ("venue_id", ""),
        ("place", "Техничка школа Лесковац"),
        ("partners", "Школска управа Лесковац"),
        ("pupils", "140"),
        ("teachers", "9"),
        ("parents", ""),
        ("officials", ""),
        ("public", ""),
        ("description", ""),
        ("materials", "флајери"),
        ("plan_activity_id", ""),
    ]
}

fn with<'a>(
    fields: &[(&'static str, &'a str)],
    changes: &[(&'static str, &'a str)],
) -> Vec<(&'static str, &'a str)> {
    fields
        .iter()
        .map(|(k, v)| {
            let v = changes.iter().find(|(c, _)| c == k).map_or(*v, |(_, n)| *n);
            (*k, v)
        })
        .collect()
}

#[tokio::test]
async fn the_list_shows_the_demo_newest_first_with_search_filters_and_reach() {
    for t in TestApp::every_engine().await {
        let c = t.signed_in("le-member").await;
        let (status, page) = t.get(&c, LIST).await;
        assert_eq!(status, 200, "{page}");
        let theatre = page
            .find("Лесковац против трговине људима")
            .expect("18 October");
        let exhibition = page.find("Живот у оковима").expect("exhibition");
        assert!(theatre < exhibition, "newest first");
        assert!(page.contains("Укупно обухваћено"), "total reach");
        assert!(page.contains(NEW), "team roles may record");

        // Found by the Latin spelling of a Cyrillic title.
        let (_, found) = t.get(&c, "/activities?q=zivot+u+okovima").await;
        assert!(found.contains("Живот у оковима") && !found.contains("Сестре"));
        let (_, media) = t.get(&c, "/activities?kind=media").await;
        assert!(media.contains("Телевизија") && !media.contains("Живот у оковима"));
        let (_, none) = t.get(&c, "/activities?year=2019").await;
        assert!(
            none.contains("Ниједан унос не одговара претрази."),
            "{none}"
        );
        assert!(none.contains("Укупно обухваћено: 0"));
        t.finish().await;
    }
}

#[tokio::test]
async fn a_member_records_through_the_form_and_sees_it_on_the_calendar() {
    for t in TestApp::every_engine().await {
        let c = t.signed_in("le-member").await;
        let (status, location, body) = t.post(&c, NEW, LIST, &talk()).await;
        assert_eq!(status, 303, "{body}");
        let id = id_from(location);
        let (status, page) = t.get(&c, &format!("/activities/{id}")).await;
        assert_eq!(status, 200);
        assert!(
            page.contains("<h1>Трибина у Техничкој школи</h1>"),
            "{page}"
        );
        assert!(page.contains("149"), "reach of pupils and teachers");
        let (_, month) = t.get(&c, "/activities/calendar?month=2026-11").await;
        assert!(month.contains(&format!("/activities/{id}\"")), "{month}");
        let (_, october) = t.get(&c, "/activities/calendar?month=2026-10").await;
        assert!(october.contains("Европски дан борбе против трговине људима"));
        assert!(october.contains("id=\"d-2026-10-18\""));

        // A venue from the list is a choice, and its name becomes the place.
        let (_, form) = t.get(&c, NEW).await;
        let theatre = option_value(&form, "Народно позориште Лесковац");
        let fields = with(&talk(), &[("venue_id", theatre.as_str()), ("place", "")]);
        let (status, location, _) = t.post(&c, NEW, LIST, &fields).await;
        assert_eq!(status, 303);
        let (_, page) = t
            .get(&c, &format!("/activities/{}", id_from(location)))
            .await;
        assert!(page.contains("Народно позориште Лесковац"));
        t.finish().await;
    }
}

#[tokio::test]
async fn errors_are_shown_at_the_fields_and_nothing_is_saved() {
    let t = TestApp::spawn().await;
    let c = t.signed_in("le-police").await;
    let (_, before) = t.get(&c, LIST).await;
    let bad = with(
        &talk(),
        &[
            ("title", "  "),
            ("pupils", "-4"),
            ("public", "999999"),
            ("kind", "media"),
        ],
    );
    let (status, _, page) = t.post(&c, NEW, LIST, &bad).await;
    assert_eq!(status, 422, "{page}");
    for field in ["title", "pupils", "public", "medium"] {
        assert!(page.contains(&format!("id=\"{field}-error\"")), "{field}");
    }
    assert!(page.contains("Упишите цео број од 0 до 100.000."));
    assert!(
        page.contains("value=\"Техничка школа Лесковац\""),
        "typed text kept"
    );
    let (_, after) = t.get(&c, LIST).await;
    let count = |p: &str| p.matches("<tr").count();
    assert_eq!(count(&before), count(&after));
    t.finish().await;
}

#[tokio::test]
async fn other_teams_find_nothing_national_is_refused_and_deletion_asks_first() {
    for t in TestApp::every_engine().await {
        let c = t.signed_in("le-member").await;
        let (_, location, _) = t.post(&c, NEW, LIST, &talk()).await;
        let id = id_from(location);
        let path = format!("/activities/{id}");

        let nis = t.signed_in("nis-member").await;
        for p in [
            path.clone(),
            format!("{path}/edit"),
            format!("{path}/delete"),
        ] {
            assert_eq!(t.get(&nis, &p).await.0, 404, "{p}");
        }
        let (_, nis_list) = t.get(&nis, LIST).await;
        assert!(!nis_list.contains("Техничкој"));
        let (status, _, _) = t
            .post(&nis, LIST, &format!("{path}/delete"), &[("version", "1")])
            .await;
        assert_eq!(status, 404);

        let national = t.signed_in("national").await;
        // No team: the register is not there for the national office.
        assert_eq!(t.get(&national, LIST).await.0, 404);
        assert_eq!(t.get(&national, NEW).await.0, 404);

        let (status, confirm) = t.get(&c, &format!("{path}/delete")).await;
        assert_eq!(status, 200);
        assert!(confirm.contains("Трибина у Техничкој школи"));
        assert_eq!(t.get(&c, &path).await.0, 200, "asking deleted nothing");
        let (status, location, _) = t
            .post(
                &c,
                &format!("{path}/delete"),
                &format!("{path}/delete"),
                &[("version", "1")],
            )
            .await;
        assert_eq!(status, 303);
        assert_eq!(location.as_deref(), Some(LIST));
        assert_eq!(t.get(&c, &path).await.0, 404);
        t.finish().await;
    }
}

#[tokio::test]
async fn team_roles_add_venues_that_the_form_then_offers() {
    let t = TestApp::spawn().await;
    let c = t.signed_in("le-social").await;
    let (status, page) = t.get(&c, "/activities/venues").await;
    assert_eq!(status, 200);
    assert!(page.contains("Гимназија Лесковац"));
    let (status, _, page) = t
        .post(
            &c,
            "/activities/venues",
            "/activities/venues",
            &[("name", ""), ("kind", "school")],
        )
        .await;
    assert_eq!(status, 422);
    assert!(page.contains("id=\"name-error\""));
    let (status, _, _) = t
        .post(
            &c,
            "/activities/venues",
            "/activities/venues",
            &[("name", "Техничка школа Лесковац"), ("kind", "school")],
        )
        .await;
    assert_eq!(status, 303);
    let (_, form) = t.get(&c, NEW).await;
    assert!(form.contains(">Техничка школа Лесковац</option>"));
    let nis = t.signed_in("nis-member").await;
    let (_, theirs) = t.get(&nis, "/activities/venues").await;
    assert!(!theirs.contains("Гимназија Лесковац"));
    t.finish().await;
}

#[tokio::test]
async fn the_dashboard_reminds_team_roles_of_a_recurring_day_within_thirty_days() {
    let t = TestApp::spawn().await;
    let c = t.signed_in("le-member").await;
    let (_, today) = t.get(&c, "/dashboard").await;
    assert!(!today.contains("Светски дан"), "30 July is months away");
    // From 28 November 2026 to 10 July 2027.
    t.clock.advance(224 * 24 * 60 * 60);
    let c = t.signed_in("le-member").await;
    let (status, page) = t.get(&c, "/dashboard").await;
    assert_eq!(status, 200);
    assert!(
        page.contains(
            "30. јул – Светски дан борбе против трговине људима је за 20 дана – још ништа није планирано."
        ),
        "{page}"
    );
    assert!(page.contains("/activities/calendar?month=2027-07"));
    let national = t.signed_in("national").await;
    let (_, theirs) = t.get(&national, "/dashboard").await;
    assert!(!theirs.contains("Светски дан"));
    t.finish().await;
}

#[tokio::test]
async fn a_talk_recorded_against_the_plan_moves_its_progress() {
    const WORKSHOPS: &str =
        "Радионице за ученике средњих школа о безбедном запошљавању и вршњачком насиљу";
    for t in TestApp::every_engine().await {
        let c = t.signed_in("le-member").await;
        let (_, form) = t.get(&c, NEW).await;
        assert!(form.contains("<optgroup label=\"Локални план координације 2026\">"));
        let workshops = option_value(&form, WORKSHOPS);

        // The demo plan counts ten workshops, two of them in the register.
        let (_, plan) = t.get(&c, "/plan").await;
        let at = plan.find("href=\"/plan/").unwrap() + "href=\"/plan/".len();
        let plan_path = format!("/plan/{}", &plan[at..at + plan[at..].find('"').unwrap()]);
        let (_, page) = t.get(&c, &plan_path).await;
        assert!(page.contains("евидентирано / планирано: 2 / 10"), "{page}");

        let fields = with(&talk(), &[("plan_activity_id", workshops.as_str())]);
        let (status, location, body) = t.post(&c, NEW, LIST, &fields).await;
        assert_eq!(status, 303, "{body}");
        let id = id_from(location);
        let (_, shown) = t.get(&c, &format!("/activities/{id}")).await;
        assert!(shown.contains(&format!("#activity-{workshops}\">{WORKSHOPS}</a>")));
        let (_, page) = t.get(&c, &plan_path).await;
        assert!(page.contains("евидентирано / планирано: 3 / 10"));
        assert!(page.contains(&format!("href=\"/activities/{id}\"")));

        // A made-up plan activity is refused at the field, and nothing is saved.
        let fields = with(&talk(), &[("plan_activity_id", "999999")]);
        let (status, _, body) = t.post(&c, NEW, LIST, &fields).await;
        assert_eq!(status, 422);
        assert!(body.contains("id=\"plan_activity_id-error\""), "{body}");
        let (_, page) = t.get(&c, &plan_path).await;
        assert!(page.contains("евидентирано / планирано: 3 / 10"));
        t.finish().await;
    }
}

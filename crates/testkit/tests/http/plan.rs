//! The coordination plan and the national framework over HTTP: who sees, who edits, field
//! errors in the user's language, another team kept out.

use spona_testkit::TestApp;

/// The id of the demo plan, from the team's plan list.
async fn demo_plan(t: &TestApp, c: &reqwest::Client) -> i64 {
    let (status, page) = t.get(c, "/plan").await;
    assert_eq!(status, 200, "{page}");
    let marker = "href=\"/plan/";
    let at = page.find(marker).expect("a plan link") + marker.len();
    page[at..at + page[at..].find('"').unwrap()]
        .parse()
        .expect("plan id")
}

fn id_from(location: Option<String>) -> i64 {
    location
        .expect("redirect")
        .split(['/', '#'])
        .nth(2)
        .unwrap()
        .parse()
        .unwrap()
}

#[tokio::test]
async fn a_member_views_the_plan_with_the_overdue_flag_but_cannot_change_it() {
    for t in TestApp::every_engine().await {
        let c = t.signed_in("le-member").await;
        let id = demo_plan(&t, &c).await;
        let path = format!("/plan/{id}");
        let (status, page) = t.get(&c, &path).await;
        assert_eq!(status, 200);
        assert!(page.contains("Локални план координације 2026"));
        assert!(page.contains("Усвојен"));
        assert!(page.contains("Промотивни материјал уз подршку ИОМ"));
        // 30 July with nothing recorded, and the materials entered at 60%.
        assert_eq!(page.matches("Рок је прошао").count(), 2, "two overdue");
        assert!(!page.contains(&format!("{path}/adopt")));
        assert!(!page.contains("/activities/new"));

        let (_, dashboard) = t.get(&c, "/dashboard").await;
        assert!(dashboard.contains("Остварење"), "{dashboard}");
        assert!(dashboard.contains(&format!("href=\"/plan/{id}\"")));

        assert_eq!(t.get(&c, &format!("{path}/edit")).await.0, 403);
        let (status, _, _) = t
            .post(
                &c,
                &path,
                &format!("{path}/objectives"),
                &[("title", "Нешто")],
            )
            .await;
        assert_eq!(status, 403);
        let (_, page) = t.get(&c, &path).await;
        assert!(!page.contains("Нешто"), "nothing added");

        let other = t.signed_in("nis-member").await;
        assert_eq!(t.get(&other, &path).await.0, 404);
        assert_eq!(t.get(&other, &format!("{path}/edit")).await.0, 404);
        t.finish().await;
    }
}

#[tokio::test]
async fn the_coordinator_drafts_gets_errors_at_the_fields_and_adopts() {
    for t in TestApp::every_engine().await {
        let c = t.signed_in("le-coordinator").await;
        let (status, location, body) = t
            .post(
                &c,
                "/plan/new",
                "/plan",
                &[
                    ("title", "План 2027"),
                    ("starts_on", "2027-01-01"),
                    ("ends_on", "2027-12-31"),
                ],
            )
            .await;
        assert_eq!(status, 303, "{body}");
        let id = id_from(location);
        let path = format!("/plan/{id}");
        let (status, _, _) = t
            .post(
                &c,
                &path,
                &format!("{path}/objectives"),
                &[("title", "Превенција у школама")],
            )
            .await;
        assert_eq!(status, 303);
        let (_, page) = t.get(&c, &format!("{path}/activities/new")).await;
        let value_of = |label: &str| {
            let at = page.find(label).expect(label);
            let before = &page[..at];
            let v = before.rfind("value=\"").unwrap() + 7;
            before[v..v + before[v..].find('"').unwrap()].to_string()
        };
        let objective = value_of(">Превенција у школама</option>");
        let institution = value_of(">Центар за социјални рад Лесковац</option>");
        let fields = [
            ("objective", objective.as_str()),
            ("title", "Радионице у школама"),
            ("responsible", institution.as_str()),
            ("deadline", "2028-03-01"),
            ("budget", "50.000"),
            ("progress", "0"),
        ];
        let new = format!("{path}/activities/new");
        let (status, _, body) = t
            .post(&c, &new, &format!("{path}/activities"), &fields)
            .await;
        assert_eq!(status, 422, "{body}");
        assert!(
            body.contains("Рок мора бити унутар периода плана."),
            "{body}"
        );
        assert!(body.contains("Радионице у школама"), "what was typed stays");
        let (_, page) = t.get(&c, &path).await;
        assert!(!page.contains("Радионице у школама"), "nothing saved");

        let mut fields = fields;
        fields[3] = ("deadline", "2027-03-01");
        let (status, _, body) = t
            .post(&c, &new, &format!("{path}/activities"), &fields)
            .await;
        assert_eq!(status, 303, "{body}");

        let adopt = format!("{path}/adopt");
        let (status, _, body) = t
            .post(
                &c,
                &adopt,
                &adopt,
                &[
                    ("meeting_on", "2026-11-25"),
                    ("decision", "Усвојен једногласно"),
                ],
            )
            .await;
        assert_eq!(status, 303, "{body}");
        let (_, page) = t.get(&c, &path).await;
        assert!(page.contains("Усвојен једногласно"));
        assert!(
            page.contains("План усвојен"),
            "the history shows the adoption"
        );

        let member = t.signed_in("le-member").await;
        let (status, _, _) = t
            .post(
                &member,
                &path,
                &adopt,
                &[("meeting_on", "2026-11-25"), ("decision", "x")],
            )
            .await;
        assert_eq!(status, 403);
        t.finish().await;
    }
}

#[tokio::test]
async fn the_national_office_edits_the_framework_and_a_coordinator_only_reads_it() {
    for t in TestApp::every_engine().await {
        let national = t.signed_in("national").await;
        let (status, page) = t.get(&national, "/framework").await;
        assert_eq!(status, 200);
        assert!(page.contains("Акциони план 2024–2026"));
        assert!(page.contains("/framework/documents"), "a form to add");
        let doc = [
            ("title", "Акциони план 2027–2029"),
            ("first_year", "2027"),
            ("last_year", "2029"),
        ];
        let (status, _, _) = t
            .post(&national, "/framework", "/framework/documents", &doc)
            .await;
        assert_eq!(status, 303);
        let (status, _, body) = t
            .post(
                &national,
                "/framework",
                "/framework/documents",
                &[("title", "Без година"), ("first_year", "")],
            )
            .await;
        assert_eq!(status, 422);
        assert!(body.contains("id=\"first_year-error\""), "{body}");

        let coordinator = t.signed_in("le-coordinator").await;
        let (status, page) = t.get(&coordinator, "/framework").await;
        assert_eq!(status, 200);
        assert!(page.contains("Акциони план 2027–2029"));
        assert!(!page.contains("action=\"/framework/documents\""));
        let (status, _, _) = t
            .post(
                &coordinator,
                "/plan",
                "/framework/documents",
                &[
                    ("title", "Туђи"),
                    ("first_year", "2027"),
                    ("last_year", "2028"),
                ],
            )
            .await;
        assert_eq!(status, 403);
        let (_, page) = t.get(&national, "/framework").await;
        assert!(!page.contains("Туђи"));
        t.finish().await;
    }
}

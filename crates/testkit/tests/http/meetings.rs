//! Meetings and the cooperation log over HTTP: forms, errors at the fields, the team's own.

use spona_testkit::TestApp;

#[tokio::test]
async fn a_member_records_a_meeting_and_its_action_items() {
    let t = TestApp::spawn().await;
    let member = t.signed_in("le-member").await;
    let (status, page) = t.get(&member, "/meetings").await;
    assert_eq!(status, 200);
    assert!(
        page.contains("href=\"/meetings\"") && page.contains("Још није уписан ниједан састанак")
    );

    let (status, _, page) = t
        .post(
            &member,
            "/meetings",
            "/meetings",
            &[("held_on", "nije-datum"), ("agenda", "")],
        )
        .await;
    assert_eq!(status, 422);
    assert!(page.contains("id=\"held_on-error\"") && page.contains("id=\"agenda-error\""));

    let (status, location, _) = t
        .post(
            &member,
            "/meetings",
            "/meetings",
            &[
                ("held_on", "2026-10-01"),
                ("agenda", "Обележавање 18. октобра"),
            ],
        )
        .await;
    assert_eq!(status, 303);
    let path = location.unwrap().split('?').next().unwrap().to_string();
    let (status, page) = t.get(&member, &path).await;
    assert_eq!(status, 200);
    assert!(page.contains("Обележавање 18. октобра"));

    let at = page.find("<option value=\"").unwrap();
    let rest = &page[at + "<option value=\"".len()..];
    let rest = &rest[rest.find("<option value=\"").unwrap() + "<option value=\"".len()..];
    let owner = &rest[..rest.find('"').unwrap()];
    let actions = format!("{path}/actions");
    let (status, _, page) = t
        .post(
            &member,
            &path,
            &actions,
            &[
                ("task", "Позивнице"),
                ("owner", owner),
                ("deadline", "2026-09-01"),
            ],
        )
        .await;
    assert_eq!(status, 422);
    assert!(page.contains("id=\"deadline-error\""));
    let (status, _, _) = t
        .post(
            &member,
            &path,
            &actions,
            &[
                ("task", "Позивнице"),
                ("owner", owner),
                ("deadline", "2026-10-10"),
            ],
        )
        .await;
    assert_eq!(status, 303);
    // Past its deadline and open: on the dashboard.
    let (_, dashboard) = t.get(&member, "/dashboard").await;
    assert!(dashboard.contains("Позивнице"), "overdue on the dashboard");
    // A meeting to come is on the dashboard's list of what is coming up.
    let (status, location, _) = t
        .post(
            &member,
            "/meetings",
            "/meetings",
            &[("held_on", "2027-01-20"), ("agenda", "Годишњи план")],
        )
        .await;
    assert_eq!(status, 303);
    let next = location.unwrap().split('?').next().unwrap().to_string();
    let (_, dashboard) = t.get(&member, "/dashboard").await;
    assert!(dashboard.contains("Предстоји") && dashboard.contains(&format!("href=\"{next}\"")));

    // Other teams do not find it; the national office has no such page.
    let nis = t.signed_in("nis-coordinator").await;
    assert_eq!(t.get(&nis, &path).await.0, 404);
    let national = t.signed_in("national").await;
    assert_eq!(t.get(&national, "/meetings").await.0, 404);

    // The cooperation log.
    let (status, _, page) = t
        .post(
            &member,
            "/cooperation",
            "/cooperation",
            &[("on_date", "2026-03-02"), ("kind", "x"), ("subject", "")],
        )
        .await;
    assert_eq!(status, 422);
    assert!(page.contains("id=\"kind-error\"") && page.contains("id=\"subject-error\""));
    let (status, _, _) = t
        .post(
            &member,
            "/cooperation",
            "/cooperation",
            &[
                ("on_date", "2026-03-02"),
                ("kind", "request"),
                ("subject", "Захтев за податке"),
            ],
        )
        .await;
    assert_eq!(status, 303);
    let (_, page) = t.get(&member, "/cooperation").await;
    assert!(page.contains("Захтев за податке") && page.contains("Захтев"));
    t.finish().await;
}

#[tokio::test]
async fn every_upcoming_link_on_the_dashboard_opens() {
    let t = TestApp::spawn().await;
    let member = t.signed_in("le-member").await;
    t.post(
        &member,
        "/meetings",
        "/meetings",
        &[("held_on", "2027-01-20"), ("agenda", "План")],
    )
    .await;
    let (status, _, _) = t
        .post(
            &member,
            "/activities/new",
            "/activities",
            &[
                ("title", "Трибина у јануару"),
                ("kind", "public-talk"),
                ("held_on", "2027-01-15"),
                ("place", "Гимназија"),
            ],
        )
        .await;
    assert_eq!(status, 303, "an activity to come");
    let (_, dashboard) = t.get(&member, "/dashboard").await;
    let start = dashboard
        .find("id=\"upcoming-h\"")
        .expect("a list of what is coming up");
    let section = &dashboard[start..start + dashboard[start..].find("</section>").unwrap()];
    let links: Vec<&str> = section
        .split("href=\"")
        .skip(1)
        .map(|rest| &rest[..rest.find('"').unwrap()])
        .collect();
    assert!(
        links.iter().any(|l| l.starts_with("/activities/")),
        "{links:?}"
    );
    assert!(
        links.iter().any(|l| l.starts_with("/meetings/")),
        "{links:?}"
    );
    for link in links {
        assert_eq!(t.get(&member, link).await.0, 200, "{link}");
    }
    t.finish().await;
}

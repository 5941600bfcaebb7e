//! Each role sees its own doors and nothing more.

use spona_testkit::TestApp;

fn nav_of(page: &str) -> String {
    let start = page.find("<nav aria-label").unwrap_or(0);
    let end = page[start..]
        .find("</nav>")
        .map(|e| start + e)
        .unwrap_or(start);
    page[start..end].to_string()
}

#[tokio::test]
async fn the_navigation_shows_what_each_role_may_use() {
    let t = TestApp::spawn().await;
    let cases = "href=\"/cases\"";
    let inbox = "href=\"/inbox\"";
    let admin = "/admin/users";
    let plan = "href=\"/plan\"";
    // (user, cases, inbox, admin, plan): the coordinator sees that cases exist, never names;
    // only case workers have an inbox of referrals.
    let expectations = [
        ("le-police", true, true, false, true),
        ("le-social", true, true, false, true),
        ("le-coordinator", true, false, true, true),
        ("le-member", false, false, false, true),
        ("national", false, false, false, false),
        ("admin", false, false, true, false),
    ];
    for (user, sees_cases, sees_inbox, sees_admin, sees_plan) in expectations {
        let c = t.signed_in(user).await;
        let (_, page) = t.get(&c, "/dashboard").await;
        let nav = nav_of(&page);
        assert_eq!(nav.contains(cases), sees_cases, "{user} cases: {nav}");
        assert_eq!(nav.contains(inbox), sees_inbox, "{user} inbox: {nav}");
        assert_eq!(nav.contains(admin), sees_admin, "{user} admin: {nav}");
        assert_eq!(nav.contains(plan), sees_plan, "{user} plan: {nav}");
        assert_eq!(
            t.get(&c, "/cases").await.0 == 200,
            sees_cases,
            "{user} opens cases"
        );
        assert_eq!(
            t.get(&c, "/inbox").await.0 == 200,
            sees_inbox,
            "{user} opens the inbox"
        );
        assert_eq!(
            t.get(&c, "/plan").await.0 == 200,
            sees_plan,
            "{user} opens plan"
        );
    }
    t.finish().await;
}

#[tokio::test]
async fn anonymous_visitors_are_sent_to_sign_in_from_every_page() {
    let t = TestApp::spawn().await;
    let c = t.client();
    for path in [
        "/dashboard",
        "/teams",
        "/teams/leskovac",
        "/teams/leskovac/institutions",
        "/teams/leskovac/members",
        "/admin/users",
        "/cases",
        "/cases/new",
        "/inbox",
    ] {
        let res = c.get(t.url(path)).send().await.unwrap();
        assert_eq!(res.status(), 303, "{path}");
        let to = res.headers()["location"].to_str().unwrap().to_string();
        assert!(to.starts_with("/login?next="), "{path} → {to}");
    }
    t.finish().await;
}

#[tokio::test]
async fn the_national_office_sees_every_teams_registry_but_edits_nothing() {
    let t = TestApp::spawn().await;
    let c = t.signed_in("national").await;
    for team in ["leskovac", "nis"] {
        let (status, _) = t.get(&c, &format!("/teams/{team}/institutions")).await;
        assert_eq!(status, 200, "{team}");
    }
    assert_eq!(t.get(&c, "/teams/leskovac/institutions/new").await.0, 403);
    t.finish().await;
}

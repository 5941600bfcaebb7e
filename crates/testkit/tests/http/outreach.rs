//! The team towards the public over HTTP: the coordinator makes a calendar link shown once,
//! a calendar program reads it without signing in until it is revoked; the public page is
//! off by default and then read by anyone, in every language; neither holds any personal
//! data of team members, persons in cases or training participants; the request log names
//! the feed's route, never its token.

use spona_app::forms::{InstitutionForm, MemberForm};
use spona_app::registry::{InstitutionQuery, MemberQuery};
use spona_domain::script::to_latin;
use spona_testkit::TestApp;

const SETTINGS: &str = "/outreach";
const CSW_PHONE: &str = "016 212 345";

/// The token in the link of the "link made" page.
fn token_from(page: &str) -> String {
    let start = page.find("/feeds/").expect("feed link") + "/feeds/".len();
    let end = start + page[start..].find(".ics").expect(".ics");
    page[start..end].to_string()
}

/// The id in the first revoke form of the settings page.
fn feed_id(page: &str) -> String {
    let start = page.find("/outreach/feeds/").expect("revoke form") + "/outreach/feeds/".len();
    let end = start + page[start..].find('/').expect("id");
    page[start..end].to_string()
}

/// The feed's status, headers of interest, and text with folded lines joined again.
async fn read_feed(t: &TestApp, path: &str) -> (u16, String, String, String, String) {
    let res = t.client().get(t.url(path)).send().await.expect("feed");
    let status = res.status().as_u16();
    let header = |name: &str| {
        res.headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_string()
    };
    let (kind, robots, cache) = (
        header("content-type"),
        header("x-robots-tag"),
        header("cache-control"),
    );
    let body = res.text().await.unwrap_or_default().replace("\r\n ", "");
    (status, kind, robots, cache, body)
}

/// A page fetched by a visitor who never signed in, in the language they ask for.
async fn anonymous(t: &TestApp, path: &str, language: &str) -> (u16, String) {
    let res = t
        .client()
        .get(t.url(path))
        .header("accept-language", language)
        .send()
        .await
        .expect("get");
    let status = res.status().as_u16();
    (status, res.text().await.unwrap_or_default())
}

/// Makes a feed as the coordinator and returns its token.
async fn make_feed(t: &TestApp, coordinator: &reqwest::Client, label: &str) -> String {
    let (status, _, page) = t
        .post(
            coordinator,
            SETTINGS,
            "/outreach/feeds",
            &[("label", label)],
        )
        .await;
    assert_eq!(
        status, 200,
        "the link is shown at once, not after a redirect"
    );
    token_from(&page)
}

/// Gives the Leskovac Centre for Social Work a phone number in the registry.
async fn give_the_csw_a_phone(t: &TestApp) {
    let coordinator = spona_testkit::actor(&t.app, "le-coordinator").await;
    let q = InstitutionQuery {
        kind: "social-work".into(),
        ..Default::default()
    };
    let (_, list) = t
        .app
        .institutions(&coordinator, "leskovac", &q)
        .await
        .unwrap();
    let csw = &list.items[0];
    let mut form = InstitutionForm::from_institution(csw);
    form.phone = CSW_PHONE.into();
    t.app
        .update_institution(&coordinator, "leskovac", csw.id, &form)
        .await
        .unwrap();
}

async fn turn_the_page_on(t: &TestApp, coordinator: &reqwest::Client) {
    let (status, location, _) = t
        .post(
            coordinator,
            SETTINGS,
            "/outreach/public",
            &[
                ("enabled", "1"),
                ("intro", "Тим Лесковца против трговине људима."),
            ],
        )
        .await;
    assert_eq!(status, 303);
    assert_eq!(location.as_deref(), Some("/outreach?saved=1"));
}

#[tokio::test]
async fn a_calendar_reads_the_feed_without_signing_in_until_the_coordinator_revokes_it() {
    for t in TestApp::every_engine().await {
        let (status, _) = t.get(&t.client(), SETTINGS).await;
        assert_eq!(status, 303, "visitors are sent to sign in");
        let member = t.signed_in("le-member").await;
        assert_eq!(t.get(&member, SETTINGS).await.0, 403);
        let (status, _, _) = t
            .post(&member, "/activities", "/outreach/feeds", &[("label", "x")])
            .await;
        assert_eq!(status, 403);

        let coordinator = t.signed_in("le-coordinator").await;
        let (_, team) = t.get(&coordinator, "/teams/leskovac").await;
        assert!(team.contains("href=\"/outreach\""), "linked from the team");
        let (status, _, page) = t
            .post(&coordinator, SETTINGS, "/outreach/feeds", &[("label", "")])
            .await;
        assert_eq!(status, 422);
        assert!(page.contains("id=\"label-error\""));
        assert!(t
            .get(&coordinator, SETTINGS)
            .await
            .1
            .contains("Још нема ниједне везе."));

        let token = make_feed(&t, &coordinator, "Школска управа").await;
        assert_eq!(token.len(), 43);
        let (_, settings) = t.get(&coordinator, SETTINGS).await;
        assert!(settings.contains("Школска управа"));
        assert!(!settings.contains(&token), "shown once, never again");

        let path = format!("/feeds/{token}.ics");
        let (status, kind, robots, cache, body) = read_feed(&t, &path).await;
        assert_eq!(status, 200);
        assert_eq!(kind, "text/calendar; charset=utf-8");
        assert!(robots.contains("noindex"));
        assert_eq!(cache, "no-store");
        assert!(body.starts_with("BEGIN:VCALENDAR\r\n") && body.ends_with("END:VCALENDAR\r\n"));
        let events: Vec<&str> = body.split("BEGIN:VEVENT\r\n").skip(1).collect();
        // The October TV appearance and talk, two November workshops and two trainings.
        assert_eq!(events.len(), 6, "{body}");
        let talk = events
            .iter()
            .find(|e| e.contains("SUMMARY:Трибина „Лесковац против трговине људима“\r\n"))
            .expect("the 18 October talk");
        assert!(talk.contains("DTSTART;VALUE=DATE:20261018\r\n"));
        let training = events
            .iter()
            .find(|e| e.contains("SUMMARY:Обука: Препознавање индикатора трговине људима\r\n"))
            .expect("a training by its topic");
        assert!(
            training.contains("DTSTART;VALUE=DATE:20261116\r\n"),
            "{training}"
        );

        let (_, _, _, _, latin) = read_feed(&t, &format!("{path}?lang=sr-Latn")).await;
        assert!(latin.contains("SUMMARY:Tribina „Leskovac protiv trgovine ljudima“\r\n"));
        assert_eq!(read_feed(&t, &format!("/feeds/{token}")).await.0, 404);

        let (_, settings) = t.get(&coordinator, SETTINGS).await;
        let id = feed_id(&settings);
        let revoke = format!("/outreach/feeds/{id}/revoke");
        let (status, _, _) = t.post(&member, "/activities", &revoke, &[]).await;
        assert_eq!(status, 403, "a member may not revoke");
        let nis = t.signed_in("nis-coordinator").await;
        let (status, _, _) = t.post(&nis, SETTINGS, &revoke, &[]).await;
        assert_eq!(status, 404, "another team's feed is not found");
        assert_eq!(read_feed(&t, &path).await.0, 200);

        let (status, location, _) = t.post(&coordinator, SETTINGS, &revoke, &[]).await;
        assert_eq!(status, 303);
        assert_eq!(location.as_deref(), Some(SETTINGS));
        let (status, kind, _, _, revoked) = read_feed(&t, &path).await;
        assert_eq!(status, 404);
        assert!(kind.starts_with("text/html"));
        let unknown = format!("/feeds/{}.ics", "A".repeat(43));
        let (status, _, _, _, never) = read_feed(&t, &unknown).await;
        assert_eq!(status, 404);
        assert_eq!(
            revoked.len(),
            never.len(),
            "a revoked and an unknown link answer alike"
        );
        t.finish().await;
    }
}

#[tokio::test]
async fn the_public_page_is_off_by_default_and_then_anyone_reads_it_in_every_language() {
    for t in TestApp::every_engine().await {
        give_the_csw_a_phone(&t).await;
        assert_eq!(anonymous(&t, "/p/leskovac", "sr").await.0, 404);

        let member = t.signed_in("le-member").await;
        let (status, _, _) = t
            .post(
                &member,
                "/activities",
                "/outreach/public",
                &[("enabled", "1")],
            )
            .await;
        assert_eq!(status, 403);
        assert_eq!(anonymous(&t, "/p/leskovac", "sr").await.0, 404);

        let coordinator = t.signed_in("le-coordinator").await;
        let long = "а".repeat(2001);
        let (status, _, page) = t
            .post(
                &coordinator,
                SETTINGS,
                "/outreach/public",
                &[("enabled", "1"), ("intro", &long)],
            )
            .await;
        assert_eq!(status, 422);
        assert!(page.contains("id=\"intro-error\""));
        assert_eq!(
            anonymous(&t, "/p/leskovac", "sr").await.0,
            404,
            "nothing saved"
        );

        turn_the_page_on(&t, &coordinator).await;
        let (_, settings) = t.get(&coordinator, SETTINGS).await;
        assert!(settings.contains("href=\"/p/leskovac\""));

        let (status, page) = anonymous(&t, "/p/leskovac", "sr").await;
        assert_eq!(status, 200);
        assert!(page.contains("Тим Лесковца против трговине људима."));
        assert!(page.contains("href=\"tel:0800100388\">0800 100 388</a>"));
        assert!(page.contains("Центар за заштиту жртава трговине људима"));
        assert!(page.contains("Центар за социјални рад Лесковац"));
        assert!(page.contains(&format!("href=\"tel:016212345\">{CSW_PHONE}</a>")));
        assert!(page.contains("Црвени крст Лесковац"), "member institutions");
        assert!(
            !page.contains("Школска управа Лесковац"),
            "partners are not members"
        );
        assert!(page.contains("Како препознати трговину људима"));
        assert!(page.contains("action=\"/lang\""), "the language switch");
        assert!(!page.contains("<script>"), "no inline script");

        let (_, latin) = anonymous(&t, "/p/leskovac", "sr-Latn").await;
        assert!(
            latin.contains("Kome se obratiti")
                && latin.contains("Centar za socijalni rad Leskovac")
        );
        let (_, english) = anonymous(&t, "/p/leskovac", "en").await;
        assert!(english.contains("Whom to call") && english.contains("0800 100 388"));

        // Nothing is announced after 28 November; on 1 October the 18 October talk is ahead.
        assert!(page.contains("нису најављене"));
        t.clock.advance(-58 * 86_400);
        let (_, page) = anonymous(&t, "/p/leskovac", "sr").await;
        assert!(page.contains("Трибина „Лесковац против трговине људима“"));
        assert!(page.contains("18.10.2026."));
        assert!(page.contains("Народно позориште Лесковац"));

        assert_eq!(anonymous(&t, "/p/nis", "sr").await.0, 404);
        assert_eq!(anonymous(&t, "/p/nowhere", "sr").await.0, 404);
        t.finish().await;
    }
}

/// Every name, e-mail and phone of a person the demo holds, and every case code, each in
/// both scripts: of the team's members and accounts, of persons in cases, of trainers and
/// training participants.
async fn personal_data(t: &TestApp) -> Vec<String> {
    let coordinator = spona_testkit::actor(&t.app, "le-coordinator").await;
    let mut found = Vec::new();
    let q = MemberQuery {
        inactive: Some("1".into()),
        ..Default::default()
    };
    let (_, members) = t.app.members(&coordinator, "leskovac", &q).await.unwrap();
    assert!(members.total >= 7);
    for m in members.items.iter().map(|e| &e.member) {
        found.extend([m.full_name.clone(), m.email.clone(), m.phone.clone()]);
    }
    let mut c = t.app.db().conn().await.unwrap();
    let accounts: Vec<String> =
        sqlx::query_scalar("SELECT display_name FROM users WHERE team_id IS NOT NULL")
            .fetch_all(&mut *c)
            .await
            .unwrap();
    drop(c);
    found.extend(accounts);
    for username in ["le-police", "le-social"] {
        let worker = spona_testkit::actor(&t.app, username).await;
        let cases = t.app.cases(&worker, &Default::default()).await.unwrap();
        assert!(cases.total > 0);
        for case in cases.items {
            found.push(case.code);
            found.extend(case.name);
        }
    }
    found.extend(["Демо Дете".to_string(), "Демо Особа".to_string()]);
    let (_, trainings) = t
        .app
        .trainings(&coordinator, &Default::default())
        .await
        .unwrap();
    for training in trainings.items {
        found.push(training.trainer.clone());
        let view = t.app.training(&coordinator, training.id).await.unwrap();
        found.extend(view.named.into_iter().map(|n| n.participant.name));
    }
    let mut all: Vec<String> = found
        .into_iter()
        .filter(|s| s.chars().count() >= 5)
        .flat_map(|s| [to_latin(&s), s])
        .collect();
    all.sort();
    all.dedup();
    all
}

#[tokio::test]
async fn neither_the_feed_nor_the_public_page_holds_any_personal_data() {
    for t in TestApp::every_engine().await {
        t.app.seed_demo_cases().await.unwrap();
        give_the_csw_a_phone(&t).await;
        // The coordinator's own membership gets a phone and an e-mail, so that there is
        // something to leak.
        let actor = spona_testkit::actor(&t.app, "le-coordinator").await;
        let (_, members) = t
            .app
            .members(&actor, "leskovac", &MemberQuery::default())
            .await
            .unwrap();
        let milena = &members
            .items
            .iter()
            .find(|e| e.member.full_name == "Милена Стојановић (демо)")
            .expect("the coordinator's membership")
            .member;
        let mut form = MemberForm::from_member(milena);
        form.email = "milena.stojanovic@csr-leskovac.example".into();
        form.phone = "064 111 2233".into();
        t.app
            .update_member(&actor, "leskovac", milena.id, &form)
            .await
            .unwrap();
        let personal = personal_data(&t).await;
        assert!(personal.iter().any(|p| p == "064 111 2233"));
        assert!(personal
            .iter()
            .any(|p| p == "Demo Učesnica Prva (izmišljeno)"));

        let coordinator = t.signed_in("le-coordinator").await;
        turn_the_page_on(&t, &coordinator).await;
        let token = make_feed(&t, &coordinator, "Провера").await;
        let mut shown = Vec::new();
        // Now and on 1 October, when the autumn activities are still ahead.
        for back in [0, 58 * 86_400] {
            t.clock.advance(-back);
            for (lang, query) in [("sr", ""), ("sr-Latn", "?lang=sr-Latn"), ("en", "?lang=en")] {
                let (status, page) = anonymous(&t, "/p/leskovac", lang).await;
                assert_eq!(status, 200);
                shown.push(page);
                let (status, _, _, _, feed) =
                    read_feed(&t, &format!("/feeds/{token}.ics{query}")).await;
                assert_eq!(status, 200);
                shown.push(feed);
            }
        }
        assert!(shown
            .iter()
            .any(|s| s.contains("Лесковац против трговине људима")));
        for text in &shown {
            for p in &personal {
                assert!(!text.contains(p.as_str()), "{p:?} is shown");
            }
        }
        t.finish().await;
    }
}

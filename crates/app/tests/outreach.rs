//! The team towards the public, on both engines: only the coordinator makes and revokes
//! calendar feeds and keeps the public page; a feed's token is kept only as its hash and a
//! revoked one gives nothing; the feed holds public activities and trainings by topic, never
//! a trainer, participant or an activity of a kind that is not public; the public page is off
//! until turned on. Every change is audited.

use spona_app::activities::ActivityForm;
use spona_app::outreach::{FeedForm, PublicPageForm};
use spona_app::{App, AppError};
use spona_crypto::tokens::token_hash;
use spona_domain::access::Actor;
use spona_i18n::{Catalog, Locale};
use spona_testkit::TestDb;

async fn who(app: &App, username: &str) -> Actor {
    spona_testkit::actor(app, username).await
}

fn label(text: &str) -> FeedForm {
    FeedForm { label: text.into() }
}

fn page(enabled: bool, intro: &str) -> PublicPageForm {
    PublicPageForm {
        enabled: enabled.then(|| "1".to_string()),
        intro: intro.into(),
    }
}

async fn audited(t: &TestDb, action: &str) -> i64 {
    let mut c = t.db.conn().await.unwrap();
    sqlx::query_scalar("SELECT COUNT(*) FROM audit_log WHERE action = $1")
        .bind(action)
        .fetch_one(&mut *c)
        .await
        .unwrap()
}

/// The feed's text with folded lines joined again (RFC 5545 §3.1).
async fn feed_text(app: &App, token: &str, locale: Locale) -> Result<String, AppError> {
    let catalog = Catalog::load().unwrap();
    let bytes = app.calendar_feed(token, &catalog, locale).await?;
    Ok(String::from_utf8(bytes).unwrap().replace("\r\n ", ""))
}

#[tokio::test]
async fn only_the_coordinator_makes_and_revokes_feeds_and_every_change_is_audited() {
    for t in TestDb::every_engine().await {
        let (app, _) = spona_testkit::demo_app(&t).await;
        let coordinator = who(&app, "le-coordinator").await;
        for username in ["le-member", "le-police", "national", "admin"] {
            let other = who(&app, username).await;
            // Inside the team, leading its outreach is forbidden; outside a team (the
            // national office, the administrator) it is not there.
            let refused = |r: Result<_, AppError>| match username.starts_with("le-") {
                true => matches!(r, Err(AppError::Forbidden)),
                false => matches!(r, Err(AppError::NotFound)),
            };
            assert!(
                refused(
                    app.create_calendar_feed(&other, &label("Школе"))
                        .await
                        .map(|_| ())
                ),
                "{username}"
            );
            assert!(
                refused(app.outreach(&other).await.map(|_| ())),
                "{username}"
            );
        }
        assert!(matches!(
            app.create_calendar_feed(&coordinator, &label("  ")).await,
            Err(AppError::Invalid(e)) if e.get("label").is_some()
        ));
        assert!(matches!(
            app.create_calendar_feed(&coordinator, &label(&"а".repeat(101)))
                .await,
            Err(AppError::Invalid(_))
        ));
        assert_eq!(audited(&t, "feed-created").await, 0, "nothing was made");

        let feed = app
            .create_calendar_feed(&coordinator, &label("Школска управа"))
            .await
            .unwrap();
        assert_eq!(audited(&t, "feed-created").await, 1);
        let listed = app.outreach(&coordinator).await.unwrap().feeds;
        assert_eq!(listed.len(), 1);
        assert_eq!(listed[0].label, "Школска управа");
        assert_eq!(listed[0].revoked_at, None);

        // Another team's coordinator does not find it, and lists none of it.
        let nis = who(&app, "nis-coordinator").await;
        assert!(matches!(
            app.revoke_calendar_feed(&nis, feed.id).await,
            Err(AppError::NotFound)
        ));
        assert!(app.outreach(&nis).await.unwrap().feeds.is_empty());
        let member = who(&app, "le-member").await;
        assert!(matches!(
            app.revoke_calendar_feed(&member, feed.id).await,
            Err(AppError::Forbidden)
        ));
        assert!(feed_text(&app, &feed.token, Locale::SrCyrl).await.is_ok());

        app.revoke_calendar_feed(&coordinator, feed.id)
            .await
            .unwrap();
        app.revoke_calendar_feed(&coordinator, feed.id)
            .await
            .unwrap();
        assert_eq!(audited(&t, "feed-revoked").await, 1, "revoked once");
        let listed = app.outreach(&coordinator).await.unwrap().feeds;
        assert!(listed[0].revoked_at.is_some());
        t.finish().await;
    }
}

#[tokio::test]
async fn the_token_is_kept_only_as_its_hash_and_a_revoked_or_unknown_one_gives_nothing() {
    for t in TestDb::every_engine().await {
        let (app, _) = spona_testkit::demo_app(&t).await;
        let coordinator = who(&app, "le-coordinator").await;
        let feed = app
            .create_calendar_feed(&coordinator, &label("Мој телефон"))
            .await
            .unwrap();
        assert_eq!(feed.token.len(), 43);

        let mut c = t.db.conn().await.unwrap();
        let rows: Vec<(i64, i64, String, String, i64, i64)> = sqlx::query_as(
            "SELECT id, team_id, token_hash, label, created_by, created_at FROM calendar_feeds",
        )
        .fetch_all(&mut *c)
        .await
        .unwrap();
        drop(c);
        assert_eq!(rows.len(), 1);
        let (_, _, hash, label, _, _) = &rows[0];
        assert_eq!(hash, &token_hash(&feed.token));
        assert!(!hash.contains(&feed.token) && !label.contains(&feed.token));

        assert!(feed_text(&app, &feed.token, Locale::SrCyrl)
            .await
            .unwrap()
            .starts_with("BEGIN:VCALENDAR\r\n"));
        // The hash itself is no key.
        assert!(matches!(
            feed_text(&app, hash, Locale::SrCyrl).await,
            Err(AppError::NotFound)
        ));
        let unknown = spona_crypto::tokens::new_token();
        for bad in [
            unknown.as_str(),
            "",
            "../../etc/passwd",
            "x'; DROP TABLE x; --",
        ] {
            assert!(
                matches!(
                    feed_text(&app, bad, Locale::SrCyrl).await,
                    Err(AppError::NotFound)
                ),
                "{bad}"
            );
        }
        app.revoke_calendar_feed(&coordinator, feed.id)
            .await
            .unwrap();
        assert!(matches!(
            feed_text(&app, &feed.token, Locale::SrCyrl).await,
            Err(AppError::NotFound)
        ));
        t.finish().await;
    }
}

#[tokio::test]
async fn the_feed_holds_public_activities_and_trainings_by_topic_and_nothing_about_persons() {
    for t in TestDb::every_engine().await {
        let (app, _) = spona_testkit::demo_app(&t).await;
        let coordinator = who(&app, "le-coordinator").await;
        // An activity of a kind that is not public stays inside the team.
        app.create_activity(
            &coordinator,
            &ActivityForm {
                title: "Радни састанак у општини".into(),
                kind: "other".into(),
                held_on: "2026-11-20".into(),
                place: "Градска кућа".into(),
                ..Default::default()
            },
        )
        .await
        .unwrap();
        let feed = app
            .create_calendar_feed(&coordinator, &label("Сајт"))
            .await
            .unwrap();
        let text = feed_text(&app, &feed.token, Locale::SrCyrl).await.unwrap();

        // The demo's 18 October talk and TV appearance are within 60 days back (the clock
        // stands at 28 November 2026); the school talks of the spring are not.
        assert!(text.contains("SUMMARY:Трибина „Лесковац против трговине људима“\r\n"));
        assert!(text.contains("DTSTART;VALUE=DATE:20261018\r\nDTEND;VALUE=DATE:20261019\r\n"));
        assert!(text.contains("LOCATION:Народно позориште Лесковац\r\n"));
        assert!(text.contains("DTSTART;VALUE=DATE:20261015\r\n"));
        assert!(
            !text.contains("DTSTART;VALUE=DATE:20260609"),
            "too long ago"
        );
        assert!(!text.contains("Радни састанак"), "not a public kind");
        // Trainings by topic and date only.
        assert!(text.contains("SUMMARY:Обука: Препознавање индикатора трговине људима\r\n"));
        assert!(text.contains("SUMMARY:Обука: Разговор са дететом – жртвом трговине људима\r\n"));
        for t in app
            .trainings(&coordinator, &Default::default())
            .await
            .unwrap()
            .1
            .items
        {
            assert!(!text.contains(&t.trainer), "no trainer's name");
            let view = app.training(&coordinator, t.id).await.unwrap();
            for named in view.named {
                assert!(!text.contains(&named.participant.name), "no participant");
            }
        }
        // Audience, partners, descriptions and authors are left out altogether.
        assert!(!text.contains("DESCRIPTION"));
        assert!(!text.contains("Центар за заштиту жртава трговине људима"));
        assert!(!text.contains("Милена Стојановић"));
        // The TV appearance and the talk in October, the two workshops and two trainings.
        assert_eq!(text.matches("BEGIN:VEVENT").count(), 6, "{text}");

        // In Latin when asked; titles typed in Cyrillic are transliterated.
        let latin = feed_text(&app, &feed.token, Locale::SrLatn).await.unwrap();
        assert!(latin.contains("SUMMARY:Obuka: Prepoznavanje indikatora trgovine ljudima\r\n"));
        let english = feed_text(&app, &feed.token, Locale::En).await.unwrap();
        assert!(english.contains("SUMMARY:Training: Prepoznavanje indikatora"));
        t.finish().await;
    }
}

#[tokio::test]
async fn the_public_page_is_off_until_the_coordinator_turns_it_on() {
    for t in TestDb::every_engine().await {
        let (app, clock) = spona_testkit::demo_app(&t).await;
        assert!(matches!(
            app.public_page("leskovac").await,
            Err(AppError::NotFound)
        ));
        assert!(matches!(
            app.public_page("nowhere").await,
            Err(AppError::NotFound)
        ));
        let member = who(&app, "le-member").await;
        assert!(matches!(
            app.save_public_page(&member, &page(true, "")).await,
            Err(AppError::Forbidden)
        ));
        let coordinator = who(&app, "le-coordinator").await;
        assert!(matches!(
            app.save_public_page(&coordinator, &page(true, &"а".repeat(2001)))
                .await,
            Err(AppError::Invalid(e)) if e.get("intro").is_some()
        ));
        assert!(
            matches!(app.public_page("leskovac").await, Err(AppError::NotFound)),
            "a refused save turns nothing on"
        );

        app.save_public_page(
            &coordinator,
            &page(true, "Тим Лесковца против трговине људима."),
        )
        .await
        .unwrap();
        assert_eq!(audited(&t, "public-page-enabled").await, 1);
        let v = app.public_page("leskovac").await.unwrap();
        assert_eq!(v.intro, "Тим Лесковца против трговине људима.");
        assert_eq!(v.city, "Лесковац");
        assert!(v
            .institutions
            .iter()
            .any(|(name, _)| name.contains("Центар за социјални рад")));
        assert!(v.social_work.is_some());
        assert!(v.upcoming.is_empty(), "nothing planned after 28 November");
        assert!(
            matches!(app.public_page("nis").await, Err(AppError::NotFound)),
            "other teams' pages stay off"
        );

        // On 1 October, the TV appearance and the 18 October talk are ahead; an activity of
        // a kind that is not public is not listed.
        clock.advance(-58 * 86_400);
        app.create_activity(
            &coordinator,
            &ActivityForm {
                title: "Радни састанак у општини".into(),
                kind: "other".into(),
                held_on: "2026-10-20".into(),
                place: "Градска кућа".into(),
                ..Default::default()
            },
        )
        .await
        .unwrap();
        let v = app.public_page("leskovac").await.unwrap();
        let titles: Vec<&str> = v.upcoming.iter().map(|a| a.title.as_str()).collect();
        // The TV appearance, the talk for 18 October and the two November workshops.
        assert_eq!(titles.len(), 4, "{titles:?}");
        assert!(titles[1].contains("Лесковац против трговине људима"));

        app.save_public_page(&coordinator, &page(true, "Нови увод."))
            .await
            .unwrap();
        assert_eq!(audited(&t, "public-page-edited").await, 1);
        app.save_public_page(&coordinator, &page(false, "Нови увод."))
            .await
            .unwrap();
        assert_eq!(audited(&t, "public-page-disabled").await, 1);
        assert!(matches!(
            app.public_page("leskovac").await,
            Err(AppError::NotFound)
        ));
        let settings = app.outreach(&coordinator).await.unwrap().page;
        assert!(!settings.enabled);
        assert_eq!(settings.intro, "Нови увод.");
        t.finish().await;
    }
}

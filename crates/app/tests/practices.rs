//! Good practices: only a team's coordinator publishes its own team's activity or training,
//! through a form filled from it; every team and the national office read the live ones; a
//! withdrawn one is not found but by its coordinator; one live practice per source; an
//! activity that a practice names is never deleted; publishing and withdrawing are audited.

use spona_app::activities::{ActivityForm, ActivityQuery};
use spona_app::practices::{PracticeForm, PracticeQuery};
use spona_app::trainings::TrainingQuery;
use spona_app::{App, AppError};
use spona_domain::access::Actor;
use spona_domain::activities::ActivityId;
use spona_domain::practices::{GoodPracticeId, PracticeSource};
use spona_domain::validation::FieldError;
use spona_i18n::{Catalog, Locale};
use spona_testkit::TestDb;

async fn who(app: &App, username: &str) -> Actor {
    spona_testkit::actor(app, username).await
}

fn talk() -> ActivityForm {
    ActivityForm {
        title: "Трибина у Техничкој школи".into(),
        kind: "public-talk".into(),
        held_on: "2026-11-20".into(),
        place: "Техничка школа Лесковац".into(),
        pupils: "110".into(),
        teachers: "7".into(),
        description: "Разговор са ученицима о врбовању преко друштвених мрежа.".into(),
        materials: "флајери".into(),
        ..Default::default()
    }
}

fn practice(title: &str) -> PracticeForm {
    PracticeForm {
        title: title.into(),
        summary: "Трибина са ученицима и наставницима.".into(),
        materials: "флајери".into(),
        results: "117 особа".into(),
    }
}

/// The live practices every reader sees.
async fn listed(app: &App, actor: &Actor) -> Vec<GoodPracticeId> {
    app.good_practices(actor, &PracticeQuery::default())
        .await
        .unwrap()
        .items
        .iter()
        .map(|p| p.practice.id)
        .collect()
}

async fn audited(t: &TestDb, action: &str) -> i64 {
    let mut c = t.db.conn().await.unwrap();
    sqlx::query_scalar("SELECT COUNT(*) FROM audit_log WHERE action = $1")
        .bind(action)
        .fetch_one(&mut *c)
        .await
        .unwrap()
}

async fn stored(t: &TestDb) -> i64 {
    let mut c = t.db.conn().await.unwrap();
    sqlx::query_scalar("SELECT COUNT(*) FROM good_practices")
        .fetch_one(&mut *c)
        .await
        .unwrap()
}

#[tokio::test]
async fn the_coordinator_publishes_from_a_prefilled_form_and_every_team_reads_it() {
    let catalog = Catalog::load().unwrap();
    for t in TestDb::every_engine().await {
        let (app, _) = spona_testkit::demo_app(&t).await;
        let coordinator = who(&app, "le-coordinator").await;
        let id = app.create_activity(&coordinator, &talk()).await.unwrap();
        let source = PracticeSource::Activity(id);

        let start = app
            .practice_start(&coordinator, source, &catalog, Locale::SrCyrl)
            .await
            .unwrap();
        assert_eq!(start.published, None);
        assert_eq!(start.source_title, "Трибина у Техничкој школи");
        assert_eq!(start.form.title, "Трибина у Техничкој школи");
        assert_eq!(
            start.form.summary,
            "Разговор са ученицима о врбовању преко друштвених мрежа."
        );
        assert_eq!(start.form.materials, "флајери");
        assert!(
            start.form.results.contains("Ученици: 110")
                && start.form.results.contains("Наставници: 7")
                && start.form.results.contains("117"),
            "{}",
            start.form.results
        );
        assert!(
            !start.form.results.contains("Родитељи"),
            "only groups reached"
        );

        let published = app
            .publish_practice(&coordinator, source, &start.form)
            .await
            .unwrap();
        assert_eq!(audited(&t, "practice-published").await, 1);
        let mine = app.practice_of_source(&coordinator, source).await.unwrap();
        assert_eq!(mine.live, Some(published));
        assert!(!mine.can_publish, "one live practice per source");

        // Niš's coordinator and the national office read it; Niš may not withdraw. The
        // administrator reaches no team's work: the practices are not there for it.
        let admin = who(&app, "admin").await;
        assert!(matches!(
            app.good_practices(&admin, &PracticeQuery::default()).await,
            Err(AppError::NotFound)
        ));
        assert!(matches!(
            app.good_practice(&admin, published).await,
            Err(AppError::NotFound)
        ));
        for reader in ["nis-coordinator", "nis-member", "national", "le-member"] {
            let actor = who(&app, reader).await;
            assert!(listed(&app, &actor).await.contains(&published), "{reader}");
            let v = app.good_practice(&actor, published).await.unwrap();
            assert_eq!(v.published.practice.title, "Трибина у Техничкој школи");
            assert!(v.published.team_name_cyrl.contains("Лесковца"));
            assert!(!v.can_withdraw, "{reader}");
        }
        let nis = who(&app, "nis-coordinator").await;
        assert!(!app.good_practice(&nis, published).await.unwrap().own_team);
        // Reading the practice does not open the activity of another team's register.
        assert!(matches!(
            app.activity(&nis, id).await,
            Err(AppError::NotFound)
        ));
        let own = app.good_practice(&coordinator, published).await.unwrap();
        assert!(own.can_withdraw && own.own_team);
        t.finish().await;
    }
}

#[tokio::test]
async fn only_the_coordinator_of_the_sources_own_team_publishes() {
    let catalog = Catalog::load().unwrap();
    for t in TestDb::every_engine().await {
        let (app, _) = spona_testkit::demo_app(&t).await;
        let coordinator = who(&app, "le-coordinator").await;
        let id = app.create_activity(&coordinator, &talk()).await.unwrap();
        let source = PracticeSource::Activity(id);
        let before = stored(&t).await;
        for (user, refusal) in [
            ("le-member", "forbidden"),
            ("le-police", "forbidden"),
            // Outside Leskovac the source is not there, whatever the role.
            ("national", "not found"),
            ("admin", "not found"),
            ("nis-member", "not found"),
            ("nis-coordinator", "not found"),
        ] {
            let actor = who(&app, user).await;
            let started = app
                .practice_start(&actor, source, &catalog, Locale::SrCyrl)
                .await;
            let published = app
                .publish_practice(&actor, source, &practice("Туђа"))
                .await;
            for outcome in [started.map(|_| ()), published.map(|_| ())] {
                match (refusal, outcome) {
                    ("forbidden", Err(AppError::Forbidden)) => {}
                    ("not found", Err(AppError::NotFound)) => {}
                    (_, other) => panic!("{user}: {other:?}"),
                }
            }
            assert!(!app.can_publish_practices(&actor) || user == "nis-coordinator");
        }
        // A training of Leskovac is not found for Niš's coordinator either.
        let (_, trainings) = app
            .trainings(&coordinator, &TrainingQuery::default())
            .await
            .unwrap();
        let nis = who(&app, "nis-coordinator").await;
        assert!(matches!(
            app.publish_practice(
                &nis,
                PracticeSource::Training(trainings.items[0].id),
                &practice("Туђа")
            )
            .await,
            Err(AppError::NotFound)
        ));
        assert_eq!(stored(&t).await, before, "nothing saved");
        assert_eq!(audited(&t, "practice-published").await, 0);
        // Members see no button; the coordinator does.
        let member = who(&app, "le-member").await;
        assert!(
            !app.practice_of_source(&member, source)
                .await
                .unwrap()
                .can_publish
        );
        assert!(
            app.practice_of_source(&coordinator, source)
                .await
                .unwrap()
                .can_publish
        );
        t.finish().await;
    }
}

#[tokio::test]
async fn a_training_is_published_with_its_attendance_and_test_scores() {
    let catalog = Catalog::load().unwrap();
    for t in TestDb::every_engine().await {
        let (app, _) = spona_testkit::demo_app(&t).await;
        let coordinator = who(&app, "le-coordinator").await;
        let (_, trainings) = app
            .trainings(&coordinator, &TrainingQuery::default())
            .await
            .unwrap();
        let child = trainings
            .items
            .iter()
            .find(|t| t.topic.contains("дететом"))
            .unwrap();
        let source = PracticeSource::Training(child.id);
        let start = app
            .practice_start(&coordinator, source, &catalog, Locale::SrCyrl)
            .await
            .unwrap();
        assert_eq!(start.form.title, child.topic);
        assert!(
            start.form.summary.contains("Демо Предавач") && start.form.summary.contains("6 сати"),
            "{}",
            start.form.summary
        );
        let r = &start.form.results;
        assert!(r.contains("Центар за социјални рад"), "{r}");
        assert!(r.contains("Укупно 30 учесника"), "{r}");
        assert!(r.contains("52 % пре обуке → 81 % после обуке"), "{r}");
        // In English the labels follow the reader; the team's texts stay as typed.
        let en = app
            .practice_start(&coordinator, source, &catalog, Locale::En)
            .await
            .unwrap();
        assert!(en.form.results.contains("30 participants in total"));

        let id = app
            .publish_practice(&coordinator, source, &start.form)
            .await
            .unwrap();
        let national = who(&app, "national").await;
        let v = app.good_practice(&national, id).await.unwrap();
        assert_eq!(v.published.practice.source, source);
        assert_eq!(v.published.held_on, child.held_on);
        assert_eq!(
            app.practice_of_source(&coordinator, source)
                .await
                .unwrap()
                .live,
            Some(id)
        );
        t.finish().await;
    }
}

#[tokio::test]
async fn a_second_live_practice_and_bad_input_are_refused_with_nothing_saved() {
    for t in TestDb::every_engine().await {
        let (app, _) = spona_testkit::demo_app(&t).await;
        let coordinator = who(&app, "le-coordinator").await;
        let id = app.create_activity(&coordinator, &talk()).await.unwrap();
        let source = PracticeSource::Activity(id);
        let before = stored(&t).await;
        let bad = PracticeForm {
            title: "  ".into(),
            summary: String::new(),
            materials: "м".repeat(2001),
            results: "ok\u{0}".into(),
        };
        match app.publish_practice(&coordinator, source, &bad).await {
            Err(AppError::Invalid(e)) => {
                assert_eq!(e.get("title"), Some(FieldError::Required));
                assert_eq!(e.get("summary"), Some(FieldError::Required));
                assert_eq!(e.get("materials"), Some(FieldError::TooLong { max: 2000 }));
                assert_eq!(e.get("results"), Some(FieldError::Invalid));
            }
            other => panic!("{other:?}"),
        }
        let long_title = PracticeForm {
            title: "т".repeat(301),
            ..practice("")
        };
        assert!(matches!(
            app.publish_practice(&coordinator, source, &long_title).await,
            Err(AppError::Invalid(e)) if e.get("title") == Some(FieldError::TooLong { max: 300 })
        ));
        assert_eq!(stored(&t).await, before);

        app.publish_practice(&coordinator, source, &practice("Прва"))
            .await
            .unwrap();
        match app
            .publish_practice(&coordinator, source, &practice("Друга"))
            .await
        {
            Err(AppError::Invalid(e)) => assert_eq!(e.get("source"), Some(FieldError::Taken)),
            other => panic!("{other:?}"),
        }
        assert_eq!(stored(&t).await, before + 1);
        assert_eq!(audited(&t, "practice-published").await, 1);
        t.finish().await;
    }
}

#[tokio::test]
async fn a_withdrawn_practice_leaves_the_list_and_is_known_only_to_its_coordinator() {
    for t in TestDb::every_engine().await {
        let (app, _) = spona_testkit::demo_app(&t).await;
        let coordinator = who(&app, "le-coordinator").await;
        let id = app.create_activity(&coordinator, &talk()).await.unwrap();
        let source = PracticeSource::Activity(id);
        let published = app
            .publish_practice(&coordinator, source, &practice("Трибина"))
            .await
            .unwrap();
        // Those who read it but do not lead Leskovac's work may not withdraw it: forbidden
        // inside Leskovac, not there to withdraw outside it.
        for (user, inside) in [
            ("le-member", true),
            ("le-police", true),
            ("nis-coordinator", false),
            ("national", false),
        ] {
            let actor = who(&app, user).await;
            let outcome = app.withdraw_practice(&actor, published).await;
            assert!(
                match inside {
                    true => matches!(outcome, Err(AppError::Forbidden)),
                    false => matches!(outcome, Err(AppError::NotFound)),
                },
                "{user}"
            );
        }
        app.withdraw_practice(&coordinator, published)
            .await
            .unwrap();
        assert_eq!(audited(&t, "practice-withdrawn").await, 1);
        for user in ["le-member", "nis-coordinator", "nis-member", "national"] {
            let actor = who(&app, user).await;
            assert!(!listed(&app, &actor).await.contains(&published), "{user}");
            assert!(
                matches!(
                    app.good_practice(&actor, published).await,
                    Err(AppError::NotFound)
                ),
                "{user}"
            );
            assert!(
                matches!(
                    app.withdraw_practice(&actor, published).await,
                    Err(AppError::NotFound)
                ),
                "{user}"
            );
        }
        assert!(!listed(&app, &coordinator).await.contains(&published));
        let own = app.good_practice(&coordinator, published).await.unwrap();
        assert!(own.published.practice.withdrawn_at.is_some());
        assert!(!own.can_withdraw);
        assert!(matches!(
            app.withdraw_practice(&coordinator, published).await,
            Err(AppError::Conflict)
        ));
        assert_eq!(audited(&t, "practice-withdrawn").await, 1);
        // The source may be published anew.
        let shown = app.practice_of_source(&coordinator, source).await.unwrap();
        assert_eq!(shown.live, None);
        assert!(shown.can_publish);
        let again = app
            .publish_practice(&coordinator, source, &practice("Поново"))
            .await
            .unwrap();
        assert_ne!(again, published);
        t.finish().await;
    }
}

#[tokio::test]
async fn an_activity_named_by_a_practice_is_never_deleted_even_after_withdrawal() {
    for t in TestDb::every_engine().await {
        let (app, _) = spona_testkit::demo_app(&t).await;
        let coordinator = who(&app, "le-coordinator").await;
        let id = app.create_activity(&coordinator, &talk()).await.unwrap();
        let published = app
            .publish_practice(
                &coordinator,
                PracticeSource::Activity(id),
                &practice("Трибина"),
            )
            .await
            .unwrap();
        let refused = |r: Result<(), AppError>| match r {
            Err(AppError::Invalid(e)) => e.get("activity") == Some(FieldError::StillLinked),
            _ => false,
        };
        assert!(refused(app.delete_activity(&coordinator, id, 1).await));
        app.withdraw_practice(&coordinator, published)
            .await
            .unwrap();
        assert!(refused(app.delete_activity(&coordinator, id, 1).await));
        assert!(app.activity(&coordinator, id).await.is_ok());
        assert_eq!(audited(&t, "activity-deleted").await, 0);
        // An activity without any practice is still deleted as before.
        let other = app.create_activity(&coordinator, &talk()).await.unwrap();
        app.delete_activity(&coordinator, other, 1).await.unwrap();
        assert!(matches!(
            app.activity(&coordinator, ActivityId(other.0)).await,
            Err(AppError::NotFound)
        ));
        t.finish().await;
    }
}

#[tokio::test]
async fn the_demo_has_the_national_theatre_talk_as_a_practice_found_in_either_script() {
    for t in TestDb::every_engine().await {
        let (app, _) = spona_testkit::demo_app(&t).await;
        let nis = who(&app, "nis-member").await;
        let all = app
            .good_practices(&nis, &PracticeQuery::default())
            .await
            .unwrap();
        assert_eq!(all.total, 1);
        let demo = &all.items[0];
        assert!(demo.practice.title.contains("Народном позоришту"));
        assert!(demo.team_name_cyrl.contains("Лесковца"));
        let found = app
            .good_practices(
                &nis,
                &PracticeQuery {
                    q: "narodnom pozoristu".into(),
                    page: None,
                },
            )
            .await
            .unwrap();
        assert_eq!(found.total, 1);
        let none = app
            .good_practices(
                &nis,
                &PracticeQuery {
                    q: "изложба".into(),
                    page: Some(1),
                },
            )
            .await
            .unwrap();
        assert_eq!(none.total, 0);
        // The talk's page in Leskovac's register links to it.
        let member = who(&app, "le-member").await;
        let listed = app
            .activities(
                &member,
                &ActivityQuery {
                    q: "Лесковац против".into(),
                    ..Default::default()
                },
            )
            .await
            .unwrap();
        let talk = listed.page.items[0].id;
        let shown = app
            .practice_of_source(&member, PracticeSource::Activity(talk))
            .await
            .unwrap();
        assert_eq!(shown.live, Some(demo.practice.id));
        assert!(!shown.can_publish, "a member never publishes");
        t.finish().await;
    }
}

//! The activities register: every team role records and edits its own team's activities,
//! nobody else sees them; absurd audience counts are refused with nothing saved; deletion is
//! audited; the calendar marks the recurring days; reminders come ahead of them.

use spona_app::activities::{ActivityForm, ActivityQuery, VenueForm};
use spona_app::{App, AppError};
use spona_domain::access::Actor;
use spona_domain::activities::{ActivityId, Month, RecurringDay};
use spona_testkit::TestDb;
use time::macros::date;

async fn who(app: &App, username: &str) -> Actor {
    spona_testkit::actor(app, username).await
}

fn talk(title: &str) -> ActivityForm {
    ActivityForm {
        title: title.into(),
        kind: "public-talk".into(),
        held_on: "2026-11-20".into(),
        place: "Техничка школа Лесковац".into(),
        pupils: "110".into(),
        teachers: "7".into(),
        ..Default::default()
    }
}

async fn count(app: &App, actor: &Actor) -> i64 {
    app.activities(actor, &ActivityQuery::default())
        .await
        .unwrap()
        .page
        .total
}

async fn audited(t: &TestDb, action: &str) -> i64 {
    let mut c = t.db.conn().await.unwrap();
    sqlx::query_scalar("SELECT COUNT(*) FROM audit_log WHERE action = $1")
        .bind(action)
        .fetch_one(&mut *c)
        .await
        .unwrap()
}

#[tokio::test]
async fn a_member_records_and_edits_and_the_list_counts_the_reach() {
    for t in TestDb::every_engine().await {
        let (app, _) = spona_testkit::demo_app(&t).await;
        let member = who(&app, "le-member").await;
        let before = app
            .activities(&member, &ActivityQuery::default())
            .await
            .unwrap();
        let id = app
            .create_activity(&member, &talk("Трибина у Техничкој школи"))
            .await
            .unwrap();
        let after = app
            .activities(&member, &ActivityQuery::default())
            .await
            .unwrap();
        assert_eq!(after.page.total, before.page.total + 1);
        assert_eq!(after.reach, before.reach.map(|r| r + 117));
        assert_eq!(after.page.items[0].id, id, "newest first");
        assert_eq!(audited(&t, "activity-recorded").await, 1);

        // Found by its title typed in the other script.
        let found = app
            .activities(
                &member,
                &ActivityQuery {
                    q: "tehnickoj".into(),
                    ..Default::default()
                },
            )
            .await
            .unwrap();
        assert_eq!(found.page.total, 1);
        assert_eq!(found.reach, Some(117));

        let police = who(&app, "le-police").await;
        let mut form =
            ActivityForm::from_activity(&app.activity(&police, id).await.unwrap().activity);
        form.parents = "30".into();
        app.update_activity(&police, id, &form).await.unwrap();
        let v = app.activity(&member, id).await.unwrap();
        assert_eq!(v.activity.audience.parents, 30);
        assert_eq!(v.activity.audience.pupils, 110);
        // The form read before the edit is now stale.
        assert!(matches!(
            app.update_activity(&police, id, &form).await,
            Err(AppError::Conflict)
        ));
        t.finish().await;
    }
}

#[tokio::test]
async fn another_team_finds_nothing_and_national_is_refused() {
    for t in TestDb::every_engine().await {
        let (app, _) = spona_testkit::demo_app(&t).await;
        let member = who(&app, "le-member").await;
        let id = app
            .create_activity(&member, &talk("Трибина"))
            .await
            .unwrap();
        let nis = who(&app, "nis-member").await;
        assert!(matches!(
            app.activity(&nis, id).await,
            Err(AppError::NotFound)
        ));
        assert!(matches!(
            app.update_activity(&nis, id, &talk("Туђа")).await,
            Err(AppError::NotFound)
        ));
        assert!(matches!(
            app.delete_activity(&nis, id, 1).await,
            Err(AppError::NotFound)
        ));
        assert_eq!(count(&app, &nis).await, 0, "Niš sees none of Leskovac's");

        let national = who(&app, "national").await;
        assert!(matches!(
            app.activities(&national, &ActivityQuery::default()).await,
            Err(AppError::NotFound)
        ));
        assert!(matches!(
            app.create_activity(&national, &talk("Национална")).await,
            Err(AppError::NotFound)
        ));
        assert!(matches!(
            app.activity(&national, id).await,
            Err(AppError::NotFound)
        ));
        t.finish().await;
    }
}

#[tokio::test]
async fn negative_or_absurd_counts_and_foreign_venues_are_refused_with_nothing_saved() {
    for t in TestDb::every_engine().await {
        let (app, _) = spona_testkit::demo_app(&t).await;
        let member = who(&app, "le-member").await;
        let before = count(&app, &member).await;
        for (field, bad) in [
            ("pupils", "-5"),
            ("public", "100001"),
            ("teachers", "много"),
        ] {
            let mut form = talk("Трибина");
            match field {
                "pupils" => form.pupils = bad.into(),
                "public" => form.public = bad.into(),
                _ => form.teachers = bad.into(),
            }
            match app.create_activity(&member, &form).await {
                Err(AppError::Invalid(e)) => assert!(e.get(field).is_some(), "{field}"),
                other => panic!("{field}={bad}: {other:?}"),
            }
        }
        // A venue of another team is not a choice.
        let nis = who(&app, "nis-coordinator").await;
        let foreign = app
            .add_venue(
                &nis,
                &VenueForm {
                    name: "Гимназија Ниш (демо)".into(),
                    kind: "school".into(),
                },
            )
            .await
            .unwrap();
        let form = ActivityForm {
            venue_id: foreign.0.to_string(),
            ..talk("Трибина")
        };
        match app.create_activity(&member, &form).await {
            Err(AppError::Invalid(e)) => assert!(e.get("venue_id").is_some()),
            other => panic!("{other:?}"),
        }
        assert_eq!(count(&app, &member).await, before);
        assert_eq!(audited(&t, "activity-recorded").await, 0);
        t.finish().await;
    }
}

#[tokio::test]
async fn deletion_removes_the_activity_and_is_audited() {
    for t in TestDb::every_engine().await {
        let (app, _) = spona_testkit::demo_app(&t).await;
        let member = who(&app, "le-member").await;
        let id = app
            .create_activity(&member, &talk("Трибина"))
            .await
            .unwrap();
        let before = count(&app, &member).await;
        assert!(matches!(
            app.delete_activity(&member, id, 7).await,
            Err(AppError::Conflict)
        ));
        app.delete_activity(&member, id, 1).await.unwrap();
        assert_eq!(count(&app, &member).await, before - 1);
        assert!(matches!(
            app.activity(&member, id).await,
            Err(AppError::NotFound)
        ));
        assert_eq!(audited(&t, "activity-deleted").await, 1);
        assert!(matches!(
            app.delete_activity(&member, ActivityId(id.0), 1).await,
            Err(AppError::NotFound)
        ));
        t.finish().await;
    }
}

#[tokio::test]
async fn the_calendar_marks_18_october_and_shows_the_months_activities() {
    for t in TestDb::every_engine().await {
        let (app, _) = spona_testkit::demo_app(&t).await;
        let member = who(&app, "le-member").await;
        let october = app
            .activity_calendar(&member, Month::parse("2026-10").unwrap())
            .await
            .unwrap();
        let day = october
            .days()
            .find(|d| d.date == date!(2026 - 10 - 18))
            .unwrap();
        assert_eq!(day.recurring, Some(RecurringDay::EuAntiTraffickingDay));
        assert!(day
            .activities
            .iter()
            .any(|a| a.title.contains("Лесковац против")));
        assert_eq!(october.days().count(), 31);
        assert!(october
            .days()
            .all(|d| d.activities.iter().all(|a| a.held_on == d.date)));
        // The day is marked even in a year with nothing recorded.
        let empty = app
            .activity_calendar(&member, Month::parse("2031-10").unwrap())
            .await
            .unwrap();
        let day = empty
            .days()
            .find(|d| d.date == date!(2031 - 10 - 18))
            .unwrap();
        assert_eq!(day.recurring, Some(RecurringDay::EuAntiTraffickingDay));
        assert!(empty.days().all(|d| d.activities.is_empty()));
        let nis = who(&app, "nis-member").await;
        let theirs = app
            .activity_calendar(&nis, Month::parse("2026-10").unwrap())
            .await
            .unwrap();
        assert!(theirs.days().all(|d| d.activities.is_empty()));
        t.finish().await;
    }
}

#[tokio::test]
async fn upcoming_days_say_whether_anything_is_planned() {
    for t in TestDb::every_engine().await {
        let (app, _) = spona_testkit::demo_app(&t).await;
        let member = who(&app, "le-member").await;
        // Leskovac's demo has the National Theatre talk on 18 October 2026.
        let up = app
            .upcoming_days(&member, date!(2026 - 10 - 06))
            .await
            .unwrap();
        assert_eq!(up.len(), 1);
        assert_eq!(up[0].day, RecurringDay::EuAntiTraffickingDay);
        assert_eq!(up[0].days_left, 12);
        assert!(up[0].planned);
        let nis = who(&app, "nis-member").await;
        let theirs = app
            .upcoming_days(&nis, date!(2026 - 10 - 06))
            .await
            .unwrap();
        assert!(!theirs[0].planned, "Niš has nothing planned");
        // 30 July 2027: nothing recorded yet, until someone records it.
        let july = app
            .upcoming_days(&member, date!(2027 - 07 - 10))
            .await
            .unwrap();
        assert_eq!(july[0].day, RecurringDay::WorldDayAgainstTrafficking);
        assert!(!july[0].planned);
        let form = ActivityForm {
            kind: "world-day".into(),
            held_on: "2027-07-29".into(),
            ..talk("Светски дан")
        };
        app.create_activity(&member, &form).await.unwrap();
        let july = app
            .upcoming_days(&member, date!(2027 - 07 - 10))
            .await
            .unwrap();
        assert!(july[0].planned);
        assert!(app
            .upcoming_days(&member, date!(2026 - 11 - 28))
            .await
            .unwrap()
            .is_empty());
        let national = who(&app, "national").await;
        assert!(app
            .upcoming_days(&national, date!(2026 - 10 - 06))
            .await
            .unwrap()
            .is_empty());
        t.finish().await;
    }
}

#[tokio::test]
async fn venues_are_added_by_team_roles_and_names_are_unique_per_team() {
    for t in TestDb::every_engine().await {
        let (app, _) = spona_testkit::demo_app(&t).await;
        let member = who(&app, "le-member").await;
        let before = app.venues(&member, false).await.unwrap().len();
        assert!(before >= 3, "the demo has Leskovac's schools and venues");
        let form = VenueForm {
            name: "Техничка школа Лесковац".into(),
            kind: "school".into(),
        };
        let id = app.add_venue(&member, &form).await.unwrap();
        match app.add_venue(&member, &form).await {
            Err(AppError::Invalid(e)) => assert!(e.get("name").is_some()),
            other => panic!("{other:?}"),
        }
        app.set_venue_active(&member, id, false).await.unwrap();
        assert_eq!(app.venues(&member, false).await.unwrap().len(), before);
        assert_eq!(app.venues(&member, true).await.unwrap().len(), before + 1);
        let national = who(&app, "national").await;
        assert!(matches!(
            app.add_venue(&national, &form).await,
            Err(AppError::NotFound)
        ));
        let nis = who(&app, "nis-member").await;
        assert!(matches!(
            app.set_venue_active(&nis, id, true).await,
            Err(AppError::NotFound)
        ));
        t.finish().await;
    }
}

#[tokio::test]
async fn an_activity_links_only_to_a_plan_activity_of_its_own_team() {
    for t in TestDb::every_engine().await {
        let (app, _) = spona_testkit::demo_app(&t).await;
        let member = who(&app, "le-member").await;
        let nis = who(&app, "nis-member").await;
        let mut c = t.db.conn().await.unwrap();
        let planned: i64 = sqlx::query_scalar(
            "SELECT a.id FROM plan_activities a JOIN coordination_plans p ON p.id = a.plan_id \
             JOIN teams t ON t.id = p.team_id WHERE t.code = 'leskovac' ORDER BY a.id LIMIT 1",
        )
        .fetch_one(&mut *c)
        .await
        .unwrap();
        drop(c);
        let linked = |id: &str| ActivityForm {
            plan_activity_id: id.into(),
            ..talk("Трибина по плану")
        };
        let before = count(&app, &member).await;
        for foreign in ["999999", &planned.to_string()] {
            let actor = if foreign == "999999" { &member } else { &nis };
            match app.create_activity(actor, &linked(foreign)).await {
                Err(spona_app::AppError::Invalid(e)) => {
                    assert!(e.get("plan_activity_id").is_some(), "{foreign}")
                }
                other => panic!("{foreign}: {:?}", other.map(|_| ())),
            }
        }
        assert_eq!(count(&app, &member).await, before, "nothing saved");
        app.create_activity(&member, &linked(&planned.to_string()))
            .await
            .unwrap();
        t.finish().await;
    }
}

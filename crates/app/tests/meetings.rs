//! Team meetings and the cooperation log on both engines: recorded by the team, invisible to
//! other teams, action items followed up, bad input refused whole.

use spona_app::meetings::{ActionForm, CooperationForm, DoneForm, MeetingForm, MinutesForm};
use spona_app::AppError;
use spona_testkit::TestDb;

#[tokio::test]
async fn a_meeting_is_recorded_followed_up_and_kept_within_the_team() {
    for t in TestDb::every_engine().await {
        let (app, _) = spona_testkit::demo_app(&t).await;
        let member = spona_testkit::actor(&app, "le-member").await;
        let police = spona_testkit::actor(&app, "le-police").await;
        let nis = spona_testkit::actor(&app, "nis-coordinator").await;
        let national = spona_testkit::actor(&app, "national").await;
        let csw = spona_testkit::actor(&app, "le-social")
            .await
            .institution_id
            .unwrap();

        // Bad input: nothing is saved.
        let bad = MeetingForm {
            held_on: "2026-13-40".into(),
            agenda: " ".into(),
            present: vec!["999999".into()],
            ..Default::default()
        };
        match app.record_meeting(&member, &bad).await {
            Err(AppError::Invalid(e)) => {
                for field in ["held_on", "agenda", "present"] {
                    assert!(e.get(field).is_some(), "{field}");
                }
            }
            other => panic!("{:?}", other.map(|_| ())),
        }
        assert_eq!(app.meetings(&member, 1).await.unwrap().total, 0);

        let form = MeetingForm {
            held_on: "2026-10-01".into(),
            place: "Градска кућа".into(),
            agenda: "Обележавање 18. октобра".into(),
            present: vec![csw.0.to_string(), csw.0.to_string()],
        };
        let id = app.record_meeting(&member, &form).await.unwrap();
        let view = app.meeting(&police, id).await.unwrap();
        assert_eq!(view.meeting.present, 1, "an institution counts once");
        assert_eq!(view.present.len(), 1);

        // Another team and the national office see nothing of it.
        assert!(matches!(
            app.meeting(&nis, id).await,
            Err(AppError::NotFound)
        ));
        assert_eq!(app.meetings(&nis, 1).await.unwrap().total, 0);
        assert!(matches!(
            app.meetings(&national, 1).await,
            Err(AppError::NotFound)
        ));
        assert!(matches!(
            app.record_meeting(&national, &form).await,
            Err(AppError::NotFound)
        ));

        // Minutes with optimistic concurrency.
        let minutes = MinutesForm {
            minutes: "Договорено обележавање.".into(),
            decisions: "1. Трибина у Народном позоришту.".into(),
            version: 1,
        };
        app.record_minutes(&member, id, &minutes).await.unwrap();
        assert!(matches!(
            app.record_minutes(&police, id, &minutes).await,
            Err(AppError::Conflict)
        ));

        // Action items: a deadline before the meeting is refused; an open one past its
        // deadline is overdue until done.
        let early = ActionForm {
            task: "Позивнице".into(),
            owner: csw.0.to_string(),
            deadline: "2026-09-01".into(),
        };
        assert!(matches!(
            app.add_meeting_action(&member, id, &early).await,
            Err(AppError::Invalid(_))
        ));
        let foreign = ActionForm {
            owner: nis.institution_id.unwrap().0.to_string(),
            deadline: "2026-10-10".into(),
            ..early.clone()
        };
        assert!(matches!(
            app.add_meeting_action(&member, id, &foreign).await,
            Err(AppError::Invalid(_))
        ));
        let action = app
            .add_meeting_action(
                &member,
                id,
                &ActionForm {
                    deadline: "2026-10-10".into(),
                    ..early
                },
            )
            .await
            .unwrap();
        let overdue = app.overdue_meeting_actions(&police).await.unwrap();
        assert_eq!(overdue.len(), 1);
        assert!(app.overdue_meeting_actions(&nis).await.unwrap().is_empty());
        let done = DoneForm {
            follow_up: "Позивнице послате.".into(),
        };
        assert!(matches!(
            app.complete_meeting_action(&nis, action, &done).await,
            Err(AppError::NotFound)
        ));
        assert_eq!(
            app.complete_meeting_action(&police, action, &done)
                .await
                .unwrap(),
            id
        );
        assert!(app
            .overdue_meeting_actions(&police)
            .await
            .unwrap()
            .is_empty());
        assert!(matches!(
            app.complete_meeting_action(&police, action, &done).await,
            Err(AppError::NotFound)
        ));
        t.finish().await;
    }
}

#[tokio::test]
async fn the_cooperation_log_refuses_future_dates_and_unknown_kinds() {
    let t = TestDb::sqlite().await;
    let (app, _) = spona_testkit::demo_app(&t).await;
    let coordinator = spona_testkit::actor(&app, "le-coordinator").await;
    let nis = spona_testkit::actor(&app, "nis-coordinator").await;
    let bad = CooperationForm {
        on_date: "2099-01-01".into(),
        kind: "gossip".into(),
        subject: String::new(),
        ..Default::default()
    };
    match app.record_cooperation(&coordinator, &bad).await {
        Err(AppError::Invalid(e)) => {
            for field in ["on_date", "kind", "subject"] {
                assert!(e.get(field).is_some(), "{field}");
            }
        }
        other => panic!("{:?}", other.map(|_| ())),
    }
    let good = CooperationForm {
        on_date: "2026-03-02".into(),
        kind: "request".into(),
        subject: "Захтев за податке о обукама".into(),
        ..Default::default()
    };
    app.record_cooperation(&coordinator, &good).await.unwrap();
    assert_eq!(app.cooperation_log(&coordinator, 1).await.unwrap().total, 1);
    assert_eq!(app.cooperation_log(&nis, 1).await.unwrap().total, 0);
    t.finish().await;
}

#[tokio::test]
async fn the_demo_year_has_meetings_and_one_overdue_action() {
    let t = TestDb::sqlite().await;
    let (app, _) = spona_testkit::demo_app(&t).await;
    assert!(app.seed_demo_meetings().await.unwrap());
    assert!(!app.seed_demo_meetings().await.unwrap(), "once");
    let coordinator = spona_testkit::actor(&app, "le-coordinator").await;
    assert_eq!(app.meetings(&coordinator, 1).await.unwrap().total, 2);
    assert_eq!(
        app.overdue_meeting_actions(&coordinator)
            .await
            .unwrap()
            .len(),
        1
    );
    assert_eq!(app.cooperation_log(&coordinator, 1).await.unwrap().total, 3);
    t.finish().await;
}

#[tokio::test]
async fn what_is_coming_up_is_listed_soonest_first_for_the_team_only() {
    for t in TestDb::every_engine().await {
        let (app, _) = spona_testkit::demo_app(&t).await;
        let member = spona_testkit::actor(&app, "le-member").await;
        let nis = spona_testkit::actor(&app, "nis-coordinator").await;
        let meeting = |on: &str| MeetingForm {
            held_on: on.into(),
            agenda: format!("Састанак {on}"),
            ..Default::default()
        };
        app.record_meeting(&member, &meeting("2026-01-10"))
            .await
            .unwrap();
        let later = app
            .record_meeting(&member, &meeting("2027-02-01"))
            .await
            .unwrap();
        let sooner = app
            .record_meeting(&member, &meeting("2026-12-15"))
            .await
            .unwrap();
        let meetings: Vec<i64> = app
            .upcoming_work(&member, 8)
            .await
            .unwrap()
            .into_iter()
            .filter(|u| u.kind == "meeting")
            .map(|u| u.id)
            .collect();
        assert_eq!(
            meetings,
            vec![sooner, later],
            "the past one is not coming up"
        );
        assert!(app
            .upcoming_work(&nis, 8)
            .await
            .unwrap()
            .iter()
            .all(|u| u.kind != "meeting"));
        t.finish().await;
    }
}

#[tokio::test]
async fn a_short_list_of_what_is_coming_up_is_the_head_of_the_long_one() {
    // Each kind's first few are taken before the kinds are merged: the merge must still give
    // exactly the soonest of all kinds together.
    for t in TestDb::every_engine().await {
        let (app, _) = spona_testkit::demo_app(&t).await;
        let member = spona_testkit::actor(&app, "le-member").await;
        for on in [
            "2026-12-10",
            "2026-12-11",
            "2026-12-12",
            "2027-01-20",
            "2027-01-21",
        ] {
            let form = MeetingForm {
                held_on: on.into(),
                agenda: format!("Састанак {on}"),
                ..Default::default()
            };
            app.record_meeting(&member, &form).await.unwrap();
        }
        // Activities planned between and after them.
        for on in ["2026-12-11", "2026-12-30", "2027-01-21", "2027-03-01"] {
            let form = spona_app::activities::ActivityForm {
                title: format!("Трибина {on}"),
                kind: "public-talk".into(),
                held_on: on.into(),
                place: "Гимназија".into(),
                ..Default::default()
            };
            app.create_activity(&member, &form).await.unwrap();
        }
        let long = app.upcoming_work(&member, 50).await.unwrap();
        let kinds: std::collections::BTreeSet<&str> =
            long.iter().map(|u| u.kind.as_str()).collect();
        assert!(
            kinds.len() > 1,
            "more than one kind is coming up: {kinds:?}"
        );
        for limit in 1..long.len().min(8) {
            let short = app.upcoming_work(&member, limit as i64).await.unwrap();
            assert_eq!(short, long[..limit], "limit {limit}");
        }
        t.finish().await;
    }
}

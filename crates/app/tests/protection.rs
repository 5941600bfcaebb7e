//! Protection of the person: services, the recovery period and its reminder, follow-ups, notes.

use spona_app::cases::{FollowUpForm, NoteForm, RecoveryForm, ServiceForm};
use spona_app::{App, AppError, ManualClock};
use spona_domain::access::Actor;
use spona_domain::cases::ReportForm;
use spona_testkit::TestDb;
use std::sync::Arc;

async fn demo(t: &TestDb) -> (App, Arc<ManualClock>) {
    spona_testkit::demo_app(t).await
}

async fn who(app: &App, username: &str) -> Actor {
    spona_testkit::actor(app, username).await
}

fn child() -> ReportForm {
    ReportForm {
        reporter_kind: "team-official".into(),
        detected_on: "2026-11-27".into(),
        given_name: "Лица".into(),
        estimated_age: "16".into(),
        may_be_child: Some("on".into()),
        ..Default::default()
    }
}

#[tokio::test]
async fn services_and_notes_are_kept_and_notes_stay_with_their_institution_unless_shared() {
    for t in TestDb::every_engine().await {
        let (app, _) = demo(&t).await;
        let police = who(&app, "le-police").await;
        let social = who(&app, "le-social").await;
        let case = app.report_case(&police, &child()).await.unwrap().case_id;
        let service = ServiceForm {
            service_type: "accommodation".into(),
            provider: "Прихватилиште (демо)".into(),
            starts_on: "2026-11-28".into(),
            ends_on: String::new(),
            status: "ongoing".into(),
        };
        app.add_service(&social, case, &service).await.unwrap();
        let bad = ServiceForm {
            service_type: "spa".into(),
            ends_on: "2026-11-01".into(),
            ..service.clone()
        };
        assert!(matches!(
            app.add_service(&social, case, &bad).await,
            Err(AppError::Invalid(_))
        ));
        app.add_note(
            &social,
            case,
            &NoteForm {
                text: "Само за ЦСР".into(),
                shared: None,
            },
        )
        .await
        .unwrap();
        app.add_note(
            &social,
            case,
            &NoteForm {
                text: "За све".into(),
                shared: Some("on".into()),
            },
        )
        .await
        .unwrap();

        let seen_by_police = app.case(&police, case).await.unwrap();
        assert_eq!(seen_by_police.services.len(), 1);
        let texts: Vec<&str> = seen_by_police
            .notes
            .iter()
            .map(|n| n.text.as_str())
            .collect();
        assert_eq!(texts, ["За све"]);
        let seen_by_social = app.case(&social, case).await.unwrap();
        assert_eq!(seen_by_social.notes.len(), 2);

        let s = &seen_by_social.services[0];
        app.set_service_status(&social, case, s.id, "completed", s.version)
            .await
            .unwrap();
        assert!(matches!(
            app.set_service_status(&social, case, s.id, "completed", s.version)
                .await,
            Err(AppError::Conflict)
        ));
        let coordinator = who(&app, "le-coordinator").await;
        assert!(matches!(
            app.add_service(&coordinator, case, &service).await,
            Err(AppError::Forbidden)
        ));
        t.finish().await;
    }
}

#[tokio::test]
async fn the_recovery_period_is_at_least_thirty_days_and_its_end_is_reminded_once() {
    let t = TestDb::sqlite().await;
    let (app, clock) = demo(&t).await;
    let police = who(&app, "le-police").await;
    let case = app.report_case(&police, &child()).await.unwrap().case_id;
    let short = RecoveryForm {
        starts_on: "2026-11-28".into(),
        days: "10".into(),
    };
    assert!(matches!(
        app.set_recovery_period(&police, case, &short).await,
        Err(AppError::Invalid(_))
    ));
    let default = RecoveryForm {
        starts_on: "2026-11-28".into(),
        days: String::new(),
    };
    app.set_recovery_period(&police, case, &default)
        .await
        .unwrap();
    let view = app.case(&police, case).await.unwrap();
    assert_eq!(
        view.recovery,
        Some(("2026-11-28".into(), "2027-02-26".into()))
    );
    assert_eq!(app.remind_recovery_endings().await.unwrap(), 0);
    clock.advance(85 * 24 * 3600);
    assert_eq!(app.remind_recovery_endings().await.unwrap(), 1);
    assert_eq!(app.remind_recovery_endings().await.unwrap(), 0, "once");
    let told = app.notifications(&police).await.unwrap();
    assert!(told.iter().any(|n| n.kind == "recovery-ending"));
    let social = who(&app, "le-social").await;
    assert!(matches!(
        app.set_recovery_period(&social, case, &default).await,
        Err(AppError::Forbidden)
    ));
    t.finish().await;
}

#[tokio::test]
async fn follow_ups_are_tasks_with_a_sealed_note() {
    let t = TestDb::sqlite().await;
    let (app, _) = demo(&t).await;
    let police = who(&app, "le-police").await;
    let case = app.report_case(&police, &child()).await.unwrap().case_id;
    app.add_follow_up(
        &police,
        case,
        &FollowUpForm {
            due_on: "2026-12-15".into(),
            note: "Посета породици".into(),
        },
    )
    .await
    .unwrap();
    let view = app.case(&police, case).await.unwrap();
    let follow_up = view.tasks.iter().find(|t| t.kind == "follow-up").unwrap();
    assert_eq!(follow_up.due_on.as_deref(), Some("2026-12-15"));
    assert_eq!(follow_up.note, "Посета породици");
    t.finish().await;
}

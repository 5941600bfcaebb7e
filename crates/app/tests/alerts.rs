//! Notifications, escalation of overdue referrals under a job lease, and breaking the glass.

use spona_app::{App, AppError, ManualClock};
use spona_domain::access::Actor;
use spona_domain::cases::{CaseAccess, Part, ReportForm};
use spona_testkit::TestDb;
use std::sync::Arc;

async fn demo(t: &TestDb) -> (App, Arc<ManualClock>) {
    spona_testkit::demo_app(t).await
}

async fn who(app: &App, username: &str) -> Actor {
    spona_testkit::actor(app, username).await
}

fn report(child: bool) -> ReportForm {
    ReportForm {
        reporter_kind: "team-official".into(),
        detected_on: "2026-11-27".into(),
        given_name: "Тест".into(),
        family_name: "Особа".into(),
        estimated_age: if child { "14".into() } else { "30".into() },
        may_be_child: child.then(|| "on".into()),
        whereabouts: "Адреса".into(),
        ..Default::default()
    }
}

#[tokio::test]
async fn an_urgent_referral_reaches_the_inbox_and_escalates_once_when_overdue() {
    for t in TestDb::every_engine().await {
        let (app, clock) = demo(&t).await;
        let police = who(&app, "le-police").await;
        let social = who(&app, "le-social").await;
        let coordinator = who(&app, "le-coordinator").await;
        app.report_case(&police, &report(true)).await.unwrap();
        let inbox = app.notifications(&social).await.unwrap();
        assert_eq!(inbox.len(), 1);
        assert_eq!(inbox[0].kind, "urgent-referral-received");
        assert!(inbox[0].unread);
        app.mark_notifications_read(&social).await.unwrap();
        assert!(!app.notifications(&social).await.unwrap()[0].unread);

        assert_eq!(
            app.run_escalation("instance-a", 60).await.unwrap(),
            Some(0),
            "not due yet"
        );
        clock.advance(5 * 3600);
        assert_eq!(app.run_escalation("instance-a", 60).await.unwrap(), Some(1));
        assert_eq!(
            app.run_escalation("instance-b", 60).await.unwrap(),
            None,
            "a holds the lease"
        );
        assert_eq!(
            app.run_escalation("instance-a", 60).await.unwrap(),
            Some(0),
            "escalated once"
        );
        let told = app.notifications(&coordinator).await.unwrap();
        assert!(
            told.iter().any(|n| n.kind == "referral-overdue"),
            "{told:?}"
        );
        let police_told = app.notifications(&police).await.unwrap();
        assert!(
            police_told.iter().any(|n| n.kind == "referral-overdue"),
            "a lead institution"
        );
        let social_told = app.notifications(&social).await.unwrap();
        assert!(
            social_told.iter().any(|n| n.kind == "referral-overdue"),
            "the institution that owes the answer"
        );
        clock.advance(61);
        assert_eq!(
            app.run_escalation("instance-b", 60).await.unwrap(),
            Some(0),
            "the lease passed on"
        );
        t.finish().await;
    }
}

#[tokio::test]
async fn breaking_the_glass_needs_a_reason_lasts_an_hour_and_is_told_to_the_owner() {
    let t = TestDb::sqlite().await;
    let (app, clock) = demo(&t).await;
    let police = who(&app, "le-police").await;
    let social = who(&app, "le-social").await;
    let case = app
        .report_case(&police, &report(false))
        .await
        .unwrap()
        .case_id;
    assert!(matches!(
        app.case(&social, case).await,
        Err(AppError::NotFound)
    ));
    assert!(matches!(
        app.break_glass(&social, case, "  ").await,
        Err(AppError::Invalid(_))
    ));
    app.break_glass(&social, case, "Особа је у болници без свести")
        .await
        .unwrap();
    let view = app.case(&social, case).await.unwrap();
    assert_eq!(view.access, CaseAccess::Emergency);
    assert!(view.access.sees(Part::Contact) && view.transitions.is_empty());
    let told = app.notifications(&police).await.unwrap();
    assert_eq!(told[0].kind, "break-glass");
    let log = app.case_access_log(&police, case).await.unwrap();
    let entry = log.iter().find(|e| e.action == "break-glass").unwrap();
    assert_eq!(entry.reason, "Особа је у болници без свести");
    clock.advance(61 * 60);
    assert!(
        matches!(app.case(&social, case).await, Err(AppError::NotFound)),
        "the hour is over"
    );

    let child = app
        .report_case(&police, &report(true))
        .await
        .unwrap()
        .case_id;
    let health_less = who(&app, "le-social").await;
    // The CSW has the child's case by the protocol; another case worker could not break in.
    let mut stranger = health_less.clone();
    stranger.institution_id = Some(spona_domain::ids::InstitutionId(999_999));
    assert!(matches!(
        app.break_glass(&stranger, child, "Хитно").await,
        Err(AppError::Forbidden)
    ));
    let coordinator = who(&app, "le-coordinator").await;
    assert!(matches!(
        app.break_glass(&coordinator, case, "Хитно").await,
        Err(AppError::Forbidden)
    ));
    t.finish().await;
}

#[tokio::test]
async fn the_deployment_sets_how_many_hours_an_urgent_referral_has() {
    let t = TestDb::sqlite().await;
    let (app, _) = demo(&t).await;
    let policy = spona_domain::cases::AcknowledgementPolicy::new(
        time::Duration::hours(2),
        time::Duration::days(5),
    )
    .unwrap();
    let app = app.with_answer_deadlines(policy);
    let police = who(&app, "le-police").await;
    app.report_case(&police, &report(true)).await.unwrap();
    let social = who(&app, "le-social").await;
    let referral = &app.inbox(&social).await.unwrap()[0];
    assert_eq!(referral.deadline_at - referral.sent_at, 2 * 3600);
    t.finish().await;
}

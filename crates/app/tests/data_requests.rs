//! A person's requests about their data in a case, on both engines: the owner records them
//! with the 30-day deadline and their legal basis sealed; the dashboard lists the open ones
//! and marks them overdue as the clock runs; outcomes are recorded once; a granted erasure
//! destroys the case's personal data as the retention schedule does, leaves the statistics
//! as they were, and is refused while the case is open or on legal hold. Nobody but the
//! owning institution's case workers reaches any of it.

use spona_app::cases::{DataRequestForm, ErasureBlock, OutcomeForm};
use spona_app::{App, AppError};
use spona_domain::access::Actor;
use spona_domain::cases::data_request::ANSWER_DAYS;
use spona_domain::cases::{CaseId, DataRequestId, ReportForm, RequestKind, RequestOutcome};
use spona_domain::text::iso_date;
use spona_testkit::TestDb;
use time::Duration;

const DAY: i64 = 86_400;
const BASIS: &str = "чл. 30 ЗЗПЛ, захтев Милице Захтевић";

fn person() -> ReportForm {
    ReportForm {
        reporter_kind: "team-official".into(),
        detected_on: "2026-11-27".into(),
        given_name: "Милица".into(),
        family_name: "Захтевић".into(),
        sex: "female".into(),
        birth_date: "1991-05-03".into(),
        ..Default::default()
    }
}

fn request(kind: RequestKind, received_on: &str) -> DataRequestForm {
    DataRequestForm {
        kind: kind.code().into(),
        received_on: received_on.into(),
        legal_basis: BASIS.into(),
    }
}

fn outcome(id: DataRequestId, outcome: &str, reason: &str, on: &str, version: i64) -> OutcomeForm {
    OutcomeForm {
        request: id.0.to_string(),
        outcome: outcome.into(),
        reason: reason.into(),
        decided_on: on.into(),
        version,
    }
}

async fn close(app: &App, police: &Actor, id: CaseId) {
    for (step, version) in [
        ("refer-for-identification", 1),
        ("record-outcome-not-a-victim", 2),
        ("close", 3),
    ] {
        app.transition_case(police, id, step, version, true)
            .await
            .unwrap();
    }
}

/// What statistics and exchange files rest on: the cases counted by their codes.
async fn figures(app: &App, national: &Actor) -> (Vec<String>, String) {
    let mut c = app.db().conn().await.unwrap();
    let counted: Vec<(String, String, String, String, i64)> = sqlx::query_as(
        "SELECT sex, age_band, state, exploitation, COUNT(*) FROM cases \
         GROUP BY sex, age_band, state, exploitation ORDER BY 1, 2, 3, 4",
    )
    .fetch_all(&mut *c)
    .await
    .unwrap();
    drop(c);
    let export = app.htcds_export(national, 2026).await.unwrap();
    (
        counted.iter().map(|r| format!("{r:?}")).collect(),
        format!("{export:?}"),
    )
}

fn refused<T: std::fmt::Debug>(r: Result<T, AppError>) -> bool {
    matches!(r, Err(AppError::NotFound | AppError::Forbidden))
}

#[tokio::test]
async fn requests_are_recorded_with_their_deadline_and_overdue_ones_are_marked() {
    for t in TestDb::every_engine().await {
        let (app, clock) = spona_testkit::demo_app(&t).await;
        let police = spona_testkit::actor(&app, "le-police").await;
        let social = spona_testkit::actor(&app, "le-social").await;
        let id = app.report_case(&police, &person()).await.unwrap().case_id;
        let today = app.today();
        let received = today - Duration::days(3);

        // Refused as typed: a day in the future, no basis, an unknown kind.
        let tomorrow = iso_date(today + Duration::days(1));
        for bad in [
            request(RequestKind::Rectification, &tomorrow),
            DataRequestForm {
                legal_basis: "  ".into(),
                ..request(RequestKind::Rectification, &iso_date(received))
            },
            DataRequestForm {
                kind: "forgetting".into(),
                ..request(RequestKind::Rectification, &iso_date(received))
            },
        ] {
            assert!(matches!(
                app.record_data_request(&police, id, &bad).await,
                Err(AppError::Invalid(_))
            ));
        }
        let asked = app
            .record_data_request(
                &police,
                id,
                &request(RequestKind::Rectification, &iso_date(received)),
            )
            .await
            .unwrap();

        // The case page lists it with its deadline and its basis opened.
        let page = app.case(&police, id).await.unwrap();
        let listed = &page.data_requests;
        assert_eq!(listed.len(), 1);
        assert_eq!(listed[0].id, asked);
        assert_eq!(listed[0].kind, RequestKind::Rectification);
        assert_eq!(listed[0].due_on, received + Duration::days(ANSWER_DAYS));
        assert_eq!(listed[0].legal_basis, BASIS);
        assert!(!listed[0].overdue && listed[0].outcome.is_none());
        // Stored sealed: the person's name is nowhere in the row.
        let mut c = t.db.conn().await.unwrap();
        let stored: String =
            sqlx::query_scalar("SELECT legal_basis FROM data_requests WHERE id = $1")
                .bind(asked.0)
                .fetch_one(&mut *c)
                .await
                .unwrap();
        drop(c);
        assert!(!stored.is_empty() && !stored.contains("Захтевић"));

        // The owner's dashboard lists it, not yet overdue; other institutions' do not.
        let open = app.open_data_requests(&police).await.unwrap();
        assert_eq!(open.len(), 1);
        assert!(!open[0].overdue);
        assert!(
            open[0].legal_basis.is_empty(),
            "the dashboard opens no text"
        );
        assert!(app.open_data_requests(&social).await.unwrap().is_empty());

        // Past the deadline it is marked overdue.
        clock.advance((ANSWER_DAYS - 3) * DAY);
        assert!(!app.open_data_requests(&police).await.unwrap()[0].overdue);
        clock.advance(DAY);
        assert!(app.open_data_requests(&police).await.unwrap()[0].overdue);

        // An outcome: a refusal says why; decided before receipt is refused; recorded once.
        let decided = iso_date(app.today());
        let v = listed[0].version;
        for bad in [
            outcome(asked, "refused", " ", &decided, v),
            outcome(
                asked,
                "refused",
                "Подаци су тачни",
                &iso_date(received - Duration::days(1)),
                v,
            ),
            outcome(asked, "", "Подаци су тачни", &decided, v),
        ] {
            assert!(matches!(
                app.decide_data_request(&police, id, &bad).await,
                Err(AppError::Invalid(_))
            ));
        }
        let form = outcome(asked, "partly-granted", "Исправљено презиме", &decided, v);
        app.decide_data_request(&police, id, &form).await.unwrap();
        assert!(matches!(
            app.decide_data_request(&police, id, &form).await,
            Err(AppError::Invalid(_))
        ));
        let (view, _) = app.data_request(&police, id, asked).await.unwrap();
        assert_eq!(view.outcome, Some(RequestOutcome::PartlyGranted));
        assert_eq!(view.reason, "Исправљено презиме");
        assert!(!view.overdue);
        assert!(app.open_data_requests(&police).await.unwrap().is_empty());

        // Every step is in the trail, and none of the texts.
        let mut c = t.db.conn().await.unwrap();
        let entries: Vec<(String, String)> = sqlx::query_as(
            "SELECT action, reason FROM audit_log WHERE subject_id = $1 \
             AND action LIKE 'case-data-request-%' ORDER BY seq",
        )
        .bind(id.0)
        .fetch_all(&mut *c)
        .await
        .unwrap();
        assert_eq!(
            entries,
            vec![
                ("case-data-request-recorded".into(), "rectification".into()),
                ("case-data-request-decided".into(), "partly-granted".into()),
                ("case-data-request-opened".into(), "rectification".into()),
            ]
        );
    }
}

#[tokio::test]
async fn nobody_but_the_owning_institution_reaches_a_cases_requests() {
    for t in TestDb::every_engine().await {
        let (app, _clock) = spona_testkit::demo_app(&t).await;
        let police = spona_testkit::actor(&app, "le-police").await;
        let id = app.report_case(&police, &person()).await.unwrap().case_id;
        let today = iso_date(app.today());
        let asked = app
            .record_data_request(&police, id, &request(RequestKind::Erasure, &today))
            .await
            .unwrap();
        let form = outcome(asked, "refused", "Нема основа", &today, 1);
        for name in [
            "le-social",
            "le-coordinator",
            "le-member",
            "nis-police",
            "nis-coordinator",
            "admin",
            "national",
            "auditor",
        ] {
            let who = spona_testkit::actor(&app, name).await;
            let new = request(RequestKind::Restriction, &today);
            assert!(
                refused(app.record_data_request(&who, id, &new).await),
                "{name}"
            );
            assert!(refused(app.data_request(&who, id, asked).await), "{name}");
            assert!(
                refused(app.decide_data_request(&who, id, &form).await),
                "{name}"
            );
            assert!(refused(app.grant_erasure(&who, id, &form).await), "{name}");
            if let Ok(open) = app.open_data_requests(&who).await {
                assert!(open.is_empty(), "{name}");
            }
            if let Ok(page) = app.case(&who, id).await {
                assert!(page.data_requests.is_empty(), "{name}");
            }
        }
        // Nothing changed.
        let (view, _) = app.data_request(&police, id, asked).await.unwrap();
        assert_eq!(view.outcome, None);
        assert_eq!(view.version, 1);
        // A request of another case is not found through this one.
        let other = app.report_case(&police, &person()).await.unwrap().case_id;
        assert!(matches!(
            app.data_request(&police, other, asked).await,
            Err(AppError::NotFound)
        ));
    }
}

#[tokio::test]
async fn a_granted_erasure_shreds_the_case_but_not_while_it_is_open_or_held() {
    for t in TestDb::every_engine().await {
        let (app, _clock) = spona_testkit::demo_app(&t).await;
        let police = spona_testkit::actor(&app, "le-police").await;
        let national = spona_testkit::actor(&app, "national").await;
        let id = app.report_case(&police, &person()).await.unwrap().case_id;
        let today = iso_date(app.today());
        let asked = app
            .record_data_request(&police, id, &request(RequestKind::Erasure, &today))
            .await
            .unwrap();
        let grant = outcome(asked, "granted", "", &today, 1);
        // The outcome form does not grant an erasure: only its own page does.
        assert!(matches!(
            app.decide_data_request(&police, id, &grant).await,
            Err(AppError::Invalid(_))
        ));

        // Still open: refused, nothing changed.
        let (_, block) = app.data_request(&police, id, asked).await.unwrap();
        assert_eq!(block, Some(ErasureBlock::CaseOpen));
        assert!(matches!(
            app.grant_erasure(&police, id, &grant).await,
            Err(AppError::Invalid(_))
        ));
        close(&app, &police, id).await;

        // On legal hold: refused, nothing changed.
        app.set_hold(&police, id, "Судски поступак у току")
            .await
            .unwrap();
        let (_, block) = app.data_request(&police, id, asked).await.unwrap();
        assert_eq!(block, Some(ErasureBlock::Held));
        assert!(matches!(
            app.grant_erasure(&police, id, &grant).await,
            Err(AppError::Invalid(_))
        ));
        let page = app.case(&police, id).await.unwrap();
        assert_eq!(page.identity.as_ref().unwrap().given_name, "Милица");
        assert_eq!(page.data_requests[0].outcome, None);
        app.lift_hold(&police, id).await.unwrap();

        // Granted: the personal data and the key go; the codes, and so the figures, stay.
        let before = figures(&app, &national).await;
        let (_, block) = app.data_request(&police, id, asked).await.unwrap();
        assert_eq!(block, None);
        app.grant_erasure(&police, id, &grant).await.unwrap();
        assert_eq!(figures(&app, &national).await, before);
        let mut c = t.db.conn().await.unwrap();
        let (key, identity, shredded): (String, String, Option<i64>) =
            sqlx::query_as("SELECT data_key, identity, shredded_at FROM cases WHERE id = $1")
                .bind(id.0)
                .fetch_one(&mut *c)
                .await
                .unwrap();
        assert_eq!((key.as_str(), identity.as_str()), ("", ""));
        assert!(shredded.is_some());
        let (basis, outcome_code): (String, Option<String>) =
            sqlx::query_as("SELECT legal_basis, outcome FROM data_requests WHERE id = $1")
                .bind(asked.0)
                .fetch_one(&mut *c)
                .await
                .unwrap();
        assert_eq!(basis, "", "the sealed basis went with the rest");
        assert_eq!(outcome_code.as_deref(), Some("granted"));
        let erased: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM audit_log WHERE action = 'case-erased' AND subject_id = $1",
        )
        .bind(id.0)
        .fetch_one(&mut *c)
        .await
        .unwrap();
        assert_eq!(erased, 1);
        drop(c);
        let page = app.case(&police, id).await.unwrap();
        assert!(page.personal_data_removed_at.is_some());
        assert!(page.identity.is_none());
        // Nobody works on it any more, nor on its requests.
        assert!(matches!(
            app.data_request(&police, id, asked).await,
            Err(AppError::Forbidden)
        ));
        assert!(matches!(
            app.record_data_request(&police, id, &request(RequestKind::Erasure, &today))
                .await,
            Err(AppError::Forbidden)
        ));
        assert!(app.open_data_requests(&police).await.unwrap().is_empty());
        let report = app.verify_audit().await.unwrap();
        assert_eq!(report.first_break, None, "{report:?}");
    }
}

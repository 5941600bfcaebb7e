//! The auditor's view of the trail through the app layer, on both engines: who did what to
//! which case (by code), filtered; reasons written about a case withheld; alerts of breaking
//! the glass, many cases in a short time and access outside working hours; every read of
//! the trail written to it; everyone else refused.

use spona_app::exports::{Cell, Format};
use spona_app::oversight::{AlertPeriod, Reason, TrailQuery};
use spona_app::{App, AppError};
use spona_domain::cases::CaseId;
use spona_domain::oversight::AlertRules;
use spona_domain::validation::FieldError;
use spona_testkit::{actor, demo_app, TestDb};

/// The id of the demo's Leskovac case of this number (2026).
async fn case_id(app: &App, seq: i64) -> CaseId {
    let mut c = app.db().conn().await.unwrap();
    CaseId(
        spona_store::trail::cases_numbered(&mut c, 2026, seq)
            .await
            .unwrap()[0]
            .0,
    )
}

/// A reason that names the person: the auditor must never read it.
const NAMING_REASON: &str = "Мајка тражи Демо Особу Другу, хитно";

fn query(f: impl FnOnce(&mut TrailQuery)) -> TrailQuery {
    let mut q = TrailQuery::default();
    f(&mut q);
    q
}

#[tokio::test]
async fn the_auditor_reads_who_did_what_to_which_case_and_never_the_persons_data() {
    for t in TestDb::every_engine().await {
        let (app, _clock) = demo_app(&t).await;
        app.seed_demo_cases().await.unwrap();
        // Signed in as a person would be, so that the trail holds the sign-in.
        let social =
            spona_testkit::signed_session(&app, "le-social", spona_app::demo::DEMO_PASSWORD)
                .await
                .actor;
        let police = actor(&app, "le-police").await;
        let auditor = actor(&app, "auditor").await;
        // The closed case is the police's; the social work centre breaks the glass on it.
        app.break_glass_by_code(&social, "LE-2026-0003", NAMING_REASON)
            .await
            .unwrap();

        let by_case = app
            .audit_trail(&auditor, &query(|q| q.case = "ле-2026-0003".into()))
            .await
            .unwrap();
        assert!(by_case.errors.is_empty());
        let items = &by_case.entries.items;
        assert!(
            items.iter().all(|e| e.subject == "ЛЕ-2026-0003"),
            "{items:?}"
        );
        let glass = items.iter().find(|e| e.action == "break-glass").unwrap();
        assert!(glass.who.contains("le-social"), "{glass:?}");
        assert_eq!(glass.reason, Reason::Withheld);
        assert!(items
            .iter()
            .any(|e| e.action == "case-reported" && e.who.contains("le-police")));
        let shown = format!("{items:?}");
        for personal in ["Демо Особа", "Други", "Мајка", "forced-begging"] {
            assert!(!shown.contains(personal), "{personal} in {shown}");
        }

        // By person, by institution, by action.
        let by_user = app
            .audit_trail(&auditor, &query(|q| q.user = social.user_id.0.to_string()))
            .await
            .unwrap();
        assert!(!by_user.entries.items.is_empty());
        // What the account did, and what was done about it (its sign-ins among them).
        let about = format!("user {}", social.user_id.0);
        assert!(by_user
            .entries
            .items
            .iter()
            .all(|e| e.who.contains("le-social") || e.subject == about));
        assert!(by_user.entries.items.iter().any(|e| e.action == "sign-in"));
        let police_inst = police.institution_id.unwrap().0.to_string();
        let by_institution = app
            .audit_trail(&auditor, &query(|q| q.institution = police_inst))
            .await
            .unwrap();
        assert!(!by_institution.entries.items.is_empty());
        assert!(by_institution
            .entries
            .items
            .iter()
            .all(|e| e.who.contains("le-police")));
        let by_action = app
            .audit_trail(&auditor, &query(|q| q.action = "break-glass".into()))
            .await
            .unwrap();
        assert_eq!(by_action.entries.total, 1);

        // By local day: the demo was made on 28 November (10:00 in Belgrade).
        let that_day = app
            .audit_trail(
                &auditor,
                &query(|q| {
                    q.from = "2026-11-28".into();
                    q.to = "2026-11-28".into();
                }),
            )
            .await
            .unwrap();
        assert!(that_day.entries.total > 0);
        let next_day = app
            .audit_trail(&auditor, &query(|q| q.from = "2026-11-29".into()))
            .await
            .unwrap();
        assert_eq!(next_day.entries.total, 0);

        // The auditor's reads are in the trail too, with what was asked.
        let reads = app
            .audit_trail(&auditor, &query(|q| q.action = "audit-trail-read".into()))
            .await
            .unwrap();
        assert!(reads.entries.total >= 6, "{}", reads.entries.total);
        assert!(reads
            .entries
            .items
            .iter()
            .any(|e| e.reason == Reason::Shown("case=ле-2026-0003".into())));
        t.finish().await;
    }
}

#[tokio::test]
async fn a_bad_filter_is_refused_at_its_field_and_shows_nothing() {
    for t in TestDb::every_engine().await {
        let (app, _clock) = demo_app(&t).await;
        let auditor = actor(&app, "auditor").await;
        for (q, field, error) in [
            (
                query(|q| q.case = "ЛЕ-26".into()),
                "case",
                FieldError::Invalid,
            ),
            (
                query(|q| q.case = "ЛЕ-2026-0099".into()),
                "case",
                FieldError::NoSuchRecord,
            ),
            (
                query(|q| q.from = "2026-13-01".into()),
                "from",
                FieldError::InvalidDate,
            ),
            (
                query(|q| {
                    q.from = "2026-12-02".into();
                    q.to = "2026-12-01".into();
                }),
                "from",
                FieldError::DateOrder,
            ),
            (
                query(|q| q.user = "vesna".into()),
                "user",
                FieldError::Invalid,
            ),
            (
                query(|q| q.action = "x'; --".into()),
                "action",
                FieldError::Invalid,
            ),
        ] {
            let page = app.audit_trail(&auditor, &q).await.unwrap();
            assert_eq!(page.errors.get(field), Some(error), "{q:?}");
            assert!(page.entries.items.is_empty(), "{q:?}");
            assert!(matches!(
                app.export_audit_trail(&auditor, &q, Format::Csv).await,
                Err(AppError::Invalid(_))
            ));
        }
        t.finish().await;
    }
}

#[tokio::test]
async fn only_the_auditor_reads_the_trail() {
    for t in TestDb::every_engine().await {
        let (app, _clock) = demo_app(&t).await;
        let q = TrailQuery::default();
        for (username, refusal) in [
            ("admin", "not found"),
            ("national", "not found"),
            ("le-coordinator", "forbidden"),
            ("le-police", "forbidden"),
            ("le-member", "forbidden"),
        ] {
            let who = actor(&app, username).await;
            let got = [
                app.audit_trail(&who, &q).await.err(),
                app.access_alerts(&who, AlertPeriod::of(None)).await.err(),
                app.export_audit_trail(&who, &q, Format::Xlsx).await.err(),
            ];
            for err in got {
                let err = err.unwrap_or_else(|| panic!("{username} was let in"));
                let name = match err {
                    AppError::NotFound => "not found",
                    AppError::Forbidden => "forbidden",
                    _ => "other",
                };
                assert_eq!(name, refusal, "{username}");
            }
        }
        // And the refusals wrote nothing about the trail being read.
        let auditor = actor(&app, "auditor").await;
        let reads = app
            .audit_trail(&auditor, &query(|q| q.action = "audit-trail-read".into()))
            .await
            .unwrap();
        assert_eq!(reads.entries.total, 0);
        t.finish().await;
    }
}

#[tokio::test]
async fn unusual_access_raises_alerts_by_the_deployments_thresholds() {
    for t in TestDb::every_engine().await {
        let (app, clock) = demo_app(&t).await;
        app.seed_demo_cases().await.unwrap();
        let app = app.with_alert_rules(AlertRules::new(3, 10, 7, 19, "Europe/Belgrade").unwrap());
        let police = actor(&app, "le-police").await;
        let social = actor(&app, "le-social").await;
        let auditor = actor(&app, "auditor").await;
        // Monday 30 November, 10:00 in Belgrade (the demo was made on a Saturday): the police
        // opens its three cases within three minutes.
        clock.advance(2 * 24 * 3600);
        for seq in 1..=3 {
            app.case(&police, case_id(&app, seq).await).await.unwrap();
            clock.advance(60);
        }
        // Two opened by the social work centre a minute apart: under the threshold.
        app.case(&social, case_id(&app, 4).await).await.unwrap();
        app.case(&social, case_id(&app, 2).await).await.unwrap();
        // 22:00 in Belgrade: the social work centre opens its case again, and breaks the glass.
        clock.advance(12 * 3600);
        app.case(&social, case_id(&app, 4).await).await.unwrap();
        app.break_glass_by_code(&social, "ЛЕ-2026-0003", NAMING_REASON)
            .await
            .unwrap();

        let alerts = app
            .access_alerts(&auditor, AlertPeriod::of(Some(7)))
            .await
            .unwrap();
        assert_eq!(alerts.bursts.len(), 1, "{:?}", alerts.bursts);
        assert!(alerts.bursts[0].who.contains("le-police"));
        assert_eq!(alerts.bursts[0].cases, 3);
        assert_eq!(alerts.late.len(), 1, "{:?}", alerts.late);
        assert!(alerts.late[0].who.contains("le-social"));
        assert_eq!(alerts.late[0].day, "2026-11-30");
        assert_eq!(alerts.broke_glass.len(), 1);
        assert_eq!(alerts.broke_glass[0].reason, Reason::Withheld);
        assert_eq!(alerts.count(), 3);
        assert!(!format!("{alerts:?}").contains("Мајка"));

        // With the default thresholds, three cases are no run; a day later the night is gone
        // from a one-day look.
        let calm = app.clone().with_alert_rules(AlertRules::default());
        assert!(calm
            .access_alerts(&auditor, AlertPeriod::of(Some(7)))
            .await
            .unwrap()
            .bursts
            .is_empty());
        clock.advance(24 * 3600);
        let later = app
            .access_alerts(&auditor, AlertPeriod::of(Some(1)))
            .await
            .unwrap();
        assert_eq!(later.count(), 0, "{later:?}");

        let looks = app
            .audit_trail(&auditor, &query(|q| q.action = "access-alerts-read".into()))
            .await
            .unwrap();
        assert_eq!(looks.entries.total, 3);
        t.finish().await;
    }
}

#[tokio::test]
async fn the_exported_trail_is_the_filtered_trail_in_local_time() {
    for t in TestDb::every_engine().await {
        let (app, _clock) = demo_app(&t).await;
        app.seed_demo_cases().await.unwrap();
        let social = actor(&app, "le-social").await;
        let auditor = actor(&app, "auditor").await;
        app.break_glass_by_code(&social, "ЛЕ-2026-0003", NAMING_REASON)
            .await
            .unwrap();
        let q = query(|q| q.action = "break-glass".into());
        let mut export = app
            .export_audit_trail(&auditor, &q, Format::Csv)
            .await
            .unwrap();
        assert!(export.file_name.starts_with("audit-trail-2026-11-28"));
        let mut rows = Vec::new();
        while let Some(page) = export.next_rows().await.unwrap() {
            rows.extend(page.rows);
        }
        assert_eq!(rows.len(), 1);
        let row = &rows[0];
        let text = |c: &Cell| match c {
            Cell::Value(v) => format!("{v:?}"),
            other => format!("{other:?}"),
        };
        // 09:00 UTC is 10:00 in Belgrade.
        assert!(text(&row[1]).contains("2026-11-28 10:00:00"), "{row:?}");
        assert!(text(&row[6]).contains("LE-2026-0003"), "{row:?}");
        assert_eq!(row[8], Cell::Term("audit-reason-withheld".into()));
        let exported = app
            .audit_trail(
                &auditor,
                &query(|q| q.action = "audit-trail-exported".into()),
            )
            .await
            .unwrap();
        assert_eq!(exported.entries.total, 1);
        assert_eq!(
            exported.entries.items[0].reason,
            Reason::Shown("csv action=break-glass".into())
        );
        t.finish().await;
    }
}

//! The retention schedule over HTTP: the schedule's page lists case numbers and never a
//! name, for the administrator and the auditor only; the auditor holds a case from it and
//! the owner sees the hold on the case page; a case whose personal data was removed says so
//! instead of failing, in every language without the other script.

use spona_app::cases::NewFile;
use spona_app::App;
use spona_domain::access::Actor;
use spona_domain::cases::{CaseId, ReportForm};
use spona_domain::retention::{Period, RetentionPolicy};
use spona_testkit::{TestApp, TestDb};

const DAY: i64 = 86_400;

fn policy(app: App) -> App {
    app.with_retention(RetentionPolicy {
        closed_cases: Period::Years(2),
        attachments: Period::Years(1),
        notifications: Period::Days(30),
        sign_ins: Period::Days(90),
        audit_entries: Period::Keep,
    })
}

async fn closed_case(app: &App, police: &Actor, given: &str) -> CaseId {
    let form = ReportForm {
        reporter_kind: "team-official".into(),
        detected_on: "2026-11-27".into(),
        given_name: given.into(),
        family_name: "Задржић".into(),
        sex: "female".into(),
        birth_date: "1990-04-02".into(),
        ..Default::default()
    };
    let id = app.report_case(police, &form).await.unwrap().case_id;
    let file = NewFile {
        name: "Изјава.pdf",
        part: "circumstances",
        content: b"%PDF-1.7\n%%EOF",
    };
    app.attach_file(police, id, &file).await.unwrap();
    for (step, version) in [
        ("refer-for-identification", 1),
        ("record-outcome-not-a-victim", 2),
        ("close", 3),
    ] {
        app.transition_case(police, id, step, version, true)
            .await
            .unwrap();
    }
    id
}

#[tokio::test]
async fn the_schedule_is_previewed_held_and_run_on_every_engine() {
    for db in TestDb::every_engine().await {
        let t = TestApp::spawn_configured(db, policy).await;
        let owner = spona_testkit::actor(&t.app, "le-police").await;
        let held = closed_case(&t.app, &owner, "Ружица").await;
        let removed = closed_case(&t.app, &owner, "Светлана").await;
        t.clock.advance(800 * DAY);

        let admin = t.signed_in("admin").await;
        let auditor = t.signed_in("auditor").await;
        let police = t.signed_in("le-police").await;
        let national = t.signed_in("national").await;
        let (status, page) = t.get(&admin, "/admin/retention").await;
        assert_eq!(status, 200);
        let view = t.app.case(&owner, held).await.unwrap();
        assert!(
            page.contains(&view.summary.code),
            "the case number is listed"
        );
        for name in ["Ружица", "Светлана", "Задржић"] {
            assert!(!page.contains(name), "never a name: {name}");
        }
        assert!(!page.contains("/hold\""), "the administrator holds nothing");
        for (who, expected) in [(&national, 403), (&police, 403)] {
            assert_eq!(t.get(who, "/admin/retention").await.0, expected);
        }
        let (status, _) = t.get(&t.client(), "/admin/retention").await;
        assert_eq!(status, 303, "to the sign-in page");

        // The auditor holds one case from the schedule's page; the owner sees it.
        let (_, page) = t.get(&auditor, "/admin/retention").await;
        assert!(page.contains(&format!("action=\"/cases/{held}/hold\"")));
        let (status, location, _) = t
            .post(
                &auditor,
                "/admin/retention",
                &format!("/cases/{held}/hold"),
                &[("reason", "Захтев Вишег суда")],
            )
            .await;
        assert_eq!(status, 303);
        assert_eq!(
            location.as_deref(),
            Some(&*format!("/admin/retention?hold={held}"))
        );
        let (_, page) = t.get(&auditor, "/admin/retention").await;
        assert!(page.contains("Захтев Вишег суда"));
        let (_, page) = t.get(&police, &format!("/cases/{held}")).await;
        assert!(page.contains("id=\"hold-h\"") && page.contains("Захтев Вишег суда"));
        // Another institution's case worker cannot hold it, nor learn it exists.
        let social = t.signed_in("le-social").await;
        let (status, _, _) = t
            .post(
                &social,
                "/dashboard",
                &format!("/cases/{held}/hold/lift"),
                &[],
            )
            .await;
        assert_eq!(status, 404);

        // The run spares the held case; the other one's page says its data was removed.
        let done = t.app.run_retention_now().await.unwrap();
        assert!(done.cases.iter().any(|c| c.id == removed));
        assert!(!done.cases.iter().any(|c| c.id == held));
        let (status, page) = t.get(&police, &format!("/cases/{removed}")).await;
        assert_eq!(status, 200);
        assert!(page.contains("id=\"removed-note\""));
        assert!(!page.contains("Светлана"));
        let (_, page) = t.get(&police, &format!("/cases/{held}")).await;
        assert!(page.contains("Ружица"));
        for lang in ["sr-Latn", "en"] {
            let (status, _, _) = t
                .post(
                    &police,
                    "/dashboard",
                    "/lang",
                    &[("lang", lang), ("next", "/dashboard")],
                )
                .await;
            assert_eq!(status, 303);
            let (_, page) = t.get(&police, &format!("/cases/{removed}")).await;
            assert!(page.contains("id=\"removed-note\""));
            let shown = crate::script::visible::cyrillic_shown(&page);
            assert!(shown.is_empty(), "{lang}: no Cyrillic: {shown:?}");
        }
        t.finish().await;
    }
}

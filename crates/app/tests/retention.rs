//! The retention schedule on the test clock, on both engines: a run removes exactly what the
//! preview listed; closed cases lose their personal data for good (crypto-shredding) while
//! their codes, and so the statistics, stay; a case on legal hold is spared; the audit trail
//! still verifies after its sign-ins are erased and its oldest entries removed, and a forged
//! start of the chain is caught.

use spona_app::audit::Break;
use spona_app::cases::NewFile;
use spona_app::{App, AppError};
use spona_domain::access::Actor;
use spona_domain::cases::{CaseId, ReportForm};
use spona_domain::disclosure::Threshold;
use spona_domain::retention::{Period, RetentionPolicy};
use spona_testkit::TestDb;

const DAY: i64 = 86_400;
const PDF: &[u8] = b"%PDF-1.7\nIzjava (izmisljeno) 4711\n%%EOF";

fn policy() -> RetentionPolicy {
    RetentionPolicy {
        closed_cases: Period::Years(2),
        attachments: Period::Years(1),
        notifications: Period::Days(30),
        sign_ins: Period::Days(90),
        audit_entries: Period::Years(3),
    }
}

fn person(given: &str) -> ReportForm {
    ReportForm {
        reporter_kind: "team-official".into(),
        detected_on: "2026-11-27".into(),
        given_name: given.into(),
        family_name: "Ретенцић".into(),
        sex: "female".into(),
        birth_date: "1990-04-02".into(),
        ..Default::default()
    }
}

async fn closed_case(app: &App, police: &Actor, given: &str) -> CaseId {
    let id = app
        .report_case(police, &person(given))
        .await
        .unwrap()
        .case_id;
    let file = NewFile {
        name: "Изјава.pdf",
        part: "circumstances",
        content: PDF,
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

/// The actor of a demo account signed in as a person would be (the trail holds the sign-in).
async fn signed(app: &App, username: &str) -> Actor {
    spona_testkit::signed_session(app, username, spona_app::demo::DEMO_PASSWORD)
        .await
        .actor
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
        format!("{:?}", export),
    )
}

#[tokio::test]
async fn a_run_removes_exactly_what_the_preview_listed_and_spares_held_cases() {
    for t in TestDb::every_engine().await {
        let (app, clock) = spona_testkit::demo_app(&t).await;
        let app = app
            .with_retention(policy())
            .with_disclosure_threshold(Threshold::new(2).unwrap());
        let police = signed(&app, "le-police").await;
        let social = signed(&app, "le-social").await;
        let coordinator = signed(&app, "le-coordinator").await;
        let admin = signed(&app, "admin").await;
        let auditor = signed(&app, "auditor").await;
        let national = signed(&app, "national").await;

        let shredded = closed_case(&app, &police, "Ана").await;
        let held = closed_case(&app, &police, "Бранка").await;
        let open = app
            .report_case(&police, &person("Вера"))
            .await
            .unwrap()
            .case_id;

        // Who may hold: the owner and the auditor; nobody else learns the case exists.
        for who in [&social, &coordinator, &admin, &national] {
            assert!(
                matches!(
                    app.set_hold(who, held, "Судски поступак у току").await,
                    Err(AppError::NotFound | AppError::Forbidden)
                ),
                "{:?}",
                who.role
            );
        }
        assert!(matches!(
            app.set_hold(&police, held, "  ").await,
            Err(AppError::Invalid(_))
        ));
        app.set_hold(&auditor, held, "Захтев суда").await.unwrap();
        app.set_hold(&police, held, "Судски поступак у току")
            .await
            .unwrap();
        let page = app.case(&police, held).await.unwrap();
        assert_eq!(
            page.hold.as_ref().map(|h| h.reason.as_str()),
            Some("Судски поступак у току")
        );
        assert!(page.may_hold);
        assert_eq!(app.holds(&auditor).await.unwrap().len(), 1);
        assert!(matches!(app.holds(&police).await, Err(AppError::Forbidden)));
        assert!(matches!(
            app.retention_preview(&coordinator).await,
            Err(AppError::Forbidden)
        ));

        // A year on: only attachments are due, the held case's not among them.
        clock.advance(400 * DAY);
        let due = app.retention_preview(&admin).await.unwrap();
        assert!(due.cases.is_empty());
        let with_files: Vec<CaseId> = due.attachments.iter().map(|c| c.id).collect();
        assert!(with_files.contains(&shredded));
        assert!(!with_files.contains(&held) && !with_files.contains(&open));

        // Two years on: the closed case's personal data is due; the figures before.
        clock.advance(400 * DAY);
        let before = figures(&app, &national).await;
        let mut c = t.db.conn().await.unwrap();
        let (old_key, old_identity): (String, String) =
            sqlx::query_as("SELECT data_key, identity FROM cases WHERE id = $1")
                .bind(shredded.0)
                .fetch_one(&mut *c)
                .await
                .unwrap();
        drop(c);
        assert!(!old_key.is_empty() && !old_identity.is_empty());
        let due = app.retention_preview(&auditor).await.unwrap();
        let due_cases: Vec<CaseId> = due.cases.iter().map(|c| c.id).collect();
        assert!(due_cases.contains(&shredded));
        assert!(!due_cases.contains(&held) && !due_cases.contains(&open));
        assert!(due.cases.iter().all(|c| !c.code.is_empty()));
        assert!(due.sign_ins > 0, "the sign-ins of two years ago");
        assert_eq!(due.audit_entries, 0, "kept three years");

        let done = app.run_retention_now().await.unwrap();
        assert_eq!(done, due, "the run removes exactly what the preview listed");
        let again = app.retention_preview(&admin).await.unwrap();
        assert!(again.cases.is_empty() && again.attachments.is_empty());
        assert_eq!(again.sign_ins, 0);

        // The codes stay: statistics and the exchange file count the same.
        assert_eq!(figures(&app, &national).await, before);
        // The trail verifies with the sign-ins erased; each shredding has its entry.
        let report = app.verify_audit().await.unwrap();
        assert_eq!(report.first_break, None, "{report:?}");
        let mut c = t.db.conn().await.unwrap();
        let shreds: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM audit_log WHERE action = 'case-shredded' AND subject_id = $1",
        )
        .bind(shredded.0)
        .fetch_one(&mut *c)
        .await
        .unwrap();
        assert_eq!(shreds, 1);
        let addresses: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM audit_log WHERE action = 'sign-in' AND address <> ''",
        )
        .fetch_one(&mut *c)
        .await
        .unwrap();
        assert_eq!(addresses, 0, "who signed in from where is erased");

        // Nothing of the person is left, and the key to what was sealed is gone.
        let row: (
            String,
            String,
            String,
            String,
            String,
            Option<String>,
            Option<i64>,
        ) = sqlx::query_as(
            "SELECT data_key, identity, contact, circumstances, screening, person_index, \
                 shredded_at FROM cases WHERE id = $1",
        )
        .bind(shredded.0)
        .fetch_one(&mut *c)
        .await
        .unwrap();
        assert_eq!(
            (
                row.0.as_str(),
                row.1.as_str(),
                row.2.as_str(),
                row.3.as_str(),
                row.4.as_str()
            ),
            ("", "", "", "", "")
        );
        assert_eq!(row.5, None, "no blind index to find the person by");
        assert!(row.6.is_some());
        let files: i64 =
            sqlx::query_scalar("SELECT COUNT(*) FROM case_attachments WHERE case_id = $1")
                .bind(shredded.0)
                .fetch_one(&mut *c)
                .await
                .unwrap();
        assert_eq!(files, 0);
        drop(c);

        // The page says what happened instead of failing; the held case is whole.
        let page = app.case(&police, shredded).await.unwrap();
        assert!(page.personal_data_removed_at.is_some());
        assert!(page.identity.is_none() && page.circumstances.is_none());
        assert!(!page.may_hold);
        // Nobody works on it any more.
        for who in [&police, &auditor] {
            assert!(matches!(
                app.set_hold(who, shredded, "Касни захтев").await,
                Err(AppError::Forbidden)
            ));
        }
        assert!(matches!(
            app.transition_case(&police, shredded, "reopen", page.summary.version, true)
                .await,
            Err(AppError::Forbidden)
        ));
        let kept = app.case(&police, held).await.unwrap();
        assert_eq!(kept.identity.unwrap().given_name, "Бранка");
        assert!(app
            .cases(&police, &Default::default())
            .await
            .unwrap()
            .items
            .iter()
            .any(|s| s.id == shredded && s.name.is_none()));

        // Even with the deployment's keys, the old sealed identity does not open: its data key
        // is gone with the case's wrapped key, and no other case's key opens it.
        let mut c = t.db.conn().await.unwrap();
        sqlx::query("UPDATE cases SET identity = $1, shredded_at = NULL WHERE id = $2")
            .bind(&old_identity)
            .bind(shredded.0)
            .execute(&mut *c)
            .await
            .unwrap();
        assert!(matches!(
            app.case(&police, shredded).await,
            Err(AppError::Forbidden)
        ));
        sqlx::query(
            "UPDATE cases SET data_key = (SELECT data_key FROM cases WHERE id = $1) WHERE id = $2",
        )
        .bind(held.0)
        .bind(shredded.0)
        .execute(&mut *c)
        .await
        .unwrap();
        drop(c);
        assert!(matches!(
            app.case(&police, shredded).await,
            Err(AppError::Unopenable(_))
        ));

        // Lifting the hold makes the case due at the next run.
        assert!(matches!(
            app.lift_hold(&social, held).await,
            Err(AppError::NotFound | AppError::Forbidden)
        ));
        assert!(app.lift_hold(&auditor, held).await.unwrap());
        assert!(
            !app.lift_hold(&auditor, held).await.unwrap(),
            "nothing to lift"
        );
        let due = app.retention_preview(&admin).await.unwrap();
        assert!(due.cases.iter().any(|c| c.id == held));
        t.finish().await;
    }
}

#[tokio::test]
async fn old_audit_entries_go_as_counts_and_the_chain_still_verifies_from_a_sealed_anchor() {
    for t in TestDb::every_engine().await {
        let (app, clock) = spona_testkit::demo_app(&t).await;
        let app = app.with_retention(policy());
        let police = signed(&app, "le-police").await;
        let admin = signed(&app, "admin").await;
        closed_case(&app, &police, "Ана").await;
        let checkpoint = app.audit_checkpoint().await.unwrap();
        let mut c = t.db.conn().await.unwrap();
        let old: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM audit_log")
            .fetch_one(&mut *c)
            .await
            .unwrap();
        drop(c);

        clock.advance(3 * 366 * DAY);
        let due = app.retention_preview(&admin).await.unwrap();
        assert_eq!(
            due.audit_entries, old,
            "every entry is older than three years"
        );
        let done = app.run_retention_now().await.unwrap();
        assert_eq!(done, due);

        let report = app.verify_audit_against(&[checkpoint]).await.unwrap();
        assert_eq!(report.first_break, None, "{report:?}");
        let mut c = t.db.conn().await.unwrap();
        let counted: i64 =
            sqlx::query_scalar("SELECT CAST(SUM(entries) AS BIGINT) FROM audit_aggregates")
                .fetch_one(&mut *c)
                .await
                .unwrap();
        assert_eq!(counted, old, "every removed entry is counted");
        let sign_ins: i64 = sqlx::query_scalar(
            "SELECT CAST(SUM(entries) AS BIGINT) FROM audit_aggregates WHERE action = 'sign-in'",
        )
        .fetch_one(&mut *c)
        .await
        .unwrap();
        assert!(sign_ins >= 2);
        let left: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM audit_log")
            .fetch_one(&mut *c)
            .await
            .unwrap();
        assert!(left >= 1 && left < old);

        // Someone without the key cuts the next entry too and moves the start onto it: the
        // chain links, but the anchor's seal is not the deployment's.
        let (seq, hash): (i64, String) =
            sqlx::query_as("SELECT seq, hash FROM audit_log ORDER BY seq LIMIT 1")
                .fetch_one(&mut *c)
                .await
                .unwrap();
        sqlx::query("DELETE FROM audit_log WHERE seq = $1")
            .bind(seq)
            .execute(&mut *c)
            .await
            .unwrap();
        sqlx::query("UPDATE audit_anchor SET until_seq = $1, last_hash = $2")
            .bind(seq)
            .bind(&hash)
            .execute(&mut *c)
            .await
            .unwrap();
        drop(c);
        let report = app.verify_audit().await.unwrap();
        assert_eq!(report.first_break, Some(Break::UnsealedAnchor { seq }));
        t.finish().await;
    }
}

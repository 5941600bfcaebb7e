//! Escalation of overdue referrals under a fenced lease, with two instances on one database:
//! each referral is escalated once, to each recipient once, however the lease passes between
//! them; and an instance that lost the lease escalates nothing.

use spona_app::{App, AuthSettings, Keyring, ManualClock, MasterKey};
use spona_domain::cases::ReportForm;
use spona_store::leases;
use spona_store::{alerts, Db};
use spona_testkit::TestDb;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

const JOB: &str = "escalate-overdue-referrals";
/// The lease the job gets in these tests.
const LEASE: i64 = 10;

fn child(n: usize) -> ReportForm {
    ReportForm {
        reporter_kind: "team-official".into(),
        detected_on: "2026-11-27".into(),
        given_name: format!("Дете {n}"),
        estimated_age: "14".into(),
        may_be_child: Some("on".into()),
        ..Default::default()
    }
}

/// A second instance of the deployment: the same database and clock, its own keys.
fn another_instance(t: &TestDb, clock: &Arc<ManualClock>) -> App {
    App::new(
        t.db.clone(),
        clock.clone(),
        AuthSettings::default(),
        Keyring::new(&MasterKey::generate()),
    )
}

async fn count(db: &Db, sql: &str) -> i64 {
    let mut c = db.conn().await.unwrap();
    sqlx::query_scalar(sql).fetch_one(&mut *c).await.unwrap()
}

#[tokio::test]
async fn two_instances_escalate_each_referral_once_while_the_lease_passes_between_them() {
    for t in TestDb::every_engine().await {
        let (a, clock) = spona_testkit::demo_app(&t).await;
        let b = another_instance(&t, &clock);
        // Whatever the demo has overdue is escalated first, by one instance.
        clock.advance(5 * 3600);
        a.run_escalation("a", LEASE).await.unwrap();
        let before = count(
            &t.db,
            "SELECT COUNT(*) FROM referrals WHERE escalated_at IS NOT NULL",
        )
        .await;
        let first_new = count(&t.db, "SELECT COALESCE(MAX(id), 0) FROM cases").await;

        let police = spona_testkit::actor(&a, "le-police").await;
        for n in 0..8 {
            a.report_case(&police, &child(n)).await.unwrap();
        }
        clock.advance(5 * 3600);

        // Both run the job over and over while time runs past the lease again and again, so
        // that the lease passes between them in the middle of their runs.
        let done = Arc::new(AtomicBool::new(false));
        let ticker = tokio::spawn({
            let (clock, done) = (clock.clone(), done.clone());
            async move {
                while !done.load(Ordering::SeqCst) {
                    clock.advance(LEASE + 1);
                    tokio::time::sleep(Duration::from_millis(5)).await;
                }
            }
        });
        let keep_escalating = |app: App, holder: &'static str, db: Db| async move {
            let give_up = Instant::now() + Duration::from_secs(10);
            let mut escalated = 0;
            let pending = format!(
                "SELECT COUNT(*) FROM referrals WHERE case_id > {first_new} AND escalated_at IS NULL"
            );
            while count(&db, &pending).await > 0 && Instant::now() < give_up {
                escalated += app
                    .run_escalation(holder, LEASE)
                    .await
                    .unwrap()
                    .unwrap_or(0);
                tokio::task::yield_now().await;
            }
            escalated
        };
        let (by_a, by_b) = tokio::join!(
            keep_escalating(a.clone(), "a", t.db.clone()),
            keep_escalating(b, "b", t.db.clone())
        );
        done.store(true, Ordering::SeqCst);
        ticker.await.unwrap();

        let after = count(
            &t.db,
            "SELECT COUNT(*) FROM referrals WHERE escalated_at IS NOT NULL",
        )
        .await;
        assert!(after - before >= 8, "the new referrals were escalated");
        assert_eq!((by_a + by_b) as i64, after - before, "a {by_a}, b {by_b}");

        // Each new case's overdue referral told each of its recipients exactly once.
        let mut c = t.db.conn().await.unwrap();
        let told: Vec<(i64, i64)> = sqlx::query_as(
            "SELECT case_id, COUNT(*) FROM notifications WHERE kind = 'referral-overdue' \
             AND case_id > $1 GROUP BY case_id, institution_id, user_id ORDER BY case_id",
        )
        .bind(first_new)
        .fetch_all(&mut *c)
        .await
        .unwrap();
        let cases: Vec<i64> = sqlx::query_scalar("SELECT id FROM cases WHERE id > $1 ORDER BY id")
            .bind(first_new)
            .fetch_all(&mut *c)
            .await
            .unwrap();
        drop(c);
        assert_eq!(cases.len(), 8);
        assert!(told.iter().all(|(_, n)| *n == 1), "told twice: {told:?}");
        let per_case = |id: i64| told.iter().filter(|(case, _)| *case == id).count();
        let recipients = per_case(cases[0]);
        assert!(recipients > 0);
        for id in cases {
            assert_eq!(per_case(id), recipients, "case {id}");
        }
        t.finish().await;
    }
}

#[tokio::test]
async fn an_instance_that_lost_the_lease_escalates_nothing() {
    for t in TestDb::every_engine().await {
        let (app, clock) = spona_testkit::demo_app(&t).await;
        let police = spona_testkit::actor(&app, "le-police").await;
        app.report_case(&police, &child(0)).await.unwrap();
        clock.advance(5 * 3600);
        let now = spona_testkit::START + 5 * 3600;
        let escalated = "SELECT COUNT(*) FROM referrals WHERE escalated_at IS NOT NULL";
        let before = count(&t.db, escalated).await;
        let mut c = t.db.conn().await.unwrap();
        let overdue = alerts::overdue(&mut c, now, 500).await.unwrap();
        let a = leases::take(&mut c, JOB, "a", now, now + LEASE)
            .await
            .unwrap()
            .unwrap();
        // a stalls past its lease; b takes it over.
        let later = now + LEASE + 1;
        clock.advance(LEASE + 1);
        let b = leases::take(&mut c, JOB, "b", later, later + 60)
            .await
            .unwrap()
            .unwrap();
        assert!(b.fence > a.fence);
        drop(c);

        // a wakes up and goes on where it was: its writes are refused by the fence.
        let mut tx = t.db.begin().await.unwrap();
        assert!(!leases::hold(&mut tx, &a, later, later + LEASE)
            .await
            .unwrap());
        for r in &overdue {
            assert!(!alerts::mark_escalated(&mut tx, &a, r.id, later)
                .await
                .unwrap());
        }
        tx.commit().await.unwrap();
        assert_eq!(
            count(&t.db, escalated).await,
            before,
            "nothing escalated by a"
        );
        assert_eq!(app.run_escalation("a", LEASE).await.unwrap(), None);

        // b, which holds the lease, escalates each of them once.
        assert_eq!(
            app.run_escalation("b", 60).await.unwrap(),
            Some(overdue.len())
        );
        assert!(!overdue.is_empty());
        t.finish().await;
    }
}

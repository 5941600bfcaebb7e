//! A data folder written by the release before case work was reworked: referral purposes in
//! plain text (the child protocol's as the code `child-protocol`), and closed cases whose
//! outcome lived only in the audit trail. Migration 0032 and the start-up step bring it
//! forward on both engines: the outcome and the closing time are taken from the trail, the
//! protocol's code is dropped, and each plain purpose is sealed once and still opens, for
//! those it is shared with only.

use spona_app::{App, AuthSettings, Keyring, ManualClock, MasterKey};
use spona_domain::access::Actor;
use spona_domain::cases::CaseId;
use spona_store::Db;
use spona_testkit::{TestDb, START};
use std::sync::Arc;

const DEMO_PURPOSE: &str = "Смештај и психосоцијална подршка (демо)";

fn app_on(db: Db, key: &MasterKey) -> App {
    App::new(
        db,
        Arc::new(ManualClock::at(START)),
        AuthSettings::default(),
        Keyring::new(key),
    )
}

async fn who(app: &App, username: &str) -> Actor {
    spona_testkit::actor(app, username).await
}

/// Runs statements on a connection of its own.
async fn run(db: &Db, statements: &[&str]) {
    let mut c = db.conn().await.unwrap();
    for s in statements {
        sqlx::query(s).execute(&mut *c).await.unwrap();
    }
}

#[tokio::test]
async fn a_data_folder_of_the_earlier_release_is_brought_forward() {
    for t in TestDb::every_engine().await {
        let key = MasterKey::generate();
        let before = app_on(t.db.clone(), &key);
        before.seed_demo().await.unwrap();
        before.seed_demo_cases().await.unwrap();
        drop(before);
        // The schema and rows as the earlier release left them.
        run(
            &t.db,
            &[
                "UPDATE referrals SET purpose = 'child-protocol' WHERE protocol <> 0",
                "UPDATE referrals SET purpose = 'Смештај и психосоцијална подршка (демо)' \
                 WHERE protocol = 0",
                "ALTER TABLE referrals DROP COLUMN sealed_purpose",
                "ALTER TABLE cases DROP COLUMN outcome",
                "ALTER TABLE cases DROP COLUMN closed_at",
                "DELETE FROM _sqlx_migrations WHERE version = 32",
            ],
        )
        .await;
        t.db.close().await;

        // The new release starts: migrations, then the start-up step.
        let db = Db::connect(&t.url).await.unwrap();
        db.migrate().await.unwrap();
        let mut c = db.conn().await.unwrap();
        let protocol: Vec<(String, String)> =
            sqlx::query_as("SELECT purpose, sealed_purpose FROM referrals WHERE protocol <> 0")
                .fetch_all(&mut *c)
                .await
                .unwrap();
        assert!(!protocol.is_empty());
        assert!(protocol.iter().all(|(p, s)| p.is_empty() && s.is_empty()));
        let cases: Vec<(i64, String, String, Option<i64>)> =
            sqlx::query_as("SELECT id, state, outcome, closed_at FROM cases ORDER BY id")
                .fetch_all(&mut *c)
                .await
                .unwrap();
        let closed_at: i64 =
            sqlx::query_scalar("SELECT MAX(at) FROM audit_log WHERE action = 'case-close'")
                .fetch_one(&mut *c)
                .await
                .unwrap();
        drop(c);
        let of = |state: &str| {
            cases
                .iter()
                .find(|(_, s, ..)| s == state)
                .unwrap_or_else(|| panic!("a demo case {state}"))
                .clone()
        };
        let closed = of("closed");
        assert_eq!(closed.2, "not-a-victim", "from the trail");
        assert_eq!(closed.3, Some(closed_at));
        assert_eq!(of("assistance").2, "identified");
        assert_eq!(of("referred").2, "", "no outcome yet");
        assert_eq!(of("referred").3, None);

        let app = app_on(db.clone(), &key);
        // The demo's two referrals with a written purpose: to the CSW and to the Centre.
        assert_eq!(app.seal_plain_purposes().await.unwrap(), 2);
        assert_eq!(app.seal_plain_purposes().await.unwrap(), 0, "once only");
        let mut c = db.conn().await.unwrap();
        let (referred_case, plain, sealed): (i64, String, String) = sqlx::query_as(
            "SELECT case_id, purpose, sealed_purpose FROM referrals WHERE protocol = 0 ORDER BY id",
        )
        .fetch_all(&mut *c)
        .await
        .unwrap()
        .into_iter()
        .next()
        .unwrap();
        drop(c);
        assert_eq!(plain, "");
        assert!(!sealed.is_empty() && !sealed.contains("Смештај"));

        let police = who(&app, "le-police").await;
        let view = app.case(&police, CaseId(referred_case)).await.unwrap();
        assert_eq!(view.referrals[0].purpose.as_deref(), Some(DEMO_PURPOSE));
        let social = who(&app, "le-social").await;
        let inbox = app.inbox(&social).await.unwrap();
        assert!(inbox
            .iter()
            .any(|r| r.purpose.as_deref() == Some(DEMO_PURPOSE)));
        let coordinator = who(&app, "le-coordinator").await;
        let view = app.case(&coordinator, CaseId(referred_case)).await.unwrap();
        assert!(view.referrals.iter().all(|r| r.purpose.is_none()));
        // The closed case says how it ended.
        let view = app.case(&police, CaseId(closed.0)).await.unwrap();
        assert_eq!(view.summary.closed_at, Some(closed_at));
        assert_eq!(view.summary.outcome.map(|o| o.code()), Some("not-a-victim"));
        db.close().await;
        t.finish().await;
    }
}

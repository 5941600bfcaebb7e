//! The audit chain detects an altered, deleted or inserted entry, on both engines.

use spona_app::audit::{AuditEvent, Author, Break};
use spona_app::{App, AuthSettings, Keyring, ManualClock, MasterKey};
use spona_testkit::{TestDb, START};
use std::sync::Arc;

async fn app_with_entries(t: &TestDb, n: i64) -> App {
    let app = App::new(
        t.db.clone(),
        Arc::new(ManualClock::at(START)),
        AuthSettings::default(),
    )
    .with_keys(Keyring::new(&MasterKey::generate()));
    for i in 0..n {
        let mut tx = t.db.begin().await.unwrap();
        app.audit(
            &mut tx,
            Author {
                actor: None,
                label: "console",
                address: "127.0.0.1",
            },
            AuditEvent {
                team: None,
                action: "test",
                subject: "thing",
                subject_id: Some(i),
                reason: "",
            },
        )
        .await
        .unwrap();
        tx.commit().await.unwrap();
    }
    app
}

async fn sql(t: &TestDb, statement: &str) {
    use sqlx::Connection;
    let url = match &t.url {
        spona_store::DatabaseUrl::Sqlite(p) => format!("sqlite://{}", p.display()),
        spona_store::DatabaseUrl::Postgres(u) => u.clone(),
    };
    sqlx::any::install_default_drivers();
    let mut c = sqlx::AnyConnection::connect(&url).await.unwrap();
    sqlx::query(statement).execute(&mut c).await.unwrap();
    c.close().await.unwrap();
}

#[tokio::test]
async fn an_untouched_chain_verifies() {
    for t in TestDb::every_engine().await {
        let app = app_with_entries(&t, 5).await;
        let report = app.verify_audit().await.unwrap();
        assert_eq!((report.entries, report.first_break), (5, None));
        t.finish().await;
    }
}

#[tokio::test]
async fn an_altered_entry_is_found() {
    for t in TestDb::every_engine().await {
        let app = app_with_entries(&t, 5).await;
        sql(
            &t,
            "UPDATE audit_log SET actor_label = 'someone else' WHERE seq = 3",
        )
        .await;
        let report = app.verify_audit().await.unwrap();
        assert_eq!(report.first_break, Some(Break::Altered { seq: 3 }));
        t.finish().await;
    }
}

#[tokio::test]
async fn a_deleted_entry_is_found_in_the_middle_and_at_the_end() {
    for t in TestDb::every_engine().await {
        let app = app_with_entries(&t, 5).await;
        sql(&t, "DELETE FROM audit_log WHERE seq = 5").await;
        let report = app.verify_audit().await.unwrap();
        assert_eq!(
            report.first_break,
            Some(Break::Truncated {
                last_seq: 4,
                head_seq: 5
            })
        );
        sql(&t, "DELETE FROM audit_log WHERE seq = 2").await;
        let report = app.verify_audit().await.unwrap();
        assert_eq!(report.first_break, Some(Break::Missing { seq: 2 }));
        t.finish().await;
    }
}

#[tokio::test]
async fn an_inserted_entry_is_found() {
    for t in TestDb::every_engine().await {
        let app = app_with_entries(&t, 3).await;
        // Make room and slip an entry in, copying a neighbour's hashes.
        sql(&t, "UPDATE audit_log SET seq = seq + 10 WHERE seq >= 2").await;
        sql(&t, "UPDATE audit_log SET seq = seq - 9 WHERE seq >= 12").await;
        sql(
            &t,
            "INSERT INTO audit_log (seq, at, actor_label, action, subject, prev_hash, hash) \
             SELECT 2, at, 'intruder', 'test', 'thing', prev_hash, hash FROM audit_log WHERE seq = 3",
        )
        .await;
        let report = app.verify_audit().await.unwrap();
        assert_eq!(report.first_break, Some(Break::Altered { seq: 2 }));
        t.finish().await;
    }
}

#[tokio::test]
async fn another_key_cannot_extend_the_chain() {
    let t = TestDb::sqlite().await;
    app_with_entries(&t, 2).await;
    // A second app with a different key appends: the chain no longer verifies under the first.
    let intruder = app_with_entries(&t, 1).await;
    let report = intruder.verify_audit().await.unwrap();
    assert_eq!(report.first_break, Some(Break::Altered { seq: 1 }));
    t.finish().await;
}

//! The audit chain detects an altered, deleted or inserted entry, on both engines.

use spona_app::accounts::operator;
use spona_app::audit::Break;
use spona_app::forms::UserForm;
use spona_app::{App, AuthSettings, Keyring, ManualClock, MasterKey};
use spona_testkit::{TestDb, START};
use std::sync::Arc;

async fn app_with_entries(t: &TestDb, n: i64) -> App {
    let app = App::new(
        t.db.clone(),
        Arc::new(ManualClock::at(START)),
        AuthSettings::default(),
        Keyring::new(&MasterKey::generate()),
    );
    let operator = operator();
    for i in 0..n {
        let form = UserForm {
            username: format!("user{i}"),
            display_name: format!("Корисник {i}"),
            role: "national".into(),
            ..Default::default()
        };
        app.create_user(&operator, &form, None).await.unwrap();
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
async fn another_key_cannot_verify_or_extend_the_chain() {
    let t = TestDb::sqlite().await;
    app_with_entries(&t, 2).await;
    let intruder = App::new(
        t.db.clone(),
        Arc::new(ManualClock::at(START)),
        AuthSettings::default(),
        Keyring::new(&MasterKey::generate()),
    );
    let report = intruder.verify_audit().await.unwrap();
    assert_eq!(report.first_break, Some(Break::Altered { seq: 1 }));
    t.finish().await;
}

#[tokio::test]
async fn sign_ins_account_changes_and_registry_changes_are_in_the_trail() {
    let t = TestDb::sqlite().await;
    let app = app_with_entries(&t, 1).await;
    app.seed_demo().await.unwrap();
    let session = app
        .sign_in("le-coordinator", spona_app::demo::DEMO_PASSWORD, "10.1.2.3")
        .await
        .unwrap();
    assert!(app
        .sign_in("le-coordinator", "wrong password", "10.1.2.3")
        .await
        .is_err());
    assert!(app
        .sign_in("nobody", "wrong password", "10.1.2.3")
        .await
        .is_err());
    let signed = app.session(&session.token, "10.1.2.3").await.unwrap();
    let form = spona_app::forms::FoundingForm {
        number: "061-25/13 II".into(),
        date: "2013-11-30".into(),
        body: "Градско веће".into(),
        version: None,
    };
    app.update_founding(&signed.actor, "leskovac", &form)
        .await
        .unwrap();
    let mut c = t.db.conn().await.unwrap();
    let entries = spona_store::audit::after(&mut c, 0, 100).await.unwrap();
    let actions: Vec<&str> = entries
        .iter()
        .map(|e| e.action.as_str())
        // The demo's seeding (catalogues, trainings) is audited too; this test is about the rest.
        .filter(|a| *a != "catalogue-imported" && !a.starts_with("training-"))
        .collect();
    assert_eq!(
        actions,
        [
            "account-created",
            "sign-in",
            "sign-in-failed",
            "founding-edited"
        ]
    );
    let founding = entries.last().unwrap();
    assert_eq!(founding.actor_id, Some(signed.user.id.0));
    assert_eq!(founding.address, "10.1.2.3");
    assert!(
        entries.iter().all(|e| !e.actor_label.contains("nobody")),
        "unknown names are not kept"
    );
    drop(c);
    assert_eq!(app.verify_audit().await.unwrap().first_break, None);
    t.finish().await;
}

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
        .unwrap()
        .session()
        .expect("the coordinator needs no second factor");
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

/// What an intruder with the database does to hide the last entries: deletes them and moves
/// the head back to the entry before, so that the chain ends where its head says.
async fn cut_to(t: &TestDb, keep: i64) {
    sql(t, &format!("DELETE FROM audit_log WHERE seq > {keep}")).await;
    sql(
        t,
        &format!(
            "UPDATE audit_head SET last_seq = {keep}, \
             last_hash = (SELECT hash FROM audit_log WHERE seq = {keep}) WHERE id = 1"
        ),
    )
    .await;
}

#[tokio::test]
async fn a_cut_trail_with_its_head_moved_back_verifies_alone_but_not_against_a_checkpoint() {
    for t in TestDb::every_engine().await {
        let app = app_with_entries(&t, 6).await;
        let checkpoint = app.audit_checkpoint().await.unwrap();
        assert_eq!(checkpoint.seq, 6);
        assert_eq!(
            app.verify_audit_against(std::slice::from_ref(&checkpoint))
                .await
                .unwrap()
                .first_break,
            None,
            "a trail that agrees with its checkpoint"
        );
        cut_to(&t, 4).await;
        // The database alone cannot tell: its head moved with the entries.
        assert_eq!(app.verify_audit().await.unwrap().first_break, None);
        let report = app
            .verify_audit_against(std::slice::from_ref(&checkpoint))
            .await
            .unwrap();
        assert_eq!(
            report.first_break,
            Some(Break::BehindCheckpoint {
                checkpoint_seq: 6,
                checkpoint_at: checkpoint.at,
                last_seq: 4
            })
        );
        assert!(report.first_break.unwrap().to_string().contains("entry 6"));
        t.finish().await;
    }
}

#[tokio::test]
async fn a_trail_rolled_back_and_written_anew_differs_from_its_checkpoint() {
    for t in TestDb::every_engine().await {
        let app = app_with_entries(&t, 6).await;
        let checkpoint = app.audit_checkpoint().await.unwrap();
        cut_to(&t, 3).await;
        // New work after the rollback reaches past the checkpoint's entry again.
        let operator = operator();
        for i in 0..4 {
            let form = UserForm {
                username: format!("later{i}"),
                display_name: format!("Касније {i}"),
                role: "national".into(),
                ..Default::default()
            };
            app.create_user(&operator, &form, None).await.unwrap();
        }
        assert_eq!(app.verify_audit().await.unwrap().first_break, None);
        assert_eq!(
            app.verify_audit_against(std::slice::from_ref(&checkpoint))
                .await
                .unwrap()
                .first_break,
            Some(Break::DiffersFromCheckpoint {
                seq: 6,
                checkpoint_at: checkpoint.at
            })
        );
        t.finish().await;
    }
}

#[tokio::test]
async fn an_emptied_trail_is_found_even_without_a_checkpoint() {
    for t in TestDb::every_engine().await {
        let app = app_with_entries(&t, 3).await;
        sql(&t, "DELETE FROM audit_log").await;
        sql(
            &t,
            "UPDATE audit_head SET last_seq = 0, last_hash = '' WHERE id = 1",
        )
        .await;
        let report = app.verify_audit().await.unwrap();
        assert_eq!(report.first_break, Some(Break::Emptied));
        t.finish().await;
    }
}

#[tokio::test]
async fn a_checkpoint_sealed_by_another_key_is_refused() {
    for t in TestDb::every_engine().await {
        let app = app_with_entries(&t, 2).await;
        let other = App::new(
            t.db.clone(),
            Arc::new(ManualClock::at(START)),
            AuthSettings::default(),
            Keyring::new(&MasterKey::generate()),
        );
        let forged = other.audit_checkpoint().await.unwrap();
        assert_eq!(
            app.verify_audit_against(std::slice::from_ref(&forged))
                .await
                .unwrap()
                .first_break,
            Some(Break::UnsealedCheckpoint {
                seq: 2,
                checkpoint_at: forged.at
            })
        );
        t.finish().await;
    }
}

#[tokio::test]
async fn a_checkpoint_from_before_a_key_rotation_still_holds() {
    for t in TestDb::every_engine().await {
        let key = MasterKey::generate();
        spona_app::custody::record_key(&t.db, &key, START)
            .await
            .unwrap();
        let app = App::new(
            t.db.clone(),
            Arc::new(ManualClock::at(START)),
            AuthSettings::default(),
            Keyring::new(&key),
        );
        app.create_user(
            &operator(),
            &UserForm {
                username: "before".into(),
                display_name: "Пре".into(),
                role: "national".into(),
                ..Default::default()
            },
            None,
        )
        .await
        .unwrap();
        let before = app.audit_checkpoint().await.unwrap();
        let next = MasterKey::generate();
        app.begin_rotation(&next).await.unwrap();
        app.sweep_rotation(&next, spona_app::keys::SweepControl::default(), &|_, _| {})
            .await
            .unwrap();
        app.switch_keys(&next).await.unwrap();
        let after = app.audit_checkpoint().await.unwrap();
        let report = app.verify_audit_against(&[before, after]).await.unwrap();
        assert_eq!(report.first_break, None, "{:?}", t.db.backend());
        assert_eq!(report.checkpoints, 2);
        t.finish().await;
    }
}

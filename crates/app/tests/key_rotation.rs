//! Master key rotation, on both engines: afterwards every case opens with the new key only,
//! possible duplicates are still found and the audit trail verifies across its epochs; an
//! interrupted sweep continues; while it runs, an instance holding only the old key reads and
//! writes as before (its new cases and edits are swept too); once the database switched, an
//! instance that can find the new key takes it up, one that cannot answers "unavailable",
//! and nothing sealed under the old key is written after the switch.

use spona_app::audit::Break;
use spona_app::custody;
use spona_app::demo::DEMO_PASSWORD;
use spona_app::keys::{KeyHealth, KeySource, SweepControl, SweepOutcome, Switched};
use spona_app::{App, AppError, AuthSettings, Keyring, ManualClock, MasterKey};
use spona_domain::access::Actor;
use spona_domain::cases::{CaseId, ReportForm};
use spona_testkit::{actor, TestDb, START};
use std::sync::Arc;

/// A deployment under `key` (its check value recorded, as the binary does) with the demo.
async fn deployment(t: &TestDb, key: &MasterKey) -> App {
    custody::record_key(&t.db, key, START).await.unwrap();
    let app = instance(t, key);
    app.seed_demo().await.unwrap();
    app.seed_demo_cases().await.unwrap();
    app
}

/// Another instance on the same database, holding only `key`.
fn instance(t: &TestDb, key: &MasterKey) -> App {
    App::new(
        t.db.clone(),
        Arc::new(ManualClock::at(START)),
        AuthSettings::default(),
        Keyring::new(key),
    )
}

/// Keys an instance can find (as a server finds its key files).
struct AtHand(Vec<MasterKey>);

impl KeySource for AtHand {
    fn keys_at_hand(&self) -> Vec<MasterKey> {
        self.0.clone()
    }
}

fn person(given: &str, family: &str, birth: &str) -> ReportForm {
    ReportForm {
        reporter_kind: "team-official".into(),
        detected_on: "2026-11-27".into(),
        given_name: given.into(),
        family_name: family.into(),
        sex: "female".into(),
        birth_date: birth.into(),
        narrative: format!("Измишљени опис: {given}."),
        ..Default::default()
    }
}

async fn case_ids(t: &TestDb) -> Vec<CaseId> {
    let mut c = t.db.conn().await.unwrap();
    let ids: Vec<i64> = sqlx::query_scalar("SELECT id FROM cases ORDER BY id")
        .fetch_all(&mut *c)
        .await
        .unwrap();
    ids.into_iter().map(CaseId).collect()
}

/// The case workers of the two institutions that own the demo cases (signed in once: a
/// sign-in is an audited write, which an instance without the database's key cannot make).
async fn readers(app: &App) -> Vec<Actor> {
    vec![actor(app, "le-police").await, actor(app, "le-social").await]
}

/// Everything sealed of a case that its owning institution sees, as text.
async fn opened(app: &App, readers: &[Actor], id: CaseId) -> Result<String, AppError> {
    for reader in readers {
        match app.case(reader, id).await {
            Ok(v) if v.identity.is_some() => {
                return Ok(format!(
                    "{:?}{:?}{:?}{:?}{:?}{:?}",
                    v.identity, v.contact, v.circumstances, v.screening, v.notes, v.consents
                ))
            }
            Ok(_) => {}
            // Another institution's case is "not found" for this reader; anything else tells.
            Err(AppError::NotFound) => {}
            Err(e) => return Err(e),
        }
    }
    Err(AppError::NotFound)
}

async fn everything_opened(app: &App, readers: &[Actor], ids: &[CaseId]) -> Vec<String> {
    let mut all = Vec::new();
    for id in ids {
        all.push(opened(app, readers, *id).await.unwrap());
    }
    all
}

/// Begins, sweeps and switches in one go.
async fn rotate(app: &App, next: &MasterKey) -> i64 {
    app.begin_rotation(next).await.unwrap();
    let swept = app
        .sweep_rotation(next, SweepControl::default(), &|_, _| {})
        .await
        .unwrap();
    assert!(matches!(swept, SweepOutcome::Done { cases, swept } if cases == swept));
    match app.switch_keys(next).await.unwrap() {
        Switched::Done { cases, .. } => cases,
        lacking => panic!("{lacking:?}"),
    }
}

async fn sql(t: &TestDb, statement: &str) {
    let mut c = t.db.conn().await.unwrap();
    sqlx::query(statement).execute(&mut *c).await.unwrap();
}

#[tokio::test]
async fn after_a_rotation_every_case_opens_with_the_new_key_only_and_duplicates_are_found() {
    for t in TestDb::every_engine().await {
        let old = MasterKey::generate();
        let app = deployment(&t, &old).await;
        let who = readers(&app).await;
        app.report_case(&who[1], &person("Јована", "Вукомановић", "1990-04-02"))
            .await
            .unwrap();
        app.report_case(&who[0], &person("Марко", "Петровић", "1988-01-15"))
            .await
            .unwrap();
        let ids = case_ids(&t).await;
        assert!(ids.len() >= 6, "the demo and two more: {ids:?}");
        let before = everything_opened(&app, &who, &ids).await;

        let new = MasterKey::generate();
        assert_eq!(rotate(&app, &new).await, ids.len() as i64);

        assert!(custody::key_fits(&t.db, &new).await.unwrap());
        assert!(
            !custody::key_fits(&t.db, &old).await.unwrap(),
            "the old key is refused"
        );
        let fresh = instance(&t, &new);
        assert_eq!(everything_opened(&fresh, &who, &ids).await, before);
        // The authenticator secrets were wrapped anew: a case worker's code still passes.
        let police = spona_testkit::signed_session(&fresh, "le-police", DEMO_PASSWORD).await;
        assert_eq!(police.user.username, "le-police");
        // An instance with the old key alone opens nothing once it has looked.
        let stale = instance(&t, &old);
        assert_eq!(stale.check_keys().await.unwrap(), KeyHealth::Stale);
        for id in &ids {
            assert!(matches!(
                opened(&stale, &who, *id).await,
                Err(AppError::KeysUnavailable)
            ));
        }
        // Nothing in the database still needs the next columns or the rotation record.
        let mut c = t.db.conn().await.unwrap();
        let leftovers: i64 = sqlx::query_scalar(
            "SELECT (SELECT COUNT(*) FROM cases WHERE data_key_next IS NOT NULL \
             OR person_index_next IS NOT NULL) + (SELECT COUNT(*) FROM key_rotation)",
        )
        .fetch_one(&mut *c)
        .await
        .unwrap();
        assert_eq!(leftovers, 0);
        drop(c);

        // The same person, reported again in another script, is found under the new key.
        let again = fresh
            .report_case(&who[0], &person("JOVANA", "Vukomanovic", "1990-04-02"))
            .await
            .unwrap();
        assert_eq!(
            spona_testkit::pairs_raised_for(&t.db, again.case_id).await,
            1
        );
        let other = fresh
            .report_case(&who[0], &person("Ана", "Анић", "2001-02-03"))
            .await
            .unwrap();
        assert_eq!(
            spona_testkit::pairs_raised_for(&t.db, other.case_id).await,
            0,
            "a new person is no duplicate"
        );

        let report = fresh.verify_audit().await.unwrap();
        assert_eq!(report.first_break, None);
        t.finish().await;
    }
}

#[tokio::test]
async fn the_audit_trail_verifies_across_epochs_and_still_catches_changes_in_each() {
    for t in TestDb::every_engine().await {
        let first = MasterKey::generate();
        let app = deployment(&t, &first).await;
        let second = MasterKey::generate();
        rotate(&app, &second).await;
        let police = actor(&app, "le-police").await;
        app.report_case(&police, &person("Вера", "Верић", "1999-09-09"))
            .await
            .unwrap();
        // A second rotation seals the first epoch's chain key anew under the third key.
        let third = MasterKey::generate();
        rotate(&app, &third).await;
        let verifier = instance(&t, &third);
        let report = verifier.verify_audit().await.unwrap();
        assert_eq!(report.first_break, None);
        let mut c = t.db.conn().await.unwrap();
        let epochs: Vec<i64> =
            sqlx::query_scalar("SELECT until_seq FROM audit_epochs ORDER BY until_seq")
                .fetch_all(&mut *c)
                .await
                .unwrap();
        let rotated: Vec<i64> = sqlx::query_scalar(
            "SELECT seq FROM audit_log WHERE action = 'keys-rotated' ORDER BY seq",
        )
        .fetch_all(&mut *c)
        .await
        .unwrap();
        drop(c);
        assert_eq!(epochs.len(), 2);
        assert_eq!(
            rotated,
            vec![epochs[0] + 1, epochs[1] + 1],
            "each new epoch opens with its 'keys rotated' entry"
        );
        assert_eq!(report.entries, rotated[1]);
        // An entry of each epoch, altered, is named.
        for seq in [2, epochs[0] + 2, rotated[1]] {
            sql(
                &t,
                &format!("UPDATE audit_log SET reason = 'x' WHERE seq = {seq}"),
            )
            .await;
            let report = verifier.verify_audit().await.unwrap();
            assert_eq!(report.first_break, Some(Break::Altered { seq }));
            sql(
                &t,
                &format!("UPDATE audit_log SET reason = '' WHERE seq = {seq}"),
            )
            .await;
        }
        assert_eq!(verifier.verify_audit().await.unwrap().first_break, None);
        // Without the sealed key of the first epoch, its entries cannot be vouched for.
        sql(
            &t,
            &format!("DELETE FROM audit_epochs WHERE until_seq = {}", epochs[0]),
        )
        .await;
        assert_eq!(
            verifier.verify_audit().await.unwrap().first_break,
            Some(Break::Altered { seq: 1 })
        );
        t.finish().await;
    }
}

#[tokio::test]
async fn an_interrupted_sweep_continues_while_an_instance_with_the_old_key_reads_and_writes() {
    for t in TestDb::every_engine().await {
        let old = MasterKey::generate();
        let rotator = deployment(&t, &old).await;
        let who = readers(&rotator).await;
        let (police, social) = (&who[0], &who[1]);
        rotator
            .report_case(social, &person("Јована", "Вукомановић", "1990-04-02"))
            .await
            .unwrap();
        rotator
            .report_case(social, &person("Марко", "Петровић", "1988-01-15"))
            .await
            .unwrap();
        let ids = case_ids(&t).await;
        let total = ids.len() as i64;
        let before = everything_opened(&rotator, &who, &ids).await;
        // A server that was started with the old key and can find no other.
        let server = instance(&t, &old);

        let new = MasterKey::generate();
        rotator.begin_rotation(&new).await.unwrap();
        // Ctrl-C before the first transaction: nothing swept.
        let interrupted = std::sync::atomic::AtomicBool::new(true);
        let ctrl_c = SweepControl {
            stop: Some(&interrupted),
            ..SweepControl::default()
        };
        assert_eq!(
            rotator
                .sweep_rotation(&new, ctrl_c, &|_, _| {})
                .await
                .unwrap(),
            SweepOutcome::Stopped {
                cases: total,
                swept: 0
            }
        );
        let halfway = total - 1;
        let stop = SweepControl {
            batch: 2,
            stop_after: Some(halfway),
            stop: None,
        };
        let seen = std::sync::Mutex::new(Vec::new());
        let outcome = rotator
            .sweep_rotation(&new, stop, &|swept, cases| {
                seen.lock().unwrap().push((swept, cases))
            })
            .await
            .unwrap();
        assert_eq!(
            outcome,
            SweepOutcome::Stopped {
                cases: total,
                swept: halfway
            }
        );
        let mut expected = vec![(0, total)];
        while expected.last().unwrap().0 < halfway {
            expected.push(((expected.last().unwrap().0 + 2).min(halfway), total));
        }
        assert_eq!(
            seen.into_inner().unwrap(),
            expected,
            "told after each transaction"
        );

        // Halfway, nothing has changed for the server: it reads everything, and its new
        // cases find duplicates among swept (Јована) and unswept (Марко) cases alike.
        assert_eq!(server.check_keys().await.unwrap(), KeyHealth::LacksNext);
        assert_eq!(everything_opened(&server, &who, &ids).await, before);
        let dup_of_swept = server
            .report_case(police, &person("JOVANA", "Vukomanovic", "1990-04-02"))
            .await
            .unwrap();
        assert!(spona_testkit::pairs_raised_for(&t.db, dup_of_swept.case_id).await > 0);
        let dup_of_unswept = server
            .report_case(police, &person("Marko", "Petrovic", "1988-01-15"))
            .await
            .unwrap();
        assert!(spona_testkit::pairs_raised_for(&t.db, dup_of_unswept.case_id).await > 0);
        // The server renames a swept person: that case must be swept again.
        let renamed = ids[ids.len() - 2];
        let (mut form, version) = server.report_form(social, renamed).await.unwrap();
        form.given_name = "Јелена".into();
        server
            .edit_report(social, renamed, &form, version)
            .await
            .unwrap();
        // The switch is refused while cases lack their next values; nothing changes.
        assert_eq!(
            rotator.switch_keys(&new).await.unwrap(),
            Switched::Lacking { cases: 4 },
            "the unswept case, the two new ones and the renamed one"
        );
        assert!(custody::key_fits(&t.db, &old).await.unwrap());
        assert_eq!(everything_opened(&server, &who, &ids[..1]).await.len(), 1);

        // Run again, the sweep continues and finishes; the switch goes through.
        let outcome = rotator
            .sweep_rotation(&new, SweepControl::default(), &|_, _| {})
            .await
            .unwrap();
        assert_eq!(
            outcome,
            SweepOutcome::Done {
                cases: total + 2,
                swept: total + 2
            }
        );
        assert!(matches!(
            rotator.switch_keys(&new).await.unwrap(),
            Switched::Done { cases, .. } if cases == total + 2
        ));

        // Under the new key: every case opens (those the server wrote during the sweep too),
        // and the renamed person is found by the new name.
        let fresh = instance(&t, &new);
        let all = case_ids(&t).await;
        assert_eq!(all.len() as i64, total + 2);
        assert_eq!(everything_opened(&fresh, &who, &all).await.len(), all.len());
        assert!(opened(&fresh, &who, renamed)
            .await
            .unwrap()
            .contains("Јелена"));
        let jelena = fresh
            .report_case(police, &person("Jelena", "Vukomanović", "1990-04-02"))
            .await
            .unwrap();
        assert!(spona_testkit::pairs_raised_for(&t.db, jelena.case_id).await > 0);
        assert_eq!(fresh.verify_audit().await.unwrap().first_break, None);

        // The server without the new key: "unavailable", for reads and writes alike, and
        // nothing is written under the old key.
        let all = case_ids(&t).await;
        assert_eq!(server.check_keys().await.unwrap(), KeyHealth::Stale);
        assert!(matches!(
            opened(&server, &who, ids[0]).await,
            Err(AppError::KeysUnavailable)
        ));
        assert!(matches!(
            server
                .report_case(police, &person("Нико", "Никић", "1970-01-01"))
                .await,
            Err(AppError::KeysUnavailable)
        ));
        assert_eq!(
            case_ids(&t).await,
            all,
            "nothing was written under the old key"
        );
        t.finish().await;
    }
}

#[tokio::test]
async fn a_server_that_finds_the_new_key_takes_it_up_and_never_writes_under_the_old_one() {
    for t in TestDb::every_engine().await {
        let old = MasterKey::generate();
        let rotator = deployment(&t, &old).await;
        let who = readers(&rotator).await;
        let new = MasterKey::generate();
        // Started before the rotation; its key files hold the new key after it.
        let reader = instance(&t, &old).with_key_source(Arc::new(AtHand(vec![new.clone()])));
        let writer = instance(&t, &old).with_key_source(Arc::new(AtHand(vec![new.clone()])));
        let ids = case_ids(&t).await;
        let before = everything_opened(&reader, &who, &ids).await;
        rotator.begin_rotation(&new).await.unwrap();
        assert_eq!(
            reader.check_keys().await.unwrap(),
            KeyHealth::Fits,
            "next at hand"
        );
        rotate(&rotator, &new).await;

        // A read takes up the new key on the spot, without waiting for its next check.
        assert_eq!(everything_opened(&reader, &who, &ids).await, before);
        assert_eq!(reader.verify_audit().await.unwrap().first_break, None);

        // A report sealed under the old key is refused at its audit entry and saves nothing;
        // the instance has taken up the new key, and the report made again is saved under it.
        let form = person("Јована", "Вукомановић", "1990-04-02");
        assert!(matches!(
            writer.report_case(&who[0], &form).await,
            Err(AppError::KeysUnavailable)
        ));
        assert_eq!(case_ids(&t).await, ids, "nothing saved");
        let saved = writer.report_case(&who[0], &form).await.unwrap();
        assert!(opened(&instance(&t, &new), &who, saved.case_id)
            .await
            .is_ok());
        assert_eq!(writer.check_keys().await.unwrap(), KeyHealth::Fits);
        t.finish().await;
    }
}

#[tokio::test]
async fn a_rotation_to_another_key_or_to_the_key_in_force_is_refused_and_one_can_be_dropped() {
    for t in TestDb::every_engine().await {
        let old = MasterKey::generate();
        let app = deployment(&t, &old).await;
        assert!(matches!(
            app.begin_rotation(&old).await,
            Err(AppError::Conflict)
        ));
        let next = MasterKey::generate();
        let status = app.begin_rotation(&next).await.unwrap();
        assert_eq!(status.next_check, next.check_value());
        assert_eq!(status.swept, 0);
        let again = app.begin_rotation(&next).await.unwrap();
        assert_eq!(
            again.started_at, status.started_at,
            "run again, it continues"
        );
        let other = MasterKey::generate();
        assert!(matches!(
            app.begin_rotation(&other).await,
            Err(AppError::Conflict)
        ));
        assert!(matches!(
            app.sweep_rotation(&other, SweepControl::default(), &|_, _| {})
                .await,
            Err(AppError::Conflict)
        ));
        app.sweep_rotation(&next, SweepControl::default(), &|_, _| {})
            .await
            .unwrap();
        assert!(matches!(
            app.switch_keys(&other).await,
            Err(AppError::Conflict)
        ));
        // Dropped: the next values go, the data stays under the old key.
        app.abandon_rotation().await.unwrap();
        assert_eq!(app.rotation_status().await.unwrap(), None);
        let mut c = t.db.conn().await.unwrap();
        let swept: i64 =
            sqlx::query_scalar("SELECT COUNT(*) FROM cases WHERE data_key_next IS NOT NULL")
                .fetch_one(&mut *c)
                .await
                .unwrap();
        drop(c);
        assert_eq!(swept, 0);
        assert!(matches!(
            app.switch_keys(&next).await,
            Err(AppError::Conflict)
        ));
        assert!(custody::key_fits(&t.db, &old).await.unwrap());
        let who = readers(&app).await;
        let ids = case_ids(&t).await;
        assert_eq!(
            everything_opened(&instance(&t, &old), &who, &ids)
                .await
                .len(),
            ids.len()
        );
        t.finish().await;
    }
}

//! Two instances on one database run the mail job against a relay slower than the job's
//! lease: every message reaches the relay once, recorded sent at the time the relay took
//! it; an instance that stalled past its claim records nothing, and the message is tried
//! once more by the instance that took over (the documented retry after a claim runs out).

mod mail_sink;

use mail_sink::{Arrival, OnArrival};
use spona_app::mail::{MailSettings, Relay, Starttls, CLAIM_SECONDS};
use spona_app::{App, AuthSettings, Clock, Keyring, ManualClock, MasterKey};
use spona_store::Db;
use spona_testkit::{TestDb, START};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tokio::net::TcpListener;

/// The lease the job gets in these tests; the relay takes longer than this to answer.
const LEASE: i64 = 10;

fn instance(t: &TestDb, clock: &Arc<ManualClock>, server: &str) -> App {
    App::new(
        t.db.clone(),
        clock.clone(),
        AuthSettings::default(),
        Keyring::new(&MasterKey::generate()),
    )
    .with_mail(MailSettings {
        relay: Relay {
            server: server.to_string(),
            starttls: Starttls::Off,
            login: None,
            extra_roots: Vec::new(),
        },
        from: "spona@example.rs".into(),
        public_url: "https://spona.example".into(),
    })
}

async fn enqueue(db: &Db, recipients: &[String]) {
    let mut tx = db.begin().await.unwrap();
    for (i, to) in recipients.iter().enumerate() {
        spona_store::mail::enqueue(&mut tx, to, "Спона", "Текст\r\n", &format!("k{i}"), START)
            .await
            .unwrap();
    }
    tx.commit().await.unwrap();
}

/// Waits (up to ten seconds) until the query returns a row.
async fn until_found(db: &Db, sql: &str, bind: &str) {
    let give_up = Instant::now() + Duration::from_secs(10);
    while Instant::now() < give_up {
        let mut c = db.conn().await.unwrap();
        let found: Option<i64> = sqlx::query_scalar(sql)
            .bind(bind)
            .fetch_optional(&mut *c)
            .await
            .unwrap();
        drop(c);
        if found.is_some() {
            return;
        }
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
}

async fn lease_holder(db: &Db) -> String {
    let mut c = db.conn().await.unwrap();
    sqlx::query_scalar("SELECT holder FROM job_leases WHERE name = 'send-mail'")
        .fetch_one(&mut *c)
        .await
        .unwrap()
}

/// Runs the job as an instance's timer would, until the outbox is empty (or ten seconds).
async fn keep_sending(app: App, holder: &'static str) -> usize {
    let give_up = Instant::now() + Duration::from_secs(10);
    let mut sent = 0;
    while app.mail_waiting().await.unwrap() > 0 && Instant::now() < give_up {
        sent += app.run_mail(holder, LEASE).await.unwrap().unwrap_or(0);
        tokio::time::sleep(Duration::from_millis(3)).await;
    }
    sent
}

#[tokio::test]
async fn a_relay_slower_than_the_lease_gets_every_message_once_from_two_instances() {
    for t in TestDb::every_engine().await {
        let clock = Arc::new(ManualClock::at(START));
        let recipients: Vec<String> = (0..15).map(|i| format!("i{i}@example.rs")).collect();
        enqueue(&t.db, &recipients).await;

        // When the relay accepted each message (by the app clock).
        let accepted_at: Arc<Mutex<HashMap<String, i64>>> = Arc::default();
        // The relay answers one message at a time, and moves on only once the sender has
        // recorded it, so that the clock read by the sender is the one the relay left.
        let turn = Arc::new(tokio::sync::Mutex::new(0usize));
        let on_arrival: OnArrival = {
            let (clock, db, accepted_at) = (clock.clone(), t.db.clone(), accepted_at.clone());
            Arc::new(move |arrival: Arrival| {
                let (clock, db, accepted_at, turn) =
                    (clock.clone(), db.clone(), accepted_at.clone(), turn.clone());
                Box::pin(async move {
                    let mut answered = turn.lock().await;
                    let sender = lease_holder(&db).await;
                    // The relay is slower than the lease.
                    clock.advance(LEASE + 1);
                    if *answered == 0 {
                        // The first time, only after the other instance took the lease over.
                        until_found(
                            &db,
                            "SELECT fence FROM job_leases WHERE name = 'send-mail' AND holder <> $1",
                            &sender,
                        )
                        .await;
                    }
                    let rcpt = arrival.rcpt.clone();
                    accepted_at
                        .lock()
                        .unwrap()
                        .insert(rcpt.clone(), clock.now().unix_timestamp());
                    *answered += 1;
                    arrival.accept();
                    until_found(
                        &db,
                        "SELECT id FROM mail_outbox WHERE to_address = $1 AND sent_at IS NOT NULL",
                        &rcpt,
                    )
                    .await;
                })
            })
        };
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let server = listener.local_addr().unwrap().to_string();
        let inbox = mail_sink::serve(listener, Some(on_arrival));
        let a = instance(&t, &clock, &server);
        let b = instance(&t, &clock, &server);

        let (by_a, by_b) = tokio::join!(keep_sending(a.clone(), "a"), keep_sending(b, "b"));
        assert_eq!(a.mail_waiting().await.unwrap(), 0);
        assert_eq!(by_a + by_b, 15);
        assert!(by_a > 0 && by_b > 0, "both sent: a {by_a}, b {by_b}");

        let mut times: HashMap<String, usize> = HashMap::new();
        for m in inbox.lock().unwrap().iter() {
            *times.entry(m.rcpt.clone()).or_default() += 1;
        }
        for to in &recipients {
            assert_eq!(
                times.get(to),
                Some(&1),
                "{to} received {:?} times",
                times.get(to)
            );
        }

        let mut c = t.db.conn().await.unwrap();
        let rows: Vec<(String, Option<i64>, i64)> =
            sqlx::query_as("SELECT to_address, sent_at, attempts FROM mail_outbox ORDER BY id")
                .fetch_all(&mut *c)
                .await
                .unwrap();
        drop(c);
        let accepted_at = accepted_at.lock().unwrap().clone();
        for (to, sent_at, attempts) in rows {
            assert_eq!(sent_at, accepted_at.get(&to).copied(), "{to}");
            assert_eq!(attempts, 1, "{to}");
        }
        t.finish().await;
    }
}

#[tokio::test]
async fn an_instance_that_stalled_past_its_claim_records_nothing() {
    for t in TestDb::every_engine().await {
        let clock = Arc::new(ManualClock::at(START));
        enqueue(&t.db, &["csr@example.rs".to_string()]).await;
        let arrivals = Arc::new(Mutex::new(0usize));
        let on_arrival: OnArrival = {
            let (clock, db) = (clock.clone(), t.db.clone());
            Arc::new(move |arrival: Arrival| {
                let (clock, db, arrivals) = (clock.clone(), db.clone(), arrivals.clone());
                Box::pin(async move {
                    let first = {
                        let mut n = arrivals.lock().unwrap();
                        *n += 1;
                        *n == 1
                    };
                    if first {
                        // a's copy: the relay stalls past the lease and the claim, and answers
                        // only after b has taken the message over and sent it.
                        clock.advance(CLAIM_SECONDS + 1);
                        until_found(
                            &db,
                            "SELECT id FROM mail_outbox WHERE claimed_by = $1 AND sent_at IS NOT NULL",
                            "b",
                        )
                        .await;
                    }
                    arrival.accept();
                })
            })
        };
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let server = listener.local_addr().unwrap().to_string();
        let inbox = mail_sink::serve(listener, Some(on_arrival));
        let a = instance(&t, &clock, &server);
        let b = instance(&t, &clock, &server);

        let stalled = tokio::spawn({
            let a = a.clone();
            async move { a.run_mail("a", LEASE).await.unwrap() }
        });
        until_found(
            &t.db,
            "SELECT id FROM mail_outbox WHERE claimed_by = $1",
            "a",
        )
        .await;
        // b runs as its timer would, until it has sent the message.
        let by_b = keep_sending(b, "b").await;
        let by_a = stalled.await.unwrap();
        assert_eq!(by_b, 1);
        assert_eq!(by_a, Some(0), "a's late outcome is not recorded");

        let mut c = t.db.conn().await.unwrap();
        let row: (Option<i64>, i64, Option<String>) =
            sqlx::query_as("SELECT sent_at, attempts, claimed_by FROM mail_outbox")
                .fetch_one(&mut *c)
                .await
                .unwrap();
        drop(c);
        assert_eq!(row, (Some(START + CLAIM_SECONDS + 1), 2, Some("b".into())));
        assert_eq!(
            inbox.lock().unwrap().len(),
            2,
            "handed over again once its claim ran out, as documented"
        );
        t.finish().await;
    }
}

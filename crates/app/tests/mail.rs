//! Mail goes through a real SMTP conversation with a local sink, waits in the outbox while
//! the server is down, is a well-formed message (Date, Message-ID, an encoded subject), and
//! never carries personal data.

mod mail_sink;

use mailparse::MailHeaderMap;
use spona_app::demo::DEMO_PASSWORD;
use spona_app::mail::{MailSettings, Relay, Starttls};
use spona_app::{App, AuthSettings, Keyring, ManualClock, MasterKey};
use spona_domain::cases::ReportForm;
use spona_testkit::{TestDb, START};
use std::sync::Arc;
use tokio::net::TcpListener;

#[tokio::test]
async fn a_notification_mail_waits_while_the_server_is_down_and_carries_no_name() {
    for t in TestDb::every_engine().await {
        let clock = Arc::new(ManualClock::at(START));
        // A port with nobody listening yet.
        let probe = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let server = probe.local_addr().unwrap().to_string();
        drop(probe);
        let app = App::new(
            t.db.clone(),
            clock.clone(),
            AuthSettings::default(),
            Keyring::new(&MasterKey::generate()),
        )
        .with_mail(MailSettings {
            relay: Relay {
                server: server.clone(),
                starttls: Starttls::Off,
                login: None,
                extra_roots: Vec::new(),
            },
            from: "spona@example.rs".into(),
            public_url: "https://spona.example".into(),
        });
        app.seed_demo().await.unwrap();
        let mut c = t.db.conn().await.unwrap();
        sqlx::query("UPDATE institutions SET email = 'csr@example.rs' WHERE code = 'csr'")
            .execute(&mut *c)
            .await
            .unwrap();
        drop(c);
        let police = spona_testkit::signed_session(&app, "le-police", DEMO_PASSWORD)
            .await
            .actor;
        let child = ReportForm {
            reporter_kind: "team-official".into(),
            detected_on: "2026-11-27".into(),
            given_name: "Тајанствена".into(),
            family_name: "Особица".into(),
            estimated_age: "13".into(),
            may_be_child: Some("on".into()),
            ..Default::default()
        };
        app.report_case(&police, &child).await.unwrap();
        assert_eq!(app.mail_waiting().await.unwrap(), 1);

        // The server is down: nothing is lost, a retry is planned.
        assert_eq!(app.run_mail("a", 60).await.unwrap(), Some(0));
        assert_eq!(app.mail_waiting().await.unwrap(), 1);

        let listener = TcpListener::bind(&server).await.unwrap();
        let inbox = mail_sink::serve(listener, None);
        assert_eq!(
            app.run_mail("a", 60).await.unwrap(),
            Some(0),
            "not before the backoff"
        );
        clock.advance(61);
        assert_eq!(app.run_mail("a", 60).await.unwrap(), Some(1));
        assert_eq!(app.mail_waiting().await.unwrap(), 0);
        let messages = inbox.lock().unwrap().clone();
        assert_eq!(messages.len(), 1);
        let m = &messages[0];
        assert!(
            m.commands.contains(&"RCPT TO:<csr@example.rs>".to_string()),
            "{m:?}"
        );

        // Read back by an independent parser, as a mail program would.
        let parsed = mailparse::parse_mail(m.data.as_bytes()).unwrap();
        let header = |name: &str| parsed.headers.get_first_value(name).unwrap_or_default();
        assert_eq!(
            header("Date"),
            "Sat, 28 Nov 2026 09:01:01 +0000",
            "the app clock's time of sending"
        );
        let id = header("Message-ID");
        assert!(
            id.starts_with('<') && id.ends_with("@example.rs>") && id.len() > 30,
            "{id}"
        );
        assert_eq!(header("From"), "spona@example.rs");
        assert_eq!(header("To"), "csr@example.rs");
        assert_eq!(
            header("Subject"),
            "Спона: Нови хитан упут / A new urgent referral"
        );
        let raw_subject = parsed
            .headers
            .iter()
            .find(|h| h.get_key_ref() == "Subject")
            .map(|h| String::from_utf8_lossy(h.get_value_raw()).to_string())
            .unwrap();
        assert!(
            raw_subject.trim().starts_with("=?utf-8?"),
            "encoded: {raw_subject}"
        );
        assert!(m.data.is_ascii(), "the message travels as 7-bit text");
        assert!(m.data.split("\r\n").all(|l| l.len() <= 78), "{}", m.data);
        let body = parsed.get_body().unwrap();
        assert!(
            body.contains("Нови хитан упут.")
                && body.contains("https://spona.example/notifications"),
            "{body}"
        );
        for secret in ["Тајанствена", "Особица", "ЛЕ-"] {
            for text in [&body, &header("Subject"), &m.data] {
                assert!(!text.contains(secret), "{secret} in the mail: {text}");
            }
        }

        // The outbox row records the time the relay took it and the attempts it took.
        let mut c = t.db.conn().await.unwrap();
        let (sent_at, attempts): (Option<i64>, i64) =
            sqlx::query_as("SELECT sent_at, attempts FROM mail_outbox")
                .fetch_one(&mut *c)
                .await
                .unwrap();
        drop(c);
        assert_eq!((sent_at, attempts), (Some(START + 61), 2));
        t.finish().await;
    }
}

#[tokio::test]
async fn the_message_id_is_the_stored_key_so_a_retry_keeps_it() {
    for t in TestDb::every_engine().await {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let server = listener.local_addr().unwrap().to_string();
        let inbox = mail_sink::serve(listener, None);
        let app = App::new(
            t.db.clone(),
            Arc::new(ManualClock::at(START)),
            AuthSettings::default(),
            Keyring::new(&MasterKey::generate()),
        )
        .with_mail(MailSettings {
            relay: Relay {
                server,
                starttls: Starttls::Off,
                login: None,
                extra_roots: Vec::new(),
            },
            from: "spona@example.rs".into(),
            public_url: "https://spona.example".into(),
        });
        let mut tx = t.db.begin().await.unwrap();
        spona_store::mail::enqueue(
            &mut tx,
            "csr@example.rs",
            "Спона",
            "Текст\r\n",
            "k-1",
            START,
        )
        .await
        .unwrap();
        tx.commit().await.unwrap();
        assert_eq!(app.run_mail("a", 60).await.unwrap(), Some(1));
        let m = inbox.lock().unwrap()[0].clone();
        let parsed = mailparse::parse_mail(m.data.as_bytes()).unwrap();
        assert_eq!(
            parsed.headers.get_first_value("Message-ID").as_deref(),
            Some("<k-1@example.rs>")
        );
        t.finish().await;
    }
}

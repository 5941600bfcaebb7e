//! Mail goes through a real SMTP conversation with a local sink, waits in the outbox while
//! the server is down, and never carries personal data.

use spona_app::demo::DEMO_PASSWORD;
use spona_app::mail::{MailSettings, Relay, Starttls};
use spona_app::{App, AuthSettings, Keyring, ManualClock, MasterKey};
use spona_domain::cases::ReportForm;
use spona_testkit::{TestDb, START};
use std::sync::{Arc, Mutex};
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpListener;

/// A minimal SMTP server that accepts every message and keeps what it received.
async fn sink(listener: TcpListener, received: Arc<Mutex<Vec<String>>>) {
    loop {
        let Ok((stream, _)) = listener.accept().await else {
            return;
        };
        let received = received.clone();
        tokio::spawn(async move {
            let (read, mut write) = stream.into_split();
            let mut lines = BufReader::new(read).lines();
            write.write_all(b"220 sink ready\r\n").await.unwrap();
            let mut in_data = false;
            let mut message = String::new();
            while let Ok(Some(line)) = lines.next_line().await {
                if in_data {
                    if line == "." {
                        in_data = false;
                        received.lock().unwrap().push(std::mem::take(&mut message));
                        write.write_all(b"250 queued\r\n").await.unwrap();
                    } else {
                        message.push_str(&line);
                        message.push('\n');
                    }
                    continue;
                }
                let reply: &[u8] = match line.split(' ').next().unwrap_or("") {
                    "EHLO" => b"250-sink\r\n250 8BITMIME\r\n",
                    "DATA" => {
                        in_data = true;
                        b"354 go ahead\r\n"
                    }
                    "QUIT" => {
                        write.write_all(b"221 bye\r\n").await.unwrap();
                        return;
                    }
                    _ => b"250 ok\r\n",
                };
                message.push_str(&format!("> {line}\n"));
                write.write_all(reply).await.unwrap();
            }
        });
    }
}

#[tokio::test]
async fn a_notification_mail_waits_while_the_server_is_down_and_carries_no_name() {
    let t = TestDb::sqlite().await;
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
    {
        use sqlx::Connection;
        let spona_store::DatabaseUrl::Sqlite(path) = &t.url else {
            unreachable!()
        };
        let mut c = sqlx::AnyConnection::connect(&format!("sqlite://{}", path.display()))
            .await
            .unwrap();
        sqlx::query("UPDATE institutions SET email = 'csr@example.rs' WHERE code = 'csr'")
            .execute(&mut c)
            .await
            .unwrap();
        c.close().await.unwrap();
    }
    let s = app
        .sign_in("le-police", DEMO_PASSWORD, "127.0.0.1")
        .await
        .unwrap();
    let police = app.session(&s.token, "127.0.0.1").await.unwrap().actor;
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

    let received = Arc::new(Mutex::new(Vec::new()));
    let listener = TcpListener::bind(&server).await.unwrap();
    tokio::spawn(sink(listener, received.clone()));
    assert_eq!(
        app.run_mail("a", 60).await.unwrap(),
        Some(0),
        "not before the backoff"
    );
    clock.advance(61);
    assert_eq!(app.run_mail("a", 60).await.unwrap(), Some(1));
    assert_eq!(app.mail_waiting().await.unwrap(), 0);
    let messages = received.lock().unwrap().clone();
    assert_eq!(messages.len(), 1);
    let m = &messages[0];
    assert!(m.contains("> RCPT TO:<csr@example.rs>"), "{m}");
    assert!(m.contains("https://spona.example/notifications"), "{m}");
    for secret in ["Тајанствена", "Особица", "ЛЕ-"] {
        assert!(!m.contains(secret), "{secret} in the mail: {m}");
    }
    t.finish().await;
}

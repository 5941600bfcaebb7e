//! Mail over STARTTLS with a login, against a local relay that speaks TLS with a certificate
//! made for the test: the login and the message travel only after the handshake, and a
//! relay that offers no TLS gets nothing when TLS is required.

use spona_app::demo::DEMO_PASSWORD;
use spona_app::mail::{MailSettings, Relay, SmtpLogin, Starttls};
use spona_app::{App, AuthSettings, Keyring, ManualClock, MasterKey};
use spona_domain::cases::ReportForm;
use spona_testkit::{TestDb, START};
use std::sync::{Arc, Mutex};
use tokio::io::{AsyncBufReadExt, AsyncRead, AsyncWrite, AsyncWriteExt, BufReader};
use tokio::net::TcpListener;
use tokio_rustls::rustls::ServerConfig;
use tokio_rustls::TlsAcceptor;

type Transcript = Arc<Mutex<Vec<String>>>;

/// Answers commands on one stream, recording each line with `phase`; stops at STARTTLS
/// (returning true) or QUIT.
async fn converse<S: AsyncRead + AsyncWrite + Unpin>(
    conn: &mut BufReader<S>,
    phase: &str,
    offer_tls: bool,
    log: &Transcript,
) -> bool {
    let mut in_data = false;
    loop {
        let mut line = String::new();
        if conn.read_line(&mut line).await.unwrap_or(0) == 0 {
            return false;
        }
        let line = line.trim_end().to_string();
        if in_data {
            if line == "." {
                in_data = false;
                conn.write_all(b"250 queued\r\n").await.unwrap();
            } else {
                log.lock().unwrap().push(format!("{phase} data: {line}"));
            }
            continue;
        }
        log.lock().unwrap().push(format!("{phase}: {line}"));
        let verb = line.split(' ').next().unwrap_or("").to_string();
        let reply: &[u8] = match verb.as_str() {
            "EHLO" if offer_tls => b"250-sink\r\n250-STARTTLS\r\n250 AUTH PLAIN\r\n",
            "EHLO" => b"250-sink\r\n250 AUTH PLAIN\r\n",
            "STARTTLS" => {
                conn.write_all(b"220 go ahead\r\n").await.unwrap();
                return true;
            }
            "AUTH" => b"235 accepted\r\n",
            "DATA" => {
                in_data = true;
                b"354 go ahead\r\n"
            }
            "QUIT" => {
                conn.write_all(b"221 bye\r\n").await.unwrap();
                return false;
            }
            _ => b"250 ok\r\n",
        };
        conn.write_all(reply).await.unwrap();
    }
}

/// A relay on loopback: plain until STARTTLS, then TLS with the given certificate.
async fn relay(listener: TcpListener, acceptor: Option<TlsAcceptor>, log: Transcript) {
    while let Ok((stream, _)) = listener.accept().await {
        let log = log.clone();
        let acceptor = acceptor.clone();
        tokio::spawn(async move {
            let mut plain = BufReader::new(stream);
            plain.write_all(b"220 sink ready\r\n").await.unwrap();
            if converse(&mut plain, "plain", acceptor.is_some(), &log).await {
                if let Some(acceptor) = acceptor {
                    let tls = acceptor.accept(plain.into_inner()).await.unwrap();
                    let mut tls = BufReader::new(tls);
                    converse(&mut tls, "tls", false, &log).await;
                }
            }
        });
    }
}

async fn app_with(relay: Relay, t: &TestDb) -> App {
    let app = App::new(
        t.db.clone(),
        Arc::new(ManualClock::at(START)),
        AuthSettings::default(),
        Keyring::new(&MasterKey::generate()),
    )
    .with_mail(MailSettings {
        relay,
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
        given_name: "Тајна".into(),
        estimated_age: "13".into(),
        may_be_child: Some("on".into()),
        ..Default::default()
    };
    app.report_case(&police, &child).await.unwrap();
    assert_eq!(app.mail_waiting().await.unwrap(), 1);
    app
}

fn login() -> Option<SmtpLogin> {
    Some(SmtpLogin {
        username: "spona".into(),
        password: "relay-secret".into(),
    })
}

#[tokio::test]
async fn the_login_and_the_message_travel_only_after_starttls() {
    let t = TestDb::sqlite().await;
    let cert = rcgen::generate_simple_self_signed(vec!["localhost".to_string()]).unwrap();
    let der = cert.cert.der().to_vec();
    let key = rustls_pki_types::PrivateKeyDer::Pkcs8(cert.signing_key.serialize_der().into());
    let provider = Arc::new(tokio_rustls::rustls::crypto::ring::default_provider());
    let config = ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .unwrap()
        .with_no_client_auth()
        .with_single_cert(vec![der.clone().into()], key)
        .unwrap();
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let log: Transcript = Arc::default();
    tokio::spawn(relay(
        listener,
        Some(TlsAcceptor::from(Arc::new(config))),
        log.clone(),
    ));

    // Without trusting the relay's certificate, nothing goes: the mail waits.
    let untrusted = Relay {
        server: format!("localhost:{port}"),
        starttls: Starttls::Required,
        login: login(),
        extra_roots: Vec::new(),
    };
    let app = app_with(untrusted.clone(), &t).await;
    assert_eq!(app.run_mail("a", 60).await.unwrap(), Some(0));
    assert_eq!(app.mail_waiting().await.unwrap(), 1);
    assert!(log.lock().unwrap().iter().all(|l| !l.contains("AUTH")));
    t.finish().await;

    let t = TestDb::sqlite().await;
    let trusted = Relay {
        extra_roots: vec![der],
        ..untrusted
    };
    let app = app_with(trusted, &t).await;
    log.lock().unwrap().clear();
    assert_eq!(app.run_mail("a", 60).await.unwrap(), Some(1));
    assert_eq!(app.mail_waiting().await.unwrap(), 0);
    let lines = log.lock().unwrap().clone();
    use base64::Engine;
    let token = base64::engine::general_purpose::STANDARD.encode("\0spona\0relay-secret");
    assert!(
        lines.contains(&format!("tls: AUTH PLAIN {token}")),
        "{lines:?}"
    );
    assert!(
        lines.contains(&"tls: RCPT TO:<csr@example.rs>".to_string()),
        "{lines:?}"
    );
    for plain in lines.iter().filter(|l| l.starts_with("plain")) {
        assert!(
            plain == "plain: EHLO spona" || plain == "plain: STARTTLS",
            "only the greeting and STARTTLS in the clear: {plain}"
        );
    }
    t.finish().await;
}

#[tokio::test]
async fn a_relay_without_tls_gets_nothing_when_tls_is_required() {
    let t = TestDb::sqlite().await;
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let server = listener.local_addr().unwrap().to_string();
    let log: Transcript = Arc::default();
    tokio::spawn(relay(listener, None, log.clone()));
    let app = app_with(
        Relay {
            server,
            starttls: Starttls::Required,
            login: login(),
            extra_roots: Vec::new(),
        },
        &t,
    )
    .await;
    assert_eq!(app.run_mail("a", 60).await.unwrap(), Some(0));
    assert_eq!(app.mail_waiting().await.unwrap(), 1, "kept for a retry");
    let lines = log.lock().unwrap().clone();
    assert!(
        lines
            .iter()
            .all(|l| !l.contains("AUTH") && !l.contains("MAIL")),
        "{lines:?}"
    );
    t.finish().await;
}

//! When the database cannot serve, every request is told "temporarily unavailable" (503 with
//! Retry-After) in the person's language, quickly, and nobody is signed out for it; a client
//! that never finishes its headers is cut off.

use spona_testkit::{csrf_of, TestApp};
use std::time::{Duration, Instant};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

#[tokio::test]
async fn an_unavailable_database_answers_503_in_the_persons_language_and_keeps_the_session() {
    for t in TestApp::every_engine().await {
        let police = t.signed_in("le-police").await;
        let (_, form) = t.get(&police, "/cases/new").await;
        let csrf = csrf_of(&form);
        t.app.db().close().await;

        let started = Instant::now();
        let res = police.get(t.url("/dashboard")).send().await.unwrap();
        assert!(
            started.elapsed() < Duration::from_secs(6),
            "answered at once"
        );
        assert_eq!(res.status().as_u16(), 503, "not a sign-in redirect");
        assert_eq!(
            res.headers()
                .get("retry-after")
                .and_then(|v| v.to_str().ok()),
            Some("5")
        );
        assert!(
            res.headers().get("set-cookie").is_none(),
            "the session cookie is neither cleared nor replaced"
        );
        let page = res.text().await.unwrap();
        assert!(page.contains("Привремено недоступно"), "{page}");

        let res = police
            .post(t.url("/cases"))
            .form(&[("csrf", csrf.as_str()), ("given_name", "Ана")])
            .send()
            .await
            .unwrap();
        assert_eq!(
            res.status().as_u16(),
            503,
            "a write is refused the same way"
        );

        // Signing in needs the database too; the visitor reads why in English.
        let english = t.client();
        let login = english
            .get(t.url("/login"))
            .header("accept-language", "en")
            .send()
            .await
            .unwrap();
        let csrf = csrf_of(&login.text().await.unwrap());
        let res = english
            .post(t.url("/login"))
            .header("accept-language", "en")
            .form(&[
                ("csrf", csrf.as_str()),
                ("username", "le-police"),
                ("password", spona_testkit::DEMO_PASSWORD),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(res.status().as_u16(), 503);
        assert!(res
            .text()
            .await
            .unwrap()
            .contains("Temporarily unavailable"));

        let res = t.client().get(t.url("/health")).send().await.unwrap();
        assert_eq!(res.status().as_u16(), 503);
        t.finish().await;
    }
}

#[tokio::test]
async fn health_answers_200_while_reads_and_writes_work() {
    let t = TestApp::spawn().await;
    let res = t.client().get(t.url("/health")).send().await.unwrap();
    assert_eq!(res.status().as_u16(), 200);
    assert_eq!(res.text().await.unwrap(), "ok");
    t.finish().await;
}

#[tokio::test]
async fn a_client_that_never_finishes_its_headers_is_cut_off() {
    let db = spona_testkit::TestDb::sqlite().await;
    let app = spona_app::App::new(
        db.db.clone(),
        std::sync::Arc::new(spona_app::ManualClock::at(spona_testkit::START)),
        spona_app::AuthSettings::default(),
        spona_app::Keyring::new(&spona_app::MasterKey::generate()),
    );
    let settings = spona_web::WebSettings {
        connections: spona_web::ConnectionLimits {
            max_connections: 4,
            header_timeout: Duration::from_millis(500),
        },
        ..spona_web::WebSettings::default()
    };
    let catalog = std::sync::Arc::new(spona_i18n::Catalog::load().unwrap());
    let state = spona_web::WebState::new(app, catalog, settings);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(spona_web::serve(listener, state, async {
        let _ = stopped.await;
    }));

    let mut slow = tokio::net::TcpStream::connect(address).await.unwrap();
    slow.write_all(b"GET /health HTTP/1.1\r\nHost: x\r\n")
        .await
        .unwrap();
    let started = Instant::now();
    let mut buffer = [0u8; 256];
    let read = tokio::time::timeout(Duration::from_secs(5), slow.read(&mut buffer))
        .await
        .expect("the server closes the connection, not the test's timeout");
    assert_eq!(read.unwrap_or(0), 0, "closed without an answer");
    assert!(started.elapsed() >= Duration::from_millis(400));

    // More clients than the bound: they wait their turn and are all served.
    let mut answered = 0;
    for _ in 0..8 {
        let mut c = tokio::net::TcpStream::connect(address).await.unwrap();
        c.write_all(b"GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            .await
            .unwrap();
        let mut response = Vec::new();
        c.read_to_end(&mut response).await.unwrap();
        answered += usize::from(response.starts_with(b"HTTP/1.1 200"));
    }
    assert_eq!(answered, 8);

    let _ = stop.send(());
    server.await.unwrap().unwrap();
    db.finish().await;
}

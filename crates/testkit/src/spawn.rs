//! The real application on a random loopback port, over a fresh database with the demo
//! seeded, a fixed clock that tests move, and an HTTP client that keeps cookies.

use crate::TestDb;
use spona_app::{App, AuthSettings, Keyring, ManualClock, MasterKey};
use spona_crypto::totp::{step_at, TotpSecret, STEP};
use spona_i18n::Catalog;
use spona_web::{WebSettings, WebState};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use tokio::sync::oneshot;

pub use spona_app::demo::DEMO_PASSWORD;

/// The instant every test starts at: 2026-11-28 09:00 UTC.
pub const START: i64 = 1_795_856_400;

/// A running application for one test.
pub struct TestApp {
    /// `http://127.0.0.1:PORT`.
    pub base: String,
    pub clock: Arc<ManualClock>,
    pub app: App,
    /// The master key the app holds (for tests that back up, restore or rotate).
    pub key: MasterKey,
    db: Option<TestDb>,
    /// Secrets this helper enrolled, by username (the demo's accounts have the demo's).
    enrolled: Mutex<HashMap<String, String>>,
    stop: Option<oneshot::Sender<()>>,
    server: Option<tokio::task::JoinHandle<()>>,
}

impl TestApp {
    /// The demo on a fresh SQLite database.
    pub async fn spawn() -> TestApp {
        TestApp::spawn_on(TestDb::sqlite().await).await
    }

    /// The demo on the given fresh database.
    pub async fn spawn_on(db: TestDb) -> TestApp {
        TestApp::spawn_configured(db, |app| app).await
    }

    /// The demo on the given fresh database, the application set up by `configure` (a
    /// deployment's policies, such as its retention periods).
    pub async fn spawn_configured(db: TestDb, configure: impl FnOnce(App) -> App) -> TestApp {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind");
        let base = format!("http://{}", listener.local_addr().expect("address"));
        let clock = Arc::new(ManualClock::at(START));
        let key = MasterKey::generate();
        let app = configure(
            App::new(
                db.db.clone(),
                clock.clone(),
                AuthSettings::default(),
                Keyring::new(&key),
            )
            .with_passkeys(&base),
        );
        app.seed_demo().await.expect("seed the demo");
        let catalog = Arc::new(Catalog::load().expect("messages"));
        let state = WebState::new(app.clone(), catalog, WebSettings::default());
        let (stop, stopped) = oneshot::channel::<()>();
        let server = tokio::spawn(async move {
            let _ = spona_web::serve(listener, state, async {
                let _ = stopped.await;
            })
            .await;
        });
        TestApp {
            base,
            clock,
            app,
            key,
            db: Some(db),
            enrolled: Mutex::default(),
            stop: Some(stop),
            server: Some(server),
        }
    }

    /// Every engine: SQLite, and PostgreSQL when configured.
    pub async fn every_engine() -> Vec<TestApp> {
        let mut apps = Vec::new();
        for db in TestDb::every_engine().await {
            apps.push(TestApp::spawn_on(db).await);
        }
        apps
    }

    /// The test's database, for tests that change a row behind the app's back (damage).
    pub fn db(&self) -> &spona_store::Db {
        match &self.db {
            Some(t) => &t.db,
            None => unreachable!("the database lives until finish"),
        }
    }

    /// A new browser-like client: keeps cookies, does not follow redirects.
    pub fn client(&self) -> reqwest::Client {
        reqwest::Client::builder()
            .cookie_store(true)
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .expect("client")
    }

    /// The full URL of a path.
    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.base, path)
    }

    /// A client signed in as the demo user.
    pub async fn signed_in(&self, username: &str) -> reqwest::Client {
        let client = self.client();
        let status = self.sign_in(&client, username, DEMO_PASSWORD).await;
        assert_eq!(status, 303, "demo sign-in of {username}");
        client
    }

    /// Signs in through the forms as a person would and returns the status: 303 once signed
    /// in, after the second step where one is due (a code of the account's authenticator, of
    /// a step not used before, moving the clock on when this moment's codes are spent; or
    /// enrolling the secret proposed, which later sign-ins then use); the password form's
    /// own status when the password is refused.
    pub async fn sign_in(&self, client: &reqwest::Client, username: &str, password: &str) -> u16 {
        let page = client
            .get(self.url("/login"))
            .send()
            .await
            .expect("login page");
        let csrf = csrf_of(&page.text().await.expect("body"));
        let res = client
            .post(self.url("/login"))
            .form(&[
                ("csrf", csrf.as_str()),
                ("username", username),
                ("password", password),
            ])
            .send()
            .await
            .expect("sign in");
        let status = res.status().as_u16();
        match location_of(&res).as_deref() {
            Some(to) if to.starts_with("/login/second-factor") => {
                self.pass_second_step(client, username, to).await
            }
            Some(to) if to.starts_with("/login/enrol") => self.enrol(client, username, to).await,
            _ => status,
        }
    }

    /// Types a code of the account's authenticator on the second step's page.
    async fn pass_second_step(&self, client: &reqwest::Client, username: &str, at: &str) -> u16 {
        let (_, page) = self.get(client, at).await;
        let secret = self
            .enrolled
            .lock()
            .expect("enrolled secrets")
            .get(username)
            .and_then(|s| TotpSecret::from_base32(s))
            .unwrap_or_else(crate::demo_secret);
        let last = crate::last_step_of(self.db(), username).await;
        let now = self.clock_now();
        if last > step_at(now) {
            self.clock.advance(STEP);
        }
        let code = crate::code_after(&secret, last, self.clock_now());
        let res = client
            .post(self.url("/login/second-factor"))
            .form(&[
                ("csrf", csrf_of(&page).as_str()),
                ("next", value_of(&page, "next").as_str()),
                ("code", code.as_str()),
            ])
            .send()
            .await
            .expect("second step");
        res.status().as_u16()
    }

    /// Enrols the secret the enrolment page proposes, with its first code; 303 when that
    /// signed the account in (the page of recovery codes is its answer).
    async fn enrol(&self, client: &reqwest::Client, username: &str, at: &str) -> u16 {
        let (_, page) = self.get(client, at).await;
        let shown = text_of(&page, "<code id=\"secret\" translate=\"no\">");
        let secret = TotpSecret::from_base32(&shown).expect("the proposed secret");
        let code = secret.code_at(self.clock_now());
        let res = client
            .post(self.url("/login/enrol"))
            .form(&[
                ("csrf", csrf_of(&page).as_str()),
                ("next", value_of(&page, "next").as_str()),
                ("code", code.as_str()),
            ])
            .send()
            .await
            .expect("enrolment");
        if res.status().as_u16() != 200 {
            return res.status().as_u16();
        }
        self.enrolled
            .lock()
            .expect("enrolled secrets")
            .insert(username.to_string(), shown);
        303
    }

    /// The test clock's instant, in Unix seconds.
    pub fn clock_now(&self) -> i64 {
        self.app.now_unix()
    }

    /// Gets a page and returns its status and body.
    pub async fn get(&self, client: &reqwest::Client, path: &str) -> (u16, String) {
        let res = client.get(self.url(path)).send().await.expect("get");
        let status = res.status().as_u16();
        (status, res.text().await.unwrap_or_default())
    }

    /// Posts a form with the CSRF token taken from `form_page`; returns status, location and body.
    pub async fn post(
        &self,
        client: &reqwest::Client,
        form_page: &str,
        path: &str,
        fields: &[(&str, &str)],
    ) -> (u16, Option<String>, String) {
        let (_, page) = self.get(client, form_page).await;
        let csrf = csrf_of(&page);
        let mut all = vec![("csrf", csrf.as_str())];
        all.extend_from_slice(fields);
        let res = client
            .post(self.url(path))
            .form(&all)
            .send()
            .await
            .expect("post");
        let status = res.status().as_u16();
        let location = res
            .headers()
            .get("location")
            .and_then(|v| v.to_str().ok())
            .map(str::to_string);
        (status, location, res.text().await.unwrap_or_default())
    }

    /// Stops the server and drops the database.
    pub async fn finish(mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(server) = self.server.take() {
            let _ = server.await;
        }
        if let Some(db) = self.db.take() {
            db.finish().await;
        }
    }
}

/// The CSRF token in a page's forms.
pub fn csrf_of(html: &str) -> String {
    value_of(html, "csrf")
}

/// The value of the first form field of this name in a page (as written in the HTML).
pub fn value_of(html: &str, name: &str) -> String {
    text_of(html, &format!("name=\"{name}\" value=\""))
}

/// The text after `marker` in a page, up to the next quote or tag.
fn text_of(html: &str, marker: &str) -> String {
    html.find(marker)
        .map(|i| {
            let rest = &html[i + marker.len()..];
            rest[..rest.find(['"', '<']).unwrap_or(0)]
                .replace("&quot;", "\"")
                .replace("&#39;", "'")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&amp;", "&")
        })
        .unwrap_or_default()
}

/// Where a response redirects to.
fn location_of(res: &reqwest::Response) -> Option<String> {
    res.headers()
        .get("location")
        .and_then(|v| v.to_str().ok())
        .map(str::to_string)
}

//! The application itself (no web server) over a test database, with the demo seeded and a
//! clock the test moves; for app-layer tests.

use crate::{TestDb, START};
use spona_app::{App, AuthSettings, Keyring, ManualClock, MasterKey};
use spona_domain::access::Actor;
use std::sync::Arc;

/// The address app-layer tests act from (the audit trail records it).
pub const TEST_ADDRESS: &str = "10.0.0.1";

/// The demo on the given database, with fresh keys and a fixed clock.
pub async fn demo_app(t: &TestDb) -> (App, Arc<ManualClock>) {
    let clock = Arc::new(ManualClock::at(START));
    let app = App::new(
        t.db.clone(),
        clock.clone(),
        AuthSettings::default(),
        Keyring::new(&MasterKey::generate()),
    );
    app.seed_demo().await.expect("seed the demo");
    (app, clock)
}

/// The actor of a demo user, signed in as a person would be.
pub async fn actor(app: &App, username: &str) -> Actor {
    let s = app
        .sign_in(username, spona_app::demo::DEMO_PASSWORD, TEST_ADDRESS)
        .await
        .expect("demo sign-in");
    app.session(&s.token, TEST_ADDRESS)
        .await
        .expect("demo session")
        .actor
}

/// How many possible-duplicate pairs name the case (either side), read from the database: the
/// app tells the reporter nothing, so tests look here.
pub async fn pairs_raised_for(db: &spona_store::Db, case_id: spona_domain::cases::CaseId) -> i64 {
    let mut c = db.conn().await.expect("connection");
    sqlx::query_scalar(
        "SELECT COUNT(*) FROM possible_duplicates WHERE case_id = $1 OR other_case_id = $1",
    )
    .bind(case_id.0)
    .fetch_one(&mut *c)
    .await
    .expect("count pairs")
}

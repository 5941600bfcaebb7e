//! The application itself (no web server) over a test database, with the demo seeded and a
//! clock the test moves; for app-layer tests.

use crate::{TestDb, START};
use spona_app::auth::{SignInStep, SignedIn};
use spona_app::{App, AuthSettings, Keyring, ManualClock, MasterKey};
use spona_crypto::totp::TotpSecret;
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

/// The actor of a demo user (the account's role, team and institution, acting from
/// [`TEST_ADDRESS`]): what a session of theirs would carry. App-layer tests of use cases need
/// the actor, not the sign-in, whose own tests go through the password and second factor.
pub async fn actor(app: &App, username: &str) -> Actor {
    let mut c = app.db().conn().await.expect("connection");
    let user = spona_store::users::find_by_username(&mut c, username)
        .await
        .expect("read the account")
        .expect("a demo account");
    assert!(user.active, "{username} is disabled");
    Actor {
        user_id: user.id,
        role: user.role,
        team_id: user.team_id,
        institution_id: user.institution_id,
        address: TEST_ADDRESS.to_string(),
    }
}

/// A session of an account signed in as a person would be: the password, then the second
/// step where one is due (a code of the account's authenticator, of a step not used before,
/// or, for an account that must enrol, enrolling the secret proposed). At most three
/// sign-ins of one account per thirty seconds of the test clock: the tests move it.
pub async fn signed_session(app: &App, username: &str, password: &str) -> SignedIn {
    let step = app
        .sign_in(username, password, TEST_ADDRESS)
        .await
        .expect("the password is accepted");
    let session = match step {
        SignInStep::Signed(session) => session,
        SignInStep::SecondFactor(challenge) => {
            let secret = crate::second_factor::demo_secret();
            let last = crate::second_factor::last_step_of(app.db(), username).await;
            let code = crate::second_factor::code_after(&secret, last, app.now_unix());
            app.pass_second_factor(&challenge.token, &code)
                .await
                .expect("the second factor is accepted")
        }
        SignInStep::Enrol(challenge) => {
            let enrolment = app.enrolment(&challenge.token).await.expect("a secret");
            let secret = TotpSecret::from_base32(&enrolment.secret).expect("Base32");
            let code = secret.code_at(app.now_unix());
            app.confirm_enrolment(&challenge.token, &code)
                .await
                .expect("the enrolment is confirmed")
                .0
        }
    };
    app.session(&session.token, TEST_ADDRESS)
        .await
        .expect("the session")
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

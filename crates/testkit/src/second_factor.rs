//! The second factor as tests go through it: the demo accounts' published secret, and a code
//! of a step the account has not used yet (a code is accepted once; the app allows one step
//! of drift either way, so three sign-ins of one account fit in one step of the test clock).

use spona_crypto::totp::{step_at, TotpSecret, STEP};
use spona_store::Db;

/// The secret every demo account that needs a second factor was enrolled with.
pub fn demo_secret() -> TotpSecret {
    TotpSecret::from_base32(spona_app::demo::DEMO_TOTP_SECRET).expect("the demo's secret")
}

/// The step of the last code the account's authenticator had accepted (0 before any).
pub async fn last_step_of(db: &Db, username: &str) -> i64 {
    let mut c = db.conn().await.expect("connection");
    sqlx::query_scalar(
        "SELECT f.last_step FROM second_factors f JOIN users u ON u.id = f.user_id \
         WHERE u.username = $1",
    )
    .bind(username)
    .fetch_optional(&mut *c)
    .await
    .expect("read the last step")
    .unwrap_or(0)
}

/// A code the app accepts at `now` from an account whose last accepted step is `last`.
pub fn code_after(secret: &TotpSecret, last: i64, now: i64) -> String {
    let step = (step_at(now) - 1).max(last + 1);
    assert!(
        step <= step_at(now) + 1,
        "every code of this moment was used: advance the test clock by {STEP} seconds"
    );
    secret.code_at(step * STEP)
}

//! The second step of a sign-in: the challenge a right password started, passed with a code
//! of the account's authenticator (each step's code once) or one of its recovery codes.

use super::CHALLENGE_TRIES;
use super::{recovery, secret, ChallengeKind, ChallengeToken, SignInStep, CHALLENGE_SECONDS};
use crate::audit::{AuditEvent, Author};
use crate::auth::session::NewSession;
use crate::auth::throttle::{Key, ThrottlePolicy};
use crate::{App, AppError};
use spona_crypto::tokens;
use spona_domain::ids::UserId;
use spona_store::challenges::{self, Challenge};
use spona_store::second_factors::SecondFactorRow;
use spona_store::sessions::Origin;
use spona_store::users::User;
use spona_store::{passkeys, second_factors, throttle, users, Tx};

/// What passed a second factor.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Proof {
    /// A code of the authenticator.
    Code,
    /// One of the recovery codes.
    RecoveryCode,
}

/// What the second step's page needs to know of its challenge.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChallengeView {
    pub kind: ChallengeKind,
    pub username: String,
    /// The account has passkeys, and they work here.
    pub passkeys: bool,
}

impl App {
    /// After a right password: a session when the account neither has nor needs a second
    /// factor, else a challenge for the second step (the account's failures are not cleared
    /// yet, so that codes cannot be guessed between passwords).
    pub(crate) async fn after_password(
        &self,
        tx: &mut Tx,
        user: &User,
        origin: Origin<'_>,
    ) -> Result<SignInStep, AppError> {
        let now = self.now();
        let enrolled = second_factors::find(tx, user.id)
            .await?
            .is_some_and(|row| row.totp_secret.is_some())
            || passkeys::any_of(tx, user.id).await?;
        let kind = if enrolled {
            ChallengeKind::Verify
        } else if self.auth.second_factor.required_for(user.role) {
            ChallengeKind::Enrol
        } else {
            let account_key = tokens::key_hash("account", &user.username);
            throttle::clear(tx, &account_key).await?;
            return Ok(SignInStep::Signed(
                self.start_session(tx, user, origin).await?,
            ));
        };
        let token = tokens::new_token();
        let hash = tokens::token_hash(&token);
        challenges::insert(
            tx,
            &hash,
            user.id,
            kind.code(),
            origin,
            now,
            now + CHALLENGE_SECONDS,
        )
        .await?;
        let challenge = ChallengeToken {
            token,
            max_age: CHALLENGE_SECONDS,
        };
        Ok(match kind {
            ChallengeKind::Verify => SignInStep::SecondFactor(challenge),
            ChallengeKind::Enrol => SignInStep::Enrol(challenge),
        })
    }

    /// The challenge of a token, if it still waits; "unauthenticated" otherwise.
    pub async fn challenge(&self, token: &str) -> Result<ChallengeView, AppError> {
        let mut c = self.db.conn().await?;
        let (challenge, user) = live_challenge(&mut c, token, self.now()).await?;
        let passkeys = self.passkeys_available() && passkeys::any_of(&mut c, user.id).await?;
        Ok(ChallengeView {
            kind: ChallengeKind::from_code(&challenge.purpose).ok_or(AppError::Unauthenticated)?,
            username: user.username,
            passkeys,
        })
    }

    /// Passes the second step with a code of the authenticator or a recovery code, and
    /// starts the session. A wrong code, or one of a step accepted before, is refused alike
    /// and counts against the challenge and the account.
    pub async fn pass_second_factor(
        &self,
        token: &str,
        code: &str,
    ) -> Result<NewSession, AppError> {
        let now = self.now();
        let mut tx = self.db.begin().await?;
        let (challenge, user) = live_challenge(&mut tx, token, now).await?;
        if challenge.purpose != ChallengeKind::Verify.code() {
            return Err(AppError::Unauthenticated);
        }
        self.refuse_if_throttled(&mut tx, &user, &challenge.address)
            .await?;
        let Some(row) = second_factors::find(&mut tx, user.id).await? else {
            return self.refuse_code(tx, &challenge, &user).await;
        };
        let Some(proof) = self
            .second_factor_passes(&mut tx, user.id, &row, code, now)
            .await?
        else {
            return self.refuse_code(tx, &challenge, &user).await;
        };
        self.complete(&mut tx, &challenge, &user).await?;
        let session = self
            .start_session(&mut tx, &user, origin_of(&challenge))
            .await?;
        if proof == Proof::RecoveryCode {
            let event = AuditEvent::about(user.team_id, "recovery-code-used", "user", user.id.0);
            self.audit(&mut tx, author(&challenge), event).await?;
        }
        tx.commit().await?;
        Ok(session)
    }

    /// Whether a typed code passes the account's second factor: a code of its authenticator
    /// of a step after the last accepted (which it then becomes), or one of its unused
    /// recovery codes (which is then used up).
    pub(crate) async fn second_factor_passes(
        &self,
        tx: &mut Tx,
        user: UserId,
        row: &SecondFactorRow,
        code: &str,
        now: i64,
    ) -> Result<Option<Proof>, AppError> {
        let Some(sealed) = row.totp_secret.as_deref() else {
            return Ok(None);
        };
        if let Some(canonical) = spona_crypto::recovery::normalise(code) {
            let used = recovery::use_code(tx, user, &canonical, now).await?;
            return Ok(used.then_some(Proof::RecoveryCode));
        }
        let key = self.factor_key(user, &row.data_key)?;
        let secret = secret::open(&key, user, sealed)?;
        let accepted = match secret.step_of(code, now) {
            Some(step) => second_factors::accept_step(tx, user, step).await?,
            None => false,
        };
        Ok(accepted.then_some(Proof::Code))
    }

    /// Refuses a request on a throttled account or address, before any code is looked at.
    pub(crate) async fn refuse_if_throttled(
        &self,
        tx: &mut Tx,
        user: &User,
        address: &str,
    ) -> Result<(), AppError> {
        let now = self.now();
        let account = throttle::get(tx, &tokens::key_hash("account", &user.username)).await?;
        let from = throttle::get(tx, &tokens::key_hash("address", address)).await?;
        let blocked = ThrottlePolicy::blocked_for(&account, now)
            .into_iter()
            .chain(ThrottlePolicy::blocked_for(&from, now))
            .max();
        match blocked {
            Some(seconds) => Err(AppError::Throttled {
                minutes: (seconds + 59) / 60,
            }),
            None => Ok(()),
        }
    }

    /// Counts a wrong code against the challenge (ending it at its last try), the account
    /// and the address; audited; commits and answers "bad credentials".
    pub(crate) async fn refuse_code<T>(
        &self,
        mut tx: Tx,
        challenge: &Challenge,
        user: &User,
    ) -> Result<T, AppError> {
        let now = self.now();
        let policy = ThrottlePolicy::default();
        if challenge.failures + 1 >= CHALLENGE_TRIES {
            challenges::delete(&mut tx, challenge.id).await?;
        } else {
            challenges::fail(&mut tx, challenge.id).await?;
        }
        for (kind, key, name) in [
            (Key::Account, "account", user.username.as_str()),
            (Key::Address, "address", challenge.address.as_str()),
        ] {
            let hash = tokens::key_hash(key, name);
            let counter = throttle::get(&mut tx, &hash).await?;
            throttle::put(&mut tx, &hash, &policy.after_failure(kind, counter, now)).await?;
        }
        let event = AuditEvent::about(user.team_id, "second-factor-failed", "user", user.id.0);
        self.audit(&mut tx, author(challenge), event).await?;
        tx.commit().await?;
        tracing::info!(event = "second-factor-failed");
        Err(AppError::BadCredentials)
    }

    /// Ends a passed challenge and clears the account's failures; a challenge another
    /// request passed first is not passed twice.
    pub(crate) async fn complete(
        &self,
        tx: &mut Tx,
        challenge: &Challenge,
        user: &User,
    ) -> Result<(), AppError> {
        if !challenges::delete(tx, challenge.id).await? {
            return Err(AppError::Unauthenticated);
        }
        throttle::clear(tx, &tokens::key_hash("account", &user.username)).await?;
        Ok(())
    }
}

/// The challenge of a token with its account, if it still waits and the account is active.
pub(crate) async fn live_challenge(
    c: &mut spona_store::Connection,
    token: &str,
    now: i64,
) -> Result<(Challenge, User), AppError> {
    let challenge = challenges::find(c, &tokens::token_hash(token))
        .await?
        .filter(|ch| ch.expires_at > now && ch.failures < CHALLENGE_TRIES)
        .ok_or(AppError::Unauthenticated)?;
    let user = users::find(c, spona_domain::ids::UserId(challenge.user_id))
        .await?
        .filter(|u| u.active)
        .ok_or(AppError::Unauthenticated)?;
    Ok((challenge, user))
}

/// Where the sign-in came from, as the challenge recorded it.
pub(crate) fn origin_of(challenge: &Challenge) -> Origin<'_> {
    Origin {
        device: &challenge.device,
        address: &challenge.address,
    }
}

/// The not-yet-signed-in person of a challenge, for the trail.
pub(crate) fn author(challenge: &Challenge) -> Author<'_> {
    Author::anonymous("", &challenge.address)
}

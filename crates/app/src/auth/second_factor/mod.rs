//! The second factor of sign-in: an authenticator app's one-time codes (TOTP) and ten
//! single-use recovery codes. A right password of an account that has (or must have) a
//! second factor starts a challenge, not a session; the challenge opens nothing but the
//! second step, so a page cannot be reached half signed in by construction.

mod challenge;
mod enrolment;
mod own;
mod recovery;
mod reset;
mod secret;

pub use challenge::ChallengeView;
pub(crate) use challenge::{live_challenge, origin_of};
pub use enrolment::Enrolment;
pub use own::SecondFactorStatus;
pub use recovery::RecoveryCodes;
pub(crate) use secret::rewrap_second_factors;

use super::session::NewSession;

/// How long a challenge waits for its second step.
pub const CHALLENGE_SECONDS: i64 = 10 * 60;
/// Wrong codes one challenge takes before it ends (the account's throttle counts them too).
pub const CHALLENGE_TRIES: i64 = 5;
/// The issuer an authenticator app shows beside the account.
pub const ISSUER: &str = "Spona";

/// Where a right password leads.
#[derive(Clone, Debug)]
pub enum SignInStep {
    /// Signed in: the account has no second factor and needs none.
    Signed(NewSession),
    /// The account's second factor is asked next.
    SecondFactor(ChallengeToken),
    /// The account must enrol a second factor before anything else.
    Enrol(ChallengeToken),
}

impl SignInStep {
    /// The session, when the sign-in is complete.
    pub fn session(self) -> Option<NewSession> {
        match self {
            SignInStep::Signed(s) => Some(s),
            _ => None,
        }
    }
}

/// A challenge's token, for the cookie that carries it to the second step; only its hash
/// is stored.
#[derive(Clone, Debug)]
pub struct ChallengeToken {
    pub token: String,
    pub max_age: i64,
}

/// What a challenge asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChallengeKind {
    /// A code of the enrolled authenticator, or a recovery code.
    Verify,
    /// Enrolling an authenticator first.
    Enrol,
}

impl ChallengeKind {
    pub(crate) fn code(self) -> &'static str {
        match self {
            ChallengeKind::Verify => "verify",
            ChallengeKind::Enrol => "enrol",
        }
    }

    fn from_code(code: &str) -> Option<ChallengeKind> {
        match code {
            "verify" => Some(ChallengeKind::Verify),
            "enrol" => Some(ChallengeKind::Enrol),
            _ => None,
        }
    }
}

//! Signing in and out, the second factor, sessions, throttling, and the one-time links that set passwords.

mod confirmation;
mod own_sessions;
mod passkeys;
mod second_factor;
mod session;
mod setup;
mod sign_in;
mod throttle;

pub use confirmation::CONFIRMATION_SECONDS;
pub use own_sessions::{device_of, SessionView, SignInView, SIGN_INS_SHOWN};
pub use passkeys::PasskeyView;
pub(crate) use second_factor::rewrap_second_factors;
pub use second_factor::{
    ChallengeKind, ChallengeToken, ChallengeView, Enrolment, RecoveryCodes, SecondFactorStatus,
    SignInStep, CHALLENGE_TRIES,
};
pub use session::{NewSession, SignedIn};
pub(crate) use setup::issue as issue_set_password_link;
pub use setup::FirstAdmin;
pub use throttle::ThrottlePolicy;

//! Signing in and out, sessions, throttling, and the one-time links that set passwords.

mod own_sessions;
mod session;
mod setup;
mod sign_in;
mod throttle;

pub use own_sessions::{device_of, SessionView, SignInView, SIGN_INS_SHOWN};
pub use session::{NewSession, SignedIn};
pub(crate) use setup::issue as issue_set_password_link;
pub use setup::FirstAdmin;
pub use throttle::ThrottlePolicy;

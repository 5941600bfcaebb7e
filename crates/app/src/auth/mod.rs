//! Signing in and out, sessions, throttling, and the one-time links that set passwords.

mod session;
mod setup;
mod sign_in;
mod throttle;

pub use session::{NewSession, SignedIn};
pub use setup::FirstAdmin;
pub use throttle::ThrottlePolicy;

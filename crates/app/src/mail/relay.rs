//! Where and how mail is handed to the SMTP relay: its address, STARTTLS, the login and the
//! certificates trusted besides the public roots. The settings build this; the SMTP adapter
//! follows it. A password never crosses a network unencrypted.

use std::fmt;

/// Whether the conversation is moved to TLS with STARTTLS before anything is sent.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Starttls {
    /// Always; a relay that does not offer it gets nothing.
    Required,
    /// When the relay offers it.
    Opportunistic,
    /// Never (a relay on this machine or a trusted network).
    Off,
}

/// A login at the relay; the password never shows in logs or debug output.
#[derive(Clone, PartialEq, Eq)]
pub struct SmtpLogin {
    pub username: String,
    pub password: String,
}

impl fmt::Debug for SmtpLogin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "SmtpLogin {{ username: {:?}, password: \"***\" }}",
            self.username
        )
    }
}

/// Where and how to hand messages over.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Relay {
    /// `host:port`.
    pub server: String,
    pub starttls: Starttls,
    pub login: Option<SmtpLogin>,
    /// Certificates trusted besides the public roots (a local relay's own CA), DER.
    pub extra_roots: Vec<Vec<u8>>,
}

/// The host part of `host:port` (brackets of an IPv6 address removed).
pub(crate) fn host_of(server: &str) -> &str {
    let host = server.rsplit_once(':').map(|(h, _)| h).unwrap_or(server);
    host.trim_start_matches('[').trim_end_matches(']')
}

/// The port of `host:port`, if it is one.
pub(crate) fn port_of(server: &str) -> Option<u16> {
    server.rsplit_once(':').and_then(|(_, p)| p.parse().ok())
}

/// Whether the relay runs on this machine (then nothing crosses a network).
pub fn is_loopback(server: &str) -> bool {
    let host = host_of(server);
    host.eq_ignore_ascii_case("localhost")
        || host
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}

/// Whether a password may be sent: over TLS, or to a relay on this machine.
pub fn login_allowed(encrypted: bool, loopback: bool) -> bool {
    encrypted || loopback
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_password_goes_only_over_tls_or_to_this_machine() {
        assert!(login_allowed(true, false));
        assert!(login_allowed(false, true));
        assert!(!login_allowed(false, false));
        assert!(is_loopback("127.0.0.1:25") && is_loopback("localhost:587"));
        assert!(is_loopback("[::1]:25"));
        assert!(!is_loopback("mail.example.rs:587") && !is_loopback("10.0.0.5:25"));
    }

    #[test]
    fn the_host_and_port_are_read_from_the_server() {
        assert_eq!(host_of("[::1]:25"), "::1");
        assert_eq!(port_of("[::1]:25"), Some(25));
        assert_eq!(host_of("mail.example.rs:587"), "mail.example.rs");
        assert_eq!(port_of("mail.example.rs"), None);
    }

    #[test]
    fn the_password_is_not_in_debug_output() {
        let login = SmtpLogin {
            username: "spona".into(),
            password: "tajna-lozinka".into(),
        };
        assert!(!format!("{login:?}").contains("tajna"));
        let relay = Relay {
            server: "mail.example.rs:587".into(),
            starttls: Starttls::Required,
            login: Some(login),
            extra_roots: Vec::new(),
        };
        assert!(!format!("{relay:?}").contains("tajna"));
    }
}

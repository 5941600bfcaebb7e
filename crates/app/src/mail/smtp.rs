//! Just enough SMTP to hand a plain-text message to a relay (RFC 5321): greeting, EHLO,
//! STARTTLS (RFC 3207) when asked for, AUTH PLAIN (RFC 4954) when a login is set, MAIL,
//! RCPT, DATA with dot-stuffing, QUIT. Every step has a timeout. A password is never sent
//! over an unencrypted connection, except to a relay on this machine.

use rustls_pki_types::{CertificateDer, ServerName};
use std::fmt;
use std::sync::Arc;
use std::time::Duration;
use tokio::io::{AsyncBufReadExt, AsyncRead, AsyncWrite, AsyncWriteExt, BufReader};
use tokio::net::TcpStream;
use tokio::time::timeout;
use tokio_rustls::rustls::{ClientConfig, RootCertStore};
use tokio_rustls::TlsConnector;

/// Why a message could not be handed over.
#[derive(Debug, thiserror::Error)]
pub enum SmtpError {
    #[error("mail server: {0}")]
    Io(#[from] std::io::Error),
    #[error("mail server did not answer in time")]
    Timeout,
    #[error("mail server refused: {0}")]
    Refused(String),
    #[error("address not allowed: {0}")]
    BadAddress(String),
    #[error("mail server: {0}")]
    Tls(String),
}

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

const STEP: Duration = Duration::from_secs(15);

/// The host part of `host:port` (brackets of an IPv6 address removed).
fn host_of(server: &str) -> &str {
    let host = server.rsplit_once(':').map(|(h, _)| h).unwrap_or(server);
    host.trim_start_matches('[').trim_end_matches(']')
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

fn plain_address(a: &str) -> Result<&str, SmtpError> {
    let ok = !a.is_empty()
        && a.contains('@')
        && !a
            .chars()
            .any(|c| c.is_control() || c == '<' || c == '>' || c == ' ');
    if ok {
        Ok(a)
    } else {
        Err(SmtpError::BadAddress(a.chars().take(80).collect()))
    }
}

/// Reads one (possibly multi-line) reply; its lines when it starts with `expect`.
async fn reply<R: AsyncBufReadExt + Unpin>(
    reader: &mut R,
    expect: char,
) -> Result<Vec<String>, SmtpError> {
    let mut lines = Vec::new();
    loop {
        let mut line = String::new();
        let n = timeout(STEP, reader.read_line(&mut line))
            .await
            .map_err(|_| SmtpError::Timeout)??;
        if n == 0 {
            return Err(SmtpError::Refused("connection closed".into()));
        }
        let more = line.len() >= 4 && line.as_bytes()[3] == b'-';
        lines.push(line.trim_end().to_string());
        if more {
            continue;
        }
        return if line.starts_with(expect) {
            Ok(lines)
        } else {
            Err(SmtpError::Refused(
                line.trim_end().chars().take(200).collect(),
            ))
        };
    }
}

async fn command<S: AsyncRead + AsyncWrite + Unpin>(
    conn: &mut BufReader<S>,
    text: &str,
    expect: char,
) -> Result<Vec<String>, SmtpError> {
    timeout(STEP, conn.write_all(text.as_bytes()))
        .await
        .map_err(|_| SmtpError::Timeout)??;
    reply(conn, expect).await
}

/// Whether the EHLO reply offers an extension.
fn offers(ehlo: &[String], extension: &str) -> bool {
    ehlo.iter().skip(1).any(|l| {
        l.get(4..)
            .is_some_and(|e| e.split_whitespace().next() == Some(extension))
    })
}

fn connector(relay: &Relay) -> Result<TlsConnector, SmtpError> {
    let mut roots = RootCertStore::empty();
    roots.extend(webpki_roots::TLS_SERVER_ROOTS.iter().cloned());
    for der in &relay.extra_roots {
        roots
            .add(CertificateDer::from(der.clone()))
            .map_err(|e| SmtpError::Tls(e.to_string()))?;
    }
    let provider = Arc::new(tokio_rustls::rustls::crypto::ring::default_provider());
    let config = ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|e| SmtpError::Tls(e.to_string()))?
        .with_root_certificates(roots)
        .with_no_client_auth();
    Ok(TlsConnector::from(Arc::new(config)))
}

/// Sends one message.
pub async fn send(
    relay: &Relay,
    from: &str,
    to: &str,
    subject: &str,
    body: &str,
) -> Result<(), SmtpError> {
    let from = plain_address(from)?;
    let to = plain_address(to)?;
    let stream = timeout(STEP, TcpStream::connect(&relay.server))
        .await
        .map_err(|_| SmtpError::Timeout)??;
    let mut conn = BufReader::new(stream);
    reply(&mut conn, '2').await?;
    let ehlo = command(&mut conn, "EHLO spona\r\n", '2').await?;
    let tls = match relay.starttls {
        Starttls::Required => true,
        Starttls::Opportunistic => offers(&ehlo, "STARTTLS"),
        Starttls::Off => false,
    };
    let message = Message {
        from,
        to,
        subject,
        body,
    };
    if !tls {
        let allowed = login_allowed(false, is_loopback(&relay.server));
        return deliver(&mut conn, relay, &ehlo, allowed, &message).await;
    }
    if !offers(&ehlo, "STARTTLS") {
        return Err(SmtpError::Refused(
            "the relay does not offer STARTTLS".into(),
        ));
    }
    command(&mut conn, "STARTTLS\r\n", '2').await?;
    // Anything the relay sent before the handshake would be read as if it came over TLS.
    if !conn.buffer().is_empty() {
        return Err(SmtpError::Refused("data before the TLS handshake".into()));
    }
    let name = ServerName::try_from(host_of(&relay.server).to_string())
        .map_err(|e| SmtpError::Tls(e.to_string()))?;
    let tls_stream = timeout(STEP, connector(relay)?.connect(name, conn.into_inner()))
        .await
        .map_err(|_| SmtpError::Timeout)??;
    let mut conn = BufReader::new(tls_stream);
    let ehlo = command(&mut conn, "EHLO spona\r\n", '2').await?;
    deliver(&mut conn, relay, &ehlo, true, &message).await
}

struct Message<'a> {
    from: &'a str,
    to: &'a str,
    subject: &'a str,
    body: &'a str,
}

async fn deliver<S: AsyncRead + AsyncWrite + Unpin>(
    conn: &mut BufReader<S>,
    relay: &Relay,
    ehlo: &[String],
    login_ok: bool,
    m: &Message<'_>,
) -> Result<(), SmtpError> {
    if let Some(login) = &relay.login {
        if !login_ok {
            return Err(SmtpError::Refused(
                "will not send the password over an unencrypted connection".into(),
            ));
        }
        if !offers(ehlo, "AUTH") {
            return Err(SmtpError::Refused("the relay does not offer AUTH".into()));
        }
        let token = base64_bytes(format!("\0{}\0{}", login.username, login.password).as_bytes());
        command(conn, &format!("AUTH PLAIN {token}\r\n"), '2').await?;
    }
    for (text, expect) in [
        (format!("MAIL FROM:<{}>\r\n", m.from), '2'),
        (format!("RCPT TO:<{}>\r\n", m.to), '2'),
        ("DATA\r\n".to_string(), '3'),
    ] {
        command(conn, &text, expect).await?;
    }
    let mut data = format!(
        "From: <{}>\r\nTo: <{}>\r\nSubject: =?UTF-8?B?{}?=\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n",
        m.from,
        m.to,
        base64_bytes(m.subject.as_bytes())
    );
    for line in m.body.split("\r\n") {
        // Dot-stuffing: a line that starts with a dot gets another.
        if line.starts_with('.') {
            data.push('.');
        }
        data.push_str(line);
        data.push_str("\r\n");
    }
    data.push_str(".\r\n");
    command(conn, &data, '2').await?;
    let _ = timeout(STEP, conn.write_all(b"QUIT\r\n")).await;
    Ok(())
}

fn base64_bytes(bytes: &[u8]) -> String {
    use base64::engine::general_purpose::STANDARD;
    use base64::Engine;
    STANDARD.encode(bytes)
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
    fn extensions_are_read_from_the_ehlo_reply() {
        let ehlo = vec![
            "250-relay.example".to_string(),
            "250-STARTTLS".to_string(),
            "250 AUTH PLAIN LOGIN".to_string(),
        ];
        assert!(offers(&ehlo, "STARTTLS") && offers(&ehlo, "AUTH"));
        assert!(!offers(&ehlo, "8BITMIME"));
        assert!(
            !offers(&ehlo[..1], "STARTTLS"),
            "the greeting line is not an extension"
        );
    }

    #[test]
    fn the_password_is_not_in_debug_output() {
        let login = SmtpLogin {
            username: "spona".into(),
            password: "tajna-lozinka".into(),
        };
        assert!(!format!("{login:?}").contains("tajna"));
    }
}

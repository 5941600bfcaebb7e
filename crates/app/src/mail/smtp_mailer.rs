//! The `Mailer` over SMTP, with lettre: it forms the message (Date, Message-ID, From, To, an
//! encoded subject, a UTF-8 text body in lines of sane length) and speaks to the relay as
//! the settings say: STARTTLS required, opportunistic or off, AUTH PLAIN only over TLS or to
//! a relay on this machine, the public roots and an extra CA trusted. lettre's own
//! transport would send a login wherever it is told to, so the steps of the conversation
//! are taken one by one here, each with a timeout, and the login only where it is safe.

use super::port::{Handing, MailError, Mailer, OutgoingMail};
use super::relay::{host_of, is_loopback, login_allowed, port_of, Relay, Starttls};
use lettre::message::{Mailbox, Message, SinglePart};
use lettre::transport::smtp::authentication::{Credentials, Mechanism};
use lettre::transport::smtp::client::{
    AsyncSmtpConnection, Certificate, CertificateStore, TlsParameters,
};
use lettre::transport::smtp::extension::ClientId;
use std::future::Future;
use std::time::{Duration, SystemTime};
use tokio::time::timeout;

/// The longest wait for the relay at any step but the last.
const STEP: Duration = Duration::from_secs(15);
/// The longest wait for the message to be taken (MAIL, RCPT, DATA and its answer); a relay
/// may check a message before it answers.
const DATA_STEP: Duration = Duration::from_secs(60);
/// The name we greet the relay with.
const HELLO: &str = "spona";

/// Hands messages to an SMTP relay, one connection per message.
#[derive(Clone, Debug)]
pub struct SmtpMailer {
    relay: Relay,
    from: String,
}

impl SmtpMailer {
    /// A mailer for the relay, sending as `from`.
    pub fn new(relay: Relay, from: String) -> SmtpMailer {
        SmtpMailer { relay, from }
    }

    /// Checks what would otherwise fail on every message, so that settings can refuse it at
    /// start: the sender address, the relay's `host:port`, the extra certificates.
    pub fn check(&self) -> Result<(), MailError> {
        self.sender()?;
        self.port()?;
        self.tls_parameters()?;
        Ok(())
    }

    fn sender(&self) -> Result<Mailbox, MailError> {
        self.from.parse().map_err(|_| {
            MailError::Message(format!("the sender {:?} is not an address", self.from))
        })
    }

    fn port(&self) -> Result<u16, MailError> {
        port_of(&self.relay.server)
            .ok_or_else(|| MailError::Message(format!("{:?} is not HOST:PORT", self.relay.server)))
    }

    /// The relay's name must be on its certificate; trusted are the public roots and the
    /// configured extra ones.
    fn tls_parameters(&self) -> Result<TlsParameters, MailError> {
        let mut builder = TlsParameters::builder(host_of(&self.relay.server).to_string())
            .certificate_store(CertificateStore::WebpkiRoots);
        for der in &self.relay.extra_roots {
            let cert = Certificate::from_der(der.clone()).map_err(tls)?;
            builder = builder.add_root_certificate(cert);
        }
        builder.build_rustls().map_err(tls)
    }

    /// The message as the relay will get it.
    fn compose(&self, mail: &OutgoingMail) -> Result<Message, MailError> {
        let from = self.sender()?;
        let to: Mailbox = mail.to.parse().map_err(|_| {
            MailError::Message(format!(
                "the recipient {:?} is not an address",
                mail.to.chars().take(80).collect::<String>()
            ))
        })?;
        let message_id = format!("<{}@{}>", mail.message_key, from.email.domain());
        Message::builder()
            .from(from)
            .to(to)
            .subject(mail.subject.clone())
            .date(SystemTime::from(mail.date))
            .message_id(Some(message_id))
            .singlepart(SinglePart::plain(mail.body.clone()))
            .map_err(|e| MailError::Message(e.to_string()))
    }

    async fn hand_over(&self, mail: &OutgoingMail) -> Result<(), MailError> {
        let message = self.compose(mail)?;
        let hello = ClientId::Domain(HELLO.to_string());
        let host = host_of(&self.relay.server);
        let address = (host, self.port()?);
        let mut conn = step(
            STEP,
            AsyncSmtpConnection::connect_tokio1(address, Some(STEP), &hello, None, None),
        )
        .await?;
        let tls = match self.relay.starttls {
            Starttls::Required => true,
            Starttls::Opportunistic => conn.can_starttls(),
            Starttls::Off => false,
        };
        if tls {
            if !conn.can_starttls() {
                conn.abort().await;
                return Err(MailError::Refused(
                    "the relay does not offer STARTTLS".into(),
                ));
            }
            step(STEP, conn.starttls(self.tls_parameters()?, &hello)).await?;
        }
        if let Some(login) = &self.relay.login {
            if !login_allowed(conn.is_encrypted(), is_loopback(&self.relay.server)) {
                conn.abort().await;
                return Err(MailError::Refused(
                    "will not send the password over an unencrypted connection".into(),
                ));
            }
            let credentials = Credentials::new(login.username.clone(), login.password.clone());
            step(STEP, conn.auth(&[Mechanism::Plain], &credentials)).await?;
        }
        step(
            DATA_STEP,
            conn.send(message.envelope(), &message.formatted()),
        )
        .await?;
        // The relay has the message; a failed goodbye changes nothing.
        let _ = timeout(STEP, conn.quit()).await;
        Ok(())
    }
}

impl Mailer for SmtpMailer {
    fn send<'a>(&'a self, mail: &'a OutgoingMail) -> Handing<'a> {
        Box::pin(self.hand_over(mail))
    }
}

/// One step of the conversation, given up after `limit`.
async fn step<T>(
    limit: Duration,
    work: impl Future<Output = Result<T, lettre::transport::smtp::Error>>,
) -> Result<T, MailError> {
    match timeout(limit, work).await {
        Err(_) => Err(MailError::Timeout),
        Ok(Ok(value)) => Ok(value),
        Ok(Err(e)) => Err(classify(&e)),
    }
}

/// The relay's answer or the failure, in a line (the relay's text can be long).
fn classify(e: &lettre::transport::smtp::Error) -> MailError {
    let text: String = e.to_string().chars().take(200).collect();
    if e.is_timeout() {
        MailError::Timeout
    } else if e.is_tls() {
        MailError::Tls(text)
    } else if e.is_transient() || e.is_permanent() || e.is_client() || e.is_response() {
        MailError::Refused(text)
    } else {
        MailError::Connection(text)
    }
}

fn tls(e: lettre::transport::smtp::Error) -> MailError {
    MailError::Tls(e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mail::relay::SmtpLogin;

    fn mailer(server: &str, extra_roots: Vec<Vec<u8>>) -> SmtpMailer {
        SmtpMailer::new(
            Relay {
                server: server.into(),
                starttls: Starttls::Required,
                login: Some(SmtpLogin {
                    username: "spona".into(),
                    password: "tajna".into(),
                }),
                extra_roots,
            },
            "spona@example.rs".into(),
        )
    }

    #[test]
    fn a_message_has_a_date_an_id_and_an_encoded_subject() {
        let m = mailer("mail.example.rs:587", Vec::new());
        let mail = OutgoingMail {
            to: "csr@example.rs".into(),
            subject: "Спона: Нови упут / A new referral".into(),
            body: "Нови упут.\r\nA new referral.\r\n\r\nhttps://spona.example/notifications\r\n"
                .into(),
            date: time::macros::datetime!(2026-11-27 10:00 UTC),
            message_key: "abc".into(),
        };
        let text = String::from_utf8(m.compose(&mail).unwrap().formatted()).unwrap();
        assert!(
            text.contains("Date: Fri, 27 Nov 2026 10:00:00 +0000\r\n"),
            "{text}"
        );
        assert!(text.contains("Message-ID: <abc@example.rs>\r\n"), "{text}");
        assert!(text.contains("Subject: =?utf-8?"), "{text}");
        assert!(text.is_ascii(), "headers and body are encoded: {text}");
        assert!(text.lines().all(|l| l.len() <= 78), "{text}");
    }

    #[test]
    fn what_would_fail_every_message_is_found_at_start() {
        assert!(mailer("mail.example.rs:587", Vec::new()).check().is_ok());
        assert!(mailer("mail.example.rs", Vec::new()).check().is_err());
        assert!(
            mailer("mail.example.rs:587", vec![b"not a certificate".to_vec()])
                .check()
                .is_err()
        );
        let mut m = mailer("mail.example.rs:587", Vec::new());
        m.from = "nobody".into();
        assert!(m.check().is_err());
    }
}

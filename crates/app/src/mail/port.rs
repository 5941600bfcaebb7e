//! The port through which mail leaves the system. The app owns it, as it owns its clock:
//! the sending job hands a finished message to a `Mailer` and learns whether the relay took
//! it; how (SMTP through lettre today) is the adapter's business, so tests and future
//! transports plug in without touching the job.

use std::future::Future;
use std::pin::Pin;
use time::OffsetDateTime;

/// One message to hand over: a kind of event and a link, never personal data.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OutgoingMail {
    /// The recipient institution's address.
    pub to: String,
    pub subject: String,
    /// Plain text, lines ending in CRLF.
    pub body: String,
    /// The message's `Date` (the app clock's now when it is handed over).
    pub date: OffsetDateTime,
    /// The stable local part of its `Message-ID`: the same on every attempt.
    pub message_key: String,
}

/// Why a message was not handed over. The text goes to the log and the outbox row, so it
/// names the relay's answer, never the message's content.
#[derive(Debug, thiserror::Error)]
pub enum MailError {
    /// The relay could not be reached or the connection broke.
    #[error("mail server: {0}")]
    Connection(String),
    /// The relay did not answer in time.
    #[error("mail server did not answer in time")]
    Timeout,
    /// The relay answered with a refusal, or lacked what the settings require.
    #[error("mail server refused: {0}")]
    Refused(String),
    /// The TLS handshake or the relay's certificate failed.
    #[error("mail server TLS: {0}")]
    Tls(String),
    /// An address or the message could not be formed.
    #[error("message not formed: {0}")]
    Message(String),
}

/// The future of one hand-over.
pub type Handing<'a> = Pin<Box<dyn Future<Output = Result<(), MailError>> + Send + 'a>>;

/// Hands messages to whatever carries them on. `Ok` means the relay accepted the message
/// (it is now the relay's to deliver); an error means it did not, and it will be retried.
pub trait Mailer: Send + Sync {
    /// Hands one message over.
    fn send<'a>(&'a self, mail: &'a OutgoingMail) -> Handing<'a>;
}

//! E-mail, when configured: a short message that something needs attention and a link,
//! never personal data. Messages wait in an outbox in the database and a background job,
//! held by one instance at a time, hands them to the mail server, retrying with backoff.

mod smtp;

pub use smtp::{is_loopback, Relay, SmtpLogin, Starttls};

use crate::{App, AppError};
use spona_domain::ids::TeamId;
use spona_store::alerts::{self, Recipient};
use spona_store::{institutions, mail, Tx};

/// Where mail goes out and what links point to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MailSettings {
    /// The SMTP relay: where, with TLS or not, with which login.
    pub relay: Relay,
    /// The sender address.
    pub from: String,
    /// The deployment's public address, for the link in the message.
    pub public_url: String,
}

/// The lease name of the mail job.
const JOB: &str = "send-mail";
/// Longest wait between two attempts, in seconds.
const MAX_BACKOFF: i64 = 3600;

/// Subject and body of the message for a kind of notification (both languages of the team;
/// no name, no case detail).
fn message(kind: &str, link: &str) -> (String, String) {
    let (sr, en) = match kind {
        "urgent-referral-received" => ("Нови хитан упут", "A new urgent referral"),
        "referral-received" => ("Нови упут", "A new referral"),
        "referral-overdue" => ("Упут без одговора у року", "A referral is overdue"),
        "break-glass" => (
            "Хитан приступ случају ваше установе",
            "Emergency access to a case of your institution",
        ),
        "recovery-ending" => (
            "Рок за опоравак ускоро истиче",
            "A recovery period ends soon",
        ),
        _ => ("Ново обавештење", "A new notification"),
    };
    let subject = format!("Спона: {sr} / {en}");
    let body = format!("{sr}.\r\n{en}.\r\n\r\n{link}\r\n");
    (subject, body)
}

impl App {
    /// Sends mail through this server from now on.
    pub fn with_mail(mut self, settings: MailSettings) -> App {
        self.mail = Some(std::sync::Arc::new(settings));
        self
    }

    /// Adds a notification and, when mail is configured and the recipient institution has an
    /// address, queues a message about it in the same transaction.
    pub(crate) async fn notify(
        &self,
        tx: &mut Tx,
        team: TeamId,
        to: Recipient,
        kind: &str,
        case_id: Option<i64>,
    ) -> Result<(), AppError> {
        let now = self.now();
        alerts::notify(tx, team, to, kind, case_id, now).await?;
        if let (Some(settings), Recipient::Institution(id)) = (&self.mail, to) {
            if let Some(institution) = institutions::find(tx, team, id).await? {
                if !institution.email.is_empty() {
                    let link = format!(
                        "{}/notifications",
                        settings.public_url.trim_end_matches('/')
                    );
                    let (subject, body) = message(kind, &link);
                    mail::enqueue(tx, &institution.email, &subject, &body, now).await?;
                }
            }
        }
        Ok(())
    }

    /// Hands due messages to the mail server if this instance holds the mail lease; returns
    /// how many went out, or None when another instance holds it or mail is not configured.
    pub async fn run_mail(
        &self,
        holder: &str,
        lease_seconds: i64,
    ) -> Result<Option<usize>, AppError> {
        let Some(settings) = self.mail.clone() else {
            return Ok(None);
        };
        let now = self.now();
        let mut c = self.db.conn().await?;
        if !alerts::take_lease(&mut c, JOB, holder, now, now + lease_seconds).await? {
            return Ok(None);
        }
        let mut sent = 0;
        for m in mail::due(&mut c, now, 50).await? {
            match smtp::send(
                &settings.relay,
                &settings.from,
                &m.to_address,
                &m.subject,
                &m.body,
            )
            .await
            {
                Ok(()) => {
                    mail::mark_sent(&mut c, m.id, now).await?;
                    sent += 1;
                }
                Err(e) => {
                    let backoff = (60i64 << m.attempts.clamp(0, 10)).min(MAX_BACKOFF);
                    tracing::warn!(error = %e, attempts = m.attempts + 1, "mail not sent; will retry");
                    mail::mark_failed(&mut c, m.id, &e.to_string(), now + backoff).await?;
                }
            }
        }
        Ok(Some(sent))
    }

    /// How many messages wait in the outbox.
    pub async fn mail_waiting(&self) -> Result<i64, AppError> {
        let mut c = self.db.conn().await?;
        Ok(mail::waiting(&mut c).await?)
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn messages_carry_a_kind_and_a_link_only() {
        let (subject, body) = super::message(
            "urgent-referral-received",
            "https://spona.example/notifications",
        );
        assert!(subject.contains("хитан") && subject.contains("urgent"));
        assert!(body.ends_with("https://spona.example/notifications\r\n"));
    }
}

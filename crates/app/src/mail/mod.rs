//! E-mail, when configured: a short message that something needs attention and a link,
//! never personal data. Messages wait in an outbox in the database, queued in the same
//! transaction as the notification they tell of, and a background job under a fenced lease
//! hands them to the relay one at a time through the [`Mailer`] port (SMTP with lettre in
//! [`SmtpMailer`]), retrying with backoff.

mod port;
mod relay;
mod sending;
mod smtp_mailer;

pub use port::{Handing, MailError, Mailer, OutgoingMail};
pub use relay::{is_loopback, login_allowed, Relay, SmtpLogin, Starttls};
pub use sending::{CLAIM_SECONDS, SEND_LIMIT};
pub use smtp_mailer::SmtpMailer;

use crate::{App, AppError};
use spona_domain::ids::TeamId;
use spona_store::alerts::{self, Recipient};
use spona_store::{institutions, mail, Tx};
use std::sync::Arc;

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

impl MailSettings {
    /// Refuses, at start, settings with which no message could ever go out.
    pub fn check(&self) -> Result<(), MailError> {
        SmtpMailer::new(self.relay.clone(), self.from.clone()).check()
    }
}

/// Mail as the app uses it: the port that carries it and the address links point to.
#[derive(Clone)]
pub(crate) struct Delivery {
    public_url: String,
    mailer: Arc<dyn Mailer>,
}

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
        "identification-decided" => (
            "Центар је одлучио о идентификацији",
            "The Centre decided on identification",
        ),
        "transfer-offered" => ("Понуђена предаја случаја", "A case offered for handover"),
        "transfer-accepted" => ("Предаја случаја прихваћена", "A case handover accepted"),
        "transfer-declined" => ("Предаја случаја одбијена", "A case handover declined"),
        "referral-question" => ("Питање о упућеном случају", "A question about a referral"),
        "referral-answer" => ("Одговор о упућеном случају", "An answer about a referral"),
        "referral-plan" => (
            "Подељен план заштите и помоћи",
            "A protection and assistance plan shared",
        ),
        "second-factor-reset" => ("Поништен други фактор", "Second factor reset"),
        _ => ("Ново обавештење", "A new notification"),
    };
    let subject = format!("Спона: {sr} / {en}");
    let body = format!("{sr}.\r\n{en}.\r\n\r\n{link}\r\n");
    (subject, body)
}

impl App {
    /// Sends mail through this SMTP relay from now on.
    pub fn with_mail(self, settings: MailSettings) -> App {
        let mailer = SmtpMailer::new(settings.relay, settings.from);
        self.with_mailer(settings.public_url, Arc::new(mailer))
    }

    /// Sends mail through any carrier of the [`Mailer`] port; links point to `public_url`.
    pub fn with_mailer(mut self, public_url: String, mailer: Arc<dyn Mailer>) -> App {
        self.mail = Some(Delivery { public_url, mailer });
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
        case_id: Option<spona_domain::cases::CaseId>,
    ) -> Result<(), AppError> {
        self.notify_about(tx, team, to, kind, case_id, None).await
    }

    /// [`App::notify`] with the institution the notification names (to coordinate with).
    pub(crate) async fn notify_about(
        &self,
        tx: &mut Tx,
        team: TeamId,
        to: Recipient,
        kind: &str,
        case_id: Option<spona_domain::cases::CaseId>,
        about: Option<spona_domain::ids::InstitutionId>,
    ) -> Result<(), AppError> {
        let now = self.now();
        alerts::notify_about(tx, team, to, kind, case_id, about, now).await?;
        if let (Some(delivery), Recipient::Institution(id)) = (&self.mail, to) {
            if let Some(institution) = institutions::find(tx, team, id).await? {
                if !institution.email.is_empty() {
                    let link = format!(
                        "{}/notifications",
                        delivery.public_url.trim_end_matches('/')
                    );
                    let (subject, body) = message(kind, &link);
                    // Random, so that no two messages of any deployment share a Message-ID.
                    let key = spona_crypto::tokens::new_token();
                    mail::enqueue(tx, &institution.email, &subject, &body, &key, now).await?;
                }
            }
        }
        Ok(())
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

//! The mail job: one instance at a time hands due messages to the relay, one message per
//! unit of work. Each unit renews the lease and claims a message in one transaction (so an
//! instance that lost the lease claims nothing), hands it over, and then records the
//! outcome under its claim: sent at the time the relay accepted, or failed with a time to
//! try again. A message is handed over once while its sender lives; one whose sender died
//! mid-send is tried again when its claim runs out.

use super::port::{MailError, OutgoingMail};
use super::Delivery;
use crate::{App, AppError};
use spona_store::leases::{self, JobLease};
use spona_store::mail::{self, Claimed};
use std::time::Duration;

/// The lease name of the mail job.
const JOB: &str = "send-mail";
/// Most messages one run hands over; the rest wait for the next run.
const BATCH: usize = 50;
/// Longest wait between two attempts, in seconds.
const MAX_BACKOFF: i64 = 3600;
/// The longest one hand-over may take before the job gives it up (the adapter's own steps
/// time out sooner).
pub const SEND_LIMIT: Duration = Duration::from_secs(120);
/// How long a claimed message is left to its sender, in seconds: longer than a hand-over
/// can take, with room for the outcome's write and for clocks that differ between
/// instances, so that no other instance tries it while its sender may still be talking to
/// the relay.
pub const CLAIM_SECONDS: i64 = 300;

impl App {
    /// Hands due messages to the relay if this instance (`holder`) gets the mail lease for
    /// `lease_seconds` (renewed with every message); returns how many went out, or None when
    /// another instance holds the lease or mail is not configured.
    pub async fn run_mail(
        &self,
        holder: &str,
        lease_seconds: i64,
    ) -> Result<Option<usize>, AppError> {
        let Some(delivery) = self.mail.clone() else {
            return Ok(None);
        };
        let now = self.now();
        let mut c = self.db.conn().await?;
        let Some(lease) = leases::take(&mut c, JOB, holder, now, now + lease_seconds).await? else {
            return Ok(None);
        };
        drop(c);
        let mut sent = 0;
        for _ in 0..BATCH {
            let Some(message) = self.claim_mail(&lease, lease_seconds).await? else {
                break;
            };
            if self.hand_over(&delivery, &lease, message).await? {
                sent += 1;
            }
        }
        Ok(Some(sent))
    }

    /// Renews the lease and claims the next due message, both or neither; None when nothing
    /// is due or the lease has passed to another instance.
    async fn claim_mail(
        &self,
        lease: &JobLease,
        lease_seconds: i64,
    ) -> Result<Option<Claimed>, AppError> {
        let now = self.now();
        let mut tx = self.db.begin().await?;
        if !leases::hold(&mut tx, lease, now, now + lease_seconds).await? {
            tracing::info!(job = JOB, "the mail lease passed to another instance");
            return Ok(None);
        }
        let claimed = mail::claim_next(&mut tx, lease, now, now + CLAIM_SECONDS).await?;
        tx.commit().await?;
        Ok(claimed)
    }

    /// Hands one claimed message over and records the outcome; true when it went out and
    /// that was recorded.
    async fn hand_over(
        &self,
        delivery: &Delivery,
        lease: &JobLease,
        m: Claimed,
    ) -> Result<bool, AppError> {
        let outgoing = OutgoingMail {
            to: m.to_address,
            subject: m.subject,
            body: m.body,
            date: self.clock.now(),
            message_key: m.message_key,
        };
        let outcome = tokio::time::timeout(SEND_LIMIT, delivery.mailer.send(&outgoing))
            .await
            .unwrap_or(Err(MailError::Timeout));
        // The time the relay answered, not the time the run began.
        let now = self.now();
        let mut tx = self.db.begin().await?;
        let recorded = match &outcome {
            Ok(()) => mail::mark_sent(&mut tx, lease, m.id, now).await?,
            Err(e) => {
                let backoff = (60i64 << (m.attempt - 1).clamp(0, 10)).min(MAX_BACKOFF);
                tracing::warn!(error = %e, attempts = m.attempt, "mail not sent; will retry");
                mail::mark_failed(&mut tx, lease, m.id, &e.to_string(), now + backoff).await?
            }
        };
        tx.commit().await?;
        if !recorded {
            // Only when this instance stalled past the claim and another took the message.
            tracing::warn!(
                job = JOB,
                handed_over = outcome.is_ok(),
                "the claim on a message passed to another instance; its outcome here is dropped"
            );
        }
        Ok(outcome.is_ok() && recorded)
    }
}

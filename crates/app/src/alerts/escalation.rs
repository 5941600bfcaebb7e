//! Escalation of referrals left unanswered past their deadline (the team coordinator and the
//! lead institutions are told) and reminders of recovery periods about to end. Runs as a
//! background job that one instance of a deployment holds at a time, under a fenced lease
//! renewed with every referral or case in the same transaction as its writes, so that an
//! instance that lost the lease while it worked tells nobody anything twice.

use crate::{App, AppError};
use spona_domain::ids::{InstitutionId, TeamId};
use spona_store::alerts::{self, Recipient};
use spona_store::leases::{self, JobLease};
use spona_store::{institutions, Tx};

/// The name of the escalation job's lease.
const JOB: &str = "escalate-overdue-referrals";
/// How long a one-off run of the reminders holds the job's lease.
const ONE_OFF_LEASE_SECONDS: i64 = 60;

/// The lease a run works under and how far each unit of work extends it.
struct Holding<'a> {
    lease: &'a JobLease,
    seconds: i64,
}

impl App {
    /// Runs the escalation if this instance (`holder`) gets the lease for `lease_seconds`;
    /// returns how many referrals were escalated, or None when another instance holds it.
    pub async fn run_escalation(
        &self,
        holder: &str,
        lease_seconds: i64,
    ) -> Result<Option<usize>, AppError> {
        let now = self.now();
        let mut c = self.db.conn().await?;
        let Some(lease) = leases::take(&mut c, JOB, holder, now, now + lease_seconds).await? else {
            return Ok(None);
        };
        drop(c);
        let holding = Holding {
            lease: &lease,
            seconds: lease_seconds,
        };
        let escalated = self.escalate_overdue(&holding).await?;
        self.remind_under(&holding).await?;
        Ok(Some(escalated))
    }

    /// Tells the owning institution, once, that a recovery and reflection period ends within
    /// the next days; for a run outside the background job. It takes the job's lease for the
    /// run and gives it back; 0 when a running instance holds it (that one reminds).
    pub async fn remind_recovery_endings(&self) -> Result<usize, AppError> {
        let holder = format!("once-{}", crate::new_instance_id());
        let now = self.now();
        let mut c = self.db.conn().await?;
        let until = now + ONE_OFF_LEASE_SECONDS;
        let Some(lease) = leases::take(&mut c, JOB, &holder, now, until).await? else {
            return Ok(0);
        };
        drop(c);
        let holding = Holding {
            lease: &lease,
            seconds: ONE_OFF_LEASE_SECONDS,
        };
        let reminded = self.remind_under(&holding).await;
        let mut c = self.db.conn().await?;
        leases::release(&mut c, &lease, self.now()).await?;
        reminded
    }

    /// Starts the transaction of one unit of work with the lease renewed in it; None when
    /// the lease has passed to another instance (then the run stops).
    async fn begin_unit(&self, holding: &Holding<'_>) -> Result<Option<Tx>, AppError> {
        let now = self.now();
        let mut tx = self.db.begin().await?;
        if leases::hold(&mut tx, holding.lease, now, now + holding.seconds).await? {
            Ok(Some(tx))
        } else {
            tracing::info!(job = JOB, "the escalation lease passed to another instance");
            Ok(None)
        }
    }

    /// The reminders of recovery periods, each case in a unit of work of its own.
    async fn remind_under(&self, holding: &Holding<'_>) -> Result<usize, AppError> {
        let by = self
            .today()
            .saturating_add(time::Duration::days(crate::cases::RECOVERY_REMIND_DAYS));
        let mut c = self.db.conn().await?;
        let ending =
            spona_store::services::recovery_ending(&mut c, &spona_domain::text::iso_date(by))
                .await?;
        drop(c);
        let mut reminded = 0;
        for case in &ending {
            let Some(mut tx) = self.begin_unit(holding).await? else {
                break;
            };
            spona_store::services::mark_recovery_reminded(&mut tx, case.id).await?;
            let to =
                Recipient::Institution(spona_domain::ids::InstitutionId(case.owner_institution_id));
            self.notify(
                &mut tx,
                TeamId(case.team_id),
                to,
                "recovery-ending",
                Some(case.id),
            )
            .await?;
            tx.commit().await?;
            reminded += 1;
        }
        Ok(reminded)
    }

    /// Whom an overdue referral of the team is escalated to: its lead institutions and its
    /// coordinators.
    async fn escalation_recipients(
        &self,
        c: &mut spona_store::Connection,
        team: TeamId,
    ) -> Result<Vec<Recipient>, AppError> {
        let mut recipients: Vec<Recipient> = institutions::list_active(c, team)
            .await?
            .into_iter()
            .filter(|i| i.is_lead)
            .map(|i| Recipient::Institution(i.id))
            .collect();
        for (id, _) in crate::cases::coordinators_of(c, team).await? {
            recipients.push(Recipient::User(spona_domain::ids::UserId(id)));
        }
        Ok(recipients)
    }

    /// Escalates every overdue, unescalated referral once, each in a unit of work of its own.
    async fn escalate_overdue(&self, holding: &Holding<'_>) -> Result<usize, AppError> {
        let mut c = self.db.conn().await?;
        let overdue = alerts::overdue(&mut c, self.now(), 500).await?;
        drop(c);
        let mut done = 0;
        let mut told: std::collections::HashMap<i64, Vec<Recipient>> = Default::default();
        for r in overdue {
            let team = TeamId(r.team_id);
            let Some(mut tx) = self.begin_unit(holding).await? else {
                break;
            };
            // Refused by the fence as well as by a referral escalated already.
            if !alerts::mark_escalated(&mut tx, holding.lease, r.id, self.now()).await? {
                continue;
            }
            // The lead institutions and coordinators of a team, looked up once per team.
            if let std::collections::hash_map::Entry::Vacant(slot) = told.entry(team.0) {
                slot.insert(self.escalation_recipients(&mut tx, team).await?);
            }
            let recipients = told.get(&team.0).cloned().unwrap_or_default();
            // The institution that owes the answer is reminded too, in its own team (which
            // is another one for a referral across teams).
            let receiver = Recipient::Institution(InstitutionId(r.to_institution_id));
            if !recipients.contains(&receiver) {
                let to_team = TeamId(r.to_team_id);
                self.notify(
                    &mut tx,
                    to_team,
                    receiver,
                    "referral-overdue",
                    Some(r.case_id),
                )
                .await?;
            }
            for to in recipients {
                self.notify(&mut tx, team, to, "referral-overdue", Some(r.case_id))
                    .await?;
            }
            tx.commit().await?;
            done += 1;
        }
        if done > 0 {
            tracing::info!(event = "referrals-escalated", count = done);
        }
        Ok(done)
    }
}

//! Escalation of referrals left unanswered past their deadline: the team coordinator and the
//! lead institutions are told. Runs as a background job that one instance of a deployment
//! holds at a time (a lease in the database), so nobody is told twice.

use crate::{App, AppError};
use spona_domain::ids::TeamId;
use spona_store::alerts::{self, Recipient};
use spona_store::institutions;

/// The name of the escalation job's lease.
const JOB: &str = "escalate-overdue-referrals";

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
        if !alerts::take_lease(&mut c, JOB, holder, now, now + lease_seconds).await? {
            return Ok(None);
        }
        drop(c);
        let escalated = self.escalate_overdue().await?;
        self.remind_recovery_endings().await?;
        Ok(Some(escalated))
    }

    /// Tells the owning institution, once, that a recovery and reflection period ends within
    /// the next days.
    pub async fn remind_recovery_endings(&self) -> Result<usize, AppError> {
        let by = self
            .today()
            .saturating_add(time::Duration::days(crate::cases::RECOVERY_REMIND_DAYS));
        let mut c = self.db.conn().await?;
        let ending =
            spona_store::services::recovery_ending(&mut c, &spona_domain::text::iso_date(by))
                .await?;
        drop(c);
        for case in &ending {
            let mut tx = self.db.begin().await?;
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
        }
        Ok(ending.len())
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

    /// Escalates every overdue, unescalated referral once.
    pub async fn escalate_overdue(&self) -> Result<usize, AppError> {
        let now = self.now();
        let mut c = self.db.conn().await?;
        let overdue = alerts::overdue(&mut c, now, 500).await?;
        drop(c);
        let mut done = 0;
        let mut told: std::collections::HashMap<i64, Vec<Recipient>> = Default::default();
        for r in overdue {
            let team = TeamId(r.team_id);
            let mut tx = self.db.begin().await?;
            if !alerts::mark_escalated(&mut tx, r.id, now).await? {
                continue;
            }
            // The lead institutions and coordinators of a team, looked up once per team.
            if let std::collections::hash_map::Entry::Vacant(slot) = told.entry(team.0) {
                slot.insert(self.escalation_recipients(&mut tx, team).await?);
            }
            let recipients = told.get(&team.0).cloned().unwrap_or_default();
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

//! For the team's coordinator: the referrals waiting for an answer, per receiving institution,
//! as counts (urgent, past the deadline), so that "what needs me now" is answered without a
//! case, a code or a person.

use crate::{App, AppError};
use spona_domain::access::{decide, team_cases, Action, Actor};
use spona_domain::accounts::Role;
use spona_domain::ids::InstitutionId;
use spona_store::{institutions, referrals};

/// Referrals one institution has not answered yet.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WaitingReferrals {
    /// The institution's short name (Cyrillic, as kept).
    pub institution: String,
    pub urgent: i64,
    pub overdue: i64,
}

impl App {
    /// The team's unanswered referrals with something pressing (urgent or past the
    /// deadline), per receiving institution; for the coordinator only.
    pub async fn referrals_waiting(
        &self,
        actor: &Actor,
    ) -> Result<Vec<WaitingReferrals>, AppError> {
        let desk = team_cases(actor)?;
        if actor.role != Role::Coordinator
            || !decide(actor, Action::LeadTeamWork(desk.team())).allowed()
        {
            return Err(AppError::Forbidden);
        }
        let mut c = self.db.conn().await?;
        let mut waiting = Vec::new();
        for (institution, urgent, overdue) in
            referrals::waiting_by_receiver(&mut c, &desk, self.now()).await?
        {
            if urgent == 0 && overdue == 0 {
                continue;
            }
            let name = institutions::find(&mut c, desk.team(), InstitutionId(institution))
                .await?
                .map(|i| i.short_name)
                .unwrap_or_default();
            waiting.push(WaitingReferrals {
                institution: name,
                urgent,
                overdue,
            });
        }
        Ok(waiting)
    }
}

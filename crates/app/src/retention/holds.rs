//! Legal holds: a case on hold keeps everything, whatever the retention schedule says. The
//! owning institution's case workers set and lift holds on their cases (from the case page),
//! the auditor on any case (from the schedule's page); each change is audited.

use super::due::{named, DueCase};
use crate::audit::{AuditEvent, Author};
use crate::{App, AppError};
use spona_domain::access::{decide, Action, Actor};
use spona_domain::accounts::Role;
use spona_domain::cases::{CaseId, Reason};
use spona_domain::ids::TeamId;
use spona_domain::validation::{FieldError, FieldErrors};
use spona_store::holds::{self, HoldRow};
use spona_store::{retention, Connection};

/// A hold as pages show it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HoldView {
    pub case: DueCase,
    pub reason: String,
    pub set_at: i64,
}

impl App {
    /// The case, if the actor may hold it: the auditor any case, a case worker a case their
    /// institution owns (reached, and refused, as working on the case is).
    async fn holdable(
        &self,
        c: &mut Connection,
        actor: &Actor,
        id: CaseId,
    ) -> Result<retention::DueCase, AppError> {
        if actor.role != Role::Auditor {
            crate::cases::owned_case(c, actor, id).await?;
        }
        if !decide(actor, Action::HoldCases).allowed() {
            return Err(AppError::Forbidden);
        }
        let case = retention::case_named(c, id.0)
            .await?
            .ok_or(AppError::NotFound)?;
        // Nothing is left to hold once the personal data is gone.
        if retention::is_shredded(c, id.0).await? {
            return Err(AppError::Forbidden);
        }
        Ok(case)
    }

    /// Puts a case on legal hold (or changes the reason of its hold).
    pub async fn set_hold(&self, actor: &Actor, id: CaseId, reason: &str) -> Result<(), AppError> {
        let mut tx = self.db.begin().await?;
        let case = self.holdable(&mut tx, actor, id).await?;
        let reason = Reason::parse(reason).map_err(|e| invalid("reason", e))?;
        let hold = HoldRow {
            case_id: case.id,
            team_id: case.team_id,
            reason: reason.into_string(),
            set_by: actor.user_id.0,
            set_at: self.now(),
        };
        holds::set(&mut tx, &hold).await?;
        let ev = AuditEvent {
            reason: &hold.reason,
            ..AuditEvent::about(Some(TeamId(case.team_id)), "case-hold-set", "case", case.id)
        };
        self.audit(&mut tx, Author::of(actor), ev).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Lifts a case's legal hold; false (and nothing written) when it had none.
    pub async fn lift_hold(&self, actor: &Actor, id: CaseId) -> Result<bool, AppError> {
        let mut tx = self.db.begin().await?;
        let case = self.holdable(&mut tx, actor, id).await?;
        if !holds::lift(&mut tx, case.id).await? {
            return Ok(false);
        }
        let ev = AuditEvent::about(
            Some(TeamId(case.team_id)),
            "case-hold-lifted",
            "case",
            case.id,
        );
        self.audit(&mut tx, Author::of(actor), ev).await?;
        tx.commit().await?;
        Ok(true)
    }

    /// A case's hold, for its page (the caller has opened the case).
    pub(crate) async fn hold_of(
        &self,
        c: &mut Connection,
        id: CaseId,
    ) -> Result<Option<HoldView>, AppError> {
        let Some(hold) = holds::of_case(c, id.0).await? else {
            return Ok(None);
        };
        self.hold_view(c, hold).await
    }

    /// Every hold, for the schedule's page (the administrator and the auditor).
    pub async fn holds(&self, actor: &Actor) -> Result<Vec<HoldView>, AppError> {
        super::may_see_schedule(actor)?;
        let mut c = self.db.conn().await?;
        let mut views = Vec::new();
        for hold in holds::all(&mut c).await? {
            views.extend(self.hold_view(&mut c, hold).await?);
        }
        Ok(views)
    }

    async fn hold_view(
        &self,
        c: &mut Connection,
        hold: HoldRow,
    ) -> Result<Option<HoldView>, AppError> {
        Ok(retention::case_named(c, hold.case_id)
            .await?
            .map(|case| HoldView {
                case: named(&case),
                reason: hold.reason,
                set_at: hold.set_at,
            }))
    }
}

fn invalid(name: &'static str, err: FieldError) -> AppError {
    let mut e = FieldErrors::new();
    e.add(name, err);
    AppError::Invalid(e)
}

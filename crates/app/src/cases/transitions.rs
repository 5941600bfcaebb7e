//! Moving a case through the referral mechanism; illegal moves are refused with a reason.

use crate::audit::{AuditEvent, Author};
use crate::{App, AppError};
use spona_domain::access::Actor;
use spona_domain::cases::{
    apply, CaseId, CaseState, CaseTransition, ProceedingsMove, ProceedingsStage, Reason,
};
use spona_domain::validation::{FieldError, FieldErrors};
use spona_store::cases::{self, StateChange};

impl App {
    /// Makes the move named by `code` on the case, if the actor's institution owns it, the
    /// state allows it and nobody changed the case since `version`. Closing needs
    /// `confirmed`: the owner has been shown what is still open (see `closing`) and closes
    /// anyway; without it the close is refused at the field `confirm`.
    pub async fn transition_case(
        &self,
        actor: &Actor,
        id: CaseId,
        code: &str,
        version: i64,
        confirmed: bool,
    ) -> Result<CaseState, AppError> {
        let invalid = || {
            let mut e = FieldErrors::new();
            e.add("transition", FieldError::Invalid);
            AppError::Invalid(e)
        };
        let now = self.now();
        let mut tx = self.db.begin().await?;
        let (desk, row, case_referrals) = super::owned_case(&mut tx, actor, id).await?;
        let team_id = desk.team();
        let transition = CaseTransition::from_code(code).ok_or_else(invalid)?;
        // What the Centre decided is not recorded again by hand.
        if matches!(transition, CaseTransition::RecordOutcome(_))
            && super::identification::centre_decided(&case_referrals)
        {
            return Err(invalid());
        }
        let state = CaseState::from_code(&row.state)
            .ok_or_else(|| AppError::Internal(format!("case state {:?}", row.state)))?;
        let next = apply(state, transition).map_err(|_| invalid())?;
        if transition == CaseTransition::Close && !confirmed {
            let mut e = FieldErrors::new();
            e.add("confirm", FieldError::Required);
            return Err(AppError::Invalid(e));
        }
        // The outcome is kept through assistance and closing; reopening starts afresh.
        let outcome = match transition {
            CaseTransition::RecordOutcome(o) => o.code(),
            CaseTransition::Reopen => "",
            _ => row.outcome.as_str(),
        };
        let change = StateChange {
            state: next.code(),
            outcome,
            closed_at: next.is_closed().then_some(now),
        };
        cases::set_state(&mut tx, &desk, id, version, &change, now).await?;
        let action = format!("case-{}", transition.code());
        let event = AuditEvent::about(Some(team_id), &action, "case", id.0);
        self.audit(&mut tx, Author::of(actor), event).await?;
        tx.commit().await?;
        Ok(next)
    }
}

impl App {
    /// Moves the criminal-proceedings track forward to `stage`, or back with a written
    /// correction reason; only the owning institution records it.
    pub async fn move_proceedings(
        &self,
        actor: &Actor,
        id: CaseId,
        stage: &str,
        correction: &str,
        version: i64,
    ) -> Result<ProceedingsStage, AppError> {
        let now = self.now();
        let mut tx = self.db.begin().await?;
        // Access is decided first, in the transaction that does the work, before the stage and
        // the reason are judged.
        let (desk, row, _) = super::owned_case(&mut tx, actor, id).await?;
        let team_id = desk.team();
        let field = |name: &'static str, err: FieldError| {
            let mut e = FieldErrors::new();
            e.add(name, err);
            AppError::Invalid(e)
        };
        let target = ProceedingsStage::from_code(stage)
            .ok_or_else(|| field("stage", FieldError::Unknown))?;
        let current = ProceedingsStage::from_code(&row.proceedings)
            .ok_or_else(|| AppError::Internal(format!("proceedings {:?}", row.proceedings)))?;
        let change = if correction.trim().is_empty() {
            ProceedingsMove::Advance(target)
        } else {
            let reason = Reason::parse(correction).map_err(|e| field("correction", e))?;
            ProceedingsMove::Correct { to: target, reason }
        };
        let next = current
            .apply(&change)
            .map_err(|_| field("stage", FieldError::Invalid))?;
        cases::set_proceedings(&mut tx, &desk, id, version, next.code(), now).await?;
        let action = format!("proceedings-{}", next.code());
        let mut event = AuditEvent::about(Some(team_id), &action, "case", id.0);
        if let ProceedingsMove::Correct { reason, .. } = &change {
            event.reason = reason.as_str();
            event.action = "proceedings-corrected";
        }
        self.audit(&mut tx, Author::of(actor), event).await?;
        tx.commit().await?;
        Ok(next)
    }
}

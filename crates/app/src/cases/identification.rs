//! Formal identification by the Centre for Protection of Victims of Trafficking: referring a
//! case to it marks the case referred for identification, and the Centre's decision, taken
//! when it completes the referral, becomes the case's identification outcome.

use crate::audit::{AuditEvent, Author};
use crate::{App, AppError};
use spona_domain::access::{Actor, TeamCases};
use spona_domain::cases::{moves_for, CaseId, CaseState, CaseTransition, CentreDecision};
use spona_domain::validation::{FieldError, FieldErrors};
use spona_store::alerts::Recipient;
use spona_store::cases::{self, CaseRow, StateChange};
use spona_store::Tx;

impl App {
    /// The Centre's decision and its day, as typed: both required, the day not in the future.
    pub(crate) fn judge_decision(
        &self,
        decision: &str,
        decided_on: &str,
    ) -> Result<(CentreDecision, time::Date), AppError> {
        let mut e = FieldErrors::new();
        let decision = e.check(
            "decision",
            CentreDecision::from_code(decision.trim()).ok_or(if decision.is_empty() {
                FieldError::Required
            } else {
                FieldError::Unknown
            }),
        );
        let on = e.check(
            "decided_on",
            spona_domain::text::date(decided_on).and_then(|d| {
                if d > self.today() {
                    Err(FieldError::DateInFuture)
                } else {
                    Ok(d)
                }
            }),
        );
        match (decision, on) {
            (Some(decision), Some(on)) if e.is_empty() => Ok((decision, on)),
            _ => Err(AppError::Invalid(e)),
        }
    }

    /// Moves a reported case to "referred for identification" (it was just referred to the
    /// Centre); a case further on keeps its state.
    pub(crate) async fn mark_referred_for_identification(
        &self,
        tx: &mut Tx,
        actor: &Actor,
        desk: &TeamCases,
        row: &CaseRow,
    ) -> Result<(), AppError> {
        if CaseState::from_code(&row.state) != Some(CaseState::Reported) {
            return Ok(());
        }
        let transition = CaseTransition::ReferForIdentification;
        let change = StateChange {
            state: CaseState::ReferredForIdentification.code(),
            outcome: "",
            closed_at: None,
        };
        // The row was read in this transaction, and sending the referral did not change it.
        cases::set_state(tx, desk, row.id, row.version, &change, self.now()).await?;
        let action = format!("case-{}", transition.code());
        let event = AuditEvent::about(Some(desk.team()), &action, "case", row.id.0);
        self.audit(tx, Author::of(actor), event).await
    }

    /// Brings the Centre's decision into the case: its identification outcome, each move
    /// audited as the Centre's, and the owning institution told.
    pub(crate) async fn take_decision(
        &self,
        tx: &mut Tx,
        actor: &Actor,
        desk: &TeamCases,
        case_id: CaseId,
        decision: CentreDecision,
    ) -> Result<(), AppError> {
        let row = cases::find(tx, desk, case_id)
            .await?
            .ok_or(AppError::NotFound)?;
        let state = CaseState::from_code(&row.state)
            .ok_or_else(|| AppError::Internal(format!("case state {:?}", row.state)))?;
        // Each move raises the case's version by one.
        for (version, (transition, next)) in (row.version..).zip(moves_for(state, decision)) {
            let change = StateChange {
                state: next.code(),
                outcome: match transition {
                    CaseTransition::RecordOutcome(o) => o.code(),
                    _ => "",
                },
                closed_at: None,
            };
            cases::set_state(tx, desk, case_id, version, &change, self.now()).await?;
            let action = format!("case-{}", transition.code());
            let event = AuditEvent::about(Some(desk.team()), &action, "case", case_id.0);
            self.audit(tx, Author::of(actor), event).await?;
        }
        let owner =
            Recipient::Institution(spona_domain::ids::InstitutionId(row.owner_institution_id));
        self.notify(
            tx,
            desk.team(),
            owner,
            "identification-decided",
            Some(case_id),
        )
        .await
    }
}

/// Whether the Centre has decided on the case: then its outcome is the Centre's, and the
/// owner does not record one by hand.
pub(crate) fn centre_decided(referrals: &[spona_store::referrals::ReferralRow]) -> bool {
    referrals
        .iter()
        .any(|r| CentreDecision::from_code(&r.decision).is_some())
}

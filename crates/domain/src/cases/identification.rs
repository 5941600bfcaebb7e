//! Formal identification by the Centre for Protection of Victims of Trafficking: a case is
//! referred to it, and its decision flows back into the case as the identification outcome,
//! so that the local team never records by hand what the Centre decided.

use super::state::{apply, CaseState, CaseTransition, IdentificationOutcome};

coded_enum! {
    /// The Centre's decision on a referral for formal identification.
    pub enum CentreDecision {
        /// Formally identified as a victim of trafficking.
        Identified => "identified",
        /// Assessed and not identified as a victim.
        NotIdentified => "not-identified",
        /// The assessment ended without a decision (the person could not be reached, left,
        /// or withdrew).
        AssessmentEnded => "assessment-ended",
    }
}

impl CentreDecision {
    /// The case's identification outcome that the decision means.
    pub fn outcome(self) -> IdentificationOutcome {
        match self {
            CentreDecision::Identified => IdentificationOutcome::Identified,
            CentreDecision::NotIdentified => IdentificationOutcome::NotAVictim,
            CentreDecision::AssessmentEnded => IdentificationOutcome::ProcedureSuspended,
        }
    }
}

/// The moves that bring a case in `state` to the decision's outcome: from "reported" it is
/// first referred for identification; a case already past identification (in assistance,
/// or closed) is not moved, and the decision stays on the referral for its owner to read.
pub fn moves_for(state: CaseState, decision: CentreDecision) -> Vec<(CaseTransition, CaseState)> {
    let record = CaseTransition::RecordOutcome(decision.outcome());
    let mut moves = Vec::new();
    let mut at = state;
    if at == CaseState::Reported {
        if let Ok(next) = apply(at, CaseTransition::ReferForIdentification) {
            moves.push((CaseTransition::ReferForIdentification, next));
            at = next;
        }
    }
    match apply(at, record) {
        Ok(next) => {
            moves.push((record, next));
            moves
        }
        Err(_) => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use IdentificationOutcome as O;

    #[test]
    fn each_decision_means_one_outcome() {
        assert_eq!(CentreDecision::Identified.outcome(), O::Identified);
        assert_eq!(CentreDecision::NotIdentified.outcome(), O::NotAVictim);
        assert_eq!(
            CentreDecision::AssessmentEnded.outcome(),
            O::ProcedureSuspended
        );
    }

    #[test]
    fn a_reported_case_is_referred_then_given_the_outcome() {
        let moves = moves_for(CaseState::Reported, CentreDecision::Identified);
        assert_eq!(
            moves.last().map(|m| m.1),
            Some(CaseState::IdentificationOutcome(O::Identified))
        );
        assert_eq!(moves.len(), 2);
        let moves = moves_for(
            CaseState::ReferredForIdentification,
            CentreDecision::NotIdentified,
        );
        assert_eq!(
            moves,
            vec![(
                CaseTransition::RecordOutcome(O::NotAVictim),
                CaseState::IdentificationOutcome(O::NotAVictim)
            )]
        );
        let pending = CaseState::IdentificationOutcome(O::Pending);
        assert_eq!(moves_for(pending, CentreDecision::Identified).len(), 1);
    }

    #[test]
    fn a_case_past_identification_is_not_moved() {
        for state in [CaseState::AssistanceAndProtection, CaseState::Closed] {
            assert!(moves_for(state, CentreDecision::Identified).is_empty());
        }
    }
}

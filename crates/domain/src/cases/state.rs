//! Where a case stands in the referral mechanism, and the moves between its states.
//!
//! ```text
//! Reported ──refer──▶ ReferredForIdentification ──record outcome──▶ IdentificationOutcome(…)
//!
//!   Pending ──record outcome──▶ any other outcome
//!   Identified ──start assistance──▶ AssistanceAndProtection ──▶ ReturnOrInclusion ──close──▶ Closed
//!   NotAVictim | ReportDismissed | ProcedureSuspended ──close──▶ Closed
//!   Closed ──reopen──▶ Reported
//! ```
//!
//! Reopening always leads back to `Reported`: a case is reopened because something new is
//! known, and the local team does not identify, so the new facts go through referral for
//! identification again. The earlier path stays in the case's history, and the reopening is
//! its own transition ([`CaseTransition::Reopen`]) so that history shows it as such.
//!
//! `ProcedureSuspended` may be closed like the negative outcomes: a discontinued procedure has
//! nothing left to wait for, and without that move such a case could never be closed.
//! Urgent protection and services are recorded whatever the state; the state says which step
//! of the mechanism the case has reached, it does not gate help.

use std::fmt;

coded_enum! {
    /// The outcome of formal identification, decided by the identifying body and recorded here.
    pub enum IdentificationOutcome {
        /// Identified as a victim (идентификована жртва) by the national Centre or the CSW.
        Identified => "identified",
        /// Assessed and found not to be a victim.
        NotAVictim => "not-a-victim",
        /// The report was dismissed (одбачена).
        ReportDismissed => "dismissed",
        /// The procedure was discontinued (обустављено).
        ProcedureSuspended => "suspended",
        /// Identification is still ongoing.
        Pending => "pending",
    }
}

impl IdentificationOutcome {
    /// Whether identification is over: every outcome but `Pending`.
    pub fn is_final(self) -> bool {
        self != IdentificationOutcome::Pending
    }
}

/// The state of a case.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CaseState {
    /// Detected and reported by the team; not yet referred for identification.
    Reported,
    /// Referred to the identifying body (national Centre for adults, CSW for children).
    ReferredForIdentification,
    /// The identifying body's outcome is recorded.
    IdentificationOutcome(IdentificationOutcome),
    /// The person receives assistance and protection (individual protection plan, services).
    AssistanceAndProtection,
    /// Return or social inclusion, with follow-up.
    ReturnOrInclusion,
    /// Closed; can only be reopened.
    Closed,
}

impl CaseState {
    /// Every state, in the order of the mechanism.
    pub const ALL: [CaseState; 10] = [
        CaseState::Reported,
        CaseState::ReferredForIdentification,
        CaseState::IdentificationOutcome(IdentificationOutcome::Identified),
        CaseState::IdentificationOutcome(IdentificationOutcome::NotAVictim),
        CaseState::IdentificationOutcome(IdentificationOutcome::ReportDismissed),
        CaseState::IdentificationOutcome(IdentificationOutcome::ProcedureSuspended),
        CaseState::IdentificationOutcome(IdentificationOutcome::Pending),
        CaseState::AssistanceAndProtection,
        CaseState::ReturnOrInclusion,
        CaseState::Closed,
    ];

    /// Storage code.
    pub fn code(self) -> &'static str {
        use IdentificationOutcome as O;
        match self {
            CaseState::Reported => "reported",
            CaseState::ReferredForIdentification => "referred",
            CaseState::IdentificationOutcome(O::Identified) => "outcome-identified",
            CaseState::IdentificationOutcome(O::NotAVictim) => "outcome-not-a-victim",
            CaseState::IdentificationOutcome(O::ReportDismissed) => "outcome-dismissed",
            CaseState::IdentificationOutcome(O::ProcedureSuspended) => "outcome-suspended",
            CaseState::IdentificationOutcome(O::Pending) => "outcome-pending",
            CaseState::AssistanceAndProtection => "assistance",
            CaseState::ReturnOrInclusion => "return-or-inclusion",
            CaseState::Closed => "closed",
        }
    }

    /// Parses the storage code; unknown codes are refused.
    pub fn from_code(code: &str) -> Option<CaseState> {
        CaseState::ALL.into_iter().find(|s| s.code() == code)
    }

    /// The state a new case starts in.
    pub fn initial() -> CaseState {
        CaseState::Reported
    }

    /// Whether the case is closed.
    pub fn is_closed(self) -> bool {
        self == CaseState::Closed
    }
}

impl fmt::Display for CaseState {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// A move of a case from one state to another. Each move has one target state
/// ([`CaseTransition::target`]); [`apply`] decides from which states it may be made.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CaseTransition {
    /// Refer the person for formal identification.
    ReferForIdentification,
    /// Record the identifying body's outcome (or that it is still pending).
    RecordOutcome(IdentificationOutcome),
    /// Start assistance and protection of an identified person.
    StartAssistance,
    /// Move on to return or social inclusion.
    StartReturnOrInclusion,
    /// Close the case.
    Close,
    /// Reopen a closed case; it goes back to `Reported`.
    Reopen,
}

impl CaseTransition {
    /// Every transition.
    pub const ALL: [CaseTransition; 10] = [
        CaseTransition::ReferForIdentification,
        CaseTransition::RecordOutcome(IdentificationOutcome::Identified),
        CaseTransition::RecordOutcome(IdentificationOutcome::NotAVictim),
        CaseTransition::RecordOutcome(IdentificationOutcome::ReportDismissed),
        CaseTransition::RecordOutcome(IdentificationOutcome::ProcedureSuspended),
        CaseTransition::RecordOutcome(IdentificationOutcome::Pending),
        CaseTransition::StartAssistance,
        CaseTransition::StartReturnOrInclusion,
        CaseTransition::Close,
        CaseTransition::Reopen,
    ];

    /// Storage and form code (the history records it; buttons post it).
    pub fn code(self) -> &'static str {
        use IdentificationOutcome as O;
        match self {
            CaseTransition::ReferForIdentification => "refer-for-identification",
            CaseTransition::RecordOutcome(O::Identified) => "record-outcome-identified",
            CaseTransition::RecordOutcome(O::NotAVictim) => "record-outcome-not-a-victim",
            CaseTransition::RecordOutcome(O::ReportDismissed) => "record-outcome-dismissed",
            CaseTransition::RecordOutcome(O::ProcedureSuspended) => "record-outcome-suspended",
            CaseTransition::RecordOutcome(O::Pending) => "record-outcome-pending",
            CaseTransition::StartAssistance => "start-assistance",
            CaseTransition::StartReturnOrInclusion => "start-return-or-inclusion",
            CaseTransition::Close => "close",
            CaseTransition::Reopen => "reopen",
        }
    }

    /// Parses the code; unknown codes are refused.
    pub fn from_code(code: &str) -> Option<CaseTransition> {
        CaseTransition::ALL.into_iter().find(|t| t.code() == code)
    }

    /// The state the case is in after this move.
    pub fn target(self) -> CaseState {
        match self {
            CaseTransition::ReferForIdentification => CaseState::ReferredForIdentification,
            CaseTransition::RecordOutcome(o) => CaseState::IdentificationOutcome(o),
            CaseTransition::StartAssistance => CaseState::AssistanceAndProtection,
            CaseTransition::StartReturnOrInclusion => CaseState::ReturnOrInclusion,
            CaseTransition::Close => CaseState::Closed,
            CaseTransition::Reopen => CaseState::Reported,
        }
    }

    /// Whether this move reopens a closed case (recorded as a reopening, not as a new report).
    pub fn is_reopening(self) -> bool {
        self == CaseTransition::Reopen
    }
}

impl fmt::Display for CaseTransition {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// A move that the case's state does not allow; names both ends for the message.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[error("a case in state `{from}` cannot move to `{to}` (transition `{transition}`)")]
pub struct TransitionError {
    /// The state the case is in.
    pub from: CaseState,
    /// The state the refused move leads to.
    pub to: CaseState,
    /// The refused move.
    pub transition: CaseTransition,
}

/// Makes a move, or refuses it when the state does not allow it. This is the transition table.
pub fn apply(state: CaseState, transition: CaseTransition) -> Result<CaseState, TransitionError> {
    use CaseState as S;
    use CaseTransition as T;
    use IdentificationOutcome as O;
    let permitted = match (state, transition) {
        (S::Reported, T::ReferForIdentification) => true,
        (S::ReferredForIdentification, T::RecordOutcome(_)) => true,
        // A pending identification ends in one of the other outcomes.
        (S::IdentificationOutcome(O::Pending), T::RecordOutcome(o)) => o.is_final(),
        (S::IdentificationOutcome(O::Identified), T::StartAssistance) => true,
        (
            S::IdentificationOutcome(O::NotAVictim | O::ReportDismissed | O::ProcedureSuspended),
            T::Close,
        ) => true,
        (S::AssistanceAndProtection, T::StartReturnOrInclusion) => true,
        (S::ReturnOrInclusion, T::Close) => true,
        (S::Closed, T::Reopen) => true,
        _ => false,
    };
    if permitted {
        Ok(transition.target())
    } else {
        Err(TransitionError {
            from: state,
            to: transition.target(),
            transition,
        })
    }
}

/// The moves the state allows, in the order of [`CaseTransition::ALL`] (for offering buttons).
pub fn allowed(state: CaseState) -> Vec<CaseTransition> {
    CaseTransition::ALL
        .into_iter()
        .filter(|t| apply(state, *t).is_ok())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::collections::{BTreeSet, HashSet};
    use CaseState as S;
    use CaseTransition as T;
    use IdentificationOutcome as O;

    /// The transition table written out edge by edge, independently of [`apply`].
    fn table() -> Vec<(CaseState, CaseTransition, CaseState)> {
        let outcome = S::IdentificationOutcome;
        let mut edges = vec![
            (
                S::Reported,
                T::ReferForIdentification,
                S::ReferredForIdentification,
            ),
            (
                outcome(O::Identified),
                T::StartAssistance,
                S::AssistanceAndProtection,
            ),
            (outcome(O::NotAVictim), T::Close, S::Closed),
            (outcome(O::ReportDismissed), T::Close, S::Closed),
            (outcome(O::ProcedureSuspended), T::Close, S::Closed),
            (
                S::AssistanceAndProtection,
                T::StartReturnOrInclusion,
                S::ReturnOrInclusion,
            ),
            (S::ReturnOrInclusion, T::Close, S::Closed),
            (S::Closed, T::Reopen, S::Reported),
        ];
        for o in IdentificationOutcome::ALL {
            edges.push((
                S::ReferredForIdentification,
                T::RecordOutcome(*o),
                outcome(*o),
            ));
            if *o != O::Pending {
                edges.push((outcome(O::Pending), T::RecordOutcome(*o), outcome(*o)));
            }
        }
        edges
    }

    fn edge(from: CaseState, t: CaseTransition) -> Option<CaseState> {
        table()
            .into_iter()
            .find(|(f, tr, _)| *f == from && *tr == t)
            .map(|(_, _, to)| to)
    }

    #[test]
    fn apply_follows_the_table_exactly() {
        for s in CaseState::ALL {
            for t in CaseTransition::ALL {
                match edge(s, t) {
                    Some(to) => assert_eq!(apply(s, t), Ok(to), "{s} --{t}-->"),
                    None => assert_eq!(
                        apply(s, t),
                        Err(TransitionError {
                            from: s,
                            to: t.target(),
                            transition: t
                        }),
                        "{s} --{t}--> should be refused"
                    ),
                }
            }
        }
    }

    #[test]
    fn the_ordinary_path_of_an_identified_person_reaches_closed() {
        let path = [
            T::ReferForIdentification,
            T::RecordOutcome(O::Pending),
            T::RecordOutcome(O::Identified),
            T::StartAssistance,
            T::StartReturnOrInclusion,
            T::Close,
        ];
        let end = path
            .into_iter()
            .try_fold(CaseState::initial(), apply)
            .unwrap();
        assert_eq!(end, S::Closed);
    }

    #[test]
    fn negative_outcomes_close_directly_and_identified_does_not() {
        for o in [O::NotAVictim, O::ReportDismissed, O::ProcedureSuspended] {
            assert_eq!(apply(S::IdentificationOutcome(o), T::Close), Ok(S::Closed));
        }
        assert!(apply(S::IdentificationOutcome(O::Identified), T::Close).is_err());
        assert!(apply(S::IdentificationOutcome(O::Pending), T::Close).is_err());
        assert!(apply(S::AssistanceAndProtection, T::Close).is_err());
    }

    #[test]
    fn pending_becomes_another_outcome_but_not_pending_again() {
        let pending = S::IdentificationOutcome(O::Pending);
        assert_eq!(
            apply(pending, T::RecordOutcome(O::NotAVictim)),
            Ok(S::IdentificationOutcome(O::NotAVictim))
        );
        assert!(apply(pending, T::RecordOutcome(O::Pending)).is_err());
        // A decided outcome is not changed by recording another; that takes a reopening.
        assert!(apply(
            S::IdentificationOutcome(O::NotAVictim),
            T::RecordOutcome(O::Identified)
        )
        .is_err());
    }

    #[test]
    fn a_report_cannot_skip_referral_for_identification() {
        for t in [
            T::RecordOutcome(O::Identified),
            T::StartAssistance,
            T::Close,
            T::Reopen,
        ] {
            assert!(apply(S::Reported, t).is_err(), "{t}");
        }
    }

    #[test]
    fn reopening_is_its_own_move_and_leads_back_to_reported() {
        assert_eq!(allowed(S::Closed), vec![T::Reopen]);
        assert_eq!(apply(S::Closed, T::Reopen), Ok(S::Reported));
        assert!(T::Reopen.is_reopening());
        assert!(!T::ReferForIdentification.is_reopening());
        for s in CaseState::ALL.into_iter().filter(|s| !s.is_closed()) {
            assert!(apply(s, T::Reopen).is_err(), "{s}");
        }
    }

    #[test]
    fn a_refused_move_names_both_states() {
        let e = apply(S::Reported, T::Close).unwrap_err();
        assert_eq!(e.from, S::Reported);
        assert_eq!(e.to, S::Closed);
        assert_eq!(
            e.to_string(),
            "a case in state `reported` cannot move to `closed` (transition `close`)"
        );
    }

    #[test]
    fn codes_round_trip_and_are_distinct() {
        for s in CaseState::ALL {
            assert_eq!(CaseState::from_code(s.code()), Some(s));
        }
        for t in CaseTransition::ALL {
            assert_eq!(CaseTransition::from_code(t.code()), Some(t));
        }
        for o in IdentificationOutcome::ALL {
            assert_eq!(IdentificationOutcome::from_code(o.code()), Some(*o));
        }
        let states: HashSet<_> = CaseState::ALL.iter().map(|s| s.code()).collect();
        let moves: HashSet<_> = CaseTransition::ALL.iter().map(|t| t.code()).collect();
        assert_eq!(states.len(), CaseState::ALL.len());
        assert_eq!(moves.len(), CaseTransition::ALL.len());
        assert_eq!(CaseState::from_code("identified"), None);
        assert_eq!(
            CaseState::from_code("outcome-identified"),
            Some(S::IdentificationOutcome(O::Identified))
        );
    }

    #[test]
    fn every_state_is_reachable_and_no_state_is_a_dead_end() {
        let mut seen = BTreeSet::from([S::Reported.code()]);
        let mut frontier = vec![S::Reported];
        while let Some(s) = frontier.pop() {
            assert!(!allowed(s).is_empty(), "{s} has no way out");
            for t in allowed(s) {
                let next = apply(s, t).unwrap();
                if seen.insert(next.code()) {
                    frontier.push(next);
                }
            }
        }
        assert_eq!(seen.len(), CaseState::ALL.len());
    }

    fn any_state() -> impl Strategy<Value = CaseState> {
        proptest::sample::select(CaseState::ALL.to_vec())
    }

    fn any_transition() -> impl Strategy<Value = CaseTransition> {
        proptest::sample::select(CaseTransition::ALL.to_vec())
    }

    proptest! {
        #[test]
        fn any_sequence_only_ever_takes_edges_of_the_table(
            moves in proptest::collection::vec(any_transition(), 0..60)
        ) {
            let mut state = CaseState::initial();
            for t in moves {
                match apply(state, t) {
                    Ok(next) => {
                        prop_assert_eq!(edge(state, t), Some(next));
                        state = next;
                    }
                    Err(e) => {
                        prop_assert_eq!(edge(state, t), None);
                        prop_assert_eq!(e.from, state);
                        prop_assert_eq!(e.to, t.target());
                    }
                }
            }
        }

        #[test]
        fn closed_is_only_reached_after_referral_and_an_outcome(
            moves in proptest::collection::vec(any_transition(), 0..60)
        ) {
            let mut state = CaseState::initial();
            // What happened since the case was last (re)opened.
            let mut referred = false;
            let mut outcome = None;
            for t in moves {
                let Ok(next) = apply(state, t) else { continue };
                match next {
                    S::Reported => {
                        referred = false;
                        outcome = None;
                    }
                    S::ReferredForIdentification => referred = true,
                    S::IdentificationOutcome(o) => outcome = Some(o),
                    S::Closed => {
                        prop_assert!(referred);
                        prop_assert!(outcome.is_some_and(IdentificationOutcome::is_final));
                        prop_assert!(matches!(
                            state,
                            S::ReturnOrInclusion
                                | S::IdentificationOutcome(
                                    O::NotAVictim | O::ReportDismissed | O::ProcedureSuspended
                                )
                        ));
                        if state == S::ReturnOrInclusion {
                            prop_assert_eq!(outcome, Some(O::Identified));
                        }
                    }
                    S::AssistanceAndProtection | S::ReturnOrInclusion => {
                        prop_assert_eq!(outcome, Some(O::Identified));
                    }
                }
                state = next;
            }
        }

        #[test]
        fn allowed_moves_apply_and_no_other_does(state in any_state(), t in any_transition()) {
            prop_assert_eq!(allowed(state).contains(&t), apply(state, t).is_ok());
        }
    }
}

//! The criminal and civil proceedings track, parallel to the case's own state, and the
//! protection of a victim who testifies.
//!
//! The team often learns of proceedings late, so the stage may move forward to any later
//! stage (skipping those it did not hear of). It never moves backward by an ordinary move: a
//! stage recorded by mistake is put right by an explicit correction with a written reason,
//! which the history shows as a correction.

use super::reason::Reason;

coded_enum! {
    /// How far the criminal and civil proceedings have come, in their order.
    pub enum ProceedingsStage {
        /// No proceedings known.
        None => "none",
        /// Pre-investigation or investigation by the police and the prosecutor.
        Investigation => "investigation",
        /// An indictment is filed.
        Indictment => "indictment",
        /// The main trial.
        Trial => "trial",
        /// A verdict is given.
        Verdict => "verdict",
        /// Compensation is claimed or paid (property claim or civil suit).
        Compensation => "compensation",
    }
}

/// A change of the proceedings stage.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ProceedingsMove {
    /// Move forward to a later stage, possibly skipping some.
    Advance(ProceedingsStage),
    /// Put right a stage recorded by mistake: move back to an earlier stage, with a reason.
    Correct {
        to: ProceedingsStage,
        reason: Reason,
    },
}

impl ProceedingsMove {
    /// The stage the move leads to.
    pub fn target(&self) -> ProceedingsStage {
        match self {
            ProceedingsMove::Advance(to) | ProceedingsMove::Correct { to, .. } => *to,
        }
    }

    /// Whether the move is a correction (recorded with its reason).
    pub fn is_correction(&self) -> bool {
        matches!(self, ProceedingsMove::Correct { .. })
    }
}

/// Why a change of the proceedings stage, or of a witness's protection, was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ProceedingsError {
    /// An ordinary move that does not go forward.
    #[error("the proceedings cannot advance from `{from}` to `{to}`; an earlier stage needs a correction")]
    NotForward {
        from: ProceedingsStage,
        to: ProceedingsStage,
    },
    /// A correction that does not go back.
    #[error("a correction goes back from `{from}` to an earlier stage, not to `{to}`")]
    NotBackward {
        from: ProceedingsStage,
        to: ProceedingsStage,
    },
    /// Protection measures recorded for someone who does not testify.
    #[error("protection measures are recorded only for a person who testifies")]
    MeasuresWithoutTestimony,
}

impl ProceedingsStage {
    /// Makes a move, or refuses it.
    pub fn apply(self, change: &ProceedingsMove) -> Result<ProceedingsStage, ProceedingsError> {
        match change {
            ProceedingsMove::Advance(to) if *to > self => Ok(*to),
            ProceedingsMove::Advance(to) => Err(ProceedingsError::NotForward {
                from: self,
                to: *to,
            }),
            ProceedingsMove::Correct { to, .. } if *to < self => Ok(*to),
            ProceedingsMove::Correct { to, .. } => Err(ProceedingsError::NotBackward {
                from: self,
                to: *to,
            }),
        }
    }

    /// The stages an ordinary move may lead to (every later one).
    pub fn later(self) -> Vec<ProceedingsStage> {
        ProceedingsStage::ALL
            .iter()
            .copied()
            .filter(|s| *s > self)
            .collect()
    }

    /// The stages a correction may lead to (every earlier one).
    pub fn earlier(self) -> Vec<ProceedingsStage> {
        ProceedingsStage::ALL
            .iter()
            .copied()
            .filter(|s| *s < self)
            .collect()
    }
}

coded_enum! {
    /// A protection measure for a victim who testifies (Criminal Procedure Code; names (verify)).
    pub enum WitnessMeasure {
        /// Especially vulnerable witness (особито осетљив сведок): questioned through a
        /// psychologist or social worker, by video link, never face to face with the accused.
        EspeciallyVulnerable => "especially-vulnerable",
        /// Protected witness (заштићени сведок): identity withheld from the accused and public.
        ProtectedWitness => "protected-witness",
        /// The public is excluded from the hearing.
        ClosedHearing => "closed-hearing",
        /// The programme for the protection of participants in criminal proceedings.
        ProtectionProgramme => "protection-programme",
        /// Another measure, described in the case.
        Other => "other",
    }
}

/// Whether the person testifies in the proceedings, and the measures protecting them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct VictimWitness {
    testifies: bool,
    measures: Vec<WitnessMeasure>,
}

impl VictimWitness {
    /// Records testimony and measures; measures need testimony. Measures are kept once each,
    /// in catalogue order.
    pub fn new(
        testifies: bool,
        measures: &[WitnessMeasure],
    ) -> Result<VictimWitness, ProceedingsError> {
        if !testifies && !measures.is_empty() {
            return Err(ProceedingsError::MeasuresWithoutTestimony);
        }
        let mut measures = measures.to_vec();
        measures.sort();
        measures.dedup();
        Ok(VictimWitness {
            testifies,
            measures,
        })
    }

    /// Whether the person testifies.
    pub fn testifies(&self) -> bool {
        self.testifies
    }

    /// The protection measures, once each, in catalogue order.
    pub fn measures(&self) -> &[WitnessMeasure] {
        &self.measures
    }

    /// Whether the person testifies without any protection measure (worth a second look).
    pub fn is_unprotected_witness(&self) -> bool {
        self.testifies && self.measures.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use ProceedingsStage as P;

    fn reason() -> Reason {
        Reason::parse("унето грешком").unwrap()
    }

    #[test]
    fn stages_are_ordered_as_the_proceedings_run() {
        let all = ProceedingsStage::ALL;
        assert!(all.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(all.first(), Some(&P::None));
        assert_eq!(all.last(), Some(&P::Compensation));
        for s in all {
            assert_eq!(ProceedingsStage::from_code(s.code()), Some(*s));
        }
        assert_eq!(ProceedingsStage::from_code("appeal"), None);
    }

    #[test]
    fn advancing_may_skip_stages_but_never_goes_back_or_stays() {
        assert_eq!(
            P::None.apply(&ProceedingsMove::Advance(P::Trial)),
            Ok(P::Trial)
        );
        assert_eq!(
            P::Investigation.apply(&ProceedingsMove::Advance(P::Indictment)),
            Ok(P::Indictment)
        );
        assert_eq!(
            P::Trial.apply(&ProceedingsMove::Advance(P::Indictment)),
            Err(ProceedingsError::NotForward {
                from: P::Trial,
                to: P::Indictment
            })
        );
        assert!(P::Trial.apply(&ProceedingsMove::Advance(P::Trial)).is_err());
        assert!(P::Compensation.later().is_empty());
    }

    #[test]
    fn a_correction_goes_back_with_a_reason() {
        let back = ProceedingsMove::Correct {
            to: P::Investigation,
            reason: reason(),
        };
        assert!(back.is_correction());
        assert_eq!(P::Verdict.apply(&back), Ok(P::Investigation));
        assert_eq!(
            P::None.apply(&back),
            Err(ProceedingsError::NotBackward {
                from: P::None,
                to: P::Investigation
            })
        );
        assert!(P::Investigation.apply(&back).is_err());
        assert!(P::None.earlier().is_empty());
        assert_eq!(P::Indictment.earlier(), vec![P::None, P::Investigation]);
    }

    #[test]
    fn measures_belong_to_a_witness_and_are_kept_once() {
        assert_eq!(
            VictimWitness::new(false, &[WitnessMeasure::ProtectedWitness]),
            Err(ProceedingsError::MeasuresWithoutTestimony)
        );
        let w = VictimWitness::new(
            true,
            &[
                WitnessMeasure::ClosedHearing,
                WitnessMeasure::EspeciallyVulnerable,
                WitnessMeasure::ClosedHearing,
            ],
        )
        .unwrap();
        assert_eq!(
            w.measures(),
            &[
                WitnessMeasure::EspeciallyVulnerable,
                WitnessMeasure::ClosedHearing
            ]
        );
        assert!(!w.is_unprotected_witness());
        assert!(VictimWitness::new(true, &[])
            .unwrap()
            .is_unprotected_witness());
        assert!(!VictimWitness::default().testifies());
    }

    fn any_stage() -> impl Strategy<Value = ProceedingsStage> {
        proptest::sample::select(ProceedingsStage::ALL.to_vec())
    }

    proptest! {
        #[test]
        fn ordinary_moves_never_go_backward(from in any_stage(), to in any_stage()) {
            match from.apply(&ProceedingsMove::Advance(to)) {
                Ok(s) => prop_assert!(s > from && s == to && from.later().contains(&to)),
                Err(_) => prop_assert!(to <= from),
            }
            match from.apply(&ProceedingsMove::Correct { to, reason: reason() }) {
                Ok(s) => prop_assert!(s < from && s == to && from.earlier().contains(&to)),
                Err(_) => prop_assert!(to >= from),
            }
        }
    }
}

//! Transfer of a case's ownership to another institution (of the team, of another team or of
//! the national level): the owner offers it with a reason, the receiver accepts or declines,
//! the owner may withdraw an offer not yet answered. The case keeps its team and its code;
//! only who works on it changes, and the former owner keeps reading the record if the
//! receiver allows it when accepting.

coded_enum! {
    /// Where an offer of transfer stands.
    pub enum TransferStatus {
        /// Offered, not yet answered by the receiver.
        Offered => "offered",
        /// The receiver took the case over.
        Accepted => "accepted",
        /// The receiver did not take it; the owner keeps it.
        Declined => "declined",
        /// The owner took the offer back before an answer.
        Withdrawn => "withdrawn",
    }
}

/// Who answers an offer, and how.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TransferAnswer {
    /// The receiver takes the case over.
    Accept,
    /// The receiver does not take it.
    Decline,
    /// The owner takes the offer back.
    Withdraw,
}

/// An answer given to an offer that no longer awaits one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TransferAnswered(pub TransferStatus);

impl TransferStatus {
    /// The status after an answer; only an offer still waiting takes one.
    pub fn answer(self, answer: TransferAnswer) -> Result<TransferStatus, TransferAnswered> {
        if self != TransferStatus::Offered {
            return Err(TransferAnswered(self));
        }
        Ok(match answer {
            TransferAnswer::Accept => TransferStatus::Accepted,
            TransferAnswer::Decline => TransferStatus::Declined,
            TransferAnswer::Withdraw => TransferStatus::Withdrawn,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_an_offer_still_waiting_takes_an_answer() {
        let offered = TransferStatus::Offered;
        assert_eq!(
            offered.answer(TransferAnswer::Accept),
            Ok(TransferStatus::Accepted)
        );
        assert_eq!(
            offered.answer(TransferAnswer::Decline),
            Ok(TransferStatus::Declined)
        );
        assert_eq!(
            offered.answer(TransferAnswer::Withdraw),
            Ok(TransferStatus::Withdrawn)
        );
        for done in [
            TransferStatus::Accepted,
            TransferStatus::Declined,
            TransferStatus::Withdrawn,
        ] {
            for answer in [
                TransferAnswer::Accept,
                TransferAnswer::Decline,
                TransferAnswer::Withdraw,
            ] {
                assert_eq!(done.answer(answer), Err(TransferAnswered(done)));
            }
        }
    }
}

//! Messages on a referral, kept in the case: the receiver asks the referrer for more
//! information and the referrer answers; the Centre for Protection of Victims of Trafficking
//! shares a summary of its protection and assistance plan back to the case's owner.

use super::ReferralStatus;

coded_enum! {
    /// What a message on a referral is.
    pub enum MessageKind {
        /// The receiver asks the referrer for more information.
        Question => "question",
        /// The referrer (the case's owner) answers a question.
        Answer => "answer",
        /// The Centre's summary of its protection and assistance plan, for the owner.
        Plan => "plan",
    }
}

/// Which side of the referral writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    /// The institution the referral was sent to.
    Receiver,
    /// The institution that owns the case.
    Owner,
}

/// Whether `side` may write a message of `kind` on a referral in `status`: the receiver asks
/// while the referral is open (sent or accepted); the owner answers once a question was
/// asked; only the Centre shares a plan, once it took the referral on (accepted or completed).
pub fn may_write(
    kind: MessageKind,
    side: Side,
    status: ReferralStatus,
    to_centre: bool,
    asked: bool,
) -> bool {
    match (kind, side) {
        (MessageKind::Question, Side::Receiver) => {
            matches!(status, ReferralStatus::Sent | ReferralStatus::Accepted)
        }
        (MessageKind::Answer, Side::Owner) => asked,
        (MessageKind::Plan, Side::Receiver) => {
            to_centre && matches!(status, ReferralStatus::Accepted | ReferralStatus::Completed)
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_side_writes_only_its_own_kind_and_only_in_time() {
        use MessageKind::*;
        use ReferralStatus::*;
        use Side::*;
        assert!(may_write(Question, Receiver, Sent, false, false));
        assert!(may_write(Question, Receiver, Accepted, true, false));
        assert!(!may_write(Question, Receiver, Declined, false, false));
        assert!(!may_write(Question, Receiver, Completed, false, false));
        assert!(!may_write(Question, Owner, Sent, false, false));
        assert!(may_write(Answer, Owner, Accepted, false, true));
        assert!(
            !may_write(Answer, Owner, Accepted, false, false),
            "nothing asked"
        );
        assert!(!may_write(Answer, Receiver, Accepted, false, true));
        assert!(may_write(Plan, Receiver, Accepted, true, false));
        assert!(may_write(Plan, Receiver, Completed, true, false));
        assert!(
            !may_write(Plan, Receiver, Sent, true, false),
            "not yet taken on"
        );
        assert!(
            !may_write(Plan, Receiver, Accepted, false, false),
            "only the Centre"
        );
        assert!(!may_write(Plan, Owner, Accepted, true, false));
    }
}

//! What is still open on a case that is about to close, so that closing is a decision taken
//! with it in view: services planned or under way, follow-ups still ahead, and referrals that
//! wait for an answer or are being worked on. Closing is not refused for them (a person may
//! leave, or refuse further help), but the owner confirms it after seeing the list.

use super::catalogues::ServiceStatus;
use super::referral::ReferralStatus;
use time::Date;

/// Whether a service still needs attention when the case closes.
pub fn service_open(status: ServiceStatus) -> bool {
    status.is_open()
}

/// Whether a follow-up is still ahead: not done, and due today or later. (A follow-up whose
/// day has passed is history: it was made or missed, and there is nothing left to wait for.)
pub fn follow_up_pending(due_on: Date, done: bool, today: Date) -> bool {
    !done && due_on >= today
}

/// Whether a referral is still live work: waiting for the receiver's answer, or accepted and
/// not yet completed.
pub fn referral_live(status: ReferralStatus) -> bool {
    matches!(status, ReferralStatus::Sent | ReferralStatus::Accepted)
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn planned_and_ongoing_services_are_open_and_finished_ones_are_not() {
        assert!(service_open(ServiceStatus::Planned));
        assert!(service_open(ServiceStatus::Ongoing));
        for done in [
            ServiceStatus::Completed,
            ServiceStatus::Declined,
            ServiceStatus::Unavailable,
        ] {
            assert!(!service_open(done), "{done}");
        }
    }

    #[test]
    fn a_follow_up_is_pending_until_its_day_unless_done() {
        let today = date!(2026 - 11 - 28);
        assert!(follow_up_pending(date!(2026 - 12 - 05), false, today));
        assert!(follow_up_pending(today, false, today));
        assert!(!follow_up_pending(date!(2026 - 12 - 05), true, today));
        assert!(!follow_up_pending(date!(2026 - 11 - 27), false, today));
    }

    #[test]
    fn waiting_and_accepted_referrals_are_live() {
        assert!(referral_live(ReferralStatus::Sent));
        assert!(referral_live(ReferralStatus::Accepted));
        for over in [
            ReferralStatus::Completed,
            ReferralStatus::Declined,
            ReferralStatus::Withdrawn,
        ] {
            assert!(!referral_live(over), "{over}");
        }
    }
}

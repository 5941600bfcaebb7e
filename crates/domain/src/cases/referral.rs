//! A referral's own small state machine, its urgency and its acknowledgement deadline.
//!
//! ```text
//! Sent ──accept──▶ Accepted ──complete──▶ Completed
//!  ├──decline (with a reason)──▶ Declined
//!  └──withdraw (by the sender)──▶ Withdrawn
//! ```
//!
//! `Withdrawn` goes beyond the three answers of the receiver: a referral sent to the wrong
//! place must be ended by its sender, or it would stay overdue and escalate for ever. It is
//! possible only while the referral is unanswered. Overdue is never stored: it is computed
//! from the deadline and the clock ([`is_overdue`]).

use super::reason::Reason;
use time::{Duration, OffsetDateTime};

coded_enum! {
    /// How soon the receiver must answer a referral.
    pub enum ReferralUrgency {
        /// Within hours (always for a child or a person deprived of legal capacity).
        Urgent => "urgent",
        /// Within the ordinary deadline.
        Normal => "normal",
    }
}

coded_enum! {
    /// Where a referral stands.
    pub enum ReferralStatus {
        /// Sent, not yet answered by the receiver.
        Sent => "sent",
        /// Accepted by the receiver, who now works on it.
        Accepted => "accepted",
        /// Declined by the receiver, with a reason.
        Declined => "declined",
        /// Done by the receiver.
        Completed => "completed",
        /// Withdrawn by the sender before an answer.
        Withdrawn => "withdrawn",
    }
}

/// An answer to a referral or the sender's withdrawal. Declining carries its reason, so a
/// referral cannot be declined without one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReferralAction {
    /// The receiver accepts.
    Accept,
    /// The receiver declines, saying why.
    Decline(Reason),
    /// The receiver has done what was asked.
    Complete,
    /// The sender withdraws an unanswered referral.
    Withdraw,
}

impl ReferralAction {
    /// Storage code (for the referral's history).
    pub fn code(&self) -> &'static str {
        match self {
            ReferralAction::Accept => "accept",
            ReferralAction::Decline(_) => "decline",
            ReferralAction::Complete => "complete",
            ReferralAction::Withdraw => "withdraw",
        }
    }

    /// The status the action leads to.
    pub fn target(&self) -> ReferralStatus {
        match self {
            ReferralAction::Accept => ReferralStatus::Accepted,
            ReferralAction::Decline(_) => ReferralStatus::Declined,
            ReferralAction::Complete => ReferralStatus::Completed,
            ReferralAction::Withdraw => ReferralStatus::Withdrawn,
        }
    }
}

/// An action the referral's status does not allow.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[error("a referral that is `{from}` cannot become `{to}`")]
pub struct ReferralTransitionError {
    /// The referral's status.
    pub from: ReferralStatus,
    /// The status the refused action leads to.
    pub to: ReferralStatus,
}

impl ReferralStatus {
    /// Applies an action, or refuses it.
    pub fn apply(self, action: &ReferralAction) -> Result<ReferralStatus, ReferralTransitionError> {
        let to = action.target();
        if self.next().contains(&to) {
            Ok(to)
        } else {
            Err(ReferralTransitionError { from: self, to })
        }
    }

    /// The statuses an action may lead to from this one (for offering buttons).
    pub fn next(self) -> Vec<ReferralStatus> {
        match self {
            ReferralStatus::Sent => vec![
                ReferralStatus::Accepted,
                ReferralStatus::Declined,
                ReferralStatus::Withdrawn,
            ],
            ReferralStatus::Accepted => vec![ReferralStatus::Completed],
            ReferralStatus::Declined | ReferralStatus::Completed | ReferralStatus::Withdrawn => {
                Vec::new()
            }
        }
    }

    /// Whether the referral waits for the receiver's answer (and so may become overdue).
    pub fn awaits_answer(self) -> bool {
        self == ReferralStatus::Sent
    }

    /// Whether nothing more can happen to the referral.
    pub fn is_final(self) -> bool {
        self.next().is_empty()
    }
}

/// How long a receiver has to answer, by urgency. Configurable per deployment; the urgent
/// deadline is counted in hours, never days.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AcknowledgementPolicy {
    urgent: Duration,
    normal: Duration,
}

impl AcknowledgementPolicy {
    /// Defaults (verify with the team): 4 hours for urgent, 3 days for ordinary referrals.
    pub const DEFAULT: AcknowledgementPolicy = AcknowledgementPolicy {
        urgent: Duration::hours(4),
        normal: Duration::days(3),
    };

    /// Longest urgent deadline.
    pub const URGENT_MAX: Duration = Duration::hours(24);

    /// A policy; refused unless 0 < urgent ≤ 24 hours and urgent ≤ normal.
    pub fn new(urgent: Duration, normal: Duration) -> Option<AcknowledgementPolicy> {
        let valid = urgent.is_positive() && urgent <= Self::URGENT_MAX && urgent <= normal;
        valid.then_some(AcknowledgementPolicy { urgent, normal })
    }

    /// The time allowed to answer a referral of the urgency.
    pub fn within(&self, urgency: ReferralUrgency) -> Duration {
        match urgency {
            ReferralUrgency::Urgent => self.urgent,
            ReferralUrgency::Normal => self.normal,
        }
    }

    /// The deadline of a referral sent at `sent_at` (saturating at the end of representable time).
    pub fn deadline(&self, sent_at: OffsetDateTime, urgency: ReferralUrgency) -> OffsetDateTime {
        sent_at.saturating_add(self.within(urgency))
    }

    /// The deadline as people in `zone` count it: hours are hours, but days are calendar
    /// days, so an ordinary referral sent at 10:00 is due at 10:00 local time even when the
    /// clocks change in between.
    pub fn deadline_in(
        &self,
        sent_at: OffsetDateTime,
        urgency: ReferralUrgency,
        zone: &jiff::tz::TimeZone,
    ) -> OffsetDateTime {
        let within = self.within(urgency);
        let days = within.whole_days();
        if urgency == ReferralUrgency::Urgent || days == 0 {
            return self.deadline(sent_at, urgency);
        }
        let rest = within - Duration::days(days);
        jiff::Timestamp::from_second(sent_at.unix_timestamp())
            .and_then(|t| {
                t.to_zoned_datetime(zone.clone())
                    .checked_add(jiff::Span::new().days(days))
            })
            .ok()
            .and_then(|z| OffsetDateTime::from_unix_timestamp(z.timestamp().as_second()).ok())
            .map(|t| t.saturating_add(rest))
            .unwrap_or_else(|| self.deadline(sent_at, urgency))
    }
}

impl Default for AcknowledgementPolicy {
    fn default() -> Self {
        AcknowledgementPolicy::DEFAULT
    }
}

/// Whether an unanswered referral has passed its deadline. Only a `Sent` referral can be
/// overdue, and never before it was sent (instances whose clocks disagree a little must not
/// escalate a referral that was just sent with a deadline set in the past).
pub fn is_overdue(
    sent_at: OffsetDateTime,
    deadline: OffsetDateTime,
    status: ReferralStatus,
    now: OffsetDateTime,
) -> bool {
    status.awaits_answer() && now > deadline && now >= sent_at
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use time::macros::datetime;
    use ReferralStatus as S;

    fn decline() -> ReferralAction {
        ReferralAction::Decline(Reason::parse("нисмо надлежни").unwrap())
    }

    fn actions() -> Vec<ReferralAction> {
        vec![
            ReferralAction::Accept,
            decline(),
            ReferralAction::Complete,
            ReferralAction::Withdraw,
        ]
    }

    #[test]
    fn the_receiver_accepts_then_completes() {
        let s = S::Sent.apply(&ReferralAction::Accept).unwrap();
        assert_eq!(s, S::Accepted);
        assert_eq!(s.apply(&ReferralAction::Complete), Ok(S::Completed));
        assert!(S::Completed.is_final());
    }

    #[test]
    fn declining_needs_a_reason_and_only_an_unanswered_referral_can_be_declined() {
        assert_eq!(S::Sent.apply(&decline()), Ok(S::Declined));
        assert_eq!(
            S::Accepted.apply(&decline()),
            Err(ReferralTransitionError {
                from: S::Accepted,
                to: S::Declined
            })
        );
        // The reason is not optional: an empty one cannot even be made.
        assert!(Reason::parse("  ").is_err());
    }

    #[test]
    fn a_referral_is_completed_only_after_acceptance() {
        assert!(S::Sent.apply(&ReferralAction::Complete).is_err());
        assert_eq!(
            S::Sent
                .apply(&ReferralAction::Complete)
                .unwrap_err()
                .to_string(),
            "a referral that is `sent` cannot become `completed`"
        );
    }

    #[test]
    fn the_sender_withdraws_only_while_unanswered() {
        assert_eq!(S::Sent.apply(&ReferralAction::Withdraw), Ok(S::Withdrawn));
        assert!(S::Accepted.apply(&ReferralAction::Withdraw).is_err());
    }

    #[test]
    fn final_statuses_accept_nothing() {
        for s in [S::Declined, S::Completed, S::Withdrawn] {
            assert!(s.is_final());
            for a in actions() {
                assert!(s.apply(&a).is_err(), "{s} {}", a.code());
            }
        }
        for s in ReferralStatus::ALL {
            assert_eq!(ReferralStatus::from_code(s.code()), Some(*s));
        }
        for u in ReferralUrgency::ALL {
            assert_eq!(ReferralUrgency::from_code(u.code()), Some(*u));
        }
    }

    #[test]
    fn overdue_means_unanswered_after_the_deadline() {
        let sent = datetime!(2026-03-02 09:00 UTC);
        let deadline = AcknowledgementPolicy::DEFAULT.deadline(sent, ReferralUrgency::Urgent);
        assert_eq!(deadline, datetime!(2026-03-02 13:00 UTC));
        assert!(!is_overdue(sent, deadline, S::Sent, deadline));
        assert!(is_overdue(
            sent,
            deadline,
            S::Sent,
            datetime!(2026-03-02 13:01 UTC)
        ));
        for answered in [S::Accepted, S::Declined, S::Completed, S::Withdrawn] {
            assert!(!is_overdue(
                sent,
                deadline,
                answered,
                datetime!(2026-04-01 00:00 UTC)
            ));
        }
        // A deadline before the sending time does not make it overdue before it was sent.
        let early = datetime!(2026-03-02 08:00 UTC);
        assert!(!is_overdue(
            sent,
            early,
            S::Sent,
            datetime!(2026-03-02 08:30 UTC)
        ));
    }

    #[test]
    fn deadlines_across_the_clock_changes_are_counted_in_serbian_time() {
        let belgrade = jiff::tz::TimeZone::get("Europe/Belgrade").unwrap();
        let policy = AcknowledgementPolicy::DEFAULT;
        let local = |t: OffsetDateTime| {
            let z = crate::local_time::local(t.unix_timestamp(), &belgrade).unwrap();
            (z.date().to_string(), z.hour(), z.minute())
        };
        // 25 October 2026: at 03:00 the clocks go back to 02:00. Sent at 00:30 local time,
        // an urgent referral is due four real hours later, at 03:30 winter time.
        let sent = datetime!(2026-10-24 22:30 UTC);
        let due = policy.deadline_in(sent, ReferralUrgency::Urgent, &belgrade);
        assert_eq!(due, datetime!(2026-10-25 02:30 UTC));
        assert_eq!(local(sent), ("2026-10-25".into(), 0, 30));
        assert_eq!(local(due), ("2026-10-25".into(), 3, 30));
        // 29 March 2026: at 02:00 the clocks go forward to 03:00; 00:30 + 4 h is 05:30.
        let sent = datetime!(2026-03-28 23:30 UTC);
        let due = policy.deadline_in(sent, ReferralUrgency::Urgent, &belgrade);
        assert_eq!(local(sent), ("2026-03-29".into(), 0, 30));
        assert_eq!(local(due), ("2026-03-29".into(), 5, 30));
        // Three days from Friday 10:00 is Monday 10:00 local time, 73 hours across October's
        // change and 71 across March's.
        let sent = datetime!(2026-10-23 08:00 UTC);
        let due = policy.deadline_in(sent, ReferralUrgency::Normal, &belgrade);
        assert_eq!(local(due), ("2026-10-26".into(), 10, 0));
        assert_eq!(due - sent, Duration::hours(73));
        let sent = datetime!(2026-03-27 09:00 UTC);
        let due = policy.deadline_in(sent, ReferralUrgency::Normal, &belgrade);
        assert_eq!(local(due), ("2026-03-30".into(), 10, 0));
        assert_eq!(due - sent, Duration::hours(71));
    }

    #[test]
    fn policies_keep_the_urgent_deadline_in_hours() {
        let normal = AcknowledgementPolicy::DEFAULT.within(ReferralUrgency::Normal);
        assert_eq!(normal, Duration::days(3));
        assert!(AcknowledgementPolicy::new(Duration::hours(2), Duration::days(2)).is_some());
        assert!(AcknowledgementPolicy::new(Duration::hours(25), Duration::days(2)).is_none());
        assert!(AcknowledgementPolicy::new(Duration::ZERO, Duration::days(2)).is_none());
        assert!(AcknowledgementPolicy::new(Duration::hours(6), Duration::hours(5)).is_none());
        assert_eq!(
            AcknowledgementPolicy::default(),
            AcknowledgementPolicy::DEFAULT
        );
    }

    fn any_status() -> impl Strategy<Value = ReferralStatus> {
        proptest::sample::select(ReferralStatus::ALL.to_vec())
    }

    proptest! {
        #[test]
        fn offered_statuses_are_exactly_those_an_action_reaches(s in any_status()) {
            let reachable: Vec<_> = actions()
                .iter()
                .filter_map(|a| s.apply(a).ok())
                .collect();
            prop_assert_eq!(reachable, s.next());
        }

        #[test]
        fn only_a_sent_referral_past_its_deadline_is_overdue(
            s in any_status(),
            sent in 0i64..1_000_000,
            allowed in 0i64..100_000,
            now in 0i64..2_000_000,
        ) {
            let at = |secs| OffsetDateTime::UNIX_EPOCH + Duration::seconds(secs);
            let overdue = is_overdue(at(sent), at(sent + allowed), s, at(now));
            prop_assert_eq!(overdue, s == S::Sent && now > sent + allowed);
        }
    }
}

//! Retention: how long each kind of record is kept before the schedule removes it. The
//! periods come from the deployment (sector laws set them, and they change); nothing here is
//! law. A kind without a period is kept.

use time::{Date, OffsetDateTime};

coded_enum! {
    /// The kinds of record the retention schedule removes.
    pub enum RecordKind {
        /// A closed case's personal data (its sealed parts, key and blind index), counted
        /// from the case's closing; its coded fields stay.
        ClosedCases => "closed-cases",
        /// The attached files of closed cases, counted from the case's closing.
        Attachments => "attachments",
        /// In-app notifications, counted from their making.
        Notifications => "notifications",
        /// Who signed in, from where: erased from the sign-in entries of the audit trail,
        /// which stay in the chain.
        SignIns => "sign-ins",
        /// Audit entries, kept after removal as counts per action and month.
        AuditEntries => "audit-entries",
    }
}

/// How long one kind is kept.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Period {
    /// Never removed.
    Keep,
    /// Removed this many days after the record's starting instant.
    Days(u32),
    /// Removed this many calendar years after it.
    Years(u32),
}

impl Period {
    /// The instant before which a record is due (Unix seconds), or None when it is kept.
    pub fn cutoff(self, now: i64) -> Option<i64> {
        match self {
            Period::Keep => None,
            Period::Days(days) => Some(now - i64::from(days) * 86_400),
            Period::Years(years) => {
                let at = OffsetDateTime::from_unix_timestamp(now).ok()?;
                let year = at.year() - i32::try_from(years).ok()?;
                // 29 February of a leap year, years later, is the 28th.
                let day = at.day().min(at.month().length(year));
                let date = Date::from_calendar_date(year, at.month(), day).ok()?;
                Some(at.replace_date(date).unix_timestamp())
            }
        }
    }
}

/// The deployment's retention periods, one per kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RetentionPolicy {
    pub closed_cases: Period,
    pub attachments: Period,
    pub notifications: Period,
    pub sign_ins: Period,
    pub audit_entries: Period,
}

impl RetentionPolicy {
    /// Everything kept: the default until the deployment sets its periods.
    pub const KEEP_ALL: RetentionPolicy = RetentionPolicy {
        closed_cases: Period::Keep,
        attachments: Period::Keep,
        notifications: Period::Keep,
        sign_ins: Period::Keep,
        audit_entries: Period::Keep,
    };

    /// The period of one kind.
    pub fn period(&self, kind: RecordKind) -> Period {
        match kind {
            RecordKind::ClosedCases => self.closed_cases,
            RecordKind::Attachments => self.attachments,
            RecordKind::Notifications => self.notifications,
            RecordKind::SignIns => self.sign_ins,
            RecordKind::AuditEntries => self.audit_entries,
        }
    }
}

impl Default for RetentionPolicy {
    fn default() -> Self {
        RetentionPolicy::KEEP_ALL
    }
}

/// The month (UTC) of an instant, as "2026-12", under which removed audit entries are counted.
pub fn month_of(at: i64) -> String {
    OffsetDateTime::from_unix_timestamp(at)
        .map(|t| format!("{:04}-{:02}", t.year(), u8::from(t.month())))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    const DAY: i64 = 86_400;

    #[test]
    fn a_kept_kind_has_no_cutoff_and_periods_count_back_from_now() {
        // 2026-12-05T12:00:00Z
        let now = 1_796_472_000;
        assert_eq!(Period::Keep.cutoff(now), None);
        assert_eq!(Period::Days(30).cutoff(now), Some(now - 30 * DAY));
        // Five calendar years back: 2021-12-05T12:00:00Z.
        assert_eq!(Period::Years(5).cutoff(now), Some(1_638_705_600));
        assert_eq!(month_of(now), "2026-12");
    }

    #[test]
    fn a_leap_day_counts_back_to_the_last_day_of_february() {
        // 2028-02-29T00:00:00Z, one year back: 2027-02-28.
        let leap = 1_835_395_200;
        assert_eq!(Period::Years(1).cutoff(leap), Some(leap - 366 * DAY));
    }

    #[test]
    fn the_default_keeps_everything() {
        let policy = RetentionPolicy::default();
        for kind in RecordKind::ALL {
            assert_eq!(policy.period(*kind), Period::Keep);
        }
    }
}

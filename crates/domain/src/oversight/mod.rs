//! Oversight of access: what the data-protection officer is alerted to in the audit trail.
//! The trail says who did what; these rules pick out what deserves a second look: someone
//! breaking the glass, someone opening many cases in a short time (a hunt for a person), and
//! access to cases outside working hours. The thresholds are the deployment's settings.

mod unusual;

pub use unusual::{many_cases, out_of_hours, Burst, CaseAccess, LateDay};

use jiff::tz::TimeZone;
use std::fmt;

/// The deployment's thresholds for alerts of unusual access.
#[derive(Clone, Debug, PartialEq)]
pub struct AlertRules {
    case_views: u32,
    window_minutes: u32,
    work_starts: u8,
    work_ends: u8,
    zone: TimeZone,
}

/// A threshold out of its range, named as its setting.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RuleError(pub String);

impl fmt::Display for RuleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for RuleError {}

/// The zone in which working hours are counted, where none is set: the deployment's default.
pub use crate::local_time::DEFAULT_ZONE;

impl AlertRules {
    /// Alerts at `case_views` different cases opened by one person within `window_minutes`,
    /// and at any case opened before `work_starts` or from `work_ends` o'clock (local time in
    /// `zone`), or on a Saturday or Sunday.
    pub fn new(
        case_views: u32,
        window_minutes: u32,
        work_starts: u8,
        work_ends: u8,
        zone: &str,
    ) -> Result<AlertRules, RuleError> {
        if !(2..=1000).contains(&case_views) {
            return Err(RuleError(format!(
                "alert_case_views: must be between 2 and 1000, not {case_views}"
            )));
        }
        if !(1..=24 * 60).contains(&window_minutes) {
            return Err(RuleError(format!(
                "alert_window_minutes: must be between 1 and 1440, not {window_minutes}"
            )));
        }
        if work_starts >= work_ends || work_ends > 24 {
            return Err(RuleError(format!(
                "working_hours: the start must be before the end, within 0 to 24, not {work_starts}-{work_ends}"
            )));
        }
        let zone = TimeZone::get(zone)
            .map_err(|_| RuleError(format!("time_zone: {zone:?} is not a known time zone")))?;
        Ok(AlertRules {
            case_views,
            window_minutes,
            work_starts,
            work_ends,
            zone,
        })
    }

    /// Different cases within the window that raise an alert.
    pub fn case_views(&self) -> u32 {
        self.case_views
    }

    /// The window, in minutes.
    pub fn window_minutes(&self) -> u32 {
        self.window_minutes
    }

    /// Working hours, as local hours: from the first, up to (not including) the second.
    pub fn working_hours(&self) -> (u8, u8) {
        (self.work_starts, self.work_ends)
    }

    /// The zone of the working hours.
    pub fn zone(&self) -> &TimeZone {
        &self.zone
    }
}

impl Default for AlertRules {
    /// Twenty cases in ten minutes; working hours 7 to 19, Monday to Friday, Serbian time.
    fn default() -> Self {
        AlertRules {
            case_views: 20,
            window_minutes: 10,
            work_starts: 7,
            work_ends: 19,
            zone: TimeZone::get(DEFAULT_ZONE).unwrap_or(TimeZone::UTC),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thresholds_out_of_range_are_refused_by_their_setting_name() {
        assert!(AlertRules::new(20, 10, 7, 19, DEFAULT_ZONE).is_ok());
        let err = |r: Result<AlertRules, RuleError>| r.unwrap_err().0;
        assert!(err(AlertRules::new(1, 10, 7, 19, DEFAULT_ZONE)).starts_with("alert_case_views"));
        assert!(err(AlertRules::new(20, 0, 7, 19, DEFAULT_ZONE)).starts_with("alert_window"));
        assert!(err(AlertRules::new(20, 10, 19, 7, DEFAULT_ZONE)).starts_with("working_hours"));
        assert!(err(AlertRules::new(20, 10, 7, 25, DEFAULT_ZONE)).starts_with("working_hours"));
        assert!(err(AlertRules::new(20, 10, 7, 19, "Europe/Leskovac")).starts_with("time_zone"));
    }

    #[test]
    fn the_default_counts_serbian_time() {
        let rules = AlertRules::default();
        assert_eq!(rules.zone().iana_name(), Some(DEFAULT_ZONE));
        assert_eq!(rules.working_hours(), (7, 19));
    }
}

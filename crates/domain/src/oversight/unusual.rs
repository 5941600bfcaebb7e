//! Picking unusual access out of the case accesses of a period.

use super::AlertRules;
use crate::ids::UserId;
use jiff::civil::{Date, Weekday};
use jiff::Timestamp;
use std::collections::{BTreeMap, HashMap};

/// One access to a case by a signed-in person, as the trail recorded it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CaseAccess {
    pub user: UserId,
    /// Unix seconds.
    pub at: i64,
    /// The case's id (never shown: pages name it by its code).
    pub case: i64,
}

/// One person opening at least the threshold of different cases within the window.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Burst {
    pub user: UserId,
    /// The first and last access of the run (Unix seconds).
    pub from: i64,
    pub to: i64,
    /// How many different cases the run reached.
    pub cases: usize,
}

/// One person's access to cases outside working hours on one local day.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LateDay {
    pub user: UserId,
    /// The local day.
    pub day: Date,
    /// The first such access that day (Unix seconds).
    pub first_at: i64,
    /// How many such accesses that day.
    pub accesses: usize,
}

/// Runs of many different cases within the window, per person, newest first. Overlapping
/// runs of one person are one alert: a hunt through fifty cases is one alert, not thirty.
pub fn many_cases(accesses: &[CaseAccess], rules: &AlertRules) -> Vec<Burst> {
    let window = i64::from(rules.window_minutes()) * 60;
    let threshold = rules.case_views() as usize;
    let mut by_user: BTreeMap<UserId, Vec<&CaseAccess>> = BTreeMap::new();
    for a in accesses {
        by_user.entry(a.user).or_default().push(a);
    }
    let mut bursts = Vec::new();
    for (user, mut mine) in by_user {
        mine.sort_by_key(|a| a.at);
        let mut open: HashMap<i64, usize> = HashMap::new();
        let mut left = 0;
        let mut current: Option<Burst> = None;
        for (right, a) in mine.iter().enumerate() {
            *open.entry(a.case).or_default() += 1;
            while a.at - mine[left].at > window {
                let gone = mine[left].case;
                if let Some(n) = open.get_mut(&gone) {
                    *n -= 1;
                    if *n == 0 {
                        open.remove(&gone);
                    }
                }
                left += 1;
            }
            if open.len() < threshold {
                continue;
            }
            let from = mine[left].at;
            match current.as_mut() {
                Some(b) if from <= b.to => {
                    b.to = a.at;
                    b.cases = b.cases.max(open.len());
                }
                _ => {
                    bursts.extend(current.take());
                    current = Some(Burst {
                        user,
                        from,
                        to: mine[right].at,
                        cases: open.len(),
                    });
                }
            }
        }
        bursts.extend(current);
    }
    bursts.sort_by_key(|b| std::cmp::Reverse(b.from));
    bursts
}

/// Access to cases outside working hours (or on a weekend), per person and local day,
/// newest first.
pub fn out_of_hours(accesses: &[CaseAccess], rules: &AlertRules) -> Vec<LateDay> {
    let (starts, ends) = rules.working_hours();
    let mut days: BTreeMap<(UserId, Date), LateDay> = BTreeMap::new();
    for a in accesses {
        let Ok(instant) = Timestamp::from_second(a.at) else {
            continue;
        };
        let local = instant.to_zoned_datetime(rules.zone().clone());
        let hour = u8::try_from(local.hour()).unwrap_or(0);
        let weekend = matches!(local.weekday(), Weekday::Saturday | Weekday::Sunday);
        if !weekend && hour >= starts && hour < ends {
            continue;
        }
        let day = local.date();
        let entry = days.entry((a.user, day)).or_insert(LateDay {
            user: a.user,
            day,
            first_at: a.at,
            accesses: 0,
        });
        entry.accesses += 1;
        entry.first_at = entry.first_at.min(a.at);
    }
    let mut late: Vec<LateDay> = days.into_values().collect();
    late.sort_by_key(|l| std::cmp::Reverse(l.first_at));
    late
}

#[cfg(test)]
mod tests {
    use super::*;

    const ANA: UserId = UserId(1);
    const BOB: UserId = UserId(2);
    /// Tuesday 2026-12-01 10:00 in Belgrade (09:00 UTC).
    const TUE_10: i64 = 1_796_115_600;

    fn rules() -> AlertRules {
        AlertRules::new(3, 10, 7, 19, "Europe/Belgrade").unwrap()
    }

    fn at(user: UserId, at: i64, case: i64) -> CaseAccess {
        CaseAccess { user, at, case }
    }

    #[test]
    fn many_different_cases_in_the_window_raise_one_alert_per_run() {
        let accesses = [
            at(ANA, TUE_10, 1),
            at(ANA, TUE_10 + 60, 2),
            at(ANA, TUE_10 + 120, 3),
            at(ANA, TUE_10 + 180, 4),
            // Long after: a second run.
            at(ANA, TUE_10 + 7200, 5),
            at(ANA, TUE_10 + 7260, 6),
            at(ANA, TUE_10 + 7320, 7),
        ];
        let bursts = many_cases(&accesses, &rules());
        assert_eq!(bursts.len(), 2, "{bursts:?}");
        assert_eq!(bursts[1].from, TUE_10);
        assert_eq!(bursts[1].to, TUE_10 + 180);
        assert_eq!(bursts[1].cases, 4);
        assert_eq!(bursts[0].from, TUE_10 + 7200);
    }

    #[test]
    fn the_same_case_opened_often_or_cases_spread_out_raise_nothing() {
        let same: Vec<CaseAccess> = (0..50).map(|i| at(ANA, TUE_10 + i, 1)).collect();
        assert!(many_cases(&same, &rules()).is_empty());
        // Three cases, each eleven minutes apart: never three within ten minutes.
        let spread: Vec<CaseAccess> = (0..3).map(|i| at(ANA, TUE_10 + i * 660, i)).collect();
        assert!(many_cases(&spread, &rules()).is_empty());
        // Three cases within the window, but by two people.
        let shared = [
            at(ANA, TUE_10, 1),
            at(BOB, TUE_10 + 1, 2),
            at(ANA, TUE_10 + 2, 3),
        ];
        assert!(many_cases(&shared, &rules()).is_empty());
    }

    #[test]
    fn access_outside_working_hours_is_counted_per_person_and_local_day() {
        let accesses = [
            at(ANA, TUE_10, 1),                // 10:00, working hours
            at(ANA, TUE_10 - 3 * 3600 - 1, 1), // 06:59:59, before
            at(ANA, TUE_10 + 9 * 3600, 2),     // 19:00, after
            at(BOB, TUE_10 + 9 * 3600 - 1, 2), // 18:59:59, within
            at(BOB, TUE_10 + 4 * 86400, 3),    // Saturday 10:00
        ];
        let late = out_of_hours(&accesses, &rules());
        assert_eq!(late.len(), 2, "{late:?}");
        assert_eq!(late[0].user, BOB);
        assert_eq!(late[0].day.to_string(), "2026-12-05");
        assert_eq!(late[1].user, ANA);
        assert_eq!(late[1].accesses, 2);
        assert_eq!(late[1].first_at, TUE_10 - 3 * 3600 - 1);
    }

    #[test]
    fn working_hours_follow_the_clock_change() {
        // 2026-07-01 06:30 UTC is 08:30 in Belgrade in summer (UTC+2): within hours;
        // 2026-12-01 06:30 UTC is 07:30 in winter (UTC+1): within; 05:30 UTC is 06:30: before.
        let summer = 1_782_887_400;
        let winter = TUE_10 - 2 * 3600 - 1800;
        let accesses = [
            at(ANA, summer, 1),
            at(ANA, winter, 1),
            at(BOB, winter - 3600, 1),
        ];
        let late = out_of_hours(&accesses, &rules());
        assert_eq!(late.len(), 1, "{late:?}");
        assert_eq!(late[0].user, BOB);
    }
}

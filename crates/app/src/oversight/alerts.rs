//! Alerts of unusual access, worked out from the trail of a period when the auditor looks:
//! every break of the glass, runs of many different cases opened by one person in a short
//! time, and access to cases outside working hours. Nothing is written on the hot path of
//! opening a case; the trail already holds everything these need.

use super::{Period, TrailEntry};
use crate::{App, AppError};
use spona_domain::access::Actor;
use spona_domain::ids::UserId;
use spona_domain::oversight::{many_cases, out_of_hours, AlertRules, CaseAccess};
use spona_store::trail::{self, TrailFilter};
use std::collections::HashMap;

/// How many days back the alerts look, unless asked otherwise.
pub const DEFAULT_DAYS: i64 = 30;
/// The longest period the alerts look at, in days.
pub const MAX_DAYS: i64 = 92;
/// At most this many case accesses are weighed (beyond it, the period is shortened).
const MAX_ACCESSES: i64 = 200_000;
/// At most this many breaks of the glass are listed.
const MAX_BREAKS: i64 = 200;

/// The period the alerts look at: the last `days` local days.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AlertPeriod {
    pub days: i64,
}

impl AlertPeriod {
    /// The period asked for, within 1 and [`MAX_DAYS`] days.
    pub fn of(days: Option<i64>) -> AlertPeriod {
        AlertPeriod {
            days: days.unwrap_or(DEFAULT_DAYS).clamp(1, MAX_DAYS),
        }
    }
}

/// A run of many different cases opened by one person.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BurstLine {
    pub user: i64,
    pub who: String,
    pub from: i64,
    pub to: i64,
    pub cases: usize,
}

/// A person's access to cases outside working hours on one local day.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LateLine {
    pub user: i64,
    pub who: String,
    /// The local day, ISO.
    pub day: String,
    pub first_at: i64,
    pub accesses: usize,
}

/// The alerts of a period, with the thresholds they were found with.
#[derive(Clone, Debug)]
pub struct AccessAlerts {
    pub period: AlertPeriod,
    pub broke_glass: Vec<TrailEntry>,
    pub bursts: Vec<BurstLine>,
    pub late: Vec<LateLine>,
    pub rules: AlertRules,
    /// Whether the period held more accesses than are weighed (the oldest were left out).
    pub truncated: bool,
}

impl AccessAlerts {
    /// How many alerts there are in all.
    pub fn count(&self) -> usize {
        self.broke_glass.len() + self.bursts.len() + self.late.len()
    }
}

impl App {
    /// The alerts of unusual access in the last days. The look is audited.
    pub async fn access_alerts(
        &self,
        actor: &Actor,
        period: AlertPeriod,
    ) -> Result<AccessAlerts, AppError> {
        Self::auditor(actor)?;
        let rules = self.alert_rules().clone();
        let (from, until) = Period::last_days(self.now(), period.days, self.zone()).bounds();
        let (from, until) = (from.unwrap_or(0), until.unwrap_or(i64::MAX));
        let mut c = self.db.conn().await?;
        let breaks = TrailFilter {
            action: Some("break-glass".into()),
            from: Some(from),
            until: Some(until),
            ..TrailFilter::default()
        };
        let broke_glass = trail::page(&mut c, &breaks, MAX_BREAKS, 0)
            .await?
            .into_iter()
            .map(TrailEntry::of)
            .collect();
        let rows = trail::case_accesses(&mut c, from, until, MAX_ACCESSES + 1).await?;
        let truncated = rows.len() as i64 > MAX_ACCESSES;
        let accesses: Vec<CaseAccess> = rows
            .iter()
            .take(MAX_ACCESSES as usize)
            .map(|r| CaseAccess {
                user: UserId(r.actor_id),
                at: r.at,
                case: r.subject_id,
            })
            .collect();
        let names: HashMap<i64, String> = trail::people(&mut c)
            .await?
            .into_iter()
            .map(|p| (p.id, format!("{} ({})", p.display_name, p.username)))
            .collect();
        drop(c);
        let who = |u: UserId| names.get(&u.0).cloned().unwrap_or_else(|| u.0.to_string());
        let bursts = many_cases(&accesses, &rules)
            .into_iter()
            .map(|b| BurstLine {
                user: b.user.0,
                who: who(b.user),
                from: b.from,
                to: b.to,
                cases: b.cases,
            })
            .collect();
        let late = out_of_hours(&accesses, &rules)
            .into_iter()
            .map(|l| LateLine {
                user: l.user.0,
                who: who(l.user),
                day: l.day.to_string(),
                first_at: l.first_at,
                accesses: l.accesses,
            })
            .collect();
        self.audit_read(
            actor,
            "access-alerts-read",
            &format!("days={}", period.days),
        )
        .await?;
        Ok(AccessAlerts {
            period,
            broke_glass,
            bursts,
            late,
            rules,
            truncated,
        })
    }
}

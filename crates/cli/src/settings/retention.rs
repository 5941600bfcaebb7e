//! The retention periods: `retention_closed_case_years`, `retention_attachment_years`,
//! `retention_notification_days`, `retention_sign_in_days`, `retention_audit_years`. A kind
//! not set is kept; the deployment sets what its sector laws require (none is built in).

use super::layer::Layer;
use anyhow::{bail, Result};
use spona_domain::retention::{Period, RetentionPolicy};

/// The longest period in years a setting may give (and, times 366, in days).
const MAX_YEARS: u32 = 100;

/// The retention policy the layers give, each checked by its setting's name.
pub fn retention_policy(layer: &Layer) -> Result<RetentionPolicy> {
    Ok(RetentionPolicy {
        closed_cases: years(
            "retention_closed_case_years",
            layer.retention_closed_case_years,
        )?,
        attachments: years(
            "retention_attachment_years",
            layer.retention_attachment_years,
        )?,
        notifications: days(
            "retention_notification_days",
            layer.retention_notification_days,
        )?,
        sign_ins: days("retention_sign_in_days", layer.retention_sign_in_days)?,
        audit_entries: years("retention_audit_years", layer.retention_audit_years)?,
    })
}

fn years(name: &str, value: Option<u32>) -> Result<Period> {
    match value {
        None => Ok(Period::Keep),
        Some(n) if (1..=MAX_YEARS).contains(&n) => Ok(Period::Years(n)),
        Some(n) => {
            bail!("{name}: must be between 1 and {MAX_YEARS} years (or left out to keep), not {n}")
        }
    }
}

fn days(name: &str, value: Option<u32>) -> Result<Period> {
    let max = MAX_YEARS * 366;
    match value {
        None => Ok(Period::Keep),
        Some(n) if (1..=max).contains(&n) => Ok(Period::Days(n)),
        Some(n) => bail!("{name}: must be between 1 and {max} days (or left out to keep), not {n}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods_are_kept_unless_set_and_checked_by_name() {
        assert_eq!(
            retention_policy(&Layer::default()).unwrap(),
            RetentionPolicy::KEEP_ALL
        );
        let layer = Layer {
            retention_closed_case_years: Some(10),
            retention_notification_days: Some(90),
            ..Layer::default()
        };
        let policy = retention_policy(&layer).unwrap();
        assert_eq!(policy.closed_cases, Period::Years(10));
        assert_eq!(policy.notifications, Period::Days(90));
        assert_eq!(policy.audit_entries, Period::Keep);
        let bad = Layer {
            retention_audit_years: Some(0),
            ..Layer::default()
        };
        assert!(retention_policy(&bad)
            .unwrap_err()
            .to_string()
            .starts_with("retention_audit_years"));
    }
}

//! The thresholds of the auditor's alerts: `alert_case_views` different cases within
//! `alert_window_minutes`, and `working_hours` as `7-19` (local hours, start to end, in the
//! deployment's `time_zone`).

use super::layer::Layer;
use anyhow::{anyhow, Result};
use spona_domain::oversight::{AlertRules, DEFAULT_ZONE};

/// The alert rules the layers give, each checked by its setting's name.
pub fn alert_rules(layer: &Layer) -> Result<AlertRules> {
    let defaults = AlertRules::default();
    let (starts, ends) = match layer.working_hours.as_deref() {
        None => defaults.working_hours(),
        Some(text) => working_hours(text)
            .ok_or_else(|| anyhow!("working_hours: write the hours as 7-19, not {text:?}"))?,
    };
    AlertRules::new(
        layer.alert_case_views.unwrap_or(defaults.case_views()),
        layer
            .alert_window_minutes
            .unwrap_or(defaults.window_minutes()),
        starts,
        ends,
        layer.time_zone.as_deref().unwrap_or(DEFAULT_ZONE).trim(),
    )
    .map_err(|e| anyhow!("{e}"))
}

/// `7-19` as (7, 19).
fn working_hours(text: &str) -> Option<(u8, u8)> {
    let (a, b) = text.trim().split_once('-')?;
    Some((a.trim().parse().ok()?, b.trim().parse().ok()?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thresholds_are_read_and_checked_by_name() {
        let rules = alert_rules(&Layer::default()).unwrap();
        assert_eq!(rules.case_views(), 20);
        let layer = Layer {
            alert_case_views: Some(5),
            alert_window_minutes: Some(3),
            working_hours: Some("8-16".into()),
            ..Layer::default()
        };
        let rules = alert_rules(&layer).unwrap();
        assert_eq!(
            (
                rules.case_views(),
                rules.window_minutes(),
                rules.working_hours()
            ),
            (5, 3, (8, 16))
        );
        let bad = Layer {
            working_hours: Some("eight to four".into()),
            ..Layer::default()
        };
        assert!(alert_rules(&bad)
            .unwrap_err()
            .to_string()
            .starts_with("working_hours"));
        let bad = Layer {
            alert_case_views: Some(0),
            ..Layer::default()
        };
        assert!(alert_rules(&bad)
            .unwrap_err()
            .to_string()
            .starts_with("alert_case_views"));
    }
}

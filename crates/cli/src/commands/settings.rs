//! `spona settings`: the settings in effect, as a configuration file would write them.

use crate::settings::{shown_duration, Settings};
use anyhow::Result;

/// Prints each setting as a TOML line; the database URL never with its password.
pub fn run(settings: &Settings) -> Result<()> {
    let text = |value: String| toml::Value::String(value).to_string();
    println!("listen = {}", text(settings.listen.to_string()));
    println!(
        "data_dir = {}",
        text(settings.data_dir.display().to_string())
    );
    println!("database_url = {}", text(settings.database.redacted()));
    println!("secure_cookies = {}", settings.secure_cookies);
    println!("trust_forwarded_for = {}", settings.trust_forwarded_for);
    println!("session_idle_minutes = {}", settings.session_idle_minutes);
    println!(
        "session_absolute_hours = {}",
        settings.session_absolute_hours
    );
    println!("log_format = {}", text(settings.log_format.code().into()));
    println!("disclosure_threshold = {}", settings.disclosure.get());
    println!("alert_case_views = {}", settings.alerts.case_views());
    println!(
        "alert_window_minutes = {}",
        settings.alerts.window_minutes()
    );
    let (starts, ends) = settings.alerts.working_hours();
    println!("working_hours = {}", text(format!("{starts}-{ends}")));
    println!("time_zone = {}", text(settings.time_zone_name.clone()));
    println!(
        "database_timeout_seconds = {}",
        settings.database_timeout_seconds
    );
    println!(
        "audit_checkpoint_file = {}",
        text(settings.audit_checkpoints.display().to_string())
    );
    let backup = &settings.backup;
    if let Some(schedule) = &backup.schedule {
        println!("backup_dir = {}", text(schedule.dir.display().to_string()));
        println!("backup_every = {}", text(shown_duration(schedule.every)));
        println!("backup_keep = {}", schedule.keep);
    }
    if !backup.recipients.is_empty() {
        let list: Vec<toml::Value> = backup
            .recipients
            .iter()
            .cloned()
            .map(toml::Value::String)
            .collect();
        println!("backup_recipients = {}", toml::Value::Array(list));
    }
    if let Some(path) = &backup.recipients_file {
        println!(
            "backup_recipients_file = {}",
            text(path.display().to_string())
        );
    }
    if let Some(path) = &backup.passphrase_file {
        println!(
            "backup_passphrase_file = {}",
            text(path.display().to_string())
        );
    } else if backup.passphrase.is_some() {
        println!("# the backup passphrase comes from SPONA_BACKUP_PASSPHRASE (not shown)");
    }
    retention(&settings.retention);
    Ok(())
}

/// The retention periods set; a kind left out is kept.
fn retention(policy: &spona_domain::retention::RetentionPolicy) {
    use spona_domain::retention::Period;
    let periods = [
        ("retention_closed_case_years", policy.closed_cases),
        ("retention_attachment_years", policy.attachments),
        ("retention_notification_days", policy.notifications),
        ("retention_sign_in_days", policy.sign_ins),
        ("retention_audit_years", policy.audit_entries),
    ];
    for (name, period) in periods {
        match period {
            Period::Keep => println!("# {name} not set: kept"),
            Period::Days(n) | Period::Years(n) => println!("{name} = {n}"),
        }
    }
}

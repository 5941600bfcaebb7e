//! One source of settings, saying nothing about what it does not set, so that sources can
//! be stacked: the command line (with the environment under it) over the file.

use super::LogFormat;
use serde::Deserialize;
use std::path::PathBuf;

/// The settings one source gives. The configuration file has exactly these keys; any other
/// key is refused by name rather than silently ignored.
#[derive(Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Layer {
    pub listen: Option<String>,
    pub data_dir: Option<PathBuf>,
    pub database_url: Option<String>,
    pub secure_cookies: Option<bool>,
    pub trust_forwarded_for: Option<bool>,
    pub session_idle_minutes: Option<i64>,
    pub session_absolute_hours: Option<i64>,
    /// Only from the file: the roles, beyond those that open case data (always), that sign
    /// in with a second factor ("admin", "auditor", …).
    pub second_factor_roles: Option<Vec<String>>,
    pub log_format: Option<LogFormat>,
    pub smtp_server: Option<String>,
    pub mail_from: Option<String>,
    pub smtp_starttls: Option<super::mail::SmtpTls>,
    pub smtp_username: Option<String>,
    /// Only from the environment or the file: a command line shows in the process list.
    pub smtp_password: Option<String>,
    pub smtp_ca_file: Option<PathBuf>,
    pub public_url: Option<String>,
    pub urgent_referral_hours: Option<i64>,
    pub referral_answer_days: Option<i64>,
    pub disclosure_threshold: Option<u32>,
    pub alert_case_views: Option<u32>,
    pub alert_window_minutes: Option<u32>,
    /// Local hours, start to end: "7-19".
    pub working_hours: Option<String>,
    /// An IANA zone name: "Europe/Belgrade".
    pub time_zone: Option<String>,
    pub database_timeout_seconds: Option<u64>,
    pub audit_checkpoint_file: Option<PathBuf>,
    pub backup_dir: Option<PathBuf>,
    /// Hours as a number, or a duration such as "6h".
    #[serde(default, deserialize_with = "super::backup::hours_or_duration")]
    pub backup_every: Option<String>,
    pub backup_keep: Option<i64>,
    pub backup_recipients: Option<Vec<String>>,
    pub backup_recipients_file: Option<PathBuf>,
    pub backup_passphrase_file: Option<PathBuf>,
    /// Only from the environment: a command line shows in the process list, and a file is
    /// what `backup_passphrase_file` is for.
    #[serde(skip)]
    pub backup_passphrase: Option<String>,
    /// Retention periods; a kind not set is kept.
    pub retention_closed_case_years: Option<u32>,
    pub retention_attachment_years: Option<u32>,
    pub retention_notification_days: Option<u32>,
    pub retention_sign_in_days: Option<u32>,
    pub retention_audit_years: Option<u32>,
}

impl Layer {
    /// This layer where it says something, `lower` where it is silent.
    pub fn over(self, lower: Layer) -> Layer {
        Layer {
            listen: self.listen.or(lower.listen),
            data_dir: self.data_dir.or(lower.data_dir),
            database_url: self.database_url.or(lower.database_url),
            secure_cookies: self.secure_cookies.or(lower.secure_cookies),
            trust_forwarded_for: self.trust_forwarded_for.or(lower.trust_forwarded_for),
            session_idle_minutes: self.session_idle_minutes.or(lower.session_idle_minutes),
            session_absolute_hours: self.session_absolute_hours.or(lower.session_absolute_hours),
            second_factor_roles: self.second_factor_roles.or(lower.second_factor_roles),
            log_format: self.log_format.or(lower.log_format),
            smtp_server: self.smtp_server.or(lower.smtp_server),
            mail_from: self.mail_from.or(lower.mail_from),
            smtp_starttls: self.smtp_starttls.or(lower.smtp_starttls),
            smtp_username: self.smtp_username.or(lower.smtp_username),
            smtp_password: self.smtp_password.or(lower.smtp_password),
            smtp_ca_file: self.smtp_ca_file.or(lower.smtp_ca_file),
            public_url: self.public_url.or(lower.public_url),
            urgent_referral_hours: self.urgent_referral_hours.or(lower.urgent_referral_hours),
            referral_answer_days: self.referral_answer_days.or(lower.referral_answer_days),
            disclosure_threshold: self.disclosure_threshold.or(lower.disclosure_threshold),
            alert_case_views: self.alert_case_views.or(lower.alert_case_views),
            alert_window_minutes: self.alert_window_minutes.or(lower.alert_window_minutes),
            working_hours: self.working_hours.or(lower.working_hours),
            time_zone: self.time_zone.or(lower.time_zone),
            database_timeout_seconds: self
                .database_timeout_seconds
                .or(lower.database_timeout_seconds),
            audit_checkpoint_file: self.audit_checkpoint_file.or(lower.audit_checkpoint_file),
            backup_dir: self.backup_dir.or(lower.backup_dir),
            backup_every: self.backup_every.or(lower.backup_every),
            backup_keep: self.backup_keep.or(lower.backup_keep),
            backup_recipients: self.backup_recipients.or(lower.backup_recipients),
            backup_recipients_file: self.backup_recipients_file.or(lower.backup_recipients_file),
            backup_passphrase_file: self.backup_passphrase_file.or(lower.backup_passphrase_file),
            backup_passphrase: self.backup_passphrase.or(lower.backup_passphrase),
            retention_closed_case_years: self
                .retention_closed_case_years
                .or(lower.retention_closed_case_years),
            retention_attachment_years: self
                .retention_attachment_years
                .or(lower.retention_attachment_years),
            retention_notification_days: self
                .retention_notification_days
                .or(lower.retention_notification_days),
            retention_sign_in_days: self.retention_sign_in_days.or(lower.retention_sign_in_days),
            retention_audit_years: self.retention_audit_years.or(lower.retention_audit_years),
        }
    }
}

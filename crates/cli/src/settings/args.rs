//! The settings as command-line options, each with its environment variable (clap reads the
//! variable when the option is not given, which makes the command line win).

use super::{Layer, LogFormat};
use clap::builder::BoolishValueParser;
use clap::Args;
use std::path::PathBuf;

/// Options every command accepts.
#[derive(Args, Clone, Default)]
#[command(next_help_heading = "Settings (every command)")]
pub struct SettingsArgs {
    /// Address and port the web server listens on [default: 127.0.0.1:8080]
    #[arg(long, env = "SPONA_LISTEN", global = true, value_name = "ADDRESS")]
    pub listen: Option<String>,

    /// Folder for the deployment's data; created (private to its owner) when it holds the
    /// default SQLite database [default: ./data]
    #[arg(long, env = "SPONA_DATA_DIR", global = true, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,

    /// Database: sqlite://PATH or postgres://USER[:PASSWORD]@HOST[:PORT]/DB
    /// [default: sqlite://<DATA_DIR>/spona.db]
    #[arg(
        long,
        env = "SPONA_DATABASE_URL",
        global = true,
        value_name = "URL",
        hide_env_values = true
    )]
    pub database_url: Option<String>,

    /// TOML file with any of the keys listen, data_dir, database_url, secure_cookies,
    /// trust_forwarded_for, session_idle_minutes, session_absolute_hours, log_format;
    /// options and environment variables override it
    #[arg(long, env = "SPONA_CONFIG", global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,

    /// Mark cookies Secure; set when the deployment is reached over HTTPS [default: false]
    #[arg(long, env = "SPONA_SECURE_COOKIES", global = true, value_name = "BOOL",
          value_parser = BoolishValueParser::new())]
    pub secure_cookies: Option<bool>,

    /// Take the client address from X-Forwarded-For; only behind a proxy you run
    /// [default: false]
    #[arg(long, env = "SPONA_TRUST_FORWARDED_FOR", global = true, value_name = "BOOL",
          value_parser = BoolishValueParser::new())]
    pub trust_forwarded_for: Option<bool>,

    /// Sign out after this many minutes without a request, 1 to 1440 [default: 30]
    #[arg(
        long,
        env = "SPONA_SESSION_IDLE_MINUTES",
        global = true,
        value_name = "MINUTES"
    )]
    pub session_idle_minutes: Option<i64>,

    /// Sign out this many hours after signing in, 1 to 72 [default: 12]
    #[arg(
        long,
        env = "SPONA_SESSION_ABSOLUTE_HOURS",
        global = true,
        value_name = "HOURS"
    )]
    pub session_absolute_hours: Option<i64>,

    /// Log lines on standard error as text or JSON [default: text]
    #[arg(long, env = "SPONA_LOG_FORMAT", global = true, value_enum)]
    pub log_format: Option<LogFormat>,

    /// SMTP relay for notification mail, HOST:PORT [default: no mail]
    #[arg(
        long,
        env = "SPONA_SMTP_SERVER",
        global = true,
        value_name = "HOST:PORT"
    )]
    pub smtp_server: Option<String>,

    /// Sender address of notification mail (needed with --smtp-server)
    #[arg(long, env = "SPONA_MAIL_FROM", global = true, value_name = "ADDRESS")]
    pub mail_from: Option<String>,

    /// STARTTLS toward the SMTP relay [default: auto: off on this machine, else required]
    #[arg(long, env = "SPONA_SMTP_STARTTLS", global = true, value_enum)]
    pub smtp_starttls: Option<super::mail::SmtpTls>,

    /// Login at the SMTP relay (the password comes from SPONA_SMTP_PASSWORD or the file)
    #[arg(long, env = "SPONA_SMTP_USERNAME", global = true, value_name = "NAME")]
    pub smtp_username: Option<String>,

    /// A PEM file of certificates to trust for the SMTP relay besides the public roots
    #[arg(long, env = "SPONA_SMTP_CA_FILE", global = true, value_name = "FILE")]
    pub smtp_ca_file: Option<PathBuf>,

    /// The address people open the system at, for links in mail [default: http://LISTEN]
    #[arg(long, env = "SPONA_PUBLIC_URL", global = true, value_name = "URL")]
    pub public_url: Option<String>,

    /// Hours an urgent referral (the child protocol's) has for an answer, 1 to 24 [default: 4]
    #[arg(
        long,
        env = "SPONA_URGENT_REFERRAL_HOURS",
        global = true,
        value_name = "HOURS"
    )]
    pub urgent_referral_hours: Option<i64>,

    /// Days an ordinary referral has for an answer, 1 to 30 [default: 3]
    #[arg(
        long,
        env = "SPONA_REFERRAL_ANSWER_DAYS",
        global = true,
        value_name = "DAYS"
    )]
    pub referral_answer_days: Option<i64>,

    /// The smallest count statistics outside the case workers may show, 2 to 100 [default: 11]
    #[arg(
        long,
        env = "SPONA_DISCLOSURE_THRESHOLD",
        global = true,
        value_name = "K"
    )]
    pub disclosure_threshold: Option<u32>,

    /// The auditor is alerted when one person opens this many different cases within
    /// --alert-window-minutes, 2 to 1000 [default: 20]
    #[arg(
        long,
        env = "SPONA_ALERT_CASE_VIEWS",
        global = true,
        value_name = "CASES"
    )]
    pub alert_case_views: Option<u32>,

    /// The window of --alert-case-views, 1 to 1440 minutes [default: 10]
    #[arg(
        long,
        env = "SPONA_ALERT_WINDOW_MINUTES",
        global = true,
        value_name = "MINUTES"
    )]
    pub alert_window_minutes: Option<u32>,

    /// Working hours, local time, as START-END; the auditor is alerted to access to cases
    /// outside them and at weekends [default: 7-19]
    #[arg(
        long,
        env = "SPONA_WORKING_HOURS",
        global = true,
        value_name = "START-END"
    )]
    pub working_hours: Option<String>,

    /// The time zone in which instants are shown and days, deadlines and report periods
    /// are counted, an IANA name [default: Europe/Belgrade]
    #[arg(long, env = "SPONA_TIME_ZONE", global = true, value_name = "ZONE")]
    pub time_zone: Option<String>,

    /// Seconds a request waits for the database before it is answered "temporarily
    /// unavailable" (503), 1 to 30 [default: 5]
    #[arg(
        long,
        env = "SPONA_DATABASE_TIMEOUT_SECONDS",
        global = true,
        value_name = "SECONDS"
    )]
    pub database_timeout_seconds: Option<u64>,

    /// File the server appends checkpoints of the audit trail to, and `spona audit verify`
    /// reads them from [default: <DATA_DIR>/audit-checkpoints]
    #[arg(
        long,
        env = "SPONA_AUDIT_CHECKPOINT_FILE",
        global = true,
        value_name = "FILE"
    )]
    pub audit_checkpoint_file: Option<PathBuf>,
    /// Folder for the scheduled backups of `serve` [default: none, no scheduled backups]
    #[arg(long, env = "SPONA_BACKUP_DIR", global = true, value_name = "DIR")]
    pub backup_dir: Option<PathBuf>,

    /// How often `serve` takes a backup: hours (24) or a duration (6h, 90m, 1d) [default: 24]
    #[arg(
        long,
        env = "SPONA_BACKUP_EVERY",
        global = true,
        value_name = "DURATION"
    )]
    pub backup_every: Option<String>,

    /// How many scheduled backups to keep, 1 to 1000 [default: 7]
    #[arg(long, env = "SPONA_BACKUP_KEEP", global = true, value_name = "N")]
    pub backup_keep: Option<i64>,

    /// Encrypt backups to this age recipient (age1…); repeat for several
    #[arg(
        long = "backup-recipient",
        visible_alias = "recipient",
        env = "SPONA_BACKUP_RECIPIENTS",
        value_delimiter = ',',
        global = true,
        value_name = "AGE1…"
    )]
    pub backup_recipients: Vec<String>,

    /// Encrypt backups to the age recipients in this file, one a line
    #[arg(
        long = "backup-recipients-file",
        visible_alias = "recipients-file",
        env = "SPONA_BACKUP_RECIPIENTS_FILE",
        global = true,
        value_name = "FILE"
    )]
    pub backup_recipients_file: Option<PathBuf>,

    /// Encrypt (and open) backups with the passphrase in this file; or give it in
    /// SPONA_BACKUP_PASSPHRASE, never on the command line
    #[arg(
        long = "backup-passphrase-file",
        visible_alias = "passphrase-file",
        env = "SPONA_BACKUP_PASSPHRASE_FILE",
        global = true,
        value_name = "FILE"
    )]
    pub backup_passphrase_file: Option<PathBuf>,

    /// Years after a case closes that its personal data is removed [default: kept]
    #[arg(
        long,
        env = "SPONA_RETENTION_CLOSED_CASE_YEARS",
        global = true,
        value_name = "YEARS"
    )]
    pub retention_closed_case_years: Option<u32>,

    /// Years after a case closes that its attached files are removed [default: kept]
    #[arg(
        long,
        env = "SPONA_RETENTION_ATTACHMENT_YEARS",
        global = true,
        value_name = "YEARS"
    )]
    pub retention_attachment_years: Option<u32>,

    /// Days after which in-app notifications are removed [default: kept]
    #[arg(
        long,
        env = "SPONA_RETENTION_NOTIFICATION_DAYS",
        global = true,
        value_name = "DAYS"
    )]
    pub retention_notification_days: Option<u32>,

    /// Days after which who signed in, and from where, is erased from the audit trail [default: kept]
    #[arg(
        long,
        env = "SPONA_RETENTION_SIGN_IN_DAYS",
        global = true,
        value_name = "DAYS"
    )]
    pub retention_sign_in_days: Option<u32>,

    /// Years after which audit entries are removed, kept as counts per month [default: kept]
    #[arg(
        long,
        env = "SPONA_RETENTION_AUDIT_YEARS",
        global = true,
        value_name = "YEARS"
    )]
    pub retention_audit_years: Option<u32>,
}

impl SettingsArgs {
    /// What the command line and the environment say, as a layer over the file.
    pub fn layer(&self) -> Layer {
        Layer {
            listen: self.listen.clone(),
            data_dir: self.data_dir.clone(),
            database_url: self.database_url.clone(),
            secure_cookies: self.secure_cookies,
            trust_forwarded_for: self.trust_forwarded_for,
            session_idle_minutes: self.session_idle_minutes,
            session_absolute_hours: self.session_absolute_hours,
            second_factor_roles: None,
            log_format: self.log_format,
            smtp_server: self.smtp_server.clone(),
            mail_from: self.mail_from.clone(),
            smtp_starttls: self.smtp_starttls,
            smtp_username: self.smtp_username.clone(),
            // Never an option: a command line is visible to every user of the machine.
            smtp_password: std::env::var("SPONA_SMTP_PASSWORD").ok(),
            smtp_ca_file: self.smtp_ca_file.clone(),
            public_url: self.public_url.clone(),
            urgent_referral_hours: self.urgent_referral_hours,
            referral_answer_days: self.referral_answer_days,
            disclosure_threshold: self.disclosure_threshold,
            alert_case_views: self.alert_case_views,
            alert_window_minutes: self.alert_window_minutes,
            working_hours: self.working_hours.clone(),
            time_zone: self.time_zone.clone(),
            database_timeout_seconds: self.database_timeout_seconds,
            audit_checkpoint_file: self.audit_checkpoint_file.clone(),
            backup_dir: self.backup_dir.clone(),
            backup_every: self.backup_every.clone(),
            backup_keep: self.backup_keep,
            backup_recipients: Some(self.backup_recipients.clone()).filter(|r| !r.is_empty()),
            backup_recipients_file: self.backup_recipients_file.clone(),
            backup_passphrase_file: self.backup_passphrase_file.clone(),
            // Never an option: a command line is visible to every user of the machine.
            backup_passphrase: std::env::var("SPONA_BACKUP_PASSPHRASE").ok(),
            retention_closed_case_years: self.retention_closed_case_years,
            retention_attachment_years: self.retention_attachment_years,
            retention_notification_days: self.retention_notification_days,
            retention_sign_in_days: self.retention_sign_in_days,
            retention_audit_years: self.retention_audit_years,
        }
    }
}

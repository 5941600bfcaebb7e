//! The deployment's settings: from the command line, the environment, a TOML file and
//! defaults, in that order of precedence, validated once at start.

mod args;
mod backup;
mod file;
mod layer;
mod mail;
mod oversight;
mod retention;

pub use args::SettingsArgs;
pub use backup::{shown as shown_duration, BackupSettings};
pub use layer::Layer;

use anyhow::{bail, Result};
use serde::Deserialize;
use spona_app::mail::MailSettings;
use spona_app::{AuthSettings, DatabaseUrl};
use spona_domain::accounts::Role;
use spona_domain::cases::AcknowledgementPolicy;
use spona_domain::disclosure::Threshold;
use spona_domain::local_time;
use spona_domain::second_factor::SecondFactorPolicy;
use spona_web::WebSettings;
use std::net::SocketAddr;
use std::path::PathBuf;

/// Where the server listens unless told otherwise: this machine only.
pub const DEFAULT_LISTEN: &str = "127.0.0.1:8080";
/// The data directory unless told otherwise, relative to the working directory.
pub const DEFAULT_DATA_DIR: &str = "./data";
/// The file of audit checkpoints in the data directory unless told otherwise.
pub const DEFAULT_CHECKPOINT_FILE: &str = "audit-checkpoints";
/// The SQLite file in the data directory used when no database URL is given.
pub const DEFAULT_DATABASE_FILE: &str = "spona.db";
const DEFAULT_IDLE_MINUTES: i64 = 30;
const DEFAULT_ABSOLUTE_HOURS: i64 = 12;
const IDLE_MINUTES: std::ops::RangeInclusive<i64> = 1..=1440;
const ABSOLUTE_HOURS: std::ops::RangeInclusive<i64> = 1..=72;
/// One-time links (first administrator, password resets) stay valid this long.
const ONE_TIME_LINK_SECONDS: i64 = 24 * 60 * 60;
/// How long a request waits for the database unless told otherwise: short, so that an
/// outage is answered "try again" quickly instead of holding requests.
const DEFAULT_DATABASE_TIMEOUT_SECONDS: u64 = 5;
const DATABASE_TIMEOUT_SECONDS: std::ops::RangeInclusive<u64> = 1..=30;
/// The largest request body the web layer accepts.
const MAX_BODY_BYTES: usize = 64 * 1024;

/// How log lines are written to standard error.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum LogFormat {
    /// Human-readable lines.
    Text,
    /// One JSON object per line, for log collectors.
    Json,
}

impl LogFormat {
    /// The name used on the command line and in the file.
    pub fn code(self) -> &'static str {
        match self {
            LogFormat::Text => "text",
            LogFormat::Json => "json",
        }
    }
}

/// The validated settings every command runs with. Deliberately not `Debug`: the database
/// URL may hold a password, and is shown only through [`DatabaseUrl::redacted`].
pub struct Settings {
    pub listen: SocketAddr,
    pub data_dir: PathBuf,
    pub database: DatabaseUrl,
    /// True when the database is the default SQLite file in the data directory, the one
    /// case where the data directory is created.
    pub database_in_data_dir: bool,
    pub secure_cookies: bool,
    pub trust_forwarded_for: bool,
    pub session_idle_minutes: i64,
    pub session_absolute_hours: i64,
    /// Which roles sign in with a second factor.
    pub second_factor: SecondFactorPolicy,
    /// The deployment's public address (links in mail, the relying party of passkeys).
    pub public_url: String,
    pub log_format: LogFormat,
    /// Notification mail, when an SMTP relay is configured.
    pub mail: Option<MailSettings>,
    /// How long receivers have to answer referrals.
    pub answer_within: AcknowledgementPolicy,
    /// Small-cell suppression: no statistic outside the case workers shows 1..k-1.
    pub disclosure: Threshold,
    /// The thresholds of the auditor's alerts of unusual access.
    pub alerts: spona_domain::oversight::AlertRules,
    /// The zone of local time: instants shown, today, deadlines and report periods.
    pub time_zone: jiff::tz::TimeZone,
    /// Its name, as given.
    pub time_zone_name: String,
    /// How long a request waits for a database connection before it is told "unavailable".
    pub database_timeout_seconds: u64,
    /// Where checkpoints of the audit trail are appended and read from.
    pub audit_checkpoints: PathBuf,
    /// How backups are encrypted, and the scheduled backups of `serve`.
    pub backup: BackupSettings,
    /// How long each kind of record is kept before the daily run removes it.
    pub retention: spona_domain::retention::RetentionPolicy,
}

impl Settings {
    /// Reads the configuration file the arguments name (if any) and resolves the layers.
    pub fn load(args: &SettingsArgs) -> Result<Settings> {
        let from_file = match &args.config {
            Some(path) => file::read(path)?,
            None => Layer::default(),
        };
        Settings::resolve(args.layer().over(from_file))
    }

    /// Fills in defaults and validates; every message names the setting at fault.
    pub fn resolve(layer: Layer) -> Result<Settings> {
        let listen_text = layer.listen.as_deref().unwrap_or(DEFAULT_LISTEN).trim();
        let listen: SocketAddr = listen_text.parse().map_err(|_| {
            anyhow::anyhow!(
                "listen: {listen_text:?} is not a socket address such as 127.0.0.1:8080 or [::1]:8080"
            )
        })?;
        let data_dir = layer
            .data_dir
            .clone()
            .unwrap_or_else(|| PathBuf::from(DEFAULT_DATA_DIR));
        if data_dir.as_os_str().is_empty() {
            bail!("data_dir: must not be empty");
        }
        let (database, database_in_data_dir) = match layer.database_url.as_deref() {
            Some(raw) => (DatabaseUrl::parse(raw)?, false),
            None => (
                DatabaseUrl::Sqlite(data_dir.join(DEFAULT_DATABASE_FILE)),
                true,
            ),
        };
        let session_idle_minutes = layer.session_idle_minutes.unwrap_or(DEFAULT_IDLE_MINUTES);
        if !IDLE_MINUTES.contains(&session_idle_minutes) {
            bail!(
                "session_idle_minutes: must be between {} and {} minutes, not {session_idle_minutes}",
                IDLE_MINUTES.start(),
                IDLE_MINUTES.end()
            );
        }
        let session_absolute_hours = layer
            .session_absolute_hours
            .unwrap_or(DEFAULT_ABSOLUTE_HOURS);
        if !ABSOLUTE_HOURS.contains(&session_absolute_hours) {
            bail!(
                "session_absolute_hours: must be between {} and {} hours, not {session_absolute_hours}",
                ABSOLUTE_HOURS.start(),
                ABSOLUTE_HOURS.end()
            );
        }
        let public_url = layer
            .public_url
            .clone()
            .unwrap_or_else(|| format!("http://{listen}"));
        if !(public_url.starts_with("http://") || public_url.starts_with("https://")) {
            bail!("public_url: {public_url:?} must start with http:// or https://");
        }
        let mail = mail::mail_settings(&layer, public_url.clone())?;
        let urgent = layer.urgent_referral_hours.unwrap_or(4);
        if !(1..=24).contains(&urgent) {
            bail!("urgent_referral_hours: must be between 1 and 24 hours (hours, not days), not {urgent}");
        }
        let normal = layer.referral_answer_days.unwrap_or(3);
        if !(1..=30).contains(&normal) {
            bail!("referral_answer_days: must be between 1 and 30 days, not {normal}");
        }
        let answer_within =
            AcknowledgementPolicy::new(time::Duration::hours(urgent), time::Duration::days(normal))
                .ok_or_else(|| {
                    anyhow::anyhow!(
                        "urgent_referral_hours: must not be longer than referral_answer_days"
                    )
                })?;
        let k = layer
            .disclosure_threshold
            .unwrap_or(Threshold::DEFAULT.get());
        let disclosure = Threshold::new(k).map_err(|_| {
            anyhow::anyhow!(
                "disclosure_threshold: must be between {} and {}, not {k}",
                Threshold::MIN,
                Threshold::MAX
            )
        })?;
        let time_zone_name = layer
            .time_zone
            .as_deref()
            .unwrap_or(local_time::DEFAULT_ZONE)
            .trim()
            .to_string();
        let time_zone = local_time::zone(&time_zone_name).map_err(|e| anyhow::anyhow!(e))?;
        let alerts = oversight::alert_rules(&layer)?;
        let database_timeout_seconds = layer
            .database_timeout_seconds
            .unwrap_or(DEFAULT_DATABASE_TIMEOUT_SECONDS);
        if !DATABASE_TIMEOUT_SECONDS.contains(&database_timeout_seconds) {
            bail!(
                "database_timeout_seconds: must be between {} and {} seconds, not {database_timeout_seconds}",
                DATABASE_TIMEOUT_SECONDS.start(),
                DATABASE_TIMEOUT_SECONDS.end()
            );
        }
        let second_factor = match &layer.second_factor_roles {
            None => SecondFactorPolicy::default(),
            Some(codes) => {
                let mut roles = Vec::new();
                for code in codes {
                    match Role::from_code(code) {
                        Some(role) => roles.push(role),
                        None => bail!("second_factor_roles: no role is called {code:?}"),
                    }
                }
                SecondFactorPolicy::with_roles(roles)
            }
        };
        let backup = backup::backup_settings(&layer)?;
        let retention = retention::retention_policy(&layer)?;
        let audit_checkpoints = layer
            .audit_checkpoint_file
            .clone()
            .unwrap_or_else(|| data_dir.join(DEFAULT_CHECKPOINT_FILE));
        Ok(Settings {
            retention,
            audit_checkpoints,
            database_timeout_seconds,
            backup,
            mail,
            answer_within,
            disclosure,
            alerts,
            time_zone,
            time_zone_name,
            listen,
            data_dir,
            database,
            database_in_data_dir,
            secure_cookies: layer.secure_cookies.unwrap_or(false),
            trust_forwarded_for: layer.trust_forwarded_for.unwrap_or(false),
            session_idle_minutes,
            session_absolute_hours,
            second_factor,
            public_url,
            log_format: layer.log_format.unwrap_or(LogFormat::Text),
        })
    }

    /// The sign-in timeouts for the application.
    pub fn auth(&self) -> AuthSettings {
        AuthSettings {
            idle_timeout: self.session_idle_minutes * 60,
            absolute_timeout: self.session_absolute_hours * 60 * 60,
            one_time_link_ttl: ONE_TIME_LINK_SECONDS,
            second_factor: self.second_factor.clone(),
        }
    }

    /// How the database pool behaves.
    pub fn pool(&self) -> spona_store::PoolSettings {
        spona_store::PoolSettings {
            acquire_timeout: std::time::Duration::from_secs(self.database_timeout_seconds),
            bulk_load: false,
        }
    }

    /// The settings of the web layer.
    pub fn web(&self) -> WebSettings {
        WebSettings {
            secure_cookies: self.secure_cookies,
            max_body_bytes: MAX_BODY_BYTES,
            trust_forwarded_for: self.trust_forwarded_for,
            connections: spona_web::ConnectionLimits::default(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;
    use std::sync::Mutex;

    /// Tests that set environment variables take turns.
    static ENV: Mutex<()> = Mutex::new(());

    #[derive(Parser)]
    struct Probe {
        #[command(flatten)]
        settings: SettingsArgs,
    }

    fn listen_of(layer: Layer) -> String {
        Settings::resolve(layer).unwrap().listen.to_string()
    }

    fn layer_listening(on: &str) -> Layer {
        Layer {
            listen: Some(on.into()),
            ..Layer::default()
        }
    }

    #[test]
    fn defaults_listen_locally_with_sqlite_in_the_data_directory() {
        let s = Settings::resolve(Layer::default()).unwrap();
        assert_eq!(s.listen.to_string(), "127.0.0.1:8080");
        assert_eq!(s.data_dir, PathBuf::from("./data"));
        assert_eq!(s.database, DatabaseUrl::Sqlite("./data/spona.db".into()));
        assert!(s.database_in_data_dir);
        assert!(!s.secure_cookies && !s.trust_forwarded_for);
        assert_eq!(s.auth().idle_timeout, 30 * 60);
        assert_eq!(s.auth().absolute_timeout, 12 * 3600);
        assert_eq!(s.auth().one_time_link_ttl, 24 * 3600);
        assert_eq!(s.log_format, LogFormat::Text);
        assert_eq!(s.pool().acquire_timeout, std::time::Duration::from_secs(5));
    }

    #[test]
    fn the_time_zone_is_serbian_unless_set_and_must_be_known() {
        let s = Settings::resolve(Layer::default()).unwrap();
        assert_eq!(s.time_zone_name, "Europe/Belgrade");
        assert_eq!(s.alerts.zone().iana_name(), Some("Europe/Belgrade"));
        let s = Settings::resolve(Layer {
            time_zone: Some("Europe/Vienna".into()),
            ..Layer::default()
        })
        .unwrap();
        assert_eq!(s.time_zone.iana_name(), Some("Europe/Vienna"));
        assert_eq!(
            s.alerts.zone().iana_name(),
            Some("Europe/Vienna"),
            "working hours are counted in the same zone"
        );
        let err = Settings::resolve(Layer {
            time_zone: Some("Europe/Leskovac".into()),
            ..Layer::default()
        })
        .err()
        .unwrap()
        .to_string();
        assert!(err.starts_with("time_zone:"), "{err}");
    }

    #[test]
    fn second_factor_roles_add_to_the_case_roles_and_unknown_ones_are_refused() {
        let default = Settings::resolve(Layer::default()).unwrap().second_factor;
        assert!(default.required_for(Role::CaseWorker) && default.required_for(Role::Admin));
        assert!(!default.required_for(Role::Auditor));
        let set = |roles: &[&str]| {
            Settings::resolve(Layer {
                second_factor_roles: Some(roles.iter().map(|r| r.to_string()).collect()),
                ..Layer::default()
            })
        };
        let s = set(&["auditor"]).unwrap().second_factor;
        assert!(s.required_for(Role::Auditor) && s.required_for(Role::CaseWorker));
        assert!(
            !s.required_for(Role::Admin),
            "the list replaces the default"
        );
        assert!(set(&[])
            .unwrap()
            .second_factor
            .required_for(Role::CaseWorker));
        let err = set(&["boss"]).err().unwrap().to_string();
        assert!(
            err.contains("second_factor_roles") && err.contains("boss"),
            "{err}"
        );
    }

    #[test]
    fn the_database_timeout_is_bounded() {
        let timeout = |t| Layer {
            database_timeout_seconds: Some(t),
            ..Layer::default()
        };
        assert_eq!(
            Settings::resolve(timeout(2))
                .unwrap()
                .database_timeout_seconds,
            2
        );
        for bad in [0, 31] {
            let err = Settings::resolve(timeout(bad)).err().unwrap().to_string();
            assert!(err.starts_with("database_timeout_seconds:"), "{err}");
        }
    }

    #[test]
    fn the_default_database_follows_the_data_directory() {
        let s = Settings::resolve(Layer {
            data_dir: Some("/srv/spona".into()),
            ..Layer::default()
        })
        .unwrap();
        assert_eq!(
            s.database,
            DatabaseUrl::Sqlite("/srv/spona/spona.db".into())
        );
        assert!(s.database_in_data_dir);
    }

    #[test]
    fn an_explicit_database_is_not_in_the_data_directory() {
        let s = Settings::resolve(Layer {
            database_url: Some("sqlite:///tmp/elsewhere.db".into()),
            ..Layer::default()
        })
        .unwrap();
        assert_eq!(s.database, DatabaseUrl::Sqlite("/tmp/elsewhere.db".into()));
        assert!(!s.database_in_data_dir);
    }

    #[test]
    fn a_higher_layer_wins_field_by_field() {
        let file = Layer {
            listen: Some("127.0.0.1:1000".into()),
            session_idle_minutes: Some(15),
            ..Layer::default()
        };
        let merged = layer_listening("127.0.0.1:2000").over(file);
        let s = Settings::resolve(merged).unwrap();
        assert_eq!(s.listen.to_string(), "127.0.0.1:2000");
        assert_eq!(
            s.session_idle_minutes, 15,
            "the file fills what the top is silent on"
        );
        assert_eq!(
            listen_of(Layer::default().over(layer_listening("127.0.0.1:1000"))),
            "127.0.0.1:1000"
        );
    }

    #[test]
    fn command_line_beats_environment_beats_file() {
        let _turn = ENV.lock().unwrap_or_else(|e| e.into_inner());
        let file = layer_listening("127.0.0.1:1000");
        std::env::set_var("SPONA_LISTEN", "127.0.0.1:2000");
        let env_only = Probe::try_parse_from(["probe"]).unwrap();
        let both = Probe::try_parse_from(["probe", "--listen", "127.0.0.1:3000"]).unwrap();
        std::env::remove_var("SPONA_LISTEN");
        let neither = Probe::try_parse_from(["probe"]).unwrap();
        assert_eq!(
            listen_of(both.settings.layer().over(file.clone())),
            "127.0.0.1:3000"
        );
        assert_eq!(
            listen_of(env_only.settings.layer().over(file.clone())),
            "127.0.0.1:2000"
        );
        assert_eq!(
            listen_of(neither.settings.layer().over(file)),
            "127.0.0.1:1000"
        );
        assert_eq!(listen_of(neither.settings.layer()), DEFAULT_LISTEN);
    }

    #[test]
    fn boolean_environment_values_may_be_written_as_words_or_digits() {
        let _turn = ENV.lock().unwrap_or_else(|e| e.into_inner());
        std::env::set_var("SPONA_SECURE_COOKIES", "yes");
        std::env::set_var("SPONA_TRUST_FORWARDED_FOR", "0");
        let probe = Probe::try_parse_from(["probe"]);
        std::env::remove_var("SPONA_SECURE_COOKIES");
        std::env::remove_var("SPONA_TRUST_FORWARDED_FOR");
        let file = Layer {
            trust_forwarded_for: Some(true),
            ..Layer::default()
        };
        let s = Settings::resolve(probe.unwrap().settings.layer().over(file)).unwrap();
        assert!(s.secure_cookies);
        assert!(
            !s.trust_forwarded_for,
            "the environment's 0 beats the file's true"
        );
    }

    #[test]
    fn a_listen_address_must_be_a_socket_address() {
        for bad in ["localhost", "8080", "127.0.0.1", "example.org:80", ""] {
            let err = Settings::resolve(layer_listening(bad)).err().unwrap();
            assert!(err.to_string().starts_with("listen:"), "{bad}: {err}");
        }
        assert_eq!(listen_of(layer_listening("[::1]:9000")), "[::1]:9000");
    }

    #[test]
    fn timeouts_are_bounded() {
        let idle = |m| Layer {
            session_idle_minutes: Some(m),
            ..Layer::default()
        };
        let absolute = |h| Layer {
            session_absolute_hours: Some(h),
            ..Layer::default()
        };
        assert!(Settings::resolve(idle(1)).is_ok());
        assert!(Settings::resolve(idle(1440)).is_ok());
        for m in [0, -5, 1441] {
            let err = Settings::resolve(idle(m)).err().unwrap().to_string();
            assert!(
                err.contains("session_idle_minutes") && err.contains("1440"),
                "{err}"
            );
        }
        assert!(Settings::resolve(absolute(72)).is_ok());
        for h in [0, 73] {
            let err = Settings::resolve(absolute(h)).err().unwrap().to_string();
            assert!(err.contains("session_absolute_hours"), "{err}");
        }
        let s = Settings::resolve(Layer {
            session_idle_minutes: Some(10),
            session_absolute_hours: Some(2),
            ..Layer::default()
        })
        .unwrap();
        assert_eq!(
            (s.auth().idle_timeout, s.auth().absolute_timeout),
            (600, 7200)
        );
    }

    #[test]
    fn an_unknown_database_scheme_is_refused_without_showing_a_password() {
        let err = Settings::resolve(Layer {
            database_url: Some("mysql://root:s3cret@db/spona".into()),
            ..Layer::default()
        })
        .err()
        .unwrap();
        let text = format!("{err:#}");
        assert!(
            text.contains("sqlite://") && text.contains("postgres://"),
            "{text}"
        );
        assert!(!text.contains("s3cret"), "{text}");
    }
}

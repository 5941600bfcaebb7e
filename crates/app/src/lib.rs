//! Use cases. Every read or write of the system goes through here, where access policy,
//! validation and transactions are applied once, for the web pages and the CLI alike.
#![forbid(unsafe_code)]

pub mod accounts;
pub mod activities;
pub mod alerts;
pub mod audit;
pub mod auth;
pub mod backup;
pub mod cases;
pub mod catalogues;
mod clock;
pub mod custody;
pub mod demo;
mod demo_activities;
mod demo_cases;
mod demo_meetings;
mod demo_plan;
mod demo_practices;
mod demo_trainings;
mod document_file;
pub mod documents;
mod error;
pub mod exports;
pub mod forms;
pub mod guidelines;
pub mod imports;
pub mod integrity;
pub mod keys;
mod local_time;
pub mod mail;
pub mod materials;
pub mod meetings;
pub mod official_files;
pub mod outreach;
pub mod oversight;
pub mod plan;
pub mod practices;
pub mod registry;
pub mod reports;
pub mod retention;
mod storage_health;
mod team_work;
pub mod trainings;

pub use clock::{Clock, ManualClock, SystemClock};
pub use document_file::DocumentFile;
pub use error::{AppError, Damaged};
pub use spona_store::{DatabaseUrl, Db, Page};
pub use storage_health::StorageHealth;

pub use spona_crypto::keyring::Keyring;
pub use spona_crypto::keys::MasterKey;
use std::sync::Arc;

/// A random identifier for this running instance (job leases tell instances apart by it).
pub fn new_instance_id() -> String {
    spona_crypto::tokens::new_token().chars().take(12).collect()
}

/// Timeouts and limits of sign-in, validated at start.
#[derive(Clone, Debug)]
pub struct AuthSettings {
    /// A session ends after this many seconds without a request.
    pub idle_timeout: i64,
    /// A session ends this many seconds after sign-in, whatever happens.
    pub absolute_timeout: i64,
    /// One-time links (first administrator, password reset) last this many seconds.
    pub one_time_link_ttl: i64,
    /// Which roles sign in with a second factor (case roles always).
    pub second_factor: spona_domain::second_factor::SecondFactorPolicy,
}

impl Default for AuthSettings {
    fn default() -> Self {
        AuthSettings {
            idle_timeout: 30 * 60,
            absolute_timeout: 12 * 60 * 60,
            one_time_link_ttl: 24 * 60 * 60,
            second_factor: Default::default(),
        }
    }
}

/// The application: the database, the clock and the settings the use cases need.
#[derive(Clone)]
pub struct App {
    db: Db,
    clock: Arc<dyn Clock>,
    auth: AuthSettings,
    keys: Arc<keys::HeldKeys>,
    mail: Option<mail::Delivery>,
    answer_within: spona_domain::cases::AcknowledgementPolicy,
    disclosure: spona_domain::disclosure::Threshold,
    alert_rules: Arc<spona_domain::oversight::AlertRules>,
    zone: jiff::tz::TimeZone,
    statistics: reports::StatisticsCache,
    /// The relying party of passkeys; none where they cannot work (no usable address).
    passkeys: Option<Arc<webauthn_rs::Webauthn>>,
    retention: spona_domain::retention::RetentionPolicy,
    /// Audited reads waiting to share a transaction.
    group_commit: Arc<audit::GroupCommit>,
}

impl App {
    /// Builds the application over a migrated database, with the deployment's keys (from
    /// the key file or the environment; never from the database).
    pub fn new(db: Db, clock: Arc<dyn Clock>, auth: AuthSettings, keys: Keyring) -> App {
        App {
            db,
            clock,
            auth,
            keys: Arc::new(keys::HeldKeys::fixed(Arc::new(keys))),
            mail: None,
            answer_within: spona_domain::cases::AcknowledgementPolicy::DEFAULT,
            disclosure: spona_domain::disclosure::Threshold::DEFAULT,
            alert_rules: Arc::default(),
            zone: spona_domain::local_time::default_zone(),
            statistics: reports::StatisticsCache::default(),
            passkeys: None,
            retention: spona_domain::retention::RetentionPolicy::KEEP_ALL,
            group_commit: Arc::default(),
        }
    }

    /// The same application on another clock (the data generator's, which walks through
    /// the two years it fills).
    pub fn with_clock(mut self, clock: Arc<dyn Clock>) -> App {
        self.clock = clock;
        self
    }

    /// The smallest count that statistics leaving the case workers may show (k).
    pub fn with_disclosure_threshold(mut self, k: spona_domain::disclosure::Threshold) -> App {
        self.disclosure = k;
        self
    }

    /// The threshold of small-cell suppression in effect.
    pub fn disclosure_threshold(&self) -> spona_domain::disclosure::Threshold {
        self.disclosure
    }

    /// The thresholds of the auditor's alerts of unusual access.
    pub fn with_alert_rules(mut self, rules: spona_domain::oversight::AlertRules) -> App {
        self.alert_rules = Arc::new(rules);
        self
    }

    /// The thresholds of the alerts in effect.
    pub fn alert_rules(&self) -> &spona_domain::oversight::AlertRules {
        &self.alert_rules
    }

    /// How long receivers have to answer referrals (urgent ones in hours, never days).
    pub fn with_answer_deadlines(
        mut self,
        policy: spona_domain::cases::AcknowledgementPolicy,
    ) -> App {
        self.answer_within = policy;
        self
    }

    /// Where to look for the master key again when the database moves to another one (a
    /// key rotation switched while this instance runs).
    pub fn with_key_source(mut self, source: Arc<dyn keys::KeySource>) -> App {
        self.keys = Arc::new(self.keys.with_source(source));
        self
    }

    /// The keys in force now (one snapshot: a use case that seals keeps it to the end).
    pub(crate) fn keys(&self) -> Arc<Keyring> {
        self.keys.in_force()
    }

    /// The app's clock in Unix seconds (a test's clock, in tests).
    pub fn now_unix(&self) -> i64 {
        self.now()
    }

    /// The current instant in Unix seconds.
    pub(crate) fn now(&self) -> i64 {
        self.clock.now().unix_timestamp()
    }

    /// How long a one-time link stays valid, in hours (for telling its receiver).
    pub fn one_time_link_hours(&self) -> i64 {
        self.auth.one_time_link_ttl / 3600
    }

    /// The database, for start-up tasks (migration, health checks).
    pub fn db(&self) -> &Db {
        &self.db
    }
}

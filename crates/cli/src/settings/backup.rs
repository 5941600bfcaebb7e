//! The backup settings: how backups are encrypted (age recipients, or a passphrase read from
//! a file or the environment, never the command line) and, for `serve`, where, how often and
//! how many scheduled backups are kept. Checked at start, so that a deployment does not find
//! out at the first scheduled backup that it had nothing to encrypt to.

use super::Layer;
use anyhow::{anyhow, bail, Context, Result};
use serde::{Deserialize, Deserializer};
use spona_app::backup::{parse_recipient, parse_recipients_file, BackupSchedule, Lock};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// Scheduled backups every day unless told otherwise.
const DEFAULT_EVERY: Duration = Duration::from_secs(24 * 3600);
/// A week of daily backups unless told otherwise.
const DEFAULT_KEEP: i64 = 7;
const KEEP: std::ops::RangeInclusive<i64> = 1..=1000;
/// More often than this a backup of a large deployment would overlap the next.
const SHORTEST: Duration = Duration::from_secs(15 * 60);
const LONGEST: Duration = Duration::from_secs(31 * 24 * 3600);

/// How backups are encrypted and scheduled.
#[derive(Clone, Default)]
pub struct BackupSettings {
    /// Whom backups are encrypted to; None when nothing is configured.
    pub lock: Option<Lock>,
    /// The passphrase, also for opening a backup in `restore`.
    pub passphrase: Option<String>,
    /// Where the recipients and the passphrase came from, for `spona settings`.
    pub recipients: Vec<String>,
    pub recipients_file: Option<PathBuf>,
    pub passphrase_file: Option<PathBuf>,
    /// Scheduled backups of `serve`, when a folder is configured.
    pub schedule: Option<BackupSchedule>,
}

/// Resolves and checks the backup settings; every message names the setting at fault.
pub fn backup_settings(layer: &Layer) -> Result<BackupSettings> {
    let mut recipients = Vec::new();
    for text in layer.backup_recipients.iter().flatten() {
        recipients.push(parse_recipient(text).map_err(|e| anyhow!("backup_recipients: {e}"))?);
    }
    if let Some(path) = &layer.backup_recipients_file {
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("backup_recipients_file: cannot read {}", path.display()))?;
        recipients.extend(
            parse_recipients_file(&text)
                .map_err(|e| anyhow!("backup_recipients_file: {}: {e}", path.display()))?,
        );
    }
    let passphrase = match (&layer.backup_passphrase, &layer.backup_passphrase_file) {
        (Some(_), Some(_)) => bail!(
            "backup_passphrase_file: give the passphrase either in SPONA_BACKUP_PASSPHRASE or in a file, not both"
        ),
        (Some(text), None) => Some(checked_passphrase(text, "SPONA_BACKUP_PASSPHRASE")?),
        (None, Some(path)) => Some(read_passphrase(path)?),
        (None, None) => None,
    };
    let lock = match (&passphrase, recipients.is_empty()) {
        (Some(_), false) => bail!(
            "backup_recipients: a backup is encrypted either to recipients or to a passphrase, not both"
        ),
        (Some(p), true) => Some(Lock::passphrase(p).map_err(|e| anyhow!("backup passphrase: {e}"))?),
        (None, false) => Some(Lock::Recipients(recipients)),
        (None, true) => None,
    };
    let schedule = match &layer.backup_dir {
        None => {
            if layer.backup_every.is_some() {
                bail!("backup_every: needs backup_dir, the folder for scheduled backups");
            }
            if layer.backup_keep.is_some() {
                bail!("backup_keep: needs backup_dir, the folder for scheduled backups");
            }
            None
        }
        Some(dir) => Some(schedule(layer, dir, lock.clone())?),
    };
    Ok(BackupSettings {
        lock,
        passphrase,
        recipients: layer.backup_recipients.clone().unwrap_or_default(),
        recipients_file: layer.backup_recipients_file.clone(),
        passphrase_file: layer.backup_passphrase_file.clone(),
        schedule,
    })
}

fn schedule(layer: &Layer, dir: &Path, lock: Option<Lock>) -> Result<BackupSchedule> {
    if dir.as_os_str().is_empty() {
        bail!("backup_dir: must not be empty");
    }
    if dir.exists() && !dir.is_dir() {
        bail!("backup_dir: {} exists but is not a folder", dir.display());
    }
    let Some(lock) = lock else {
        bail!(
            "backup_dir: scheduled backups need backup_recipients (or backup_recipients_file) \
             or a passphrase (SPONA_BACKUP_PASSPHRASE or backup_passphrase_file)"
        );
    };
    let every = match layer.backup_every.as_deref() {
        None => DEFAULT_EVERY,
        Some(text) => parse_every(text)?,
    };
    let keep = layer.backup_keep.unwrap_or(DEFAULT_KEEP);
    if !KEEP.contains(&keep) {
        bail!(
            "backup_keep: must be between {} and {}, not {keep}",
            KEEP.start(),
            KEEP.end()
        );
    }
    Ok(BackupSchedule {
        dir: dir.to_path_buf(),
        every: i64::try_from(every.as_secs()).unwrap_or(i64::MAX),
        keep: usize::try_from(keep).unwrap_or(1),
        lock,
    })
}

/// Hours as a plain number (`24`), or a duration (`6h`, `90m`, `1d`).
fn parse_every(text: &str) -> Result<Duration> {
    let text = text.trim();
    let every = match text.parse::<u64>() {
        Ok(hours) => Duration::from_secs(hours.saturating_mul(3600)),
        Err(_) => humantime::parse_duration(text).map_err(|_| {
            anyhow!("backup_every: {text:?} is neither hours (24) nor a duration (6h, 90m, 1d)")
        })?,
    };
    if every < SHORTEST || every > LONGEST {
        bail!("backup_every: must be between 15 minutes and 31 days, not {text}");
    }
    Ok(every)
}

fn read_passphrase(path: &Path) -> Result<String> {
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("backup_passphrase_file: cannot read {}", path.display()))?;
    checked_passphrase(&text, "backup_passphrase_file")
}

/// The passphrase without the file's line break; an empty one is refused.
fn checked_passphrase(text: &str, setting: &str) -> Result<String> {
    let text = text.trim_end_matches(['\r', '\n']);
    if text.is_empty() {
        bail!("{setting}: the passphrase is empty");
    }
    Ok(text.to_string())
}

/// `backup_every` in the file: hours as a number, or a duration as text.
pub fn hours_or_duration<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Every {
        Hours(u64),
        Text(String),
    }
    Ok(Option::<Every>::deserialize(d)?.map(|e| match e {
        Every::Hours(h) => h.to_string(),
        Every::Text(t) => t,
    }))
}

/// Seconds as the settings write a duration (`6h`, `1day`).
pub fn shown(seconds: i64) -> String {
    humantime::format_duration(Duration::from_secs(u64::try_from(seconds).unwrap_or(0))).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn recipient() -> String {
        spona_app::backup::generate_identity().1
    }

    fn scheduled(every: Option<&str>, keep: Option<i64>) -> Layer {
        Layer {
            backup_dir: Some("/srv/backups".into()),
            backup_recipients: Some(vec![recipient()]),
            backup_every: every.map(String::from),
            backup_keep: keep,
            ..Layer::default()
        }
    }

    #[test]
    fn nothing_configured_means_no_lock_and_no_schedule() {
        let s = backup_settings(&Layer::default()).unwrap();
        assert!(s.lock.is_none() && s.schedule.is_none());
    }

    #[test]
    fn a_schedule_defaults_to_daily_keeping_a_week() {
        let s = backup_settings(&scheduled(None, None)).unwrap();
        let schedule = s.schedule.unwrap();
        assert_eq!(schedule.every, 86_400);
        assert_eq!(shown(schedule.every), "1day");
        assert_eq!(schedule.keep, 7);
        assert!(matches!(s.lock, Some(Lock::Recipients(ref r)) if r.len() == 1));
    }

    #[test]
    fn every_is_hours_or_a_duration_within_bounds() {
        let every = |text| parse_every(text).map_err(|e| e.to_string());
        assert_eq!(every("6").unwrap(), Duration::from_secs(6 * 3600));
        assert_eq!(every("90m").unwrap(), Duration::from_secs(90 * 60));
        assert_eq!(every("1d").unwrap(), Duration::from_secs(86_400));
        for bad in ["0", "5m", "32d", "often", ""] {
            let err = every(bad).unwrap_err();
            assert!(err.starts_with("backup_every:"), "{bad}: {err}");
        }
    }

    #[test]
    fn a_schedule_needs_a_lock_and_sane_numbers() {
        let mut no_lock = scheduled(None, None);
        no_lock.backup_recipients = None;
        let err = backup_settings(&no_lock).err().unwrap().to_string();
        assert!(
            err.starts_with("backup_dir:") && err.contains("passphrase"),
            "{err}"
        );
        for keep in [0, 1001] {
            let err = backup_settings(&scheduled(None, Some(keep)))
                .err()
                .unwrap()
                .to_string();
            assert!(err.starts_with("backup_keep:"), "{err}");
        }
        let orphan = Layer {
            backup_keep: Some(3),
            ..Layer::default()
        };
        let err = backup_settings(&orphan).err().unwrap().to_string();
        assert!(err.contains("needs backup_dir"), "{err}");
    }

    #[test]
    fn recipients_and_a_passphrase_do_not_mix_and_nonsense_is_named() {
        let both = Layer {
            backup_recipients: Some(vec![recipient()]),
            backup_passphrase: Some("lozinka".into()),
            ..Layer::default()
        };
        let err = backup_settings(&both).err().unwrap().to_string();
        assert!(err.contains("not both"), "{err}");
        let bad = Layer {
            backup_recipients: Some(vec!["age1nije".into()]),
            ..Layer::default()
        };
        let err = backup_settings(&bad).err().unwrap().to_string();
        assert!(
            err.starts_with("backup_recipients:") && err.contains("age1nije"),
            "{err}"
        );
    }

    #[test]
    fn the_passphrase_file_loses_its_line_break_and_may_not_be_empty() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("lozinka");
        std::fs::write(&path, "tajna fraza\n").unwrap();
        let layer = Layer {
            backup_passphrase_file: Some(path.clone()),
            ..Layer::default()
        };
        let s = backup_settings(&layer).unwrap();
        assert_eq!(s.passphrase.as_deref(), Some("tajna fraza"));
        assert!(matches!(s.lock, Some(Lock::Passphrase(_))));
        std::fs::write(&path, "\n").unwrap();
        let err = backup_settings(&layer).err().unwrap().to_string();
        assert!(err.contains("empty"), "{err}");
        let err = backup_settings(&Layer {
            backup_passphrase_file: Some(dir.path().join("nema")),
            ..Layer::default()
        })
        .err()
        .unwrap();
        assert!(
            format!("{err:#}").starts_with("backup_passphrase_file:"),
            "{err:#}"
        );
    }

    #[test]
    fn the_file_takes_hours_or_a_duration_but_never_the_passphrase_itself() {
        let hours = super::super::file::parse("backup_dir = \"/b\"\nbackup_every = 6\n").unwrap();
        assert_eq!(hours.backup_every.as_deref(), Some("6"));
        let text = super::super::file::parse("backup_every = \"90m\"\nbackup_keep = 3\n").unwrap();
        assert_eq!(text.backup_every.as_deref(), Some("90m"));
        assert_eq!(text.backup_keep, Some(3));
        let err = super::super::file::parse("backup_passphrase = \"tajna\"\n")
            .err()
            .unwrap();
        assert!(err.contains("backup_passphrase"), "{err}");
        let listed =
            super::super::file::parse(&format!("backup_recipients = [\"{}\"]\n", recipient()))
                .unwrap();
        assert_eq!(listed.backup_recipients.map(|r| r.len()), Some(1));
    }
}

//! The file of audit checkpoints: one sealed line per checkpoint, appended (mode 0600) by the
//! server every ten minutes and when it stops, and read back by `spona audit verify`. It is
//! kept beside the key, outside the database whose trail it anchors; copies handed to someone
//! else (`spona audit checkpoint`) anchor it further.

use anyhow::{bail, Context, Result};
use spona_app::audit::Checkpoint;
use spona_app::App;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Duration;
use tokio::task::JoinHandle;
use tokio::time::MissedTickBehavior;

/// How often the server writes a checkpoint (when the trail moved).
const EVERY: Duration = Duration::from_secs(10 * 60);

/// Appends a checkpoint line to the file (created readable by its owner only) and flushes it
/// to disk.
pub fn append(path: &Path, checkpoint: &Checkpoint) -> Result<()> {
    let mut options = std::fs::OpenOptions::new();
    options.append(true).create(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut file = options
        .open(path)
        .with_context(|| format!("cannot open the checkpoint file {}", path.display()))?;
    // One write of one line, so that instances appending to one file never interleave.
    file.write_all(format!("{}\n", checkpoint.line()).as_bytes())
        .and_then(|_| file.sync_all())
        .with_context(|| format!("cannot write to the checkpoint file {}", path.display()))
}

/// The checkpoints of a file; a line that is not one is refused with its number.
pub fn read(path: &Path) -> Result<Vec<Checkpoint>> {
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("cannot read the checkpoints in {}", path.display()))?;
    let mut all = Vec::new();
    for (number, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        match Checkpoint::parse(line) {
            Some(c) => all.push(c),
            None => bail!(
                "{} line {}: not an audit checkpoint",
                path.display(),
                number + 1
            ),
        }
    }
    Ok(all)
}

/// Moves the file aside (a restore starts the trail's history anew; the old checkpoints
/// describe the deployment before it), and says where it went.
pub fn set_aside(path: &Path, now: i64) -> Result<Option<PathBuf>> {
    if !path.exists() {
        return Ok(None);
    }
    let mut name = path.as_os_str().to_owned();
    name.push(format!(".before-restore-{now}"));
    let aside = PathBuf::from(name);
    std::fs::rename(path, &aside)
        .with_context(|| format!("cannot move {} aside", path.display()))?;
    Ok(Some(aside))
}

/// Writes a checkpoint every ten minutes while the trail moves. The last one is written by
/// [`write_final`] when the server stops.
pub fn spawn(app: App, path: PathBuf) -> JoinHandle<()> {
    tokio::spawn(async move {
        let mut every = tokio::time::interval(EVERY);
        every.set_missed_tick_behavior(MissedTickBehavior::Delay);
        let mut written = None;
        loop {
            every.tick().await;
            written = write_if_moved(&app, &path, written).await;
        }
    })
}

/// Writes a checkpoint now (when the server stops).
pub async fn write_final(app: &App, path: &Path) {
    write_if_moved(app, path, None).await;
}

async fn write_if_moved(app: &App, path: &Path, written: Option<i64>) -> Option<i64> {
    match app.audit_checkpoint().await {
        Ok(c) if Some(c.seq) == written => written,
        Ok(c) => match append(path, &c) {
            Ok(()) => Some(c.seq),
            Err(e) => {
                tracing::warn!(error = %format!("{e:#}"), "audit checkpoint not written");
                written
            }
        },
        Err(e) => {
            tracing::warn!(error = %e, "audit checkpoint not taken");
            written
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample(seq: i64) -> Checkpoint {
        Checkpoint {
            seq,
            hash: "cd".repeat(32),
            at: 1_800_000_000 + seq,
            seal: "ef".repeat(32),
        }
    }

    #[test]
    fn checkpoints_are_appended_privately_and_read_back_in_order() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("audit-checkpoints");
        append(&path, &sample(3)).unwrap();
        append(&path, &sample(9)).unwrap();
        assert_eq!(read(&path).unwrap(), vec![sample(3), sample(9)]);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
    }

    #[test]
    fn a_line_that_is_not_a_checkpoint_is_refused_with_its_number() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("audit-checkpoints");
        append(&path, &sample(3)).unwrap();
        std::fs::write(&path, format!("{}\nnonsense\n", sample(3).line())).unwrap();
        let err = read(&path).unwrap_err().to_string();
        assert!(err.contains("line 2"), "{err}");
    }

    #[test]
    fn a_file_set_aside_keeps_its_lines_under_a_new_name() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("audit-checkpoints");
        assert_eq!(set_aside(&path, 1).unwrap(), None);
        append(&path, &sample(3)).unwrap();
        let aside = set_aside(&path, 7).unwrap().unwrap();
        assert!(!path.exists());
        assert_eq!(read(&aside).unwrap(), vec![sample(3)]);
    }
}

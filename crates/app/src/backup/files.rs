//! Backup files on disk: written under a temporary name beside the final one and renamed only
//! when complete and on the disk, so that a crash never leaves a file that looks like a
//! backup; readable by their owner only; the oldest scheduled ones removed beyond a number.

use std::fs::{File, OpenOptions};
use std::io;
use std::path::{Path, PathBuf};

/// The names of scheduled backups: `spona-backup-20261201T020000Z.age`, which sort by time.
const PREFIX: &str = "spona-backup-";
const SUFFIX: &str = ".age";
/// What a file being written is called until it is complete.
const PARTIAL: &str = ".partial";

/// A backup file being written.
pub struct PendingFile {
    path: PathBuf,
    temporary: PathBuf,
    completed: bool,
}

impl PendingFile {
    /// Creates the temporary file (mode 0600) for a backup that will be `path`; an existing
    /// file of that name is never overwritten.
    pub fn create(path: &Path) -> io::Result<(PendingFile, File)> {
        if path.exists() {
            return Err(io::Error::new(
                io::ErrorKind::AlreadyExists,
                format!(
                    "{} exists; a backup never overwrites a file",
                    path.display()
                ),
            ));
        }
        let name = path.file_name().ok_or_else(|| {
            io::Error::new(
                io::ErrorKind::InvalidInput,
                format!("{} is not a file name", path.display()),
            )
        })?;
        let mut hidden = std::ffi::OsString::from(".");
        hidden.push(name);
        hidden.push(PARTIAL);
        let temporary = path.with_file_name(hidden);
        let mut options = OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            options.mode(0o600);
        }
        let file = options.open(&temporary).map_err(|e| {
            io::Error::new(
                e.kind(),
                format!("cannot create {}: {e}", temporary.display()),
            )
        })?;
        Ok((
            PendingFile {
                path: path.to_path_buf(),
                temporary,
                completed: false,
            },
            file,
        ))
    }

    /// The final name.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Puts the written file on the disk and gives it its final name.
    pub fn complete(mut self, file: File) -> io::Result<PathBuf> {
        file.sync_all()?;
        drop(file);
        if self.path.exists() {
            return Err(io::Error::new(
                io::ErrorKind::AlreadyExists,
                format!(
                    "{} appeared meanwhile; not overwritten",
                    self.path.display()
                ),
            ));
        }
        std::fs::rename(&self.temporary, &self.path)?;
        // The rename is durable once the folder is.
        if let Some(dir) = self.path.parent().filter(|d| !d.as_os_str().is_empty()) {
            File::open(dir)?.sync_all()?;
        }
        self.completed = true;
        Ok(self.path.clone())
    }
}

impl Drop for PendingFile {
    fn drop(&mut self) {
        if !self.completed {
            let _ = std::fs::remove_file(&self.temporary);
        }
    }
}

/// The file name of a scheduled backup taken at `at` (Unix seconds).
pub fn scheduled_name(at: i64) -> String {
    let t =
        time::OffsetDateTime::from_unix_timestamp(at).unwrap_or(time::OffsetDateTime::UNIX_EPOCH);
    format!(
        "{PREFIX}{:04}{:02}{:02}T{:02}{:02}{:02}Z{SUFFIX}",
        t.year(),
        u8::from(t.month()),
        t.day(),
        t.hour(),
        t.minute(),
        t.second()
    )
}

/// The scheduled backups in `dir`, oldest first.
pub fn scheduled_backups(dir: &Path) -> io::Result<Vec<PathBuf>> {
    let mut found: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(PREFIX) && n.ends_with(SUFFIX))
        })
        .collect();
    found.sort();
    Ok(found)
}

/// Removes the oldest scheduled backups beyond `keep`, and what a crashed one left behind;
/// returns the backups removed.
pub fn prune(dir: &Path, keep: usize) -> io::Result<Vec<PathBuf>> {
    for entry in std::fs::read_dir(dir)?.filter_map(Result::ok) {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if name.starts_with(&format!(".{PREFIX}")) && name.ends_with(PARTIAL) {
            std::fs::remove_file(entry.path())?;
        }
    }
    let all = scheduled_backups(dir)?;
    let excess = all.len().saturating_sub(keep);
    let removed: Vec<PathBuf> = all.into_iter().take(excess).collect();
    for path in &removed {
        std::fs::remove_file(path)?;
    }
    Ok(removed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    #[test]
    fn a_file_gets_its_name_only_when_complete_and_is_private() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("b.age");
        let (pending, mut file) = PendingFile::create(&path).unwrap();
        file.write_all(b"x").unwrap();
        assert!(!path.exists(), "not under its name while written");
        let done = pending.complete(file).unwrap();
        assert_eq!(std::fs::read(&done).unwrap(), b"x");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&done).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o600);
        }
        assert!(PendingFile::create(&path).is_err(), "never overwritten");
        let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(names.len(), 1, "no temporary file left");
    }

    #[test]
    fn an_abandoned_file_leaves_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let (pending, file) = PendingFile::create(&dir.path().join("b.age")).unwrap();
        drop(file);
        drop(pending);
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
    }

    #[test]
    fn pruning_keeps_the_newest_and_touches_nothing_else() {
        let dir = tempfile::tempdir().unwrap();
        for at in [1_800_000_000, 1_800_003_600, 1_800_007_200] {
            std::fs::write(dir.path().join(scheduled_name(at)), b"").unwrap();
        }
        std::fs::write(dir.path().join("notes.txt"), b"").unwrap();
        std::fs::write(dir.path().join(".spona-backup-x.age.partial"), b"").unwrap();
        let removed = prune(dir.path(), 2).unwrap();
        assert_eq!(
            removed,
            vec![dir.path().join(scheduled_name(1_800_000_000))]
        );
        let left = scheduled_backups(dir.path()).unwrap();
        assert_eq!(left.len(), 2);
        assert!(dir.path().join("notes.txt").exists());
        assert!(!dir.path().join(".spona-backup-x.age.partial").exists());
        assert_eq!(
            scheduled_name(1_800_000_000),
            "spona-backup-20270115T080000Z.age"
        );
    }
}

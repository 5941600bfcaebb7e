//! The SQLite database's files are readable by their owner only: they hold every team's
//! records (personal fields are sealed, but the rest is not).

use crate::StoreError;
use std::path::{Path, PathBuf};

/// Refuses at once, with the folder named, a database whose folder is missing or cannot be
/// written to.
pub(crate) fn check_folder(path: &Path) -> Result<(), StoreError> {
    let Some(dir) = path.parent().filter(|p| !p.as_os_str().is_empty()) else {
        return Ok(());
    };
    if !dir.is_dir() {
        return Err(StoreError::Url(format!(
            "the folder {} of the SQLite database does not exist",
            dir.display()
        )));
    }
    check_writable(dir)
}

/// Creates the database file with mode 0600 before SQLite opens it, so that SQLite, which
/// gives the write-ahead log and shared-memory files the database's own mode, never makes
/// a file others can read.
pub(crate) fn prepare_sqlite_file(path: &Path) -> Result<(), StoreError> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(false);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options.open(path).map(drop).map_err(|e| {
        StoreError::File(format!(
            "cannot open the database file {}: {e}",
            path.display()
        ))
    })
}

/// Refuses at once a folder that cannot take the files SQLite writes beside the database
/// (the write-ahead log), with the folder and the cause in one line, rather than failing
/// later and vaguely.
pub fn check_writable(dir: &Path) -> Result<(), StoreError> {
    let probe = dir.join(format!(".spona-write-check-{}", std::process::id()));
    let written = std::fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .open(&probe)
        .and_then(|mut f| std::io::Write::write_all(&mut f, b"ok").and_then(|_| f.sync_all()));
    let _ = std::fs::remove_file(&probe);
    written.map_err(|e| {
        StoreError::File(format!(
            "the folder {} cannot be written to: {e}",
            dir.display()
        ))
    })
}

/// Takes away any access others had to the database's files (releases before this one
/// created them with mode 0644).
pub(crate) fn restrict_sqlite_files(path: &Path) -> Result<(), StoreError> {
    for file in sqlite_files(path) {
        restrict(&file)?;
    }
    Ok(())
}

/// The database file and the files SQLite keeps beside it.
fn sqlite_files(path: &Path) -> Vec<PathBuf> {
    let mut files = vec![path.to_path_buf()];
    for suffix in ["-wal", "-shm"] {
        let mut name = path.as_os_str().to_owned();
        name.push(suffix);
        files.push(PathBuf::from(name));
    }
    files
}

#[cfg(unix)]
fn restrict(file: &Path) -> Result<(), StoreError> {
    use std::os::unix::fs::PermissionsExt;
    let Ok(meta) = std::fs::metadata(file) else {
        return Ok(());
    };
    let mode = meta.permissions().mode() & 0o777;
    if mode & 0o077 == 0 {
        return Ok(());
    }
    std::fs::set_permissions(file, std::fs::Permissions::from_mode(mode & 0o700)).map_err(|e| {
        StoreError::File(format!(
            "cannot make {} readable by its owner only: {e}",
            file.display()
        ))
    })
}

#[cfg(not(unix))]
fn restrict(_file: &Path) -> Result<(), StoreError> {
    Ok(())
}

//! Folders that hold a deployment's records (the data folder, a restored database, scheduled
//! backups): created readable by their owner only, made so when others could enter them,
//! never where a file is in the way, and refused at once when they cannot be written to.

use anyhow::{bail, Context, Result};
use std::path::Path;

/// Creates the folder (and missing parents) with mode 0700 when it does not exist, takes
/// away any access others have to an existing one, and checks that it takes files.
pub fn create_private(dir: &Path, setting: &str) -> Result<()> {
    if dir.exists() && !dir.is_dir() {
        bail!("{setting}: {} exists but is not a folder", dir.display());
    }
    if !dir.is_dir() {
        let mut builder = std::fs::DirBuilder::new();
        builder.recursive(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::DirBuilderExt;
            builder.mode(0o700);
        }
        builder
            .create(dir)
            .with_context(|| format!("{setting}: cannot create {}", dir.display()))?;
    }
    spona_store::files::check_writable(dir)?;
    make_private(dir, setting)
}

#[cfg(unix)]
fn make_private(dir: &Path, setting: &str) -> Result<()> {
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(dir)
        .with_context(|| format!("{setting}: cannot read {}", dir.display()))?
        .permissions()
        .mode()
        & 0o777;
    if mode & 0o077 != 0 {
        std::fs::set_permissions(dir, std::fs::Permissions::from_mode(mode & 0o700)).with_context(
            || {
                format!(
                    "{setting}: {} can be entered by others (mode {mode:o}) and could not be \
                     made private",
                    dir.display()
                )
            },
        )?;
    }
    Ok(())
}

#[cfg(not(unix))]
fn make_private(_dir: &Path, _setting: &str) -> Result<()> {
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_folder_is_created_private() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("a/data");
        create_private(&dir, "data_dir").unwrap();
        assert!(dir.is_dir());
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&dir).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o700);
        }
        create_private(&dir, "data_dir").unwrap();
    }

    #[cfg(unix)]
    #[test]
    fn an_existing_folder_others_may_enter_is_made_private() {
        use std::os::unix::fs::PermissionsExt;
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("data");
        std::fs::create_dir(&dir).unwrap();
        std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o755)).unwrap();
        create_private(&dir, "backup_dir").unwrap();
        let mode = std::fs::metadata(&dir).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o700);
    }

    #[test]
    fn a_file_in_the_way_is_refused_with_the_setting() {
        let tmp = tempfile::tempdir().unwrap();
        let file = tmp.path().join("data");
        std::fs::write(&file, "").unwrap();
        let err = create_private(&file, "data_dir").err().unwrap().to_string();
        assert!(
            err.starts_with("data_dir:") && err.contains("not a folder"),
            "{err}"
        );
    }
}

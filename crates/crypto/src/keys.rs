//! The master key: kept in a key file beside the data (created at first start, mode 0600) or
//! given in the environment; never in the database. Purpose keys are derived from it, so one
//! secret serves field encryption and blind indexes without reusing a key for two jobs.
//! During a rotation the next key waits in a file of its own until it is promoted in one
//! rename, so that some key file on disk always opens the data.

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use hmac::{Hmac, Mac};
use sha2::Sha256;
use std::io::Write;
use std::path::Path;
use zeroize::Zeroize;

/// Why the master key could not be had.
#[derive(Debug, thiserror::Error)]
pub enum KeyError {
    #[error("the key file {path} can be read by others (mode {mode:o}); run `chmod 600 {path}`")]
    LoosePermissions { path: String, mode: u32 },
    #[error("the key file {0} is not a valid key (expected 32 bytes in base64)")]
    Malformed(String),
    #[error("the key in the environment is not a valid key (expected 32 bytes in base64)")]
    MalformedEnvironment,
    #[error("key file {path}: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
}

/// 32 secret bytes, wiped from memory when dropped.
#[derive(Clone)]
pub struct MasterKey([u8; 32]);

impl Drop for MasterKey {
    fn drop(&mut self) {
        self.0.zeroize();
    }
}

impl std::fmt::Debug for MasterKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("MasterKey(…)")
    }
}

impl MasterKey {
    /// A fresh random key.
    pub fn generate() -> MasterKey {
        use argon2::password_hash::rand_core::{OsRng, RngCore};
        let mut k = [0u8; 32];
        OsRng.fill_bytes(&mut k);
        MasterKey(k)
    }

    /// Parses a key written in base64 (as in the key file or the environment).
    pub fn from_base64(text: &str) -> Option<MasterKey> {
        let mut bytes = STANDARD.decode(text.trim()).ok()?;
        let key = <[u8; 32]>::try_from(bytes.as_slice()).ok().map(MasterKey);
        bytes.zeroize();
        key
    }

    /// Reads the key file, creating it with a new key (mode 0600) when it does not exist.
    /// A key file that others may read is refused: the key protects every victim's name.
    pub fn load_or_create(path: &Path) -> Result<MasterKey, KeyError> {
        match MasterKey::load(path)? {
            Some(key) => Ok(key),
            None => MasterKey::create(path),
        }
    }

    /// Reads the key file; `None` when there is none. A key file that others may read is
    /// refused.
    pub fn load(path: &Path) -> Result<Option<MasterKey>, KeyError> {
        let shown = path.display().to_string();
        match std::fs::read_to_string(path) {
            Ok(text) => {
                check_permissions(path)?;
                MasterKey::from_base64(&text)
                    .map(Some)
                    .ok_or(KeyError::Malformed(shown))
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(source) => Err(KeyError::Io {
                path: shown,
                source,
            }),
        }
    }

    /// Writes a new key to a key file that must not exist yet (mode 0600, flushed to disk).
    pub fn create(path: &Path) -> Result<MasterKey, KeyError> {
        let shown = path.display().to_string();
        let io = |source| KeyError::Io {
            path: shown.clone(),
            source,
        };
        let key = MasterKey::generate();
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            options.mode(0o600);
        }
        let mut file = options.open(path).map_err(io)?;
        let mut text = STANDARD.encode(key.0);
        let written = writeln!(file, "{text}").and_then(|_| file.sync_all());
        text.zeroize();
        written.map_err(io)?;
        // The file's name is on disk too, not only its content: a crash right after cannot
        // lose a key that data may already be sealed under.
        sync_folder(path).map_err(io)?;
        Ok(key)
    }

    /// Puts the key file `next` in the place of `current` in one atomic step (a rename, then
    /// the folder flushed to disk): at every instant one of the two names holds the new key,
    /// and the old key's file is gone once this returns.
    pub fn promote_file(next: &Path, current: &Path) -> Result<(), KeyError> {
        let io = |source| KeyError::Io {
            path: next.display().to_string(),
            source,
        };
        std::fs::rename(next, current).map_err(io)?;
        sync_folder(current).map_err(io)
    }

    /// A value that tells this key from any other without revealing it (a keyed hash of a
    /// fixed text under a purpose key of its own), recorded in the database so that a
    /// missing or wrong key is noticed before anything is written.
    pub fn check_value(&self) -> String {
        hex::encode(self.derive("spona/key-check/v1"))
    }

    /// The key in base64, as the key file holds it: only for putting it into an encrypted
    /// backup when the operator asks for that. Wiped from memory when dropped.
    pub fn to_base64(&self) -> zeroize::Zeroizing<String> {
        zeroize::Zeroizing::new(STANDARD.encode(self.0))
    }

    /// A key for one purpose, derived from the master key.
    pub(crate) fn derive(&self, purpose: &str) -> [u8; 32] {
        // A key shorter than the hash's block is zero-padded to it (RFC 2104), which makes
        // the construction infallible.
        let mut block = [0u8; 64];
        block[..32].copy_from_slice(&self.0);
        let mut mac = <Hmac<Sha256> as Mac>::new(&block.into());
        block.zeroize();
        mac.update(purpose.as_bytes());
        mac.finalize().into_bytes().into()
    }
}

/// Flushes the folder that holds `path`, so that a file created or renamed in it stays so
/// after a crash.
fn sync_folder(path: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        let folder = match path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        };
        std::fs::File::open(folder)?.sync_all()?;
    }
    #[cfg(not(unix))]
    let _ = path;
    Ok(())
}

#[cfg(unix)]
fn check_permissions(path: &Path) -> Result<(), KeyError> {
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(path)
        .map_err(|source| KeyError::Io {
            path: path.display().to_string(),
            source,
        })?
        .permissions()
        .mode()
        & 0o777;
    if mode & 0o077 != 0 {
        return Err(KeyError::LoosePermissions {
            path: path.display().to_string(),
            mode,
        });
    }
    Ok(())
}

#[cfg(not(unix))]
fn check_permissions(_path: &Path) -> Result<(), KeyError> {
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_file_is_created_private_and_read_back() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("spona.key");
        let first = MasterKey::load_or_create(&path).unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o600);
        }
        let again = MasterKey::load_or_create(&path).unwrap();
        assert_eq!(first.0, again.0);
    }

    #[cfg(unix)]
    #[test]
    fn a_key_file_readable_by_others_is_refused() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("spona.key");
        MasterKey::load_or_create(&path).unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
        let err = MasterKey::load_or_create(&path).unwrap_err();
        assert!(
            matches!(err, KeyError::LoosePermissions { mode: 0o644, .. }),
            "{err}"
        );
    }

    #[test]
    fn malformed_keys_are_refused() {
        assert!(MasterKey::from_base64("c2hvcnQ=").is_none());
        assert!(MasterKey::from_base64("not base64!").is_none());
        let k = MasterKey::generate();
        assert!(MasterKey::from_base64(&STANDARD.encode(k.0)).is_some());
        assert_eq!(format!("{k:?}"), "MasterKey(…)", "never printed");
    }

    #[test]
    fn derivation_is_hmac_sha256_keyed_by_the_master_key() {
        let k = MasterKey([7u8; 32]);
        let mut reference = <Hmac<Sha256> as Mac>::new_from_slice(&[7u8; 32]).unwrap();
        reference.update(b"purpose");
        let expected: [u8; 32] = reference.finalize().into_bytes().into();
        assert_eq!(k.derive("purpose"), expected);
    }

    #[test]
    fn the_check_value_tells_keys_apart_and_is_not_the_key() {
        let k = MasterKey::generate();
        assert_eq!(k.check_value(), k.check_value());
        assert_ne!(k.check_value(), MasterKey::generate().check_value());
        assert!(!k.check_value().contains(&hex::encode(k.0)));
        assert_eq!(
            MasterKey::from_base64(&k.to_base64())
                .unwrap()
                .check_value(),
            k.check_value()
        );
    }

    #[test]
    fn loading_never_creates_a_key() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("spona.key");
        assert!(MasterKey::load(&path).unwrap().is_none());
        assert!(!path.exists());
        let made = MasterKey::create(&path).unwrap();
        assert_eq!(MasterKey::load(&path).unwrap().unwrap().0, made.0);
        assert!(
            MasterKey::create(&path).is_err(),
            "an existing key is never replaced"
        );
    }

    #[test]
    fn promoting_the_next_key_file_replaces_the_current_one_and_leaves_no_copy() {
        let dir = tempfile::tempdir().unwrap();
        let current = dir.path().join("spona.key");
        let next = dir.path().join("spona.key.next");
        MasterKey::create(&current).unwrap();
        let made = MasterKey::create(&next).unwrap();
        MasterKey::promote_file(&next, &current).unwrap();
        assert_eq!(MasterKey::load(&current).unwrap().unwrap().0, made.0);
        assert!(!next.exists());
        assert!(
            MasterKey::promote_file(&next, &current).is_err(),
            "nothing to promote"
        );
        assert_eq!(MasterKey::load(&current).unwrap().unwrap().0, made.0);
    }

    #[test]
    fn purposes_get_different_keys() {
        let k = MasterKey::generate();
        assert_ne!(k.derive("a"), k.derive("b"));
        assert_eq!(k.derive("a"), k.derive("a"));
    }
}

//! The envelope of a backup: the age file format, encrypted to X25519 recipients (`age1…`)
//! or to a passphrase. age is a published format with independent implementations (`age`,
//! `rage`), authenticated chunk by chunk, so a damaged or truncated file is refused rather
//! than read, and an operator can open a backup with the standard tools if Spona is gone.

pub use age::secrecy::{ExposeSecret, SecretString};
use std::io::{BufRead, BufReader, Read, Write};
use std::str::FromStr;

/// Every age file begins with this line; anything else is not a backup at all.
const AGE_MAGIC: &[u8] = b"age-encryption.org/";

/// The encrypting end of an envelope.
pub type SealedWriter<W> = age::stream::StreamWriter<W>;
/// The decrypting end of an envelope.
pub type OpenedReader<R> = age::stream::StreamReader<BufReader<R>>;

/// Whom a backup is encrypted to.
#[derive(Clone)]
pub enum Lock {
    /// Anyone holding the identity (secret key) of one of these recipients can open it.
    Recipients(Vec<age::x25519::Recipient>),
    /// Anyone who knows the passphrase can open it (stretched with scrypt).
    Passphrase(SecretString),
}

/// What opens a backup.
pub enum Unlock {
    /// The identities (secret keys) of an age identity file.
    Identities(Vec<age::x25519::Identity>),
    /// The passphrase the backup was encrypted with.
    Passphrase(SecretString),
}

/// Why a backup's envelope could not be made or opened.
#[derive(Debug, thiserror::Error)]
pub enum ArchiveError {
    #[error("{0:?} is not an age recipient (expected age1…)")]
    BadRecipient(String),
    #[error("no age recipient is given")]
    NoRecipients,
    #[error("the identity file holds no usable age identity (AGE-SECRET-KEY-1…)")]
    BadIdentity,
    #[error("the passphrase is empty")]
    EmptyPassphrase,
    #[error("the file is not a Spona backup (not an age-encrypted file)")]
    NotAnArchive,
    #[error("the backup is encrypted to a passphrase, but none was given")]
    NeedsPassphrase,
    #[error("the backup is encrypted to age recipients, but no identity was given")]
    NeedsIdentity,
    #[error("wrong passphrase")]
    WrongPassphrase,
    #[error("wrong identity: the backup was encrypted to other recipients")]
    WrongIdentity,
    #[error("the backup file is damaged or truncated")]
    Damaged,
    #[error("the backup's passphrase stretching is far costlier than this machine allows")]
    ExcessiveWork,
    #[error("{0}")]
    Io(std::io::Error),
}

impl Lock {
    /// A passphrase lock; an empty passphrase is refused.
    pub fn passphrase(text: &str) -> Result<Lock, ArchiveError> {
        secret(text).map(Lock::Passphrase)
    }
}

impl Unlock {
    /// A passphrase to open with; the file's trailing line break is not part of it.
    pub fn passphrase(text: &str) -> Result<Unlock, ArchiveError> {
        secret(text).map(Unlock::Passphrase)
    }

    /// The identities of an age identity file (as `age-keygen` writes it): one
    /// `AGE-SECRET-KEY-1…` a line, blank lines and `#` comments skipped.
    pub fn identity_file(text: &str) -> Result<Unlock, ArchiveError> {
        let identities = text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(|l| age::x25519::Identity::from_str(l).map_err(|_| ArchiveError::BadIdentity))
            .collect::<Result<Vec<_>, _>>()?;
        if identities.is_empty() {
            return Err(ArchiveError::BadIdentity);
        }
        Ok(Unlock::Identities(identities))
    }
}

/// A passphrase without the line break a file ends it with; an empty one is refused.
fn secret(text: &str) -> Result<SecretString, ArchiveError> {
    let text = text.trim_end_matches(['\r', '\n']);
    if text.is_empty() {
        return Err(ArchiveError::EmptyPassphrase);
    }
    Ok(SecretString::from(text.to_string()))
}

/// One recipient, `age1…`.
pub fn parse_recipient(text: &str) -> Result<age::x25519::Recipient, ArchiveError> {
    age::x25519::Recipient::from_str(text.trim())
        .map_err(|_| ArchiveError::BadRecipient(text.trim().to_string()))
}

/// The recipients of a recipients file: one per line; blank lines and `#` comments skipped.
pub fn parse_recipients_file(text: &str) -> Result<Vec<age::x25519::Recipient>, ArchiveError> {
    let recipients = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(parse_recipient)
        .collect::<Result<Vec<_>, _>>()?;
    if recipients.is_empty() {
        return Err(ArchiveError::NoRecipients);
    }
    Ok(recipients)
}

/// A new identity and its recipient, as `age-keygen` would make them (for tests and tools).
pub fn generate_identity() -> (SecretString, String) {
    let identity = age::x25519::Identity::generate();
    (identity.to_string(), identity.to_public().to_string())
}

/// Starts an encrypted stream into `out`; the caller must call `finish` on it, or the file
/// ends without its last chunk and will be refused as truncated.
pub fn seal<W: Write>(lock: &Lock, out: W) -> Result<SealedWriter<W>, ArchiveError> {
    let encryptor = match lock {
        Lock::Passphrase(p) => age::Encryptor::with_user_passphrase(p.clone()),
        Lock::Recipients(recipients) => {
            if recipients.is_empty() {
                return Err(ArchiveError::NoRecipients);
            }
            age::Encryptor::with_recipients(recipients.iter().map(|r| r as &dyn age::Recipient))
                .map_err(|_| ArchiveError::NoRecipients)?
        }
    };
    encryptor.wrap_output(out).map_err(ArchiveError::Io)
}

/// Opens an encrypted stream: the header is checked and the file key unwrapped here; the
/// chunks are authenticated as they are read (an altered or missing chunk fails the read,
/// see [`is_damage`]).
pub fn open<R: Read>(unlock: &Unlock, input: R) -> Result<OpenedReader<R>, ArchiveError> {
    let mut input = BufReader::new(input);
    let start = input.fill_buf().map_err(ArchiveError::Io)?;
    let n = start.len().min(AGE_MAGIC.len());
    if start.is_empty() || start[..n] != AGE_MAGIC[..n] {
        return Err(ArchiveError::NotAnArchive);
    }
    let decryptor = age::Decryptor::new_buffered(input).map_err(header_error)?;
    match (unlock, decryptor.is_scrypt()) {
        (Unlock::Passphrase(_), false) => return Err(ArchiveError::NeedsIdentity),
        (Unlock::Identities(_), true) => return Err(ArchiveError::NeedsPassphrase),
        _ => {}
    }
    let opened = match unlock {
        Unlock::Passphrase(p) => {
            let identity =
                age::scrypt::Identity::new(SecretString::from(p.expose_secret().to_string()));
            decryptor.decrypt(std::iter::once(&identity as &dyn age::Identity))
        }
        Unlock::Identities(ids) => decryptor.decrypt(ids.iter().map(|i| i as &dyn age::Identity)),
    };
    opened.map_err(|e| match e {
        age::DecryptError::DecryptionFailed if matches!(unlock, Unlock::Passphrase(_)) => {
            ArchiveError::WrongPassphrase
        }
        age::DecryptError::NoMatchingKeys | age::DecryptError::KeyDecryptionFailed => {
            match unlock {
                Unlock::Passphrase(_) => ArchiveError::WrongPassphrase,
                Unlock::Identities(_) => ArchiveError::WrongIdentity,
            }
        }
        other => header_error(other),
    })
}

/// Whether an error from reading an opened stream means the file is damaged or truncated
/// (rather than, say, unreadable from the disk).
pub fn is_damage(e: &std::io::Error) -> bool {
    matches!(
        e.kind(),
        std::io::ErrorKind::InvalidData | std::io::ErrorKind::UnexpectedEof
    )
}

fn header_error(e: age::DecryptError) -> ArchiveError {
    match e {
        age::DecryptError::ExcessiveWork { .. } => ArchiveError::ExcessiveWork,
        age::DecryptError::Io(e) if !is_damage(&e) => ArchiveError::Io(e),
        _ => ArchiveError::Damaged,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    fn sealed(lock: &Lock, text: &[u8]) -> Vec<u8> {
        let mut w = seal(lock, Vec::new()).unwrap();
        w.write_all(text).unwrap();
        w.finish().unwrap()
    }

    fn read_all(unlock: &Unlock, file: &[u8]) -> Result<Vec<u8>, ArchiveError> {
        let mut r = open(unlock, file)?;
        let mut out = Vec::new();
        r.read_to_end(&mut out).map_err(|e| {
            if is_damage(&e) {
                ArchiveError::Damaged
            } else {
                ArchiveError::Io(e)
            }
        })?;
        Ok(out)
    }

    fn pair() -> (Unlock, Lock) {
        let (secret, public) = generate_identity();
        let unlock = Unlock::identity_file(secret.expose_secret()).unwrap();
        (
            unlock,
            Lock::Recipients(vec![parse_recipient(&public).unwrap()]),
        )
    }

    #[test]
    fn recipients_round_trip_and_other_identities_are_refused() {
        let (unlock, lock) = pair();
        let file = sealed(&lock, b"tajni podaci");
        assert!(!file.windows(6).any(|w| w == b"tajni "));
        assert_eq!(read_all(&unlock, &file).unwrap(), b"tajni podaci");
        let (other, _) = pair();
        assert!(matches!(
            read_all(&other, &file),
            Err(ArchiveError::WrongIdentity)
        ));
        assert!(matches!(
            read_all(&Unlock::passphrase("x").unwrap(), &file),
            Err(ArchiveError::NeedsIdentity)
        ));
    }

    #[test]
    fn damage_and_truncation_are_refused() {
        let (unlock, lock) = pair();
        let text = vec![b'a'; 200_000];
        let file = sealed(&lock, &text);
        let mut flipped = file.clone();
        let at = file.len() - 1000;
        flipped[at] ^= 0x01;
        assert!(matches!(
            read_all(&unlock, &flipped),
            Err(ArchiveError::Damaged)
        ));
        for cut in [file.len() - 1, file.len() - 70_000, 300] {
            assert!(
                matches!(read_all(&unlock, &file[..cut]), Err(ArchiveError::Damaged)),
                "cut at {cut}"
            );
        }
        assert!(matches!(
            read_all(&unlock, b"PK\x03\x04 a zip file"),
            Err(ArchiveError::NotAnArchive)
        ));
        assert!(matches!(
            read_all(&unlock, b""),
            Err(ArchiveError::NotAnArchive)
        ));
    }

    #[test]
    fn a_passphrase_opens_only_with_itself() {
        let lock = Lock::passphrase("ispravna lozinka\n").unwrap();
        let file = sealed(&lock, b"sadrzaj");
        let right = Unlock::passphrase("ispravna lozinka").unwrap();
        assert_eq!(read_all(&right, &file).unwrap(), b"sadrzaj");
        let wrong = Unlock::passphrase("pogresna lozinka").unwrap();
        assert!(matches!(
            read_all(&wrong, &file),
            Err(ArchiveError::WrongPassphrase)
        ));
        let (identity, _) = pair();
        assert!(matches!(
            read_all(&identity, &file),
            Err(ArchiveError::NeedsPassphrase)
        ));
        assert!(matches!(
            Lock::passphrase("\n"),
            Err(ArchiveError::EmptyPassphrase)
        ));
    }

    #[test]
    fn recipients_files_skip_comments_and_refuse_nonsense() {
        let (_, public) = generate_identity();
        let text = format!("# backups\n\n{public}\n");
        assert_eq!(parse_recipients_file(&text).unwrap().len(), 1);
        assert!(matches!(
            parse_recipients_file("# none\n"),
            Err(ArchiveError::NoRecipients)
        ));
        assert!(matches!(
            parse_recipients_file("age1nonsense\n"),
            Err(ArchiveError::BadRecipient(_))
        ));
        assert!(matches!(
            Unlock::identity_file("not a key"),
            Err(ArchiveError::BadIdentity)
        ));
    }
}

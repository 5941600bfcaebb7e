//! Keeping an official file and giving it back: the upload judged (kind by content, size,
//! note), the file sealed under a data key of its own or kept plainly, opened again for a
//! download, and the sealed files' keys wrapped anew by a key rotation.

use super::{OfficialFileDownload, OfficialFileView, OfficialUpload};
use crate::{App, AppError, Damaged};
use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use spona_crypto::fields::{KeyWrapper, Place};
use spona_crypto::keyring::Keyring;
use spona_domain::cases::attachment::clean_name;
use spona_domain::ids::TeamId;
use spona_domain::official_file::{detect, OfficialFileKind};
use spona_domain::text;
use spona_domain::validation::{FieldError, FieldErrors};
use spona_store::official_files::{self, FileContent, Holder, NewOfficialFile, OfficialFileRow};
use spona_store::Tx;

const TABLE: &str = "official_files";

fn place(column: &'static str, id: i64) -> Place<'static> {
    Place {
        table: TABLE,
        column,
        row: id,
    }
}

/// The file is damaged (altered, or sealed under a key that is gone); nothing of it is said.
fn damaged(id: i64) -> AppError {
    AppError::Unopenable(Damaged {
        table: TABLE.into(),
        id,
    })
}

/// An upload that passed the checks.
pub(super) struct Judged {
    pub kind: OfficialFileKind,
    pub note: String,
}

/// Judges an upload: its kind by its content (and a name that agrees), its size, the note.
pub(super) fn judge(upload: &OfficialUpload<'_>) -> Result<Judged, AppError> {
    let mut e = FieldErrors::new();
    let kind = e.check(
        "file",
        detect(upload.name, upload.content).map_err(FieldError::from),
    );
    let note = e.check("note", text::optional(upload.note, 500));
    match (kind, note) {
        (Some(kind), Some(note)) => Ok(Judged { kind, note }),
        _ => Err(AppError::Invalid(e)),
    }
}

/// Where a new file goes and who brings it.
pub(super) struct Keep<'a> {
    pub team: TeamId,
    pub holder: Holder,
    pub version_no: i64,
    pub kind: OfficialFileKind,
    pub by: spona_domain::ids::UserId,
    pub at: i64,
    pub upload: &'a OfficialUpload<'a>,
}

/// Stores the file in the caller's transaction: sealed under a new data key wrapped with
/// `keys` when it holds personal data (the caller then audits under the same `keys`), plainly
/// otherwise. Returns the file's id.
pub(super) async fn keep(tx: &mut Tx, keys: &Keyring, k: &Keep<'_>) -> Result<i64, AppError> {
    let u = k.upload;
    let size = i64::try_from(u.content.len()).unwrap_or(i64::MAX);
    let id = official_files::insert(
        tx,
        &NewOfficialFile {
            team: k.team,
            holder: k.holder,
            version_no: k.version_no,
            kind: k.kind.code(),
            size,
            personal: u.personal,
            by: k.by,
            at: k.at,
        },
    )
    .await?;
    let name = clean_name(u.name);
    if u.personal {
        let (key, wrapped) = keys.wrapper.new_data_key(place("data_key", id));
        let sealed_name = STANDARD.encode(key.seal(&name, place("sealed_name", id)));
        let content = STANDARD.encode(key.seal_bytes(u.content, place("content", id)));
        let stored = FileContent {
            name: "",
            data_key: &STANDARD.encode(wrapped),
            sealed_name: &sealed_name,
            content: &content,
        };
        official_files::store_content(tx, id, &stored).await?;
    } else {
        let stored = FileContent {
            name: &name,
            data_key: "",
            sealed_name: "",
            content: &STANDARD.encode(u.content),
        };
        official_files::store_content(tx, id, &stored).await?;
    }
    Ok(id)
}

/// A file's row as a list shows it; a row of an unknown kind is damaged.
pub(super) fn view(row: OfficialFileRow) -> Result<OfficialFileView, AppError> {
    let kind = OfficialFileKind::from_code(&row.kind).ok_or_else(|| damaged(row.id))?;
    let personal = row.personal != 0;
    Ok(OfficialFileView {
        version_no: row.version_no,
        kind,
        size: row.size,
        personal,
        name: (!personal).then_some(row.name),
        uploaded_by: row.uploaded_by,
        uploaded_at: row.uploaded_at,
    })
}

fn unwrap_with(
    wrapper: &KeyWrapper,
    id: i64,
    wrapped: &str,
) -> Result<spona_crypto::fields::DataKey, AppError> {
    let bytes = STANDARD.decode(wrapped).map_err(|_| damaged(id))?;
    wrapper
        .unwrap_key(&bytes, place("data_key", id))
        .map_err(|_| damaged(id))
}

impl App {
    /// A file's name and content, opened with its data key when sealed.
    pub(super) fn open_official_file(
        &self,
        row: &OfficialFileRow,
        content: &str,
    ) -> Result<OfficialFileDownload, AppError> {
        let id = row.id;
        let kind = OfficialFileKind::from_code(&row.kind).ok_or_else(|| damaged(id))?;
        let bytes = STANDARD.decode(content).map_err(|_| damaged(id))?;
        if row.personal == 0 {
            return Ok(OfficialFileDownload {
                name: row.name.clone(),
                kind,
                content: bytes,
            });
        }
        let key = self.record_key(|wrapper| unwrap_with(wrapper, id, &row.data_key))?;
        let sealed_name = STANDARD.decode(&row.sealed_name).map_err(|_| damaged(id))?;
        let name = key
            .open(&sealed_name, place("sealed_name", id))
            .map_err(|_| damaged(id))?;
        let content = key
            .open_bytes(&bytes, place("content", id))
            .map_err(|_| damaged(id))?;
        Ok(OfficialFileDownload {
            name,
            kind,
            content,
        })
    }
}

/// A key rotation's switch: every sealed file's data key, wrapped under `old`, is wrapped
/// anew under `next` in the switch's transaction (which holds the audit head, so no sealed
/// upload under `old` can commit after it). The contents stay as they are.
pub(crate) async fn rewrap_sealed_files(
    tx: &mut Tx,
    old: &Keyring,
    next: &Keyring,
) -> Result<usize, AppError> {
    let sealed = official_files::sealed_keys(tx).await?;
    for (id, wrapped) in &sealed {
        let key = unwrap_with(&old.wrapper, *id, wrapped).map_err(|_| {
            AppError::Internal(format!(
                "the data key of official file {id} does not open (altered?); nothing was \
                 switched"
            ))
        })?;
        let rewrapped = STANDARD.encode(next.wrapper.wrap_key(&key, place("data_key", *id)));
        official_files::rewrap(tx, *id, &rewrapped).await?;
    }
    Ok(sealed.len())
}

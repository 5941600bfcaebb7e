//! Files on official papers (a guideline's versions, a team's founding decision), as the
//! pages show them: the panel with the versions and the upload form (the one multipart form,
//! read by the shared reader), the refusals said at the form, and the download. URLs name a
//! version by its number only; a file's name travels only with its download.

use crate::shell::download;
use crate::shell::errors::{self, Failure, WebError};
use crate::shell::form::message;
use crate::shell::tr::Tr;
use crate::shell::upload::{self, Upload};
use crate::shell::viewer::Signed;
use axum::extract::multipart::MultipartRejection;
use axum::extract::Multipart;
use axum::response::Response;
use spona_app::official_files::{OfficialFileDownload, OfficialFileView, OfficialUpload};
use spona_domain::official_file::MAX_OFFICIAL_FILE_BYTES;
use spona_domain::validation::{FieldError, FieldErrors};

/// The body limit of an upload: the file and what a multipart form carries besides it.
pub const UPLOAD_LIMIT: usize = MAX_OFFICIAL_FILE_BYTES + 64 * 1024;

/// The file types the form offers to pick.
pub const ACCEPT: &str = ".pdf,.docx,.doc,.odt,.xlsx,.ods";

/// One version's file as the panel lists it.
pub struct FileLine {
    pub version: i64,
    pub href: String,
    /// The file's name, or a neutral label for a sealed file.
    pub label: String,
    pub kind: String,
    pub size: String,
    pub by: String,
    pub at: String,
    pub personal: bool,
}

/// The upload form: where it goes and, for a guideline, the version it adds to.
pub struct UploadForm {
    pub action: String,
    pub version: Option<i64>,
    /// The file types the form offers to pick.
    pub accept: &'static str,
}

impl UploadForm {
    /// The form posting to `action`; with `version` for a guideline.
    pub fn to(action: String, version: Option<i64>) -> UploadForm {
        UploadForm {
            action,
            version,
            accept: ACCEPT,
        }
    }
}

/// The files panel.
pub struct FilesPanel {
    pub heading: String,
    pub list: Vec<FileLine>,
    /// For those who may upload.
    pub upload: Option<UploadForm>,
    /// Why the last upload was refused.
    pub error: Option<String>,
}

/// The panel, headed by the message `heading`, for files whose downloads are at
/// `{base}/{version}`.
pub fn panel(
    tr: &Tr,
    heading: &str,
    files: Vec<OfficialFileView>,
    base: &str,
    upload: Option<UploadForm>,
) -> FilesPanel {
    let list = files
        .into_iter()
        .map(|f| FileLine {
            version: f.version_no,
            href: format!("{base}/{}", f.version_no),
            label: f.name.unwrap_or_else(|| tr.t("official-file-sealed-name")),
            kind: f.kind.code().to_uppercase(),
            size: download::size(tr, f.size),
            by: f.uploaded_by,
            at: tr.instant(&f.uploaded_at),
            personal: f.personal,
        })
        .collect();
    FilesPanel {
        heading: tr.t(heading),
        list,
        upload,
        error: None,
    }
}

/// The shared reader's result, or the response for a form it refused.
pub async fn read(
    s: &Signed,
    multipart: Result<Multipart, MultipartRejection>,
) -> Result<Result<Upload, Response>, WebError> {
    let multipart = multipart.map_err(|_| WebError::Page(Failure::BadRequest))?;
    Ok(upload::read(multipart)
        .await
        .map_err(|refusal| errors::refused_field(&s.viewer, &refusal)))
}

/// What the form said, for the app.
pub fn upload_of(u: &Upload) -> OfficialUpload<'_> {
    OfficialUpload {
        name: &u.file_name,
        content: &u.content,
        personal: u.field("personal") == "1",
        note: u.field("note"),
        version: u.field("version").trim().parse().unwrap_or(0),
    }
}

/// The refusal of a body too large to be read whole.
pub fn too_large(tr: &Tr) -> String {
    problem(tr, FieldError::FileTooLarge)
}

/// The first refusal of the form's fields, in words that name the accepted kinds and the
/// limit of these files (not those of case attachments).
pub fn refusal(tr: &Tr, e: &FieldErrors) -> String {
    e.get("file")
        .or_else(|| e.get("note"))
        .map(|e| problem(tr, e))
        .unwrap_or_default()
}

fn problem(tr: &Tr, e: FieldError) -> String {
    match e {
        FieldError::FileTooLarge => tr.t("official-file-too-large"),
        FieldError::FileKind => tr.t("official-file-kind"),
        other => message(tr, other),
    }
}

/// The download of a file.
pub fn respond(file: OfficialFileDownload) -> Response {
    download::named(file.kind.content_type(), &file.name, file.content)
}

#[cfg(test)]
mod tests {
    use super::ACCEPT;
    use spona_domain::official_file::OfficialFileKind;

    #[test]
    fn the_form_offers_every_accepted_kind() {
        for k in OfficialFileKind::ALL {
            assert!(ACCEPT.split(',').any(|a| a == format!(".{}", k.code())));
        }
    }
}

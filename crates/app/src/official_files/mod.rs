//! Files on the team's official papers: a guideline's versions ([`guideline`]) and the
//! founding decision ([`founding`]). Each upload is a new version; earlier ones stay listed
//! and downloadable, with who uploaded them and when. A file the uploader marks as holding
//! personal data is sealed as a case attachment is (envelope encryption: a data key of its
//! own, wrapped under the master key and bound to the file's row; name and content sealed
//! with it), and its uploads and downloads are audited; any other file is kept plainly, its
//! uploads audited. A key rotation wraps the sealed files' keys anew when it switches.

mod founding;
mod guideline;
mod keeping;

pub(crate) use keeping::rewrap_sealed_files;

use spona_domain::official_file::OfficialFileKind;

/// A file as uploaded, with what the form said of it.
pub struct OfficialUpload<'a> {
    /// The name the file had on the sender's machine.
    pub name: &'a str,
    pub content: &'a [u8],
    /// The uploader ticked "holds personal data": the file is sealed.
    pub personal: bool,
    /// What changed, for a guideline's new version (may be empty).
    pub note: &'a str,
    /// The guideline version the uploader saw (a version made since is a conflict); unused
    /// for the founding decision.
    pub version: i64,
}

/// A version's file as a list shows it. A sealed file's name is not shown (it may itself be
/// personal data); it travels only with the download.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OfficialFileView {
    pub version_no: i64,
    pub kind: OfficialFileKind,
    pub size: i64,
    pub personal: bool,
    /// The name as uploaded; `None` when sealed.
    pub name: Option<String>,
    pub uploaded_by: String,
    pub uploaded_at: i64,
}

/// A file to hand to its reader.
pub struct OfficialFileDownload {
    pub name: String,
    pub kind: OfficialFileKind,
    pub content: Vec<u8>,
}

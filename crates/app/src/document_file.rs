//! A document the app made for download (a certificate, a report, an exchange file).

/// A file to download.
#[derive(Clone, Debug)]
pub struct DocumentFile {
    /// A file name without personal data.
    pub file_name: String,
    pub bytes: Vec<u8>,
}

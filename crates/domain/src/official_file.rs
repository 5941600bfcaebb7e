//! Files on the team's official papers (a guideline's version, the founding decision): which
//! kinds are accepted (PDF and office documents, decided by their content, not their name)
//! and how large. Names are kept as case attachments keep them ([`clean_name`]), and a file
//! is refused for the same reasons ([`AttachmentProblem`]).
//!
//! [`clean_name`]: crate::cases::attachment::clean_name
//! [`AttachmentProblem`]: crate::cases::attachment::AttachmentProblem

use crate::cases::attachment::AttachmentProblem;

/// The largest file accepted (20 MiB): a scanned decision or a long procedure, not an archive.
pub const MAX_OFFICIAL_FILE_BYTES: usize = 20 * 1024 * 1024;

/// A kind of official file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OfficialFileKind {
    Pdf,
    /// Word 97–2003.
    Doc,
    Docx,
    Xlsx,
    Odt,
    Ods,
}

impl OfficialFileKind {
    /// Every kind, in the order the form names them.
    pub const ALL: [OfficialFileKind; 6] = [
        OfficialFileKind::Pdf,
        OfficialFileKind::Docx,
        OfficialFileKind::Doc,
        OfficialFileKind::Odt,
        OfficialFileKind::Xlsx,
        OfficialFileKind::Ods,
    ];

    /// The stored code, which is also the file's extension.
    pub fn code(self) -> &'static str {
        match self {
            OfficialFileKind::Pdf => "pdf",
            OfficialFileKind::Doc => "doc",
            OfficialFileKind::Docx => "docx",
            OfficialFileKind::Xlsx => "xlsx",
            OfficialFileKind::Odt => "odt",
            OfficialFileKind::Ods => "ods",
        }
    }

    /// The kind a stored code names.
    pub fn from_code(code: &str) -> Option<OfficialFileKind> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }

    /// The content type it is served with.
    pub fn content_type(self) -> &'static str {
        match self {
            OfficialFileKind::Pdf => "application/pdf",
            OfficialFileKind::Doc => "application/msword",
            OfficialFileKind::Docx => {
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            }
            OfficialFileKind::Xlsx => {
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            }
            OfficialFileKind::Odt => "application/vnd.oasis.opendocument.text",
            OfficialFileKind::Ods => "application/vnd.oasis.opendocument.spreadsheet",
        }
    }
}

const ZIP: &[u8] = b"PK\x03\x04";
/// The signature of an OLE2 compound file (Word 97–2003 and its kin).
const OLE2: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

fn holds(content: &[u8], needle: &[u8]) -> bool {
    content.windows(needle.len()).any(|w| w == needle)
}

/// The stream every Word 97–2003 document has, named in UTF-16 in the file's directory.
fn has_word_stream(content: &[u8]) -> bool {
    let name: Vec<u8> = "WordDocument"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    holds(content, &name)
}

/// An OpenDocument file names its type in an uncompressed first entry, `mimetype`.
fn is_open_document(content: &[u8], mime: &[u8]) -> bool {
    let head = &content[..content.len().min(200)];
    holds(head, b"mimetype") && holds(head, mime)
}

/// Decides the kind of a file from its content; the name's extension must agree, and only
/// tells apart what one container holds (a ZIP may be DOCX, XLSX, ODT or ODS).
pub fn detect(name: &str, content: &[u8]) -> Result<OfficialFileKind, AttachmentProblem> {
    if content.is_empty() {
        return Err(AttachmentProblem::Empty);
    }
    if content.len() > MAX_OFFICIAL_FILE_BYTES {
        return Err(AttachmentProblem::TooLarge);
    }
    let extension = name
        .rsplit_once('.')
        .map(|(_, e)| e.to_lowercase())
        .unwrap_or_default();
    let zip = content.starts_with(ZIP);
    let ooxml = zip && holds(content, b"[Content_Types].xml");
    let kind = match extension.as_str() {
        "pdf" if content.starts_with(b"%PDF-") => OfficialFileKind::Pdf,
        "doc" if content.starts_with(OLE2) && has_word_stream(content) => OfficialFileKind::Doc,
        "docx" if ooxml && holds(content, b"word/") => OfficialFileKind::Docx,
        "xlsx" if ooxml && holds(content, b"xl/") => OfficialFileKind::Xlsx,
        "odt" if zip && is_open_document(content, b"application/vnd.oasis.opendocument.text") => {
            OfficialFileKind::Odt
        }
        "ods"
            if zip
                && is_open_document(content, b"application/vnd.oasis.opendocument.spreadsheet") =>
        {
            OfficialFileKind::Ods
        }
        _ => return Err(AttachmentProblem::Kind),
    };
    Ok(kind)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ole2_word() -> Vec<u8> {
        let mut v = OLE2.to_vec();
        v.extend_from_slice(&[0; 40]);
        v.extend("WordDocument".encode_utf16().flat_map(u16::to_le_bytes));
        v
    }

    #[test]
    fn kinds_are_decided_by_content_and_the_name_must_agree() {
        assert_eq!(detect("SOP.pdf", b"%PDF-1.7\n"), Ok(OfficialFileKind::Pdf));
        assert_eq!(
            detect("odluka.DOC", &ole2_word()),
            Ok(OfficialFileKind::Doc)
        );
        let docx = b"PK\x03\x04..[Content_Types].xml..word/document.xml";
        assert_eq!(detect("a.docx", docx), Ok(OfficialFileKind::Docx));
        let xlsx = b"PK\x03\x04..[Content_Types].xml..xl/workbook.xml";
        assert_eq!(detect("a.xlsx", xlsx), Ok(OfficialFileKind::Xlsx));
        let odt = b"PK\x03\x04\x14\0\0\0\0\0mimetypeapplication/vnd.oasis.opendocument.text";
        assert_eq!(detect("a.odt", odt), Ok(OfficialFileKind::Odt));
        let ods = b"PK\x03\x04\x14\0\0\0\0\0mimetypeapplication/vnd.oasis.opendocument.spreadsheet";
        assert_eq!(detect("a.ods", ods), Ok(OfficialFileKind::Ods));

        // A name does not make a kind, nor a kind another's name.
        let refused = Err(AttachmentProblem::Kind);
        assert_eq!(detect("virus.pdf", b"MZ\x90\x00"), refused);
        assert_eq!(detect("a.docx", b"PK\x03\x04 any zip"), refused);
        assert_eq!(detect("a.xlsx", docx), refused);
        assert_eq!(detect("a.docx", xlsx), refused);
        assert_eq!(detect("a.ods", odt), refused);
        assert_eq!(detect("a.doc", OLE2), refused, "an OLE2 file without Word");
        assert_eq!(detect("a.docx", b"%PDF-1.7"), refused);
        assert_eq!(detect("photo.jpg", &[0xFF, 0xD8, 0xFF, 0xE0]), refused);
        assert_eq!(detect("notes.txt", b"plain"), refused);
        assert_eq!(detect("a.pdf", b""), Err(AttachmentProblem::Empty));
        let big = vec![b'%'; MAX_OFFICIAL_FILE_BYTES + 1];
        assert_eq!(detect("a.pdf", &big), Err(AttachmentProblem::TooLarge));
    }

    #[test]
    fn codes_name_their_kind_back() {
        for k in OfficialFileKind::ALL {
            assert_eq!(OfficialFileKind::from_code(k.code()), Some(k));
        }
        assert_eq!(OfficialFileKind::from_code("exe"), None);
    }
}

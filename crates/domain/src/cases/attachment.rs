//! Files attached to a case: which kinds are accepted (by their content, not their name),
//! how large, and what a file name may be.

use crate::validation::FieldError;

/// The largest file accepted (10 MiB): scans and photos of documents, not archives.
pub const MAX_ATTACHMENT_BYTES: usize = 10 * 1024 * 1024;

/// The longest file name kept.
const MAX_NAME_CHARS: usize = 120;

/// A kind of file the system accepts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AttachmentKind {
    Pdf,
    Jpeg,
    Png,
    Text,
    Docx,
    Odt,
}

impl AttachmentKind {
    /// The content type it is served with.
    pub fn content_type(self) -> &'static str {
        match self {
            AttachmentKind::Pdf => "application/pdf",
            AttachmentKind::Jpeg => "image/jpeg",
            AttachmentKind::Png => "image/png",
            AttachmentKind::Text => "text/plain; charset=utf-8",
            AttachmentKind::Docx => {
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            }
            AttachmentKind::Odt => "application/vnd.oasis.opendocument.text",
        }
    }

    /// The kind a stored content type names.
    pub fn from_content_type(value: &str) -> Option<AttachmentKind> {
        [
            AttachmentKind::Pdf,
            AttachmentKind::Jpeg,
            AttachmentKind::Png,
            AttachmentKind::Text,
            AttachmentKind::Docx,
            AttachmentKind::Odt,
        ]
        .into_iter()
        .find(|k| k.content_type() == value)
    }
}

/// Why a file was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AttachmentProblem {
    Empty,
    TooLarge,
    /// Not one of the accepted kinds, or its content does not match its name.
    Kind,
}

impl From<AttachmentProblem> for FieldError {
    fn from(p: AttachmentProblem) -> FieldError {
        match p {
            AttachmentProblem::Empty => FieldError::FileEmpty,
            AttachmentProblem::TooLarge => FieldError::FileTooLarge,
            AttachmentProblem::Kind => FieldError::FileKind,
        }
    }
}

/// Decides the kind of a file from its first bytes; a name's extension only tells apart
/// the kinds that share a container (a ZIP may be DOCX or ODT) and marks plain text.
pub fn detect(name: &str, content: &[u8]) -> Result<AttachmentKind, AttachmentProblem> {
    if content.is_empty() {
        return Err(AttachmentProblem::Empty);
    }
    if content.len() > MAX_ATTACHMENT_BYTES {
        return Err(AttachmentProblem::TooLarge);
    }
    let extension = name
        .rsplit_once('.')
        .map(|(_, e)| e.to_lowercase())
        .unwrap_or_default();
    let kind = if content.starts_with(b"%PDF-") {
        AttachmentKind::Pdf
    } else if content.starts_with(&[0xFF, 0xD8, 0xFF]) {
        AttachmentKind::Jpeg
    } else if content.starts_with(b"\x89PNG\r\n\x1a\n") {
        AttachmentKind::Png
    } else if content.starts_with(b"PK\x03\x04") && extension == "docx" {
        AttachmentKind::Docx
    } else if content.starts_with(b"PK\x03\x04")
        && extension == "odt"
        && content
            .windows(39)
            .take(100)
            .any(|w| w == b"application/vnd.oasis.opendocument.text")
    {
        AttachmentKind::Odt
    } else if extension == "txt" && !content.contains(&0) && std::str::from_utf8(content).is_ok() {
        AttachmentKind::Text
    } else {
        return Err(AttachmentProblem::Kind);
    };
    Ok(kind)
}

/// The name to keep: the last path component, without control characters, shortened; a
/// name that is nothing after that becomes "file".
pub fn clean_name(name: &str) -> String {
    let last = name.rsplit(['/', '\\']).next().unwrap_or_default();
    let cleaned: String = last
        .chars()
        .filter(|c| !c.is_control() && *c != '"')
        .collect();
    let trimmed = cleaned.trim();
    if trimmed.is_empty() || trimmed.chars().all(|c| c == '.') {
        return "file".into();
    }
    let chars: Vec<char> = trimmed.chars().collect();
    if chars.len() <= MAX_NAME_CHARS {
        return trimmed.to_string();
    }
    // Keep the extension when shortening.
    match trimmed.rsplit_once('.') {
        Some((_, ext)) if ext.chars().count() < 10 => {
            let keep = MAX_NAME_CHARS - ext.chars().count() - 1;
            format!("{}.{ext}", chars[..keep].iter().collect::<String>())
        }
        _ => chars[..MAX_NAME_CHARS].iter().collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_are_decided_by_content() {
        assert_eq!(detect("a.pdf", b"%PDF-1.7\n..."), Ok(AttachmentKind::Pdf));
        assert_eq!(
            detect("photo.JPG", &[0xFF, 0xD8, 0xFF, 0xE0]),
            Ok(AttachmentKind::Jpeg)
        );
        assert_eq!(
            detect("x.png", b"\x89PNG\r\n\x1a\nrest"),
            Ok(AttachmentKind::Png)
        );
        assert_eq!(
            detect("izjava.txt", "Изјава".as_bytes()),
            Ok(AttachmentKind::Text)
        );
        assert_eq!(
            detect("z.docx", b"PK\x03\x04rest"),
            Ok(AttachmentKind::Docx)
        );
        let odt =
            b"PK\x03\x04\x14\x00\x00\x00\x00\x00mimetypeapplication/vnd.oasis.opendocument.text";
        assert_eq!(detect("z.odt", odt), Ok(AttachmentKind::Odt));
        // A name does not make a kind.
        assert_eq!(
            detect("virus.pdf", b"MZ\x90\x00"),
            Err(AttachmentProblem::Kind)
        );
        assert_eq!(
            detect("page.html", b"<script>"),
            Err(AttachmentProblem::Kind)
        );
        assert_eq!(detect("a.zip", b"PK\x03\x04"), Err(AttachmentProblem::Kind));
        assert_eq!(detect("bin.txt", b"a\0b"), Err(AttachmentProblem::Kind));
        assert_eq!(detect("a.pdf", b""), Err(AttachmentProblem::Empty));
        let big = vec![b'%'; MAX_ATTACHMENT_BYTES + 1];
        assert_eq!(detect("a.pdf", &big), Err(AttachmentProblem::TooLarge));
    }

    #[test]
    fn content_types_name_their_kind_back() {
        for k in [
            AttachmentKind::Pdf,
            AttachmentKind::Text,
            AttachmentKind::Odt,
        ] {
            assert_eq!(AttachmentKind::from_content_type(k.content_type()), Some(k));
        }
        assert_eq!(AttachmentKind::from_content_type("text/html"), None);
    }

    #[test]
    fn names_lose_paths_controls_and_excess() {
        assert_eq!(clean_name("C:\\Users\\x\\изјава.pdf"), "изјава.pdf");
        assert_eq!(clean_name("../../etc/passwd"), "passwd");
        assert_eq!(clean_name("a\"b\nc.txt"), "abc.txt");
        assert_eq!(clean_name(".."), "file");
        assert_eq!(clean_name(""), "file");
        let long = format!("{}.pdf", "ш".repeat(300));
        let kept = clean_name(&long);
        assert_eq!(kept.chars().count(), 120);
        assert!(kept.ends_with(".pdf"));
    }
}

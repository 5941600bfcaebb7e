//! A document to download: always an attachment with a file name free of personal data,
//! never sniffed, never stored by a cache on the way. An uploaded file (a case attachment,
//! an official file) goes back under its own name, which travels only in the
//! Content-Disposition, never in a URL or a log.

use super::tr::Tr;
use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};

/// The response for a file the app made.
pub fn attachment(content_type: &'static str, file_name: &str, bytes: Vec<u8>) -> Response {
    let disposition = HeaderValue::from_str(&format!("attachment; filename=\"{file_name}\""))
        .unwrap_or_else(|_| HeaderValue::from_static("attachment"));
    respond(content_type, disposition, bytes)
}

/// The response for an uploaded file, under the name it was uploaded with.
pub fn named(content_type: &'static str, name: &str, bytes: Vec<u8>) -> Response {
    let disposition = HeaderValue::from_str(&disposition(name))
        .unwrap_or_else(|_| HeaderValue::from_static("attachment"));
    respond(content_type, disposition, bytes)
}

fn respond(content_type: &'static str, disposition: HeaderValue, bytes: Vec<u8>) -> Response {
    (
        [
            (header::CONTENT_TYPE, HeaderValue::from_static(content_type)),
            (header::CONTENT_DISPOSITION, disposition),
            (
                header::X_CONTENT_TYPE_OPTIONS,
                HeaderValue::from_static("nosniff"),
            ),
            (header::CACHE_CONTROL, HeaderValue::from_static("no-store")),
        ],
        bytes,
    )
        .into_response()
}

/// `attachment` with an ASCII name and the exact name in UTF-8 (RFC 6266 / 8187).
fn disposition(name: &str) -> String {
    let latin = spona_domain::script::to_latin(name);
    let ascii: String = latin
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || "-_.() ".contains(c) {
                c
            } else {
                '_'
            }
        })
        .collect();
    let mut encoded = String::new();
    for b in name.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
            encoded.push(char::from(b));
        } else {
            encoded.push_str(&format!("%{b:02X}"));
        }
    }
    format!("attachment; filename=\"{ascii}\"; filename*=UTF-8''{encoded}")
}

/// A file's size in kB or MB, in the viewer's number format.
pub fn size(tr: &Tr, bytes: i64) -> String {
    if bytes < 1024 * 1024 {
        format!("{} kB", tr.num(&((bytes + 1023) / 1024)))
    } else {
        format!("{} MB", tr.num(&((bytes + 512 * 1024) / (1024 * 1024))))
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_disposition_carries_an_ascii_name_and_the_exact_one() {
        let d = super::disposition("Изјава \"1\".pdf");
        assert!(
            d.starts_with("attachment; filename=\"Izjava _1_.pdf\""),
            "{d}"
        );
        assert!(d.contains("filename*=UTF-8''%D0%98"), "{d}");
        assert!(!d.contains('\n'));
    }
}

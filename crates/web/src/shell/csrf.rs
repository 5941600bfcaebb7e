//! The CSRF check, in one layer that every request passes: anything but GET, HEAD and OPTIONS
//! must come from one of our pages (`Origin`, `Sec-Fetch-Site`) and carry the viewer's token
//! (the session's, or for a visitor not signed in the visitor's cookie, as on the sign-in
//! page). The token travels in the form's `csrf` field; in a multipart form (the upload) that
//! field is the first part, as the page's form puts it, so it works without JavaScript; an
//! `X-CSRF-Token` header is accepted as well. The body is handed on to the handler intact.

use super::errors::{Failure, WebError};
use super::strict;
use super::viewer::{to_sign_in_expired, Viewer};
use crate::WebState;
use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, Method};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use futures_util::StreamExt;
use http_body_util::{BodyExt, LengthLimitError, Limited};
use spona_crypto::tokens::constant_time_eq;

/// The header a client may send the token in instead of the body.
pub const HEADER: &str = "x-csrf-token";

/// How much of a multipart body is read to find its first part: a boundary, a few headers
/// and a token are far less.
const FIRST_PART_MAX: usize = 8 * 1024;

/// The layer.
pub async fn guard(State(state): State<WebState>, req: Request, next: Next) -> Response {
    if matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS) {
        return next.run(req).await;
    }
    let Some(viewer) = req.extensions().get::<Viewer>().cloned() else {
        return WebError::Page(Failure::Server).into_response();
    };
    if !same_origin(req.headers()) {
        return WebError::Page(Failure::Csrf).into_response();
    }
    let (parts, body) = req.into_parts();
    let header_token = parts
        .headers
        .get(HEADER)
        .and_then(|v| v.to_str().ok())
        .map(str::to_string);
    let (token, body) = match (header_token, multipart_boundary(&parts.headers)) {
        (Some(t), _) => (Some(t), body),
        (None, Some(boundary)) => first_part_token(body, &boundary).await,
        (None, None) => match Limited::new(body, state.settings.max_body_bytes)
            .collect()
            .await
        {
            Ok(collected) => {
                let bytes = collected.to_bytes();
                (strict::value_of(&bytes, "csrf"), Body::from(bytes))
            }
            Err(e) if e.is::<LengthLimitError>() => {
                return WebError::Page(Failure::TooLarge).into_response()
            }
            Err(_) => return WebError::Page(Failure::BadRequest).into_response(),
        },
    };
    if !token.is_some_and(|t| constant_time_eq(&t, &viewer.csrf_token)) {
        // A form from a session that has since ended: to the sign-in page, as any page of
        // that session would do, rather than a refusal the person cannot act on.
        if viewer.signed.is_none() && viewer.session_ended {
            return to_sign_in_expired(&viewer.here);
        }
        return WebError::Page(Failure::Csrf).into_response();
    }
    next.run(Request::from_parts(parts, body)).await
}

/// A request that says where it comes from must come from here: a foreign `Origin`, or a
/// browser's `Sec-Fetch-Site` other than same-origin or a typed address, is refused.
pub fn same_origin(headers: &HeaderMap) -> bool {
    if let Some(site) = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok()) {
        if site != "same-origin" && site != "none" {
            return false;
        }
    }
    if let Some(origin) = headers.get(header::ORIGIN).and_then(|v| v.to_str().ok()) {
        let host = headers
            .get(header::HOST)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default();
        let origin_host = origin.split_once("://").map(|(_, h)| h).unwrap_or("");
        return !host.is_empty() && origin_host.eq_ignore_ascii_case(host);
    }
    true
}

/// The boundary of a `multipart/form-data` body; an empty one for a multipart body that
/// names none (which then carries no token).
fn multipart_boundary(headers: &HeaderMap) -> Option<String> {
    let content_type = headers.get(header::CONTENT_TYPE)?.to_str().ok()?;
    let mut params = content_type.split(';');
    let kind = params.next()?.trim();
    if !kind.to_ascii_lowercase().starts_with("multipart/") {
        return None;
    }
    let boundary = params
        .find_map(|p| {
            let (k, v) = p.trim().split_once('=')?;
            k.trim()
                .eq_ignore_ascii_case("boundary")
                .then(|| v.trim().trim_matches('"').to_string())
        })
        .unwrap_or_default();
    Some(boundary)
}

/// The token in the first part of a multipart body, and the body whole again: the part is
/// read from the stream, and put back in front of what is left of it.
async fn first_part_token(body: Body, boundary: &str) -> (Option<String>, Body) {
    let mut stream = body.into_data_stream();
    let mut read: Vec<u8> = Vec::new();
    let token = loop {
        if let Some(found) = first_part(&read, boundary) {
            break found;
        }
        if read.len() > FIRST_PART_MAX {
            break None;
        }
        match stream.next().await {
            Some(Ok(chunk)) => read.extend_from_slice(&chunk),
            Some(Err(_)) | None => break None,
        }
    };
    let head = futures_util::stream::once(async move { Ok(Bytes::from(read)) });
    (token, Body::from_stream(head.chain(stream)))
}

/// The value of the first part if it is the `csrf` field; `None` while more must be read;
/// `Some(None)` when the first part is something else.
fn first_part(read: &[u8], boundary: &str) -> Option<Option<String>> {
    if boundary.is_empty() {
        return Some(None);
    }
    let opening = format!("--{boundary}\r\n");
    let start = find(read, opening.as_bytes())? + opening.len();
    let headers_len = find(&read[start..], b"\r\n\r\n")?;
    let headers = std::str::from_utf8(&read[start..start + headers_len]).ok();
    let name = headers.and_then(|h| {
        h.split("\r\n").find_map(|line| {
            let (k, v) = line.split_once(':')?;
            k.trim()
                .eq_ignore_ascii_case("content-disposition")
                .then(|| disposition_name(v))?
        })
    });
    if name.as_deref() != Some("csrf") {
        return Some(None);
    }
    let value_start = start + headers_len + 4;
    let closing = format!("\r\n--{boundary}");
    let value_len = find(&read[value_start..], closing.as_bytes())?;
    Some(String::from_utf8(read[value_start..value_start + value_len].to_vec()).ok())
}

/// The `name` parameter of a `Content-Disposition: form-data; name="…"` header.
fn disposition_name(value: &str) -> Option<String> {
    value.split(';').skip(1).find_map(|p| {
        let (k, v) = p.trim().split_once('=')?;
        k.trim()
            .eq_ignore_ascii_case("name")
            .then(|| v.trim().trim_matches('"').to_string())
    })
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    use axum::http::HeaderValue;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.insert(*k, HeaderValue::from_static(v));
        }
        h
    }

    #[test]
    fn foreign_origins_are_refused() {
        assert!(same_origin(&headers(&[("host", "127.0.0.1:8080")])));
        assert!(same_origin(&headers(&[
            ("host", "spona.rs"),
            ("origin", "https://spona.rs")
        ])));
        assert!(!same_origin(&headers(&[
            ("host", "spona.rs"),
            ("origin", "https://evil.example")
        ])));
        assert!(!same_origin(&headers(&[
            ("host", "spona.rs"),
            ("origin", "null")
        ])));
        assert!(!same_origin(&headers(&[
            ("host", "spona.rs"),
            ("sec-fetch-site", "cross-site")
        ])));
        assert!(!same_origin(&headers(&[
            ("host", "spona.rs"),
            ("sec-fetch-site", "same-site")
        ])));
        assert!(same_origin(&headers(&[
            ("host", "spona.rs"),
            ("sec-fetch-site", "same-origin")
        ])));
    }

    const B: &str = "----b";

    fn part(name: &str, value: &str) -> String {
        format!("--{B}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n")
    }

    #[test]
    fn the_token_is_the_first_part_only() {
        let body = format!("{}{}--{B}--\r\n", part("csrf", "tok"), part("part", "x"));
        assert_eq!(first_part(body.as_bytes(), B), Some(Some("tok".into())));
        let later = format!("{}{}--{B}--\r\n", part("part", "x"), part("csrf", "tok"));
        assert_eq!(first_part(later.as_bytes(), B), Some(None));
        let file = format!(
            "--{B}\r\nContent-Disposition: form-data; filename=\"csrf\"; name=\"file\"\r\n\r\n"
        );
        assert_eq!(first_part(file.as_bytes(), B), Some(None));
        assert_eq!(first_part(b"", ""), Some(None));
    }

    #[test]
    fn a_part_cut_short_asks_for_more() {
        let body = part("csrf", "tok");
        for cut in [0, 5, body.len() - 10, body.len()] {
            assert_eq!(first_part(&body.as_bytes()[..cut], B), None, "{cut}");
        }
    }

    #[tokio::test]
    async fn the_body_is_handed_on_whole() {
        let body = format!("{}{}--{B}--\r\n", part("csrf", "tok"), part("part", "x"));
        let chunks: Vec<Result<Bytes, std::io::Error>> = body
            .as_bytes()
            .chunks(7)
            .map(|c| Ok(Bytes::copy_from_slice(c)))
            .collect();
        let (token, rest) =
            first_part_token(Body::from_stream(futures_util::stream::iter(chunks)), B).await;
        assert_eq!(token.as_deref(), Some("tok"));
        let again = rest.collect().await.unwrap().to_bytes();
        assert_eq!(again, body.as_bytes());
    }
}

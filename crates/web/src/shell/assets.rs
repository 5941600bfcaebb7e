//! The stylesheet and script, embedded in the binary and served with long caching.

use axum::extract::Path;
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};

const CSS: &str = include_str!("../../assets/spona.css");
const HTMX_GZ: &[u8] = include_bytes!("../../assets/htmx.min.js.gz");
const HTMX: &str = include_str!("../../assets/htmx.min.js");
const PASSKEYS: &str = include_str!("../../assets/passkeys.js");

/// Serves an embedded asset; htmx goes out pre-compressed when the browser accepts gzip.
pub async fn asset(Path(file): Path<String>, headers: HeaderMap) -> Response {
    let cache = (header::CACHE_CONTROL, "public, max-age=86400");
    let gzip_ok = headers
        .get(header::ACCEPT_ENCODING)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.contains("gzip"));
    match file.as_str() {
        "spona.css" => (
            [(header::CONTENT_TYPE, "text/css; charset=utf-8"), cache],
            CSS,
        )
            .into_response(),
        "htmx.min.js" if gzip_ok => (
            [
                (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
                (header::CONTENT_ENCODING, "gzip"),
                cache,
            ],
            HTMX_GZ,
        )
            .into_response(),
        "htmx.min.js" => (
            [
                (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
                cache,
            ],
            HTMX,
        )
            .into_response(),
        "passkeys.js" => (
            [
                (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
                cache,
            ],
            PASSKEYS,
        )
            .into_response(),
        _ => (
            StatusCode::NOT_FOUND,
            [(header::CONTENT_TYPE, "text/plain")],
            "not found",
        )
            .into_response(),
    }
}

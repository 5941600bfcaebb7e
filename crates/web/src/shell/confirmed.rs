//! Sensitive acts take a [`Confirmed`] person instead of a [`Signed`] one: someone who signed
//! in, or proved again who they are, within the last few minutes. Anyone else is first asked
//! for their password (and second factor) and brought back.

use super::viewer::{safe_next, url_encode, Signed};
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{header, Method};
use axum::response::{IntoResponse, Redirect, Response};
use std::ops::Deref;

/// A signed-in person whose session was confirmed within the last few minutes.
#[derive(Clone)]
pub struct Confirmed(Signed);

impl Confirmed {
    /// The signed-in person, for what takes one by value.
    pub fn signed(self) -> Signed {
        self.0
    }
}

impl Deref for Confirmed {
    type Target = Signed;

    fn deref(&self) -> &Signed {
        &self.0
    }
}

impl<S: Send + Sync> FromRequestParts<S> for Confirmed {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let signed = Signed::from_request_parts(parts, state).await?;
        if signed.viewer.confirmed {
            return Ok(Confirmed(signed));
        }
        // A form posted too late comes back to the page it was posted from (the typed
        // values are lost, but nothing was done); a page or a download, to itself.
        let back = if parts.method == Method::GET {
            signed.viewer.here.clone()
        } else {
            parts
                .headers
                .get(header::REFERER)
                .and_then(|v| v.to_str().ok())
                .map(path_of)
                .unwrap_or_default()
        };
        Err(to_confirm(&back))
    }
}

/// The confirmation page, coming back to `back` (a local path) afterwards.
fn to_confirm(back: &str) -> Response {
    let next = url_encode(&safe_next(back));
    Redirect::to(&format!("/account/confirm?next={next}")).into_response()
}

/// The path and query of an address (`http://host/a?b` → `/a?b`); empty if none.
fn path_of(url: &str) -> String {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    rest.find('/')
        .map_or(String::new(), |i| rest[i..].to_string())
}

#[cfg(test)]
mod tests {
    use super::path_of;

    #[test]
    fn the_path_of_a_referer_is_its_local_part() {
        assert_eq!(
            path_of("http://127.0.0.1:8080/admin/users/3?x=1"),
            "/admin/users/3?x=1"
        );
        assert_eq!(path_of("https://spona.example"), "");
        assert_eq!(path_of("/local"), "/local");
    }
}

//! Who is asking, in which language: resolved once per request by the middleware and read by
//! handlers from the request's extensions.

use super::chrome::{Chrome, Nav};
use super::tr::Tr;
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Redirect, Response};
use spona_app::auth::SignedIn;
use spona_domain::access::{Actor, Permissions};
use spona_i18n::Locale;

/// The person behind a request (signed in or not) and their language.
#[derive(Clone)]
pub struct Viewer {
    pub signed: Option<SignedIn>,
    /// What the signed-in person may do, worked out once for the request: pages read this
    /// to offer links and buttons and never decide access themselves.
    pub permissions: Permissions,
    pub locale: Locale,
    /// The token forms must carry: the session's, or the visitor's cookie.
    pub csrf_token: String,
    pub request_id: String,
    /// The path and query of this request, for "come back here" links.
    pub here: String,
    /// The client's address (for throttling only; never logged).
    pub address: String,
    /// A session cookie came with the request but no longer names a live session.
    pub session_ended: bool,
    /// The signed-in person signed in, or proved again who they are, within the last few
    /// minutes (sensitive acts ask otherwise; see `Confirmed`).
    pub confirmed: bool,
    pub tr: Tr,
}

impl Viewer {
    /// The page frame with the given section highlighted.
    pub fn chrome(&self, active: Nav) -> Chrome {
        Chrome::new(self, active)
    }
}

impl<S: Send + Sync> FromRequestParts<S> for Viewer {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        parts
            .extensions
            .get::<Viewer>()
            .cloned()
            .ok_or_else(|| axum::http::StatusCode::INTERNAL_SERVER_ERROR.into_response())
    }
}

/// A viewer who is signed in; anyone else is sent to the sign-in page.
#[derive(Clone)]
pub struct Signed {
    pub viewer: Viewer,
    pub session: SignedIn,
}

impl Signed {
    /// The actor for app-layer calls.
    pub fn actor(&self) -> &Actor {
        &self.session.actor
    }

    /// What the signed-in person may do (for showing links and buttons).
    pub fn may(&self) -> Permissions {
        self.viewer.permissions
    }
}

impl<S: Send + Sync> FromRequestParts<S> for Signed {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let viewer = Viewer::from_request_parts(parts, state).await?;
        match viewer.signed.clone() {
            Some(session) => Ok(Signed { viewer, session }),
            None if viewer.session_ended => Err(to_sign_in_expired(&viewer.here)),
            None => Err(to_sign_in(&viewer.here)),
        }
    }
}

/// A redirect to the sign-in page that comes back to `here` afterwards.
pub fn to_sign_in(here: &str) -> Response {
    let next: String = url_encode(here);
    Redirect::to(&format!("/login?next={next}")).into_response()
}

/// The same, saying that the session has ended.
pub fn to_sign_in_expired(here: &str) -> Response {
    let next: String = url_encode(here);
    Redirect::to(&format!("/login?next={next}&expired=1")).into_response()
}

/// Percent-encodes a value for a query string.
pub fn url_encode(s: &str) -> String {
    serde_urlencoded::to_string([("v", s)])
        .map(|q| q.trim_start_matches("v=").to_string())
        .unwrap_or_default()
}

/// A local path to go back to, or the dashboard: never another site.
pub fn safe_next(next: &str) -> String {
    let ok = next.starts_with('/')
        && !next.starts_with("//")
        && !next.contains('\\')
        && !next.contains("://");
    if ok {
        next.to_string()
    } else {
        "/dashboard".to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_local_paths_are_followed() {
        assert_eq!(safe_next("/teams/leskovac"), "/teams/leskovac");
        assert_eq!(safe_next("//evil.example"), "/dashboard");
        assert_eq!(safe_next("https://evil.example"), "/dashboard");
        assert_eq!(safe_next("/\\evil.example"), "/dashboard");
        assert_eq!(safe_next(""), "/dashboard");
    }
}

//! The one-time link that lets an account's owner set a password, shown once to whoever
//! created the account or reset its password. The token is never logged nor put in a URL of
//! ours: it exists only in this page's body.

use super::users::Account;
use crate::shell::chrome::{Chrome, Nav};
use crate::shell::errors::WebError;
use crate::shell::render::html;
use crate::shell::viewer::Signed;
use crate::WebState;
use askama::Template;
use axum::http::{header, HeaderMap};
use axum::response::Response;

/// Why the link was made.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Occasion {
    Created,
    Reset,
}

#[derive(Template)]
#[template(path = "admin/link.html")]
struct LinkPage {
    chrome: Chrome,
    title: String,
    user: Account,
    link: String,
    /// How long the link lasts, in words.
    validity: String,
}

/// The page with the link for the account's owner.
pub fn page(
    state: &WebState,
    s: &Signed,
    headers: &HeaderMap,
    user: Account,
    occasion: Occasion,
    token: &str,
) -> Result<Response, WebError> {
    let title = s.viewer.tr.t(match occasion {
        Occasion::Created => "admin-link-title-created",
        Occasion::Reset => "admin-link-title-reset",
    });
    html(&LinkPage {
        chrome: s.viewer.chrome(Nav::Admin),
        title,
        user,
        link: full_link(headers, state.settings.secure_cookies, token),
        validity: s.viewer.tr.tn(
            "admin-link-validity",
            "hours",
            state.app.one_time_link_hours(),
        ),
    })
}

/// The link with this deployment's address as the browser used it; relative if the `Host`
/// header is missing or looks like anything but a host name and port.
pub fn full_link(headers: &HeaderMap, https: bool, token: &str) -> String {
    full_url(headers, https, &format!("/password/{token}"))
}

/// A path of ours as a full address, as [`full_link`] makes it (also for calendar feeds).
pub fn full_url(headers: &HeaderMap, https: bool, path: &str) -> String {
    let host = headers
        .get(header::HOST)
        .and_then(|v| v.to_str().ok())
        .filter(|h| plausible_host(h));
    match host {
        Some(host) => {
            let scheme = if https { "https" } else { "http" };
            format!("{scheme}://{host}{path}")
        }
        None => path.to_string(),
    }
}

fn plausible_host(h: &str) -> bool {
    !h.is_empty()
        && h.len() <= 255
        && h.chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':' | '[' | ']'))
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn with_host(host: &'static str) -> HeaderMap {
        let mut h = HeaderMap::new();
        h.insert(header::HOST, HeaderValue::from_static(host));
        h
    }

    #[test]
    fn the_link_uses_the_host_the_browser_used() {
        assert_eq!(
            full_link(&with_host("spona.example.rs"), true, "abc"),
            "https://spona.example.rs/password/abc"
        );
        assert_eq!(
            full_link(&with_host("127.0.0.1:8080"), false, "abc"),
            "http://127.0.0.1:8080/password/abc"
        );
    }

    #[test]
    fn without_a_sensible_host_the_link_is_relative() {
        assert_eq!(full_link(&HeaderMap::new(), true, "abc"), "/password/abc");
        assert_eq!(
            full_link(&with_host("evil.example/x?"), true, "abc"),
            "/password/abc"
        );
    }
}

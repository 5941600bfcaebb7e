//! Reading and writing the few cookies the system uses.

use axum::http::{header, HeaderMap, HeaderValue};

/// The session cookie (its value is the session token; only its hash is stored).
pub const SESSION: &str = "spona_session";
/// A sign-in half done: the password was right, the second factor is due. Its value is the
/// challenge's token (only its hash is stored); it opens nothing but the second step.
pub const CHALLENGE: &str = "spona_challenge";
/// The CSRF cookie of visitors who are not signed in (double-submit for the sign-in form).
pub const ANON_CSRF: &str = "spona_csrf";
/// The language of visitors who are not signed in.
pub const LANG: &str = "spona_lang";
/// A language a visitor chose on this visit, before signing in: signing in keeps it (see
/// `auth::sign_in`). Short-lived, so that a choice left in a shared browser does not later
/// override another person's saved preference.
pub const LANG_CHOSEN: &str = "spona_lang_chosen";
/// How long a visitor's choice waits for the sign-in it is made for.
pub const LANG_CHOSEN_SECONDS: i64 = 3600;

/// The value of a cookie in the request.
pub fn get(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.to_string())
}

/// A `Set-Cookie` value: HttpOnly, SameSite=Lax, path /, Secure when asked.
pub fn set(name: &str, value: &str, max_age: i64, secure: bool) -> HeaderValue {
    let secure = if secure { "; Secure" } else { "" };
    let raw = format!("{name}={value}; Path=/; HttpOnly; SameSite=Lax; Max-Age={max_age}{secure}");
    HeaderValue::from_str(&raw).unwrap_or_else(|_| HeaderValue::from_static("invalid=; Max-Age=0"))
}

/// A `Set-Cookie` value that removes the cookie.
pub fn clear(name: &str, secure: bool) -> HeaderValue {
    set(name, "", 0, secure)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_a_cookie_among_several() {
        let mut h = HeaderMap::new();
        h.insert(
            header::COOKIE,
            HeaderValue::from_static("a=1; spona_session=xyz; b=2"),
        );
        assert_eq!(get(&h, SESSION).as_deref(), Some("xyz"));
        assert_eq!(get(&h, "c"), None);
    }

    #[test]
    fn cookies_are_http_only_and_same_site() {
        let v = set(SESSION, "t", 60, true);
        let s = v.to_str().unwrap();
        assert!(s.contains("HttpOnly") && s.contains("SameSite=Lax") && s.contains("Secure"));
        assert!(!set(SESSION, "t", 60, false)
            .to_str()
            .unwrap()
            .contains("Secure"));
    }
}

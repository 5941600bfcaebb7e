//! A person at a browser, as the server sees one: a cookie jar, the session's CSRF token taken
//! from a page, same-origin headers on every form, no redirects followed (a redirect to the
//! sign-in page must be seen, not silently followed), and a hard time limit on every request.

use anyhow::{bail, Context, Result};
use spona_crypto::totp::{step_at, TotpSecret, STEP};
use std::collections::BTreeMap;
use std::sync::Mutex;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

/// A step of the account's authenticator that this process has not used and the server
/// accepts now (one step of drift either way), taken; none while this moment's are spent.
fn claim_step(user: &'static str) -> Option<i64> {
    let now = unix_now();
    let mut used = STEPS_USED.lock().unwrap_or_else(|p| p.into_inner());
    let last = used.get(user).copied().unwrap_or(0);
    let step = (step_at(now) - 1).max(last + 1);
    (step <= step_at(now) + 1).then(|| {
        used.insert(user, step);
        step
    })
}

/// The wall clock in Unix seconds (the server's clock is the same machine's).
fn unix_now() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64)
}

/// The password of every demo account.
pub const DEMO_PASSWORD: &str = "spona-demo-2026";
/// The authenticator secret of the demo accounts that sign in with a second factor.
pub const DEMO_TOTP_SECRET: &str = "SPONADEMOKEYFORTHEDEMOACCOUNTS22";

/// The last authenticator step this process used, per account: a code is accepted once.
static STEPS_USED: Mutex<BTreeMap<&'static str, i64>> = Mutex::new(BTreeMap::new());

/// An answer that arrived.
#[derive(Clone, Debug)]
pub struct Reply {
    pub status: u16,
    pub location: Option<String>,
    pub body: String,
    pub took: Duration,
}

/// A request that got no answer (refused, reset, timed out), with how long it tried.
#[derive(Clone, Debug)]
pub struct NoReply {
    pub error: String,
    pub took: Duration,
}

/// A signed-in demo user.
pub struct Session {
    http: reqwest::Client,
    base: String,
    pub user: &'static str,
    csrf: String,
}

/// A short description of a transport error, without the URL.
pub fn transport(e: &reqwest::Error) -> String {
    if e.is_timeout() {
        "timed out".into()
    } else if e.is_connect() {
        "connection refused".into()
    } else if e.is_body() || e.is_decode() {
        "answer cut off".into()
    } else {
        "connection failed".into()
    }
}

/// A browser-like HTTP client with a cookie jar.
fn browser(timeout: Duration) -> Result<reqwest::Client> {
    reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .timeout(timeout)
        .connect_timeout(Duration::from_secs(2))
        .build()
        .context("cannot build an HTTP client")
}

impl Session {
    /// Signs the demo user in; fails when the sign-in is not accepted.
    pub async fn sign_in(base: &str, user: &'static str, timeout: Duration) -> Result<Session> {
        let mut s = Session {
            http: browser(timeout)?,
            base: base.to_string(),
            user,
            csrf: String::new(),
        };
        let page = s
            .get("/login")
            .await
            .map_err(|e| anyhow::anyhow!("{user}: the sign-in page: {}", e.error))?;
        s.csrf = csrf_of(&page.body).context("the sign-in page has no CSRF token")?;
        let fields = [("username", user), ("password", DEMO_PASSWORD)];
        let reply = s
            .post("/login", &fields)
            .await
            .map_err(|e| anyhow::anyhow!("{user}: signing in: {}", e.error))?;
        if reply.status != 303 {
            bail!("{user}: signing in answered {}", reply.status);
        }
        if let Some(at) = reply
            .location
            .as_deref()
            .filter(|to| to.starts_with("/login/second-factor"))
        {
            s.pass_second_step(at).await?;
        }
        // Signing in cycles the session, and its token with it.
        let page = s
            .get("/dashboard")
            .await
            .map_err(|e| anyhow::anyhow!("{user}: the dashboard: {}", e.error))?;
        if page.status != 200 {
            bail!(
                "{user}: the dashboard answered {} after signing in",
                page.status
            );
        }
        s.csrf = csrf_of(&page.body).context("the dashboard has no CSRF token")?;
        Ok(s)
    }

    /// Types a code of the demo's authenticator, of a step this process has not used for
    /// the account (waiting for the next step when this moment's are spent).
    async fn pass_second_step(&self, at: &str) -> Result<()> {
        let user = self.user;
        let page = self
            .get(at)
            .await
            .map_err(|e| anyhow::anyhow!("{user}: the second step: {}", e.error))?;
        let csrf = csrf_of(&page.body).context("the second step has no CSRF token")?;
        let secret = TotpSecret::from_base32(DEMO_TOTP_SECRET).context("the demo's secret")?;
        let step = loop {
            if let Some(step) = claim_step(user) {
                break step;
            }
            tokio::time::sleep(Duration::from_secs(1)).await;
        };
        let code = secret.code_at(step * STEP);
        let fields = [("csrf", csrf.as_str()), ("code", code.as_str())];
        let sent = self
            .http
            .post(format!("{}/login/second-factor", self.base))
            .header("origin", &self.base)
            .header("sec-fetch-site", "same-origin")
            .form(&fields)
            .send()
            .await
            .map_err(|e| anyhow::anyhow!("{user}: the second step: {}", transport(&e)))?;
        if sent.status().as_u16() != 303 {
            bail!("{user}: the second step answered {}", sent.status());
        }
        Ok(())
    }

    /// Gets a page.
    pub async fn get(&self, path: &str) -> Result<Reply, NoReply> {
        let started = Instant::now();
        let sent = self.http.get(format!("{}{path}", self.base)).send().await;
        finish(sent, started).await
    }

    /// Posts a form with the session's CSRF token, as the browser does from our own page.
    pub async fn post(&self, path: &str, fields: &[(&str, &str)]) -> Result<Reply, NoReply> {
        let mut all: Vec<(&str, &str)> = vec![("csrf", &self.csrf)];
        all.extend_from_slice(fields);
        let started = Instant::now();
        let sent = self
            .http
            .post(format!("{}{path}", self.base))
            .header("origin", &self.base)
            .header("sec-fetch-site", "same-origin")
            .form(&all)
            .send()
            .await;
        finish(sent, started).await
    }
}

/// Reads the whole answer (bounded by the client's timeout).
async fn finish(
    sent: Result<reqwest::Response, reqwest::Error>,
    started: Instant,
) -> Result<Reply, NoReply> {
    let res = sent.map_err(|e| NoReply {
        error: transport(&e),
        took: started.elapsed(),
    })?;
    let status = res.status().as_u16();
    let location = res
        .headers()
        .get("location")
        .and_then(|v| v.to_str().ok())
        .map(str::to_string);
    let body = res.text().await.map_err(|e| NoReply {
        error: transport(&e),
        took: started.elapsed(),
    })?;
    Ok(Reply {
        status,
        location,
        body,
        took: started.elapsed(),
    })
}

/// A plain client for `/health`.
pub fn probe(timeout: Duration) -> Result<reqwest::Client> {
    browser(timeout)
}

/// The CSRF token in a page's forms.
pub fn csrf_of(html: &str) -> Option<String> {
    let marker = "name=\"csrf\" value=\"";
    let at = html.find(marker)? + marker.len();
    let rest = &html[at..];
    let token = &rest[..rest.find('"')?];
    (!token.is_empty()).then(|| token.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_token_is_read_from_the_first_form() {
        let page = r#"<form><input type="hidden" name="csrf" value="abc-1"></form>
                      <form><input type="hidden" name="csrf" value="other"></form>"#;
        assert_eq!(csrf_of(page).as_deref(), Some("abc-1"));
        assert_eq!(csrf_of("<p>no form</p>"), None);
        assert_eq!(csrf_of(r#"name="csrf" value="""#), None);
    }
}

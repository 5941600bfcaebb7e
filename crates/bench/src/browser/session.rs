//! A signed-in browser: a cookie jar, redirects seen rather than followed, and the sign-in
//! as a person goes through it: the form's token, the password, then on an account with a
//! second factor the authenticator's code on the page the sign-in redirects to.

use super::form::Form;
use super::html;
use super::totp;
use anyhow::{anyhow, bail, Context, Result};
use reqwest::cookie::{CookieStore, Jar};
use reqwest::{redirect, Client, Url};
use std::sync::Arc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// The password of every demo account.
pub const DEMO_PASSWORD: &str = "spona-demo-2026";

/// An answer as read in full.
#[derive(Clone, Debug)]
pub struct Page {
    pub status: u16,
    pub location: Option<String>,
    pub body: String,
}

/// A browser of one person.
pub struct Browser {
    http: Client,
    jar: Arc<Jar>,
    base: Url,
    /// Who signed in.
    pub user: String,
}

impl Browser {
    /// A browser not yet signed in, at the server of `base` (`http://127.0.0.1:PORT`).
    pub fn new(base: &str, user: &str) -> Result<Browser> {
        let jar = Arc::new(Jar::default());
        let http = Client::builder()
            .cookie_provider(jar.clone())
            .redirect(redirect::Policy::none())
            .timeout(Duration::from_secs(60))
            .build()
            .context("cannot build an HTTP client")?;
        Ok(Browser {
            http,
            jar,
            base: Url::parse(base).context("the server's address")?,
            user: user.to_string(),
        })
    }

    /// Signs `user` in with the demo password, and the demo authenticator's code when the
    /// account asks for one; says which step failed and what the page said.
    pub async fn sign_in(base: &str, user: &str) -> Result<Browser> {
        let b = Browser::new(base, user)?;
        let login = b.get("/login").await?;
        let token = html::csrf(&login.body)
            .with_context(|| format!("{user}: the sign-in page has no CSRF token"))?;
        let fields = [
            ("csrf", token.as_str()),
            ("username", user),
            ("password", DEMO_PASSWORD),
        ];
        let body = serde_urlencoded::to_string(fields)?;
        let answer = b.post("/login", &body).await?;
        let to = match (answer.status, answer.location.as_deref()) {
            (303, Some(to)) => to.to_string(),
            (status, _) => bail!(
                "{user}: the password was not accepted ({status}): {}",
                said(&answer.body)
            ),
        };
        if to.starts_with("/login/second-factor") {
            b.second_step(&to).await?;
        } else if to.starts_with("/login/enrol") {
            bail!("{user}: the account has no authenticator yet and must enrol one first");
        }
        if b.cookie().is_none_or(|c| !c.contains("spona_session=")) {
            bail!("{user}: signed in, but no session cookie was set");
        }
        Ok(b)
    }

    /// The authenticator's code for the step now, or the next step when the server refuses
    /// it (a code of a step is taken once per account, and an earlier run may have used it).
    async fn second_step(&self, at: &str) -> Result<()> {
        let user = &self.user;
        for attempt in 0..3 {
            let page = self.get(at).await?;
            if page.status != 200 {
                bail!("{user}: the second-factor page answered {}", page.status);
            }
            let token = html::csrf(&page.body)
                .with_context(|| format!("{user}: the second-factor page has no CSRF token"))?;
            let now = unix_now() + attempt * totp::STEP;
            let code = totp::code_at(totp::DEMO_SECRET, now)?;
            let body = serde_urlencoded::to_string([("csrf", token.as_str()), ("code", &code)])?;
            let answer = self.post("/login/second-factor", &body).await?;
            match answer.status {
                303 if answer
                    .location
                    .as_deref()
                    .is_some_and(|to| !to.starts_with("/login")) =>
                {
                    return Ok(())
                }
                // Refused: this step's code was used; the server takes one step ahead.
                401 if attempt == 0 => continue,
                // Both used: wait for the step after.
                401 if attempt == 1 => {
                    let wait = totp::STEP - unix_now() % totp::STEP + 1;
                    eprintln!("  {user}: this step's code was used; waiting {wait} s for the next");
                    tokio::time::sleep(Duration::from_secs(wait)).await;
                }
                status => bail!(
                    "{user}: the authenticator's code was not accepted ({status}): {}",
                    said(&answer.body)
                ),
            }
        }
        Err(anyhow!(
            "{user}: no code of the demo authenticator was accepted"
        ))
    }

    /// The `Cookie` header this browser sends.
    pub fn cookie(&self) -> Option<String> {
        self.jar
            .cookies(&self.base)
            .and_then(|v| v.to_str().ok().map(str::to_string))
    }

    /// The address of the server.
    pub fn base(&self) -> &str {
        self.base.as_str().trim_end_matches('/')
    }

    /// Gets a page.
    pub async fn get(&self, path: &str) -> Result<Page> {
        let url = self.base.join(path)?;
        let sent = self.http.get(url).send().await;
        read(sent, path).await
    }

    /// Posts a form body from one of the site's own pages.
    pub async fn post(&self, path: &str, body: &str) -> Result<Page> {
        let url = self.base.join(path)?;
        let sent = self
            .http
            .post(url)
            .header("origin", self.base())
            .header("sec-fetch-site", "same-origin")
            .header("content-type", "application/x-www-form-urlencoded")
            .body(body.to_string())
            .send()
            .await;
        read(sent, path).await
    }

    /// The form that posts to `action` on the page `path`.
    pub async fn form(&self, path: &str, action: &str) -> Result<Form> {
        let page = self.get(path).await?;
        if page.status != 200 {
            bail!("{path} answered {}", page.status);
        }
        Form::posting_to(&page.body, action)
            .with_context(|| format!("{path} has no form that posts to {action}"))
    }
}

async fn read(sent: reqwest::Result<reqwest::Response>, path: &str) -> Result<Page> {
    let answer = sent.with_context(|| format!("no answer from {path}"))?;
    let status = answer.status().as_u16();
    let location = answer
        .headers()
        .get("location")
        .and_then(|v| v.to_str().ok())
        .map(str::to_string);
    let body = answer
        .text()
        .await
        .with_context(|| format!("{path}: the answer was cut off"))?;
    Ok(Page {
        status,
        location,
        body,
    })
}

/// What a page said: its messages, or its heading.
pub fn said(body: &str) -> String {
    let errors = html::form_errors(body);
    if errors.is_empty() {
        html::heading(body).unwrap_or_else(|| "(no message)".into())
    } else {
        errors.join("; ")
    }
}

fn unix_now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

//! Passkeys (WebAuthn), through the `webauthn-rs` crate: a signed-in person registers them
//! (several, each named), and a sign-in's second step takes one in place of a code. The
//! relying party is the deployment's public address; a loopback address is taken as
//! `localhost`, since browsers refuse an IP address as a relying party (the demo's passkeys
//! work at `http://localhost:PORT`). Without a usable address there are no passkeys, and
//! the pages say so.

mod assertion;
mod confirmation;
mod register;
mod second_step;

use crate::{App, AppError};
use spona_store::passkeys::PasskeyRow;
use std::net::IpAddr;
use std::sync::Arc;
use webauthn_rs::prelude::{Passkey, Url};
use webauthn_rs::{Webauthn, WebauthnBuilder};

/// How long a ceremony waits for the browser's answer, in seconds.
const CEREMONY_SECONDS: i64 = 5 * 60;

/// A passkey as its owner's page lists it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PasskeyView {
    pub id: i64,
    pub name: String,
    pub created_at: i64,
    pub last_used_at: Option<i64>,
}

/// The relying party for a deployment's public address, if passkeys can work there.
pub(crate) fn relying_party(public_url: &str) -> Option<Webauthn> {
    let mut origin = Url::parse(public_url).ok()?;
    let loopback = match origin.host_str()? {
        "localhost" => true,
        host => host
            .trim_matches(['[', ']'])
            .parse::<IpAddr>()
            .map(|ip| ip.is_loopback())
            .unwrap_or(false),
    };
    if loopback {
        origin.set_host(Some("localhost")).ok()?;
    } else if origin.domain().is_none() {
        return None;
    }
    origin.set_path("");
    let rp_id = origin.host_str()?.to_string();
    WebauthnBuilder::new(&rp_id, &origin)
        .ok()?
        .rp_name("Spona")
        .build()
        .ok()
}

impl App {
    /// Passkeys for the deployment at `public_url` (none where they cannot work).
    pub fn with_passkeys(mut self, public_url: &str) -> App {
        self.passkeys = relying_party(public_url).map(Arc::new);
        self
    }

    /// Whether passkeys can be used here.
    pub fn passkeys_available(&self) -> bool {
        self.passkeys.is_some()
    }

    fn relying(&self) -> Result<&Webauthn, AppError> {
        self.passkeys.as_deref().ok_or(AppError::NotFound)
    }
}

/// A stored credential, read back.
fn passkey_of(row: &PasskeyRow) -> Result<Passkey, AppError> {
    serde_json::from_str(&row.credential)
        .map_err(|_| AppError::Internal(format!("passkey {} does not read", row.id)))
}

/// The text form of a credential's id, as stored beside it.
fn id_text(passkey: &Passkey) -> String {
    serde_json::to_string(passkey.cred_id())
        .unwrap_or_default()
        .trim_matches('"')
        .to_string()
}

fn unreadable() -> AppError {
    let mut errors = spona_domain::validation::FieldErrors::new();
    errors.add("credential", spona_domain::validation::FieldError::Invalid);
    AppError::Invalid(errors)
}

#[cfg(test)]
mod tests {
    use super::relying_party;

    #[test]
    fn the_relying_party_is_a_domain_and_loopback_is_localhost() {
        assert!(relying_party("https://spona.leskovac.rs").is_some());
        assert!(relying_party("http://127.0.0.1:8080").is_some());
        assert!(relying_party("http://[::1]:8080").is_some());
        assert!(relying_party("http://localhost:8080").is_some());
        assert!(relying_party("http://192.168.1.10:8080").is_none());
        assert!(relying_party("not an address").is_none());
    }
}

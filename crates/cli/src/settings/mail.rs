//! The mail settings: the relay, its TLS and login, the sender. Checked at start so that a
//! deployment never finds out from a lost message that its password would have gone out in
//! the clear.

use super::Layer;
use anyhow::{bail, Context, Result};
use rustls_pki_types::pem::PemObject;
use rustls_pki_types::CertificateDer;
use serde::Deserialize;
use spona_app::mail::{is_loopback, MailSettings, Relay, SmtpLogin, Starttls};

/// STARTTLS toward the relay, as configured.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum SmtpTls {
    /// Off for a relay on this machine, required for any other.
    Auto,
    /// Always; a relay without it gets nothing.
    Required,
    /// When the relay offers it.
    Opportunistic,
    /// Never (a relay on a trusted network).
    Off,
}

/// The mail settings, or none when no relay is configured.
pub fn mail_settings(layer: &Layer, public_url: String) -> Result<Option<MailSettings>> {
    let (server, from) = match (layer.smtp_server.as_deref(), layer.mail_from.as_deref()) {
        (None, None) => {
            if layer.smtp_username.is_some() || layer.smtp_password.is_some() {
                bail!("smtp_username: a login needs smtp_server and mail_from");
            }
            return Ok(None);
        }
        (Some(server), Some(from)) => (server, from),
        (Some(_), None) => bail!("mail_from: needed when smtp_server is set"),
        (None, Some(_)) => bail!("smtp_server: needed when mail_from is set"),
    };
    if !server.contains(':') {
        bail!("smtp_server: {server:?} must be HOST:PORT, e.g. 127.0.0.1:25");
    }
    if !from.contains('@') || from.contains(char::is_whitespace) {
        bail!("mail_from: {from:?} is not an e-mail address");
    }
    let loopback = is_loopback(server);
    let starttls = match layer.smtp_starttls.unwrap_or(SmtpTls::Auto) {
        SmtpTls::Auto if loopback => Starttls::Off,
        SmtpTls::Auto | SmtpTls::Required => Starttls::Required,
        SmtpTls::Opportunistic => Starttls::Opportunistic,
        SmtpTls::Off => Starttls::Off,
    };
    let login = match (&layer.smtp_username, &layer.smtp_password) {
        (None, None) => None,
        (Some(username), Some(password)) if !username.is_empty() && !password.is_empty() => {
            Some(SmtpLogin {
                username: username.clone(),
                password: password.clone(),
            })
        }
        (_, None) | (Some(_), Some(_)) => {
            bail!("smtp_password: needed with smtp_username (from SPONA_SMTP_PASSWORD or the file)")
        }
        (None, Some(_)) => bail!("smtp_username: needed with smtp_password"),
    };
    if login.is_some() && starttls != Starttls::Required && !loopback {
        bail!(
            "smtp_starttls: a login to {server} needs smtp_starttls = required (or auto), \
             or the password would cross the network in the clear"
        );
    }
    let extra_roots = match &layer.smtp_ca_file {
        None => Vec::new(),
        Some(path) => {
            let certs: Vec<Vec<u8>> = CertificateDer::pem_file_iter(path)
                .with_context(|| format!("smtp_ca_file: cannot read {}", path.display()))?
                .map(|c| c.map(|c| c.to_vec()))
                .collect::<Result<_, _>>()
                .with_context(|| format!("smtp_ca_file: {} is not PEM", path.display()))?;
            if certs.is_empty() {
                bail!("smtp_ca_file: {} holds no certificate", path.display());
            }
            certs
        }
    };
    let settings = MailSettings {
        relay: Relay {
            server: server.to_string(),
            starttls,
            login,
            extra_roots,
        },
        from: from.to_string(),
        public_url,
    };
    // What the mailer itself would refuse on every message (an address it cannot parse, a
    // certificate it cannot trust) is refused now.
    settings
        .check()
        .map_err(|e| anyhow::anyhow!("mail settings: {e}"))?;
    Ok(Some(settings))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn layer(server: &str) -> Layer {
        Layer {
            smtp_server: Some(server.into()),
            mail_from: Some("spona@example.rs".into()),
            ..Layer::default()
        }
    }

    #[test]
    fn tls_is_required_off_this_machine_by_default() {
        let local = mail_settings(&layer("127.0.0.1:25"), "http://x".into())
            .unwrap()
            .unwrap();
        assert_eq!(local.relay.starttls, Starttls::Off);
        let remote = mail_settings(&layer("mail.example.rs:587"), "http://x".into())
            .unwrap()
            .unwrap();
        assert_eq!(remote.relay.starttls, Starttls::Required);
    }

    #[test]
    fn a_password_never_goes_over_the_network_in_the_clear() {
        let mut l = layer("mail.example.rs:587");
        l.smtp_username = Some("spona".into());
        l.smtp_password = Some("tajna".into());
        l.smtp_starttls = Some(SmtpTls::Opportunistic);
        let err = mail_settings(&l, "http://x".into())
            .err()
            .unwrap()
            .to_string();
        assert!(err.contains("in the clear"), "{err}");
        l.smtp_starttls = Some(SmtpTls::Off);
        assert!(mail_settings(&l, "http://x".into()).is_err());
        l.smtp_starttls = None;
        let ok = mail_settings(&l, "http://x".into()).unwrap().unwrap();
        assert_eq!(ok.relay.login.unwrap().username, "spona");
    }

    #[test]
    fn a_login_needs_both_halves_and_a_ca_file_must_hold_certificates() {
        let mut l = layer("mail.example.rs:587");
        l.smtp_username = Some("spona".into());
        assert!(mail_settings(&l, "http://x".into()).is_err());
        let mut l = layer("mail.example.rs:587");
        l.smtp_ca_file = Some("/nonexistent/ca.pem".into());
        assert!(mail_settings(&l, "http://x".into()).is_err());
        let dir = tempfile::tempdir().unwrap();
        let empty = dir.path().join("ca.pem");
        std::fs::write(&empty, "no certificate here\n").unwrap();
        l.smtp_ca_file = Some(empty);
        let err = mail_settings(&l, "http://x".into())
            .err()
            .unwrap()
            .to_string();
        assert!(err.contains("no certificate"), "{err}");
        let garbage = dir.path().join("garbage.pem");
        std::fs::write(
            &garbage,
            "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n",
        )
        .unwrap();
        l.smtp_ca_file = Some(garbage);
        let err = mail_settings(&l, "http://x".into())
            .err()
            .unwrap()
            .to_string();
        assert!(err.contains("mail settings"), "{err}");
    }

    #[test]
    fn a_sender_the_mailer_cannot_parse_is_refused_at_start() {
        let mut l = layer("127.0.0.1:25");
        l.mail_from = Some("spona@@example.rs".into());
        let err = mail_settings(&l, "http://x".into())
            .err()
            .unwrap()
            .to_string();
        assert!(err.contains("spona@@example.rs"), "{err}");
    }
}

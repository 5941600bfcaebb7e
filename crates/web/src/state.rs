//! What every handler shares: the application, the messages and the web settings.

use spona_app::App;
use spona_i18n::Catalog;
use std::sync::Arc;

/// Settings of the web layer, validated by the binary at start.
#[derive(Clone, Debug)]
pub struct WebSettings {
    /// Mark cookies `Secure` (set when the deployment is served over HTTPS).
    pub secure_cookies: bool,
    /// The largest request body accepted, in bytes.
    pub max_body_bytes: usize,
    /// Trust `X-Forwarded-For` for the client address (only behind a known proxy).
    pub trust_forwarded_for: bool,
    /// What one client may hold: connections, and time to send headers.
    pub connections: crate::ConnectionLimits,
}

impl Default for WebSettings {
    fn default() -> Self {
        WebSettings {
            secure_cookies: false,
            max_body_bytes: 64 * 1024,
            trust_forwarded_for: false,
            connections: crate::ConnectionLimits::default(),
        }
    }
}

/// The state handed to every handler.
#[derive(Clone)]
pub struct WebState {
    pub app: App,
    pub catalog: Arc<Catalog>,
    pub settings: Arc<WebSettings>,
    /// Imports of large files running in the background on this instance.
    pub imports: Arc<crate::imports::ImportRuns>,
}

impl WebState {
    /// Bundles the parts.
    pub fn new(app: App, catalog: Arc<Catalog>, settings: WebSettings) -> WebState {
        WebState {
            app,
            catalog,
            settings: Arc::new(settings),
            imports: Arc::default(),
        }
    }
}

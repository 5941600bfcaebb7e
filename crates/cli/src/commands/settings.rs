//! `spona settings`: the settings in effect, as a configuration file would write them.

use crate::settings::Settings;
use anyhow::Result;

/// Prints each setting as a TOML line; the database URL never with its password.
pub fn run(settings: &Settings) -> Result<()> {
    let text = |value: String| toml::Value::String(value).to_string();
    println!("listen = {}", text(settings.listen.to_string()));
    println!(
        "data_dir = {}",
        text(settings.data_dir.display().to_string())
    );
    println!("database_url = {}", text(settings.database.redacted()));
    println!("secure_cookies = {}", settings.secure_cookies);
    println!("trust_forwarded_for = {}", settings.trust_forwarded_for);
    println!("session_idle_minutes = {}", settings.session_idle_minutes);
    println!(
        "session_absolute_hours = {}",
        settings.session_absolute_hours
    );
    println!("log_format = {}", text(settings.log_format.code().into()));
    println!("disclosure_threshold = {}", settings.disclosure.get());
    println!(
        "database_timeout_seconds = {}",
        settings.database_timeout_seconds
    );
    Ok(())
}

//! The optional TOML configuration file.

use super::Layer;
use anyhow::{anyhow, Context, Result};
use std::path::Path;

/// Reads and parses the configuration file; errors name the file, the line and the key.
pub fn read(path: &Path) -> Result<Layer> {
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("cannot read the configuration file {}", path.display()))?;
    parse(&text).map_err(|e| anyhow!("configuration file {}: {e}", path.display()))
}

/// Parses the file's text. Paths in it are taken relative to the working directory, as on
/// the command line, so that one value means the same wherever it is written.
pub fn parse(text: &str) -> Result<Layer, String> {
    toml::from_str(text).map_err(|e| {
        let line = e
            .span()
            .and_then(|span| text.get(..span.start))
            .map(|before| before.matches('\n').count() + 1);
        match line {
            Some(line) => format!("line {line}: {}", e.message()),
            None => e.message().to_string(),
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::settings::LogFormat;

    #[test]
    fn every_key_is_read() {
        let layer = parse(
            r#"
listen = "0.0.0.0:8080"
data_dir = "/var/lib/spona"
database_url = "postgres://spona@db/spona"
secure_cookies = true
trust_forwarded_for = true
session_idle_minutes = 20
session_absolute_hours = 8
log_format = "json"
"#,
        )
        .unwrap();
        assert_eq!(layer.listen.as_deref(), Some("0.0.0.0:8080"));
        assert_eq!(layer.data_dir, Some("/var/lib/spona".into()));
        assert_eq!(
            layer.database_url.as_deref(),
            Some("postgres://spona@db/spona")
        );
        assert_eq!(layer.secure_cookies, Some(true));
        assert_eq!(layer.trust_forwarded_for, Some(true));
        assert_eq!(layer.session_idle_minutes, Some(20));
        assert_eq!(layer.session_absolute_hours, Some(8));
        assert_eq!(layer.log_format, Some(LogFormat::Json));
    }

    #[test]
    fn an_empty_file_sets_nothing() {
        let layer = parse("# nothing yet\n").unwrap();
        assert!(layer.listen.is_none() && layer.database_url.is_none());
    }

    #[test]
    fn an_unknown_key_is_named_with_its_line() {
        let err = parse("listen = \"127.0.0.1:8080\"\nsession_timeout = 5\n")
            .err()
            .unwrap();
        assert!(err.contains("session_timeout"), "{err}");
        assert!(err.starts_with("line 2:"), "{err}");
        assert!(!err.contains('\n'), "one line: {err}");
    }

    #[test]
    fn a_wrong_type_or_format_is_refused() {
        assert!(parse("secure_cookies = \"maybe\"").is_err());
        let err = parse("log_format = \"xml\"").err().unwrap();
        assert!(err.contains("xml") || err.contains("text"), "{err}");
    }
}

//! The database URL: SQLite file or PostgreSQL server, refused when it is neither.

use crate::StoreError;
use std::path::PathBuf;

/// A parsed database location. Its `Debug` hides any password.
#[derive(Clone, PartialEq, Eq)]
pub enum DatabaseUrl {
    /// An SQLite file (created if missing, but never its folder).
    Sqlite(PathBuf),
    /// A PostgreSQL connection URL.
    Postgres(String),
}

impl DatabaseUrl {
    /// Parses `sqlite://PATH`, `sqlite:PATH`, `postgres://…` or `postgresql://…`.
    pub fn parse(raw: &str) -> Result<DatabaseUrl, StoreError> {
        let raw = raw.trim();
        if let Some(rest) = raw
            .strip_prefix("sqlite://")
            .or_else(|| raw.strip_prefix("sqlite:"))
        {
            let path = rest.split('?').next().unwrap_or_default();
            if path.is_empty() || path == ":memory:" {
                return Err(StoreError::Url(
                    "an SQLite URL needs a file path, e.g. sqlite://data/spona.db".into(),
                ));
            }
            return Ok(DatabaseUrl::Sqlite(PathBuf::from(path)));
        }
        if raw.starts_with("postgres://") || raw.starts_with("postgresql://") {
            let after = raw.split_once("://").map(|(_, r)| r).unwrap_or_default();
            let host_part = after.split(['/', '?']).next().unwrap_or_default();
            let host = host_part.rsplit('@').next().unwrap_or_default();
            if host.is_empty() {
                return Err(StoreError::Url(
                    "a PostgreSQL URL needs a host, e.g. postgres://user@127.0.0.1:5432/spona"
                        .into(),
                ));
            }
            return Ok(DatabaseUrl::Postgres(raw.to_string()));
        }
        Err(StoreError::Url(format!(
            "unknown database URL scheme in {:?}: use sqlite://PATH or postgres://USER@HOST/DB",
            redact(raw)
        )))
    }

    /// The URL with any password hidden, fit for logs and messages.
    pub fn redacted(&self) -> String {
        match self {
            DatabaseUrl::Sqlite(p) => format!("sqlite://{}", p.display()),
            DatabaseUrl::Postgres(u) => redact(u),
        }
    }
}

impl std::fmt::Debug for DatabaseUrl {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "DatabaseUrl({})", self.redacted())
    }
}

/// Hides the password of `scheme://user:password@host`.
fn redact(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.chars().take(40).collect();
    };
    match rest.split_once('@') {
        Some((creds, host)) => {
            let user = creds.split(':').next().unwrap_or_default();
            if creds.contains(':') {
                format!("{scheme}://{user}:***@{host}")
            } else {
                format!("{scheme}://{user}@{host}")
            }
        }
        None => url.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sqlite_and_postgres_urls_are_recognised() {
        assert_eq!(
            DatabaseUrl::parse("sqlite://data/spona.db").unwrap(),
            DatabaseUrl::Sqlite("data/spona.db".into())
        );
        assert_eq!(
            DatabaseUrl::parse("sqlite:/tmp/x.db").unwrap(),
            DatabaseUrl::Sqlite("/tmp/x.db".into())
        );
        assert!(matches!(
            DatabaseUrl::parse("postgres://postgres@127.0.0.1:5432/spona").unwrap(),
            DatabaseUrl::Postgres(_)
        ));
    }

    #[test]
    fn unknown_and_malformed_urls_are_refused() {
        for bad in [
            "mysql://root@localhost/x",
            "data/spona.db",
            "sqlite://",
            "postgres:///x",
            "",
        ] {
            assert!(DatabaseUrl::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn passwords_never_show() {
        let url = DatabaseUrl::parse("postgres://spona:s3cret@db/spona").unwrap();
        assert!(!url.redacted().contains("s3cret"));
        assert!(!format!("{url:?}").contains("s3cret"));
        let err = DatabaseUrl::parse("mysql://root:s3cret@db/x")
            .unwrap_err()
            .to_string();
        assert!(!err.contains("s3cret"), "{err}");
    }
}

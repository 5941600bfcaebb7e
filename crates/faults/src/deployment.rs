//! One throwaway deployment under test: its data folder, its database (the SQLite file in that
//! folder, or a PostgreSQL database), and how the harness reads it behind the server's back
//! (SQLite strictly read-only, so the harness can never repair what it is checking).

use crate::server::{self, Server, ServerSpec};
use anyhow::{Context, Result};
use sqlx::{AnyConnection, Connection};
use std::path::{Path, PathBuf};

/// Where a deployment keeps its data.
#[derive(Clone, Debug)]
pub enum Engine {
    Sqlite,
    Postgres { url: String },
}

/// A deployment: the settings every server and command of it runs with.
#[derive(Clone, Debug)]
pub struct Deployment {
    pub spec: ServerSpec,
    pub engine: Engine,
}

impl Deployment {
    /// A demo deployment in `data_dir` on `engine`, logging as `name`.
    pub fn new(
        bin: &Path,
        name: &str,
        data_dir: PathBuf,
        engine: Engine,
        log_dir: &Path,
    ) -> Deployment {
        let database_url = match &engine {
            Engine::Sqlite => None,
            Engine::Postgres { url } => Some(url.clone()),
        };
        Deployment {
            spec: ServerSpec {
                bin: bin.to_path_buf(),
                name: name.to_string(),
                data_dir,
                database_url,
                demo: true,
                env: Vec::new(),
                log_dir: log_dir.to_path_buf(),
            },
            engine,
        }
    }

    /// A server of this deployment on a fresh port (not started).
    pub fn server(&self) -> Result<Server> {
        Ok(Server::new(self.spec.clone(), server::free_port()?))
    }

    /// Opens the database for reading: SQLite read-only, PostgreSQL as given.
    pub async fn read(&self) -> Result<AnyConnection> {
        sqlx::any::install_default_drivers();
        let url = match &self.engine {
            Engine::Sqlite => format!(
                "sqlite://{}?mode=ro",
                server::sqlite_file(&self.spec.data_dir).display()
            ),
            Engine::Postgres { url } => url.clone(),
        };
        AnyConnection::connect(&url)
            .await
            .context("the harness cannot open the database to check it")
    }
}

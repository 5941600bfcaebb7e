//! `spona catalogue …`: indicator catalogues, imported from files.

use crate::settings::Settings;
use crate::{database, problems, table};
use anyhow::{Context, Result};
use clap::Subcommand;
use spona_app::accounts::operator;
use std::path::PathBuf;

/// Catalogue commands.
#[derive(Subcommand)]
pub enum CatalogueCommand {
    /// Import a catalogue file (TAB-separated; see catalogues/ in the source for examples)
    Import {
        /// The file to import
        file: PathBuf,
    },
    /// Print the imported catalogues
    List,
}

/// Runs a catalogue command.
pub async fn run(command: CatalogueCommand, settings: &Settings) -> Result<()> {
    let app = database::open_app(settings).await?;
    match command {
        CatalogueCommand::Import { file } => {
            let text = std::fs::read_to_string(&file)
                .with_context(|| format!("cannot read {}", file.display()))?;
            let info = app
                .import_catalogue(&operator(), &text)
                .await
                .map_err(problems::app)?;
            println!(
                "Imported version {} of the {} catalogue ({} indicators).",
                info.version,
                info.sector.code(),
                info.indicators
            );
        }
        CatalogueCommand::List => {
            let list = app.catalogues().await.map_err(problems::app)?;
            table::print(
                &["sector", "version", "indicators"],
                list.into_iter().map(|c| {
                    vec![
                        c.sector.code().to_string(),
                        c.version,
                        c.indicators.to_string(),
                    ]
                }),
            )?;
        }
    }
    app.db().close().await;
    Ok(())
}

//! `spona team …`: the deployment's teams.

use crate::settings::Settings;
use crate::{database, problems, table};
use anyhow::Result;
use clap::Subcommand;
use spona_app::accounts::operator;

/// Team commands.
#[derive(Subcommand)]
pub enum TeamCommand {
    /// Print each team's code and name
    List,
}

/// Runs a team command.
pub async fn run(command: TeamCommand, settings: &Settings) -> Result<()> {
    let app = database::open_app(settings).await?;
    match command {
        TeamCommand::List => {
            let teams = app.teams(&operator()).await.map_err(problems::app)?;
            table::print(
                &["code", "name"],
                teams.into_iter().map(|t| vec![t.code, t.name_cyrl]),
            )?;
        }
    }
    app.db().close().await;
    Ok(())
}

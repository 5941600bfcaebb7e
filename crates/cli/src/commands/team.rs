//! `spona team …`: the deployment's teams.

use crate::settings::Settings;
use crate::{database, problems, table};
use anyhow::Result;
use clap::Subcommand;
use spona_app::accounts::operator;
use spona_app::forms::TeamForm;

/// Team commands.
#[derive(Subcommand)]
pub enum TeamCommand {
    /// Print each team's code and name
    List,
    /// Add a local team (then add its institutions and accounts)
    Create {
        /// Short code used in addresses and commands (Latin letters, digits, dashes)
        #[arg(long)]
        code: String,
        /// The team's name in Serbian Cyrillic
        #[arg(long)]
        name: String,
        /// The team's name in Serbian Latin (made from the Cyrillic when left out)
        #[arg(long, default_value = "")]
        name_latin: String,
        /// The city (its first two letters start the team's case codes)
        #[arg(long)]
        city: String,
    },
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
        TeamCommand::Create {
            code,
            name,
            name_latin,
            city,
        } => {
            let form = TeamForm {
                code,
                name_cyrl: name,
                name_latn: name_latin,
                city,
            };
            app.create_team(&operator(), &form)
                .await
                .map_err(problems::app)?;
            println!(
                "The team {} was added.",
                form.code.trim().to_ascii_lowercase()
            );
        }
    }
    app.db().close().await;
    Ok(())
}

//! `spona institution …`: a team's institutions and partner organisations.

use crate::settings::Settings;
use crate::{database, problems, table};
use anyhow::{anyhow, Result};
use clap::Subcommand;
use spona_app::accounts::operator;
use spona_app::AppError;

/// Institution commands.
#[derive(Subcommand)]
pub enum InstitutionCommand {
    /// Print the active institutions and partners of a team: code, short name, kind,
    /// member or partner, and whether it leads the team
    List {
        /// The team's code (see `spona team list`)
        #[arg(long, value_name = "TEAM")]
        team: String,
    },
}

/// Runs an institution command.
pub async fn run(command: InstitutionCommand, settings: &Settings) -> Result<()> {
    let app = database::open_app(settings).await?;
    match command {
        InstitutionCommand::List { team } => {
            let code = team.trim().to_ascii_lowercase();
            let institutions = app
                .institution_choices(&operator(), &code)
                .await
                .map_err(|e| match e {
                    AppError::NotFound => {
                        anyhow!("there is no team with the code {code:?} (see `spona team list`)")
                    }
                    other => problems::app(other),
                })?;
            table::print(
                &["code", "short_name", "kind", "standing", "lead"],
                institutions.into_iter().map(|i| {
                    vec![
                        i.code,
                        i.short_name,
                        i.kind.code().into(),
                        i.standing.code().into(),
                        table::yes_no(i.is_lead),
                    ]
                }),
            )?;
        }
    }
    app.db().close().await;
    Ok(())
}

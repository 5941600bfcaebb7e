//! `spona`: serve the web application and administer a deployment from its console.
//!
//! Every command takes the same settings (options, environment, file, defaults), validated
//! before anything else happens. Exit code 0 means done; 1 means refused or failed, with the
//! reason on standard error.
#![forbid(unsafe_code)]

mod checkpoints;
mod commands;
mod database;
mod folders;
mod housekeeping;
mod key_watch;
mod keys_at_hand;
mod links;
mod logging;
mod problems;
mod settings;
mod shutdown;
mod table;

use anyhow::{Context, Result};
use clap::Parser;
use std::process::ExitCode;

/// Spona: information system of local anti-trafficking coordination teams.
#[derive(Parser)]
#[command(name = "spona", version, propagate_version = true)]
struct Cli {
    #[command(flatten)]
    settings: settings::SettingsArgs,
    #[command(subcommand)]
    command: commands::Command,
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            // Help and version go to standard output and are not failures; usage errors are
            // exit code 1 like every other refusal (clap's own default would be 2).
            return if e.use_stderr() {
                ExitCode::FAILURE
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            problems::report(&e);
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli) -> Result<()> {
    let settings = settings::Settings::load(&cli.settings)?;
    logging::init(settings.log_format)?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("cannot start the asynchronous runtime")?;
    runtime.block_on(cli.command.run(&settings))
}

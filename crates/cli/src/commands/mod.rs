//! The commands of the `spona` binary, one file each.

mod audit;
mod backup;
mod catalogue;
mod demo;
mod deployment_key;
mod import;
mod institution;
mod keys;
mod migrate;
mod restore;
mod retention;
mod serve;
mod settings;
mod team;
mod user;

use crate::settings::Settings;
use anyhow::Result;
use clap::Subcommand;

/// What to do.
#[derive(Subcommand)]
pub enum Command {
    /// Run the web server until Ctrl-C or SIGTERM (migrates the database first)
    Serve(serve::ServeArgs),
    /// Bring the database schema up to date and print its migration versions
    Migrate,
    /// Seed the demonstration teams and accounts (once; repeating changes nothing) and
    /// print their sign-ins; with --scale, generate national-scale fictional data too
    Demo(demo::DemoArgs),
    /// Teams of the deployment
    #[command(subcommand)]
    Team(team::TeamCommand),
    /// Institutions and partner organisations of a team
    #[command(subcommand)]
    Institution(institution::InstitutionCommand),
    /// Accounts: create, list, disable, enable, reset a password
    #[command(subcommand)]
    User(user::UserCommand),
    /// Import records from a spreadsheet (XLSX or CSV): a team's activities, members,
    /// institutions; the national framework; accounts. Every row is checked, and nothing is
    /// saved unless every row is sound
    Import(import::ImportArgs),
    /// Indicator catalogues
    #[command(subcommand)]
    Catalogue(catalogue::CatalogueCommand),
    /// The audit trail
    #[command(subcommand)]
    Audit(audit::AuditCommand),
    /// Write an encrypted backup of the whole database to FILE while the server runs
    Backup(backup::BackupArgs),
    /// Restore a backup into the empty database the settings name, verifying it first
    Restore(restore::RestoreArgs),
    /// The master key that protects personal data
    #[command(subcommand)]
    Keys(keys::KeysCommand),
    /// The retention schedule: preview what is due, or run it now
    #[command(subcommand)]
    Retention(retention::RetentionCommand),
    /// Print the settings in effect (the database password hidden) and exit
    Settings,
}

impl Command {
    /// Runs the command with the validated settings.
    pub async fn run(self, settings: &Settings) -> Result<()> {
        match self {
            Command::Serve(args) => serve::run(args, settings).await,
            Command::Migrate => migrate::run(settings).await,
            Command::Demo(args) => demo::run(args, settings).await,
            Command::Team(command) => team::run(command, settings).await,
            Command::Institution(command) => institution::run(command, settings).await,
            Command::User(command) => user::run(command, settings).await,
            Command::Audit(command) => audit::run(command, settings).await,
            Command::Catalogue(command) => catalogue::run(command, settings).await,
            Command::Import(args) => import::run(args, settings).await,
            Command::Backup(args) => backup::run(args, settings).await,
            Command::Restore(args) => restore::run(args, settings).await,
            Command::Keys(command) => keys::run(command, settings).await,
            Command::Retention(command) => retention::run(command, settings).await,
            Command::Settings => settings::run(settings),
        }
    }
}

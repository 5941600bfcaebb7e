//! `spona audit verify`: walks the audit chain and reports the first altered, inserted or
//! deleted entry.

use crate::database;
use crate::settings::Settings;
use anyhow::{bail, Result};
use clap::Subcommand;
use spona_app::audit::Break;

/// What to do with the audit trail.
#[derive(Subcommand)]
pub enum AuditCommand {
    /// Recompute the hash chain; exit 1 at the first entry that was altered, inserted or deleted
    Verify,
}

/// Runs the audit command.
pub async fn run(command: AuditCommand, settings: &Settings) -> Result<()> {
    match command {
        AuditCommand::Verify => {
            let app = database::open_app(settings).await?;
            let report = app.verify_audit().await?;
            match report.first_break {
                None => {
                    println!("audit trail intact: {} entries verified", report.entries);
                    Ok(())
                }
                Some(Break::Altered { seq }) => {
                    bail!("audit trail broken: entry {seq} was altered or inserted ({} entries before it verified)", report.entries)
                }
                Some(Break::Missing { seq }) => {
                    bail!("audit trail broken: entry {seq} is missing (deleted)")
                }
                Some(Break::Truncated { last_seq, head_seq }) => {
                    bail!("audit trail broken: entries {} to {head_seq} are missing (deleted at the end)", last_seq + 1)
                }
            }
        }
    }
}

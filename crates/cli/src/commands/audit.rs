//! `spona audit verify` walks the audit chain and holds it against the checkpoints kept
//! outside the database; `spona audit checkpoint` prints the chain's head, sealed, to hand
//! to someone else.

use crate::settings::Settings;
use crate::{checkpoints, database};
use anyhow::{bail, Result};
use clap::Subcommand;
use spona_app::audit::Checkpoint;
use std::path::Path;

/// What to do with the audit trail.
#[derive(Subcommand)]
pub enum AuditCommand {
    /// Recompute the hash chain and hold it against the checkpoint file and the checkpoints
    /// given; exit 1 at the first entry altered, inserted or deleted, or a trail cut, rolled
    /// back or emptied
    Verify {
        /// A checkpoint line, or a file of them, to hold the trail against (repeatable)
        #[arg(long, value_name = "LINE|FILE")]
        checkpoint: Vec<String>,
    },
    /// Print a sealed checkpoint of the trail's head now, to keep apart from this machine
    Checkpoint,
}

/// Runs the audit command.
pub async fn run(command: AuditCommand, settings: &Settings) -> Result<()> {
    match command {
        AuditCommand::Verify { checkpoint } => {
            let mut held = Vec::new();
            if settings.audit_checkpoints.exists() {
                held.extend(checkpoints::read(&settings.audit_checkpoints)?);
            }
            for given in &checkpoint {
                held.extend(given_checkpoints(given)?);
            }
            let app = database::open_app(settings).await?;
            let report = app.verify_audit_against(&held).await?;
            match report.first_break {
                None => {
                    let held = match report.checkpoints {
                        0 => "no checkpoint to hold it against".to_string(),
                        1 => "1 checkpoint agrees".to_string(),
                        n => format!("{n} checkpoints agree"),
                    };
                    println!(
                        "audit trail intact: {} entries verified, {held}",
                        report.entries
                    );
                    Ok(())
                }
                Some(b) => bail!(
                    "audit trail broken: {b} ({} entries before it verified)",
                    report.entries
                ),
            }
        }
        AuditCommand::Checkpoint => {
            let app = database::open_app(settings).await?;
            println!("{}", app.audit_checkpoint().await?.line());
            Ok(())
        }
    }
}

/// A checkpoint given on the command line: the line itself, or a file of them.
fn given_checkpoints(given: &str) -> Result<Vec<Checkpoint>> {
    if let Some(c) = Checkpoint::parse(given) {
        return Ok(vec![c]);
    }
    let path = Path::new(given);
    if path.is_file() {
        return checkpoints::read(path);
    }
    bail!("--checkpoint: {given:?} is neither a checkpoint line nor a file of them")
}

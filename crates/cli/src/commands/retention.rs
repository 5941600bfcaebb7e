//! `spona retention preview` lists what the next run of the retention schedule would remove
//! (counts and case numbers, never personal data); `spona retention run` removes it now.
//! The server runs the schedule once a day by itself.

use crate::database;
use crate::settings::Settings;
use anyhow::Result;
use clap::Subcommand;
use spona_app::retention::DueRecords;

/// What to do with the retention schedule.
#[derive(Subcommand)]
pub enum RetentionCommand {
    /// List what a run now would remove, kind by kind, with the case numbers
    Preview,
    /// Remove now what is due (what the preview lists), each removal audited
    Run,
}

/// Runs the retention command.
pub async fn run(command: RetentionCommand, settings: &Settings) -> Result<()> {
    let app = database::open_app(settings).await?;
    match command {
        RetentionCommand::Preview => {
            let due = app.retention_preview_at_console().await?;
            print(&due, "due now");
        }
        RetentionCommand::Run => {
            let done = app.run_retention_now().await?;
            print(&done, "removed");
        }
    }
    Ok(())
}

/// The records, one kind a line, and the case numbers under their kind.
fn print(records: &DueRecords, what: &str) {
    let numbers = |cases: &[spona_app::retention::DueCase]| {
        cases
            .iter()
            .map(|c| c.code_latin.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    };
    println!(
        "closed cases' personal data {what}: {}",
        records.cases.len()
    );
    if !records.cases.is_empty() {
        println!("  {}", numbers(&records.cases));
    }
    println!(
        "attachments of closed cases {what}: {} files of {} cases",
        records.attachment_files,
        records.attachments.len()
    );
    if !records.attachments.is_empty() {
        println!("  {}", numbers(&records.attachments));
    }
    println!("notifications {what}: {}", records.notifications);
    println!("ended sessions {what}: {}", records.ended_sessions);
    println!(
        "sign-in entries (who and from where) {what}: {}",
        records.sign_ins
    );
    println!("audit entries {what}: {}", records.audit_entries);
}
